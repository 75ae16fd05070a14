//! The pipeline, top to bottom: input → article → sentences → detections → comparisons →
//! findings. Every caller (the CLI, the sidebar, the tests) runs it through here.

use crate::compare::{compare, Compared};
use crate::corpus::Corpus;
use crate::detect;
use crate::finding::{findings, Finding, Report, StoryDocument};
use crate::page::{extract_article, node_ranges, NodeRange, PageSnapshot};
use crate::text::sentences;

/// Detects findings in `text` and, with a corpus, compares each with it.
///
/// ```
/// use claimlens::{analyze, Corpus, Kind};
/// let corpus = Corpus::bundled();
/// let report = analyze("Russia lost over 1,200 personnel per day in May, the UK Ministry of Defence said.", Some(&corpus));
/// assert!(report.findings.iter().any(|f| f.kind() == Kind::Statistic));
/// ```
pub fn analyze(text: &str, corpus: Option<&Corpus>) -> Report {
    let sents = sentences(text);
    let det = detect::detect(text, &sents);
    let compared: Option<Compared> = corpus.map(|c| compare(text, &sents, &det, c));
    let story = match (&compared, corpus) {
        (Some(c), Some(corpus)) => c
            .story
            .iter()
            .map(|m| {
                let doc = &corpus.documents()[m.doc];
                StoryDocument {
                    doc: doc.id.clone(),
                    title: doc.title.clone(),
                    similarity: (m.similarity * 100.0).round() / 100.0,
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    Report {
        findings: findings(text, &det, compared),
        story,
        compared: corpus.is_some(),
    }
}

/// A finding with where it stands on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageFinding {
    /// The finding; its offsets are into [`PageAnalysis::text`].
    pub finding: Finding,
    /// The DOM range(s) to highlight.
    pub ranges: Vec<NodeRange>,
}

/// The analysis of a page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageAnalysis {
    /// Whether the page has an article worth analysing.
    pub is_article: bool,
    /// The page's title.
    pub title: String,
    /// The page's address.
    pub url: String,
    /// The article's text as analysed.
    pub text: String,
    /// The report on the article (findings without their ranges; see `findings`).
    pub report: Report,
    /// Findings in text order, with their text-node ranges.
    pub findings: Vec<PageFinding>,
}

/// Extracts the article of a page, analyses it and maps each finding back to text-node ranges.
pub fn analyze_page(snapshot: &PageSnapshot, corpus: Option<&Corpus>) -> PageAnalysis {
    let Some(article) = extract_article(&snapshot.root) else {
        return PageAnalysis {
            is_article: false,
            title: snapshot.title.clone(),
            url: snapshot.url.clone(),
            text: String::new(),
            report: Report {
                compared: corpus.is_some(),
                ..Report::default()
            },
            findings: Vec::new(),
        };
    };
    let mut report = analyze(&article.text, corpus);
    let findings = std::mem::take(&mut report.findings)
        .into_iter()
        .map(|finding| {
            let span = finding.span();
            PageFinding {
                ranges: node_ranges(&article, span.start, span.end),
                finding,
            }
        })
        .collect();
    PageAnalysis {
        is_article: true,
        title: snapshot.title.clone(),
        url: snapshot.url.clone(),
        text: article.text,
        report,
        findings,
    }
}
