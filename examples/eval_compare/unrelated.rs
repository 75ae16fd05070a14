//! Unrelated pages: the saved Readability pages against the bundled corpus. They have nothing to
//! do with it, so every verdict other than not-in-corpus is false.

use crate::halves::{self, share, Split};
use claimlens::analyze_page;
use claimlens::page::parse_html;
use claimlens::{Corpus, Verdict};
use std::path::Path;

/// The table rows (markdown lines).
pub fn rows(dir: &Path, verbose: bool) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping unrelated pages: {} not readable", dir.display());
        return Vec::new();
    };
    let mut pages: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    pages.sort();
    let corpus = Corpus::bundled();
    let mut findings: Split<usize> = Split::default();
    let mut false_verdicts: Split<usize> = Split::default();
    let mut pages_with_false: Split<usize> = Split::default();
    let mut page_count: Split<usize> = Split::default();
    for page in pages.iter().filter(|p| p.join("source.html").is_file()) {
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        let half = halves::of(&name);
        let html = std::fs::read_to_string(page.join("source.html")).unwrap_or_default();
        let analysis = analyze_page(&parse_html(&html, &name), Some(&corpus));
        *page_count.get_mut(half) += 1;
        let mut false_here = 0;
        for f in &analysis.report.findings {
            *findings.get_mut(half) += 1;
            if f.verdict() != Verdict::NotInCorpus {
                false_here += 1;
                if verbose {
                    eprintln!(
                        "UNRELATED {name}: {:?} {:?} → {}",
                        f.kind(),
                        f.text(),
                        f.verdict().as_str()
                    );
                }
            }
        }
        *false_verdicts.get_mut(half) += false_here;
        *pages_with_false.get_mut(half) += usize::from(false_here > 0);
    }
    vec![
        format!(
            "| unrelated pages (Readability dev pages vs bundled corpus): findings with a verdict other than not-in-corpus | {} | {} | **{}** | ≤ 1 % |",
            share(false_verdicts.a, findings.a),
            share(false_verdicts.b, findings.b),
            share(false_verdicts.all(), findings.all()),
        ),
        format!(
            "| unrelated pages: pages with any such verdict | {} | {} | {} | – |",
            share(pages_with_false.a, page_count.a),
            share(pages_with_false.b, page_count.b),
            share(pages_with_false.all(), page_count.all()),
        ),
    ]
}
