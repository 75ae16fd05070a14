#![cfg(not(target_arch = "wasm32"))]
//! Claim retrieval on CheckThat! 2022 task 2A English, dev-test: tweets against 14,231 Snopes
//! verified claims, ranked as `claimlens match` ranks them, with a floor per half (the figures
//! of EVALUATION.md). Also prints build and load time of the corpus and time per query.
//!
//! ```text
//! cargo test --release --test eval_checkthat -- --ignored --nocapture
//! ```
//! The data is read in place from `../shared/evaldata/checkthat2022_task2a_en`; without it the
//! evaluation is skipped, unless `CI=true`, where it fails.

#[path = "../examples/support/mod.rs"]
mod support;

use claimlens::Corpus;
use std::time::Instant;
use support::checkthat::{self, Task, RANKING_DEPTH};

/// MAP@5 floors on the build and check halves (101 queries each): 0.9158 and 0.9186 now.
const FLOORS: (f64, f64) = (0.915, 0.918);

#[test]
#[ignore = "evaluation on external data (1-2 s in release); run with --ignored --nocapture"]
fn checkthat_2022_2a_english_devtest() {
    let Some(dir) = support::data_dir("checkthat2022_task2a_en") else {
        return;
    };
    let documents = checkthat::read_vclaims(&dir.join("vclaims.jsonl.gz")).expect("vclaims");
    assert_eq!(documents.len(), 14_231);
    let started = Instant::now();
    let built = Corpus::new(documents);
    let build_time = started.elapsed();
    let bytes = built.to_bytes();
    let started = Instant::now();
    let corpus = Corpus::from_bytes(&bytes).expect("load the corpus just written");
    let load_time = started.elapsed();
    let task = Task {
        corpus,
        queries: checkthat::read_queries(&dir.join("devtest_queries.tsv")),
        qrels: checkthat::read_qrels(&dir.join("devtest_qrels.tsv")),
    };
    let mut times = Vec::new();
    for (_, text) in &task.queries {
        let started = Instant::now();
        task.corpus.match_documents(text, RANKING_DEPTH);
        times.push(started.elapsed().as_secs_f64() * 1e3);
    }
    let h = task.evaluate(std::env::var("EVAL_VERBOSE").is_ok());
    for (name, f) in [("build", h.build), ("check", h.check)] {
        println!(
            "{name}: {} queries, MAP@5 {:.4}, MRR {:.4}, P@1 {:.4}",
            f.queries,
            f.map(),
            f.mrr(),
            f.p_at_1()
        );
    }
    println!("documents             {}", task.corpus.documents().len());
    println!("passages              {}", task.corpus.passages().len());
    println!("build time            {:.2} s", build_time.as_secs_f64());
    println!("index bytes           {}", bytes.len());
    println!(
        "load time             {:.1} ms",
        load_time.as_secs_f64() * 1e3
    );
    println!(
        "median time per query {:.2} ms",
        support::score::median(times)
    );
    assert_eq!(h.build.queries + h.check.queries, 202);
    assert!(
        h.build.map() >= FLOORS.0 - 1e-9 && h.check.map() >= FLOORS.1 - 1e-9,
        "MAP@5 {:.4} / {:.4} below the floors {FLOORS:?}",
        h.build.map(),
        h.check.map()
    );
}
