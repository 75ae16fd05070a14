//! Article extraction against Readability's extractions of real saved pages
//! (`../shared/evaldata/readability_pages`, read in place, never copied), plus hand-made pages.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::page::{extract_article, parse_html, PageSnapshot};
use std::collections::HashMap;
use std::path::PathBuf;

fn evaldata(name: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/evaldata")
        .join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").is_err(),
        "{} is missing in CI",
        dir.display()
    );
    eprintln!("skipping: {} is absent", dir.display());
    None
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in claimlens::text::tokens(text) {
        *bag.entry(w.norm).or_insert(0) += 1;
    }
    bag
}

/// Token F1 of two bags of words.
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

#[test]
fn readability_pages_token_f1() {
    let Some(dir) = evaldata("readability_pages") else {
        return;
    };
    let mut scores = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for page in entries.iter().filter(|p| p.join("source.html").is_file()) {
        let source = std::fs::read_to_string(page.join("source.html")).unwrap_or_default();
        let expected = std::fs::read_to_string(page.join("expected.html")).unwrap_or_default();
        let mut expected_text = String::new();
        all_text(&parse_html(&expected, ""), &mut expected_text);
        let ours = extract_article(&parse_html(&source, ""))
            .map(|a| a.text)
            .unwrap_or_default();
        let f1 = token_f1(&ours, &expected_text);
        eprintln!(
            "{:>5.3}  {}",
            f1,
            page.file_name().unwrap().to_string_lossy()
        );
        scores.push(f1);
    }
    scores.sort_by(f64::total_cmp);
    let median = scores[scores.len() / 2];
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    eprintln!(
        "readability pages: {} pages, token F1 median {median:.3}, mean {mean:.3}",
        scores.len()
    );
    assert!(
        median >= 0.85,
        "median token F1 {median:.3} fell below the floor"
    );
}
