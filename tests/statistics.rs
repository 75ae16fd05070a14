#![cfg(not(target_arch = "wasm32"))]
//! Statistic detection: the case table in `data/statistics.tsv` and the sample articles.

use claimlens::detect::{find_statistics, Statistic};
use claimlens::text::sentences;
use std::path::Path;

mod common;

/// Rows of `data/statistics.tsv`: a text, then one cell per expected figure in order, written as
/// `span|value[..max]|q:qualifier|u:unit|r:rate|vague` (optional parts omitted). A row with only
/// a text expects no figure.
fn cases() -> Vec<(usize, String, Vec<String>)> {
    common::rows(include_str!("data/statistics.tsv"))
        .into_iter()
        .map(|(line, mut cells)| {
            let text = cells.remove(0);
            cells.retain(|c| !c.is_empty());
            (line, text, cells)
        })
        .collect()
}

fn number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-6 * v.abs().max(1.0) {
        format!("{}", v.round())
    } else {
        format!("{v}")
    }
}

/// The canonical cell for a finding.
fn describe(text: &str, s: &Statistic) -> String {
    let mut out = format!("{}|{}", s.span.slice(text), number(s.value));
    if let Some(max) = s.value_max {
        out += &format!("..{}", number(max));
    }
    if let Some(q) = s.qualifier {
        out += &format!("|q:{}", q.as_str());
    }
    if let Some(u) = &s.unit {
        out += &format!("|u:{u}");
    }
    if let Some(r) = &s.rate {
        out += &format!("|r:{r}");
    }
    if s.vague {
        out += "|vague";
    }
    out
}

fn found(text: &str) -> Vec<String> {
    find_statistics(text, &sentences(text))
        .iter()
        .map(|s| describe(text, s))
        .collect()
}

#[test]
fn case_table() {
    common::check_table("statistics.tsv", cases(), found);
}

#[test]
fn sample_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let stats = find_statistics(&text, &sentences(&text));
        for pair in stats.windows(2) {
            assert!(pair[0].span.start <= pair[1].span.start);
        }
        all.extend(stats.iter().map(|s| describe(&text, s)));
    }
    for want in [
        "over 1,200 casualties per day|1200|q:over|u:casualties|r:per day",
        "38,940|38940",
        "at least 21 countries|21|q:at-least|u:countries",
        "thousands of migrants|1000|u:migrants|vague",
        "500,000 casualties|500000|u:casualties",
        "thousands of African students annually|1000|u:students|r:per year|vague",
    ] {
        assert!(all.iter().any(|s| s == want), "{want} not in {all:#?}");
    }
    for not in ["2022", "1|", "Seven"] {
        assert!(
            !all.iter().any(|s| s.starts_with(not)),
            "{not} reported: {all:#?}"
        );
    }
}

#[test]
fn arbitrary_unicode_does_not_panic() {
    for text in [
        "$",
        "€ 5",
        "5-",
        "1,2,3",
        "٣",
        "½ 😀 1e9",
        "9999999999999999999999999999999",
        "- – —",
        "US$",
        "between 5 and",
    ] {
        for s in find_statistics(text, &sentences(text)) {
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        let _ = find_statistics(text, &[]);
    }
}
