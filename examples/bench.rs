//! Native core throughput for `make bench`: analyses a page snapshot (JSON, as the content script
//! sends it) with the bundled corpus, as the sidebar does, and prints one JSON line:
//! `{"bytes": <article text bytes>, "median_ms": …, "mb_per_s": …, "runs": …}`.
//!
//! `cargo run --release --example bench -- SNAPSHOT.json [RUNS]`

/// The wasm32 build (clippy --all-targets) gets an empty program: this is a native tool.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use claimlens::analyze_page;
    use claimlens::page::PageSnapshot;
    use claimlens::Corpus;
    use std::time::Instant;

    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: bench SNAPSHOT.json [RUNS]");
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let json = std::fs::read_to_string(&path).expect("readable snapshot");
    let snapshot: PageSnapshot = serde_json::from_str(&json).expect("a page snapshot");
    let corpus = Corpus::bundled();
    let mut times = Vec::new();
    let mut bytes = 0;
    let mut findings = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let analysis = analyze_page(&snapshot, Some(&corpus));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        bytes = analysis.text.len();
        findings = analysis.report.findings.len();
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "{{\"bytes\": {bytes}, \"findings\": {findings}, \"median_ms\": {median:.2}, \"mb_per_s\": {:.3}, \"runs\": {runs}}}",
        bytes as f64 / 1e6 / (median / 1000.0)
    );
}
