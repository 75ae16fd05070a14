//! The detectors on the adversarial inputs of issue 10, beside ordinary news text of about the
//! same size: time, throughput and how much the findings cover. One line per input:
//!
//! ```text
//! cargo run --release --example adversarial
//! ```
//!
//! Every detector is one pass over the tokens plus bounded look-arounds, so each input costs a
//! constant per byte; a finding's content is capped at 120 tokens, so the findings cover at most
//! a constant times the input (asserted by `tests/bounds.rs`).

/// The wasm32 build (clippy --all-targets) gets an empty program: this is a native tool.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use claimlens::detect::detect;
    use claimlens::text::sentences;
    use std::time::Instant;

    let sample = include_str!("../corpus/000_41f577a6aff86205.txt");
    let cases: Vec<(String, String)> = [
        ("officials said that ", 40_000),
        ("between 1 and ", 50_000),
        ("thousands of ", 300_000),
        ("1,200 casualties per day ", 100_000),
    ]
    .iter()
    .map(|(unit, n)| (format!("{unit:?} × {n}"), unit.repeat(*n)))
    .chain([(
        "sample article, repeated to 1 MB".to_string(),
        sample.repeat(1_000_000 / sample.len() + 1),
    )])
    .collect();
    println!("| input | bytes | time | MB/s | findings | bytes covered / input |");
    println!("|---|---|---|---|---|---|");
    for (name, text) in &cases {
        let started = Instant::now();
        let d = detect(text, &sentences(text));
        let seconds = started.elapsed().as_secs_f64();
        let findings = d.attributions.len() + d.hedges.len() + d.statistics.len();
        let covered: usize = d
            .attributions
            .iter()
            .map(|a| {
                a.cue.len() + a.source.map_or(0, |s| s.len()) + a.content.map_or(0, |c| c.len())
            })
            .chain(d.hedges.iter().map(|h| h.span.len()))
            .chain(d.statistics.iter().map(|s| s.span.len()))
            .sum();
        println!(
            "| {name} | {} | {:.0} ms | {:.1} | {findings} | {:.2} |",
            text.len(),
            seconds * 1e3,
            text.len() as f64 / 1e6 / seconds,
            covered as f64 / text.len() as f64
        );
    }
}
