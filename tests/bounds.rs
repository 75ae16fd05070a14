//! Linear output on repetitive, adversarial input (issue 10): the detectors' findings never
//! grow faster than the text. Property tests (proptest) repeat phrases chosen to provoke
//! run-away spans — reporting verbs with that-clauses, ranges, vague magnitudes, rates — and
//! assert bounds on the number and total size of the findings, not on time. The full-size inputs
//! of the issue run in `adversarial_inputs_stay_linear`.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::detect::{detect, Detections};
use claimlens::text::sentences;
use proptest::prelude::*;
use proptest::sample::select;

/// Phrases that, repeated, used to make output quadratic or scans slow.
const UNITS: &[&str] = &[
    "officials said that ",
    "between 1 and ",
    "thousands of ",
    "1,200 casualties per day ",
    "“he said,” said ",
    "according to the ministry, ",
    "X, who said, ",
    "more than 5 and less than ",
    "10 feet 2 inches and ",
    "said “",
    "allegedly could potentially ",
    "1 in 4 ",
    "Mr. Smith ( R-Va . ) said ",
];

/// Bytes of text the findings cover, counting each attribution's cue, source and content.
fn output_bytes(d: &Detections) -> usize {
    let attributions: usize = d
        .attributions
        .iter()
        .map(|a| a.cue.len() + a.source.map_or(0, |s| s.len()) + a.content.map_or(0, |c| c.len()))
        .sum();
    let hedges: usize = d.hedges.iter().map(|h| h.span.len()).sum();
    let statistics: usize = d.statistics.iter().map(|s| s.span.len()).sum();
    attributions + hedges + statistics
}

/// Findings per input byte and findings' bytes per input byte never exceed these.
const MAX_FINDINGS_PER_BYTE: f64 = 0.25;
const MAX_OUTPUT_PER_BYTE: f64 = 3.0;

fn check(text: &str) -> Result<(), TestCaseError> {
    let d = detect(text, &sentences(text));
    let findings = d.attributions.len() + d.hedges.len() + d.statistics.len();
    let bytes = text.len().max(1) as f64;
    prop_assert!(
        findings as f64 <= MAX_FINDINGS_PER_BYTE * bytes,
        "{findings} findings for {} bytes",
        text.len()
    );
    let out = output_bytes(&d);
    prop_assert!(
        out as f64 <= MAX_OUTPUT_PER_BYTE * bytes,
        "{out} bytes of findings for {} bytes of text",
        text.len()
    );
    for a in &d.attributions {
        if let Some(c) = a.content {
            // A content never runs past CONTENT_MAX (120) tokens.
            let tokens = claimlens::text::scan(c.slice(text)).len();
            prop_assert!(tokens <= 120, "content of {tokens} tokens");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// One phrase repeated up to 4,000 times, in one run-on sentence.
    #[test]
    fn repeated_phrases_give_linear_output(unit in select(UNITS), n in 1usize..4_000) {
        check(&unit.repeat(n))?;
    }

    /// Several phrases interleaved, with or without sentence breaks.
    #[test]
    fn mixed_phrases_give_linear_output(
        parts in proptest::collection::vec(select(UNITS), 1..400),
        breaks in any::<bool>(),
    ) {
        let sep = if breaks { ". " } else { "" };
        check(&parts.join(sep))?;
    }
}

/// The inputs of issue 10 at full size: findings and their bytes stay within a constant of the
/// input (the quadratic output of contents running to the end of a run-on sentence is gone).
#[test]
fn adversarial_inputs_stay_linear() {
    for (unit, n) in [
        ("officials said that ", 40_000),
        ("between 1 and ", 50_000),
        ("thousands of ", 300_000),
        ("1,200 casualties per day ", 100_000),
    ] {
        let text = unit.repeat(n);
        let d = detect(&text, &sentences(&text));
        let out = output_bytes(&d);
        assert!(
            out as f64 <= MAX_OUTPUT_PER_BYTE * text.len() as f64,
            "{unit:?} × {n}: {out} bytes of findings for {} bytes",
            text.len()
        );
    }
}

/// The whole analysis (detectors, comparison with the bundled corpus, JSON) on run-on inputs:
/// no sentence longer than `MAX_SENTENCE_BYTES`, at most `MAX_PER_SENTENCE` findings of a kind
/// per sentence with the rest counted in `left_out`, and JSON output within 10× the input
/// (issue 10's goal; timings and memory are `make bench`'s, examples/adversarial.rs).
#[test]
fn run_on_inputs_give_bounded_findings_and_output() {
    use claimlens::detect::MAX_PER_SENTENCE;
    use claimlens::text::MAX_SENTENCE_BYTES;
    let corpus = claimlens::Corpus::bundled();
    for (unit, n) in [
        ("officials said that ", 5_000),
        ("between 1 and ", 5_000),
        ("thousands of ", 10_000),
        ("1,200 casualties per day ", 5_000),
        ("allegedly could potentially ", 5_000),
    ] {
        let text = unit.repeat(n);
        let sents = sentences(&text);
        assert!(
            sents.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES),
            "{unit:?}: a sentence over {MAX_SENTENCE_BYTES} bytes"
        );
        let report = claimlens::analyze(&text, Some(&corpus));
        let per_kind = 3 * MAX_PER_SENTENCE * sents.len();
        assert!(
            report.findings.len() <= per_kind,
            "{unit:?} × {n}: {} findings in {} sentences",
            report.findings.len(),
            sents.len()
        );
        let json = serde_json::to_string(&claimlens::view::report_json(&report)).unwrap();
        assert!(
            json.len() <= 10 * text.len(),
            "{unit:?} × {n}: {} bytes of JSON for {} bytes",
            json.len(),
            text.len()
        );
        let all = detect(&text, &sents);
        let left: usize = all.left_out.iter().map(|l| l.count).sum();
        let detected = all.attributions.len() + all.hedges.len() + all.statistics.len();
        assert_eq!(report.left_out, all.left_out, "{unit:?}: left_out reported");
        assert!(
            detected <= per_kind && (left > 0 || detected < MAX_PER_SENTENCE * sents.len()),
            "{unit:?}: {detected} kept, {left} left out"
        );
    }
}

/// Chunked reading changes nothing on ordinary text: the detections of the two sample
/// articles joined many times over are those of one copy, repeated.
#[test]
fn chunks_read_as_the_whole_text() {
    let one = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/000_41f577a6aff86205.txt"
    ))
    .unwrap();
    let one = format!("{}\n\n", one.trim_end());
    let copies = 2 * claimlens::detect::CHUNK_BYTES / one.len() + 2;
    let many = one.repeat(copies);
    let single = detect(&one, &sentences(&one));
    let all = detect(&many, &sentences(&many));
    assert_eq!(all.statistics.len(), copies * single.statistics.len());
    assert_eq!(all.hedges.len(), copies * single.hedges.len());
    assert_eq!(all.attributions.len(), copies * single.attributions.len());
    let last = (copies - 1) * one.len();
    let shifted: Vec<_> = all.statistics[all.statistics.len() - single.statistics.len()..]
        .iter()
        .map(|s| (s.span.start - last, s.span.end - last, s.value))
        .collect();
    let expected: Vec<_> = single
        .statistics
        .iter()
        .map(|s| (s.span.start, s.span.end, s.value))
        .collect();
    assert_eq!(shifted, expected);
}
