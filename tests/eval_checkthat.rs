//! Claim retrieval on CheckThat! 2022 task 2A English, dev-test: tweets against 14,231 Snopes
//! verified claims, ranked as `claimlens match` ranks them.
//!
//! ```text
//! cargo test --release --test eval_checkthat -- --ignored --nocapture
//! ```
//! The data is read in place from `$CHECKTHAT_DIR` (default
//! `/work/shared/evaldata/checkthat2022_task2a_en`); without it the evaluation is skipped,
//! unless `CI=true`, where it fails.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::corpus::Document;
use claimlens::Corpus;
use flate2::read::GzDecoder;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

const DEFAULT_DIR: &str = "/work/shared/evaldata/checkthat2022_task2a_en";
/// The official measure's depth.
const MAP_DEPTH: usize = 5;
/// How deep the ranking is read for the reciprocal rank.
const RANKING_DEPTH: usize = 100;

fn data_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var("CHECKTHAT_DIR").unwrap_or_else(|_| DEFAULT_DIR.into()));
    if dir.join("vclaims.jsonl.gz").is_file() {
        return Some(dir);
    }
    let message = format!("CheckThat! 2022 2A data not found in {}", dir.display());
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
    eprintln!("skipped: {message}");
    None
}

/// A field ending in sentence punctuation, so that fields stay separate sentences.
fn sentence(field: &str) -> String {
    let field = field.trim();
    if field.is_empty() || field.ends_with(['.', '?', '!', '"', '”']) {
        field.to_string()
    } else {
        format!("{field}.")
    }
}

/// The verified claims as documents: text = title, subtitle and claim.
fn read_vclaims(path: &Path) -> Vec<Document> {
    let file = std::fs::File::open(path).expect("open vclaims");
    let reader = BufReader::new(GzDecoder::new(file));
    reader
        .lines()
        .map(|line| {
            let line = line.expect("read vclaims");
            let v: serde_json::Value = serde_json::from_str(&line).expect("vclaim JSON");
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            let text = [field("title"), field("subtitle"), field("vclaim")]
                .iter()
                .map(|f| sentence(f))
                .filter(|f| !f.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            Document {
                id: field("vclaim_id"),
                title: field("title"),
                outlet: Some("Snopes".to_string()),
                date: Some(field("date")).filter(|d| !d.is_empty()),
                url: None,
                text,
            }
        })
        .collect()
}

/// A TSV field, unquoted when it is CSV-quoted (`"…""…"""`).
fn unquote(field: &str) -> String {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => field.to_string(),
    }
}

fn read_queries(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .expect("read queries")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(id, _)| *id != "id")
        .map(|(id, text)| (id.to_string(), unquote(text)))
        .collect()
}

fn read_qrels(path: &Path) -> HashMap<String, HashSet<String>> {
    let mut qrels: HashMap<String, HashSet<String>> = HashMap::new();
    for line in std::fs::read_to_string(path).expect("read qrels").lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if let [query, _, doc, relevance] = cols[..] {
            if relevance != "0" {
                qrels
                    .entry(query.to_string())
                    .or_default()
                    .insert(doc.to_string());
            }
        }
    }
    qrels
}

/// Average precision at `depth`, reciprocal rank and precision at 1 of one ranking.
fn measures(ranking: &[&str], relevant: &HashSet<String>) -> (f64, f64, f64) {
    let mut hits = 0;
    let mut precision_sum = 0.0;
    for (i, doc) in ranking.iter().take(MAP_DEPTH).enumerate() {
        if relevant.contains(*doc) {
            hits += 1;
            precision_sum += hits as f64 / (i + 1) as f64;
        }
    }
    let ap = precision_sum / relevant.len().clamp(1, MAP_DEPTH) as f64;
    let rr = ranking
        .iter()
        .position(|d| relevant.contains(*d))
        .map_or(0.0, |r| 1.0 / (r + 1) as f64);
    let p1 = ranking
        .first()
        .map_or(0.0, |d| f64::from(u8::from(relevant.contains(*d))));
    (ap, rr, p1)
}

#[test]
#[ignore = "evaluation on external data; run with --ignored --nocapture"]
fn checkthat_2022_2a_english_devtest() {
    let Some(dir) = data_dir() else {
        return;
    };
    let documents = read_vclaims(&dir.join("vclaims.jsonl.gz"));
    let queries = read_queries(&dir.join("devtest_queries.tsv"));
    let qrels = read_qrels(&dir.join("devtest_qrels.tsv"));
    assert_eq!(documents.len(), 14_231);

    let started = Instant::now();
    let built = Corpus::new(documents);
    let build_time = started.elapsed();
    let bytes = built.to_bytes();
    let started = Instant::now();
    let corpus = Corpus::from_bytes(&bytes).expect("load the corpus just written");
    let load_time = started.elapsed();

    let (mut map, mut mrr, mut p1, mut judged) = (0.0, 0.0, 0.0, 0);
    let mut times = Vec::new();
    for (id, text) in &queries {
        let Some(relevant) = qrels.get(id) else {
            continue;
        };
        let started = Instant::now();
        let found = corpus.match_documents(text, RANKING_DEPTH);
        times.push(started.elapsed());
        let ranking: Vec<&str> = found
            .iter()
            .map(|m| corpus.documents()[m.doc].id.as_str())
            .collect();
        let (ap, rr, p) = measures(&ranking, relevant);
        if std::env::var("EVAL_VERBOSE").is_ok() && p == 0.0 {
            eprintln!(
                "miss {id}: {text}\n  want {relevant:?}\n  got {:?}",
                &ranking[..ranking.len().min(3)]
            );
        }
        map += ap;
        mrr += rr;
        p1 += p;
        judged += 1;
    }
    times.sort();
    let n = judged.max(1) as f64;
    println!("queries judged        {judged}");
    println!("documents             {}", corpus.documents().len());
    println!("passages              {}", corpus.passages().len());
    println!("MAP@5                 {:.4}", map / n);
    println!("MRR (top {RANKING_DEPTH})        {:.4}", mrr / n);
    println!("P@1                   {:.4}", p1 / n);
    println!("build time            {:.2} s", build_time.as_secs_f64());
    println!("index bytes           {}", bytes.len());
    println!(
        "load time             {:.1} ms",
        load_time.as_secs_f64() * 1e3
    );
    println!(
        "median time per query {:.2} ms",
        times
            .get(times.len() / 2)
            .map_or(0.0, |t| t.as_secs_f64() * 1e3)
    );
    assert_eq!(judged, 202);
}
