//! The analysis of a page: extract the article, analyse its text, map each finding back to
//! text-node ranges.
//!
//! This is the one part of `page/` that runs the rest of the pipeline (`analyze`); it stays here,
//! with its signature, until the pipeline module takes it over. Everything else in `page/` only
//! turns input into an [`Article`](super::Article).

use super::extract::extract_article;
use super::ranges::{node_ranges, NodeRange};
use super::snapshot::PageSnapshot;
use crate::corpus::Corpus;
use crate::finding::{analyze, Finding};
use serde::Serialize;

/// A finding with where it stands on the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageFinding {
    /// The finding; its offsets are into [`PageAnalysis::text`].
    #[serde(flatten)]
    pub finding: Finding,
    /// The DOM range(s) to highlight.
    pub ranges: Vec<NodeRange>,
}

/// The analysis of a page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageAnalysis {
    /// Whether the page has an article worth analysing.
    pub is_article: bool,
    /// The page's title.
    pub title: String,
    /// The article's text as analysed.
    #[serde(skip)]
    pub text: String,
    /// Findings in text order.
    pub findings: Vec<PageFinding>,
}

/// Extracts the article of a page, analyses it and maps each finding back to text-node ranges.
pub fn analyze_page(snapshot: &PageSnapshot, corpus: Option<&Corpus>) -> PageAnalysis {
    let Some(article) = extract_article(snapshot) else {
        return PageAnalysis {
            is_article: false,
            title: snapshot.title.clone(),
            text: String::new(),
            findings: Vec::new(),
        };
    };
    let report = analyze(&article.text, corpus);
    let spans: Vec<_> = report.findings.iter().map(Finding::span).collect();
    let findings = report
        .findings
        .into_iter()
        .zip(node_ranges(&article, &spans))
        .map(|(finding, ranges)| PageFinding { finding, ranges })
        .collect();
    PageAnalysis {
        is_article: true,
        title: snapshot.title.clone(),
        text: article.text,
        findings,
    }
}
