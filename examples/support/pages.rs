//! Saved real web pages with Readability's extraction of each (`readability_pages`): token F1
//! of our article text against Readability's text.

use super::score::token_f1;
use super::{Half, Halves};
use claimlens::page::{extract_article, parse_html, PageSnapshot};
use std::path::Path;

/// Every text node of a page, separated by spaces.
fn all_text(page: &PageSnapshot, out: &mut String) {
    for t in page.text_nodes() {
        out.push_str(t);
        out.push(' ');
    }
}

/// Token F1 per page (page folder name, F1), in name order.
pub fn scores(dir: &Path) -> Vec<(String, f64)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping extraction: {} not readable", dir.display());
        return Vec::new();
    };
    let mut pages: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    pages.sort();
    let mut out = Vec::new();
    for page in pages.iter().filter(|p| p.join("source.html").is_file()) {
        let source = std::fs::read_to_string(page.join("source.html")).unwrap_or_default();
        let expected = std::fs::read_to_string(page.join("expected.html")).unwrap_or_default();
        let mut expected_text = String::new();
        all_text(&parse_html(&expected, ""), &mut expected_text);
        let ours = extract_article(&parse_html(&source, ""))
            .map(|a| a.text)
            .unwrap_or_default();
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((name, token_f1(&ours, &expected_text)));
    }
    out
}

/// The F1 scores split by half (by page name).
pub fn by_half(scores: &[(String, f64)]) -> Halves<Vec<f64>> {
    let mut out = Halves::<Vec<f64>>::default();
    for (name, f1) in scores {
        out.get_mut(Half::of(name)).push(*f1);
    }
    out
}
