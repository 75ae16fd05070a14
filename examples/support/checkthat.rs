//! Claim retrieval on CheckThat! 2022 task 2A English, dev-test: 202 tweets against 14,231 Snopes
//! verified claims, ranked as `claimlens match` ranks them (`Corpus::match_documents`). Each
//! verified claim is one document whose text is title + subtitle + claim.

use super::{Half, Halves};
use claimlens::corpus::Document;
use claimlens::Corpus;
use flate2::read::GzDecoder;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;

/// The official measure's depth.
pub const MAP_DEPTH: usize = 5;
/// How deep the ranking is read for the reciprocal rank.
pub const RANKING_DEPTH: usize = 100;

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
pub fn read_vclaims(path: &Path) -> Result<Vec<Document>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut documents = Vec::new();
    for line in BufReader::new(GzDecoder::new(file)).lines() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("vclaim JSON: {e}"))?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let text = [field("title"), field("subtitle"), field("vclaim")]
            .iter()
            .map(|f| sentence(f))
            .filter(|f| !f.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        documents.push(Document {
            id: field("vclaim_id"),
            title: field("title"),
            outlet: Some("Snopes".to_string()),
            date: iso_date(&field("date")),
            url: None,
            text,
        });
    }
    Ok(documents)
}

/// A Snopes date ("8 September 2020") in ISO 8601 ("2020-09-08"), the form of
/// [`Document::date`]; `None` for anything else.
fn iso_date(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let [day, month, year] = date.split_whitespace().collect::<Vec<_>>()[..] else {
        return None;
    };
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let year: u32 = year.parse().ok().filter(|_| year.len() == 4)?;
    Some(format!("{year}-{month:02}-{day:02}"))
}

/// A TSV field, unquoted when it is CSV-quoted (`"…""…"""`).
fn unquote(field: &str) -> String {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => field.to_string(),
    }
}

/// The queries: (id, text).
pub fn read_queries(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(id, _)| *id != "id")
        .map(|(id, text)| (id.to_string(), unquote(text)))
        .collect()
}

/// The relevant documents of each query.
pub fn read_qrels(path: &Path) -> HashMap<String, HashSet<String>> {
    let mut qrels: HashMap<String, HashSet<String>> = HashMap::new();
    for line in std::fs::read_to_string(path).unwrap_or_default().lines() {
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

/// Average precision at [`MAP_DEPTH`], reciprocal rank and precision at 1 of one ranking.
pub fn measures(ranking: &[&str], relevant: &HashSet<String>) -> (f64, f64, f64) {
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

/// The retrieval figures of a set of queries.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Figures {
    /// Queries judged.
    pub queries: usize,
    /// Sum of average precision at 5.
    pub ap: f64,
    /// Sum of reciprocal ranks.
    pub rr: f64,
    /// Sum of precision at 1.
    pub p1: f64,
}

impl super::Pooled for Figures {
    fn pooled(&self, other: &Self) -> Self {
        Figures {
            queries: self.queries + other.queries,
            ap: self.ap + other.ap,
            rr: self.rr + other.rr,
            p1: self.p1 + other.p1,
        }
    }
}

impl Figures {
    /// MAP@5.
    pub fn map(&self) -> f64 {
        self.ap / self.queries.max(1) as f64
    }

    /// MRR.
    pub fn mrr(&self) -> f64 {
        self.rr / self.queries.max(1) as f64
    }

    /// P@1.
    pub fn p_at_1(&self) -> f64 {
        self.p1 / self.queries.max(1) as f64
    }
}

/// The loaded task: the corpus of verified claims, the queries and their relevant claims.
pub struct Task {
    /// The verified claims, indexed.
    pub corpus: Corpus,
    /// (id, text) of each query.
    pub queries: Vec<(String, String)>,
    /// The relevant claims of each query.
    pub qrels: HashMap<String, HashSet<String>>,
}

impl Task {
    /// Loads the dev-test task from its folder.
    pub fn load(dir: &Path) -> Result<Task, String> {
        let documents = read_vclaims(&dir.join("vclaims.jsonl.gz"))?;
        Ok(Task {
            corpus: Corpus::new(documents),
            queries: read_queries(&dir.join("devtest_queries.tsv")),
            qrels: read_qrels(&dir.join("devtest_qrels.tsv")),
        })
    }

    /// Ranks every judged query and scores it, per half (by query id); with `verbose`, the
    /// queries whose first document is wrong go to stderr, each with its half.
    pub fn evaluate(&self, verbose: bool) -> Halves<Figures> {
        let mut out = Halves::<Figures>::default();
        for (id, text) in &self.queries {
            let Some(relevant) = self.qrels.get(id) else {
                continue;
            };
            let found = self.corpus.match_documents(text, RANKING_DEPTH);
            let ranking: Vec<&str> = found
                .iter()
                .map(|m| self.corpus.documents()[m.doc].id.as_str())
                .collect();
            let (ap, rr, p1) = measures(&ranking, relevant);
            if verbose && p1 == 0.0 {
                eprintln!(
                    "RETRIEVAL MISS {} {id}: {text}\n  want {relevant:?}\n  got {:?}",
                    Half::of(id).name(),
                    &ranking[..ranking.len().min(3)]
                );
            }
            let f = out.get_mut(Half::of(id));
            f.queries += 1;
            f.ap += ap;
            f.rr += rr;
            f.p1 += p1;
        }
        out
    }
}
