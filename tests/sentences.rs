#![cfg(not(target_arch = "wasm32"))]
//! Sentence segmentation: the case table in `data/sentences.tsv`, the sample articles, and a
//! printed score on the public English "Golden Rules" sets.

use claimlens::text::sentences;
use std::path::Path;

mod common;
#[path = "../examples/support/mod.rs"]
mod support;

/// One row of `data/sentences.tsv`: input, then the expected sentences, tab-separated.
/// `\n`, `\r` and `\t` in a cell stand for a line break and a tab.
fn cases() -> Vec<(usize, String, Vec<String>)> {
    common::rows(include_str!("data/sentences.tsv"))
        .into_iter()
        .map(|(line, mut cells)| {
            let input = cells.remove(0);
            (line, input, cells)
        })
        .collect()
}

fn split(text: &str) -> Vec<&str> {
    sentences(text).iter().map(|s| s.slice(text)).collect()
}

#[test]
fn case_table() {
    common::check_table("sentences.tsv", cases(), |input| {
        split(input)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    });
}

#[test]
fn spans_are_trimmed_ordered_and_on_char_boundaries() {
    let mut texts: Vec<String> = cases().into_iter().map(|(_, input, _)| input).collect();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap() {
        texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    for text in &texts {
        let spans = sentences(text);
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start, "overlap in {text:?}");
        }
        for s in spans {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let piece = s.slice(text);
            assert!(
                !piece.is_empty() && piece.trim() == piece,
                "untrimmed {piece:?}"
            );
        }
    }
}

#[test]
fn sample_article_sentences() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/001_715e0a4cd338ff9b.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let got = split(&text);
    // The article is one sentence per line, except two lines holding two sentences each.
    assert_eq!(got.len(), text.lines().count() + 3, "{got:#?}");
    assert!(got.contains(&"However, these figures cannot be independently verified by Bloomberg."));
}

/// Scores the segmenter on the Golden Rules sets (exact list match after trimming, as pySBD does;
/// the measure of `make eval`) and asserts the figures of EVALUATION.md as floors.
#[test]
fn golden_rules_en() {
    let Some(dir) = support::data_dir("golden_rules_en") else {
        return;
    };
    for (file, floor) in [
        ("pysbd_golden_rules_en_48.json", 47),
        ("pragmatic_segmenter_golden_rules_en_52.json", 48),
    ] {
        let rules = support::golden::load(&dir, file).expect("golden rules");
        let h = support::golden::evaluate(file, &rules, true);
        let right = h.build.0 + h.check.0;
        println!("golden rules {file}: {right}/{} fully right", rules.len());
        assert!(right >= floor, "{file}: {right} below the floor {floor}");
    }
}
