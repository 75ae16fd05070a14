//! Article text against Readability's extraction of the same saved page: token F1 of the two bags
//! of words (the measure of `tests/extraction.rs`).

use crate::report::Row;
use claimlens::page::{extract_article, parse_html, PageSnapshot};
use std::collections::HashMap;
use std::path::Path;

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in claimlens::text::tokens(text) {
        *bag.entry(w.norm).or_insert(0) += 1;
    }
    bag
}

fn token_f1(ours: &str, expected: &str) -> f64 {
    let (a, b) = (words(ours), words(expected));
    let shared: usize = a
        .iter()
        .map(|(w, n)| (*n).min(*b.get(w).unwrap_or(&0)))
        .sum();
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    if shared == 0 {
        return 0.0;
    }
    let (p, r) = (shared as f64 / na as f64, shared as f64 / nb as f64);
    2.0 * p * r / (p + r)
}

/// Every text node of a page, separated by spaces.
fn all_text(page: &PageSnapshot, out: &mut String) {
    for t in page.text_nodes() {
        out.push_str(t);
        out.push(' ');
    }
}

pub fn rows(dir: &Path, verbose: bool) -> Vec<Row> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping extraction: {} not readable", dir.display());
        return Vec::new();
    };
    let mut pages: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    pages.sort();
    let mut scores = Vec::new();
    for page in pages.iter().filter(|p| p.join("source.html").is_file()) {
        let source = std::fs::read_to_string(page.join("source.html")).unwrap_or_default();
        let expected = std::fs::read_to_string(page.join("expected.html")).unwrap_or_default();
        let mut expected_text = String::new();
        all_text(&parse_html(&expected, ""), &mut expected_text);
        let ours = extract_article(&parse_html(&source, ""))
            .map(|a| a.text)
            .unwrap_or_default();
        let f1 = token_f1(&ours, &expected_text);
        if verbose && f1 < 0.95 {
            eprintln!("EXTRACTION {f1:.3} {}", page.display());
        }
        scores.push(f1);
    }
    if scores.is_empty() {
        return Vec::new();
    }
    scores.sort_by(f64::total_cmp);
    let median = scores[scores.len() / 2];
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    let at_goal = scores.iter().filter(|&&f| f >= 0.95).count();
    vec![Row::new(
        &format!(
            "article text vs Readability, token F1 ({} saved pages, all kinds)",
            scores.len()
        ),
        &format!(
            "median **{median:.3}**, mean {mean:.3}; {at_goal}/{} pages ≥ 0.95",
            scores.len()
        ),
        "Readability.js (1.0 by construction)",
        "≥ 0.95 on news pages",
    )]
}
