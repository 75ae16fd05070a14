#![cfg(not(target_arch = "wasm32"))]
//! Hedge detection: the case table in `data/hedges.tsv` and the sample articles.

use claimlens::detect::find_hedges;
use claimlens::text::sentences;
use std::path::Path;

mod common;

/// Rows of `data/hedges.tsv`: a text, then the expected cues in order, `|`-separated (an empty
/// cell means no hedge). `\n` in the text stands for a line break.
fn cases() -> Vec<(usize, String, Vec<String>)> {
    common::rows(include_str!("data/hedges.tsv"))
        .into_iter()
        .map(|(line, cells)| {
            let cues = cells.get(1).map(String::as_str).unwrap_or("");
            let cues = cues.split('|').map(str::trim).filter(|c| !c.is_empty());
            (line, cells[0].clone(), cues.map(String::from).collect())
        })
        .collect()
}

fn cues(text: &str) -> Vec<String> {
    find_hedges(text, &sentences(text))
        .into_iter()
        .map(|h| h.cue)
        .collect()
}

#[test]
fn case_table() {
    common::check_table("hedges.tsv", cases(), cues);
}

#[test]
fn spans_spell_their_cue_and_are_sorted() {
    for (_, text, _) in cases() {
        let hedges = find_hedges(&text, &sentences(&text));
        for pair in hedges.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "overlap in {text:?}"
            );
        }
        for h in hedges {
            let words: Vec<String> = h
                .span
                .slice(&text)
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            assert_eq!(words.join(" ").replace('’', "'"), h.cue, "in {text:?}");
        }
    }
}

#[test]
fn sample_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        all.extend(cues(
            &std::fs::read_to_string(entry.unwrap().path()).unwrap(),
        ));
    }
    for cue in [
        "purportedly",
        "allegedly",
        "supposedly",
        "suggests",
        "suggest",
        "could potentially",
        "cannot be independently verified",
        "remain uncertain",
        "allege",
        "allegations",
    ] {
        assert!(all.iter().any(|c| c == cue), "{cue} not found in {all:?}");
    }
    assert!(
        !all.iter().any(|c| c == "may"),
        "the month May reported as a hedge: {all:?}"
    );
}

#[test]
fn arbitrary_unicode_does_not_panic() {
    for text in [
        "May",
        "could",
        "may\u{a0}be",
        "😀 might 😀",
        "Could\u{301} be",
        "ſ MAY Be",
        "",
    ] {
        let _ = find_hedges(text, &sentences(text));
        let _ = find_hedges(text, &[]);
    }
}
