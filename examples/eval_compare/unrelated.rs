//! Unrelated pages: the saved Readability pages against the bundled corpus. They have nothing to
//! do with it, so every verdict other than not-in-corpus is false.

use crate::halves::{self, share, Bound, Split, Table};
use claimlens::analyze_page;
use claimlens::page::parse_html;
use claimlens::{Corpus, Verdict};
use std::path::Path;

/// The table rows, with the shares that broke their bounds; `None` when the data is missing.
pub fn rows(dir: &Path, verbose: bool) -> Option<Table> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping unrelated pages: {} not readable", dir.display());
        return None;
    };
    let mut pages: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    pages.sort();
    let corpus = Corpus::bundled();
    let mut findings: Split<usize> = Split::default();
    let mut false_verdicts: Split<usize> = Split::default();
    let mut pages_with_false: Split<usize> = Split::default();
    let mut page_count: Split<usize> = Split::default();
    let mut painted: (Vec<f64>, Vec<f64>) = (Vec::new(), Vec::new());
    for page in pages.iter().filter(|p| p.join("source.html").is_file()) {
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        let half = halves::of(&name);
        let html = std::fs::read_to_string(page.join("source.html")).unwrap_or_default();
        let analysis = analyze_page(&parse_html(&html, &name), Some(&corpus));
        *page_count.get_mut(half) += 1;
        if analysis.is_article && !analysis.text.is_empty() {
            let share = painted_share(&analysis);
            match half {
                halves::Half::A => painted.0.push(share),
                halves::Half::B => painted.1.push(share),
            }
        }
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
    let mut all: Vec<f64> = painted.0.iter().chain(&painted.1).copied().collect();
    let mut table = Table::default();
    const PAINTED: &str = "share of the article's characters painted on the page (Readability dev pages with an article): median, and the largest";
    table.rows.push(format!(
        "| {PAINTED} | {} | {} | **{}** | median < 15 % |",
        median_and_max(&mut painted.0),
        median_and_max(&mut painted.1),
        median_and_max(&mut all),
    ));
    for (half, shares) in [("A", &painted.0), ("B", &painted.1)] {
        if let Some(median) = median(shares) {
            table.check(PAINTED, half, median, Bound::AtMost(0.15));
        }
    }
    let counts = Split {
        a: (false_verdicts.a, findings.a),
        b: (false_verdicts.b, findings.b),
    };
    table.share(
        &counts,
        "unrelated pages (Readability dev pages vs bundled corpus): findings with a verdict other than not-in-corpus",
        "≤ 1 %",
        Bound::AtMost(0.01),
        |&c| c,
    );
    table.rows.push(format!(
        "| unrelated pages: pages with any such verdict | {} | {} | {} | – |",
        share(pages_with_false.a, page_count.a),
        share(pages_with_false.b, page_count.b),
        share(pages_with_false.all(), page_count.all()),
    ));
    Some(table)
}

/// The median of sorted shares.
fn median(sorted: &[f64]) -> Option<f64> {
    sorted.get(sorted.len() / 2).copied()
}

/// The share of the article's characters the page's highlights cover (each character once).
fn painted_share(analysis: &claimlens::PageAnalysis) -> f64 {
    let mut marks: Vec<claimlens::Span> = analysis
        .report
        .findings
        .iter()
        .flat_map(|f| f.marks())
        .collect();
    marks.sort();
    let mut covered = 0;
    let mut end = 0;
    for m in marks {
        let from = m.start.max(end);
        if m.end > from {
            covered += analysis.text[from..m.end]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
            end = m.end;
        }
    }
    let total = analysis
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        .max(1);
    covered as f64 / total as f64
}

/// "4.2 % (max 12.0 %)" of a list of shares.
fn median_and_max(shares: &mut [f64]) -> String {
    if shares.is_empty() {
        return "–".to_string();
    }
    shares.sort_by(f64::total_cmp);
    format!(
        "{:.1} % (max {:.1} %)",
        100.0 * shares[shares.len() / 2],
        100.0 * shares[shares.len() - 1]
    )
}
