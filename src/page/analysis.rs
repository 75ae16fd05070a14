//! The analysis of a page: extract the article, analyse its text, map each finding back to
//! text-node ranges — at once ([`analyze_page`]), or the detections alone section by section
//! ([`sections`], [`detect_section`]) so that a huge page gets its first highlights before the
//! whole text is analysed and compared.
//!
//! This is the one part of `page/` that runs the rest of the pipeline (`analyze`); it stays here,
//! with its signature, until the pipeline module takes it over. Everything else in `page/` only
//! turns input into an [`Article`].

use super::extract::{extract_article, Article};
use super::ranges::{node_ranges, NodeRange};
use super::snapshot::PageSnapshot;
use crate::corpus::Corpus;
use crate::finding::{analyze, Finding, Kind};
use crate::text::Span;
use serde::Serialize;

/// About how many bytes of article text a section holds (see [`sections`]): small enough that
/// the sidebar answers within a frame or two per section, large enough that a 5 MiB page needs
/// only ~160 of them.
pub const SECTION_BYTES: usize = 32 * 1024;

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

/// The article's text cut into sections at block boundaries, each about `bytes` long (a block
/// longer than that is a section of its own), covering every block in order.
///
/// ```
/// use claimlens::page::{extract_article, sections, PageNode, PageSnapshot};
/// let para = || PageNode::element("p", vec![PageNode::Text("Officials said 1,200 people left their homes on Tuesday. ".repeat(3))]);
/// let page = PageSnapshot::from_tree("", "", &PageNode::element("body", (0..6).map(|_| para()).collect()));
/// let article = extract_article(&page).unwrap();
/// let parts = sections(&article, 400);
/// assert_eq!(parts.len(), 3); // two blocks of ~170 bytes per section
/// assert_eq!((parts[0].start, parts.last().unwrap().end), (0, article.text.len()));
/// ```
pub fn sections(article: &Article, bytes: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for block in &article.blocks {
        match out.last_mut() {
            Some(last) if block.end - last.start <= bytes => last.end = block.end,
            _ => out.push(Span::new(block.start, block.end)),
        }
    }
    out
}

/// One highlight of a section: a detection's kind and where it stands on the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionHighlight {
    /// Attribution, hedge or statistic.
    pub kind: Kind,
    /// Byte span in the article text.
    #[serde(skip)]
    pub span: Span,
    /// The DOM range(s) to highlight.
    pub ranges: Vec<NodeRange>,
}

/// The detections of one section of the article (from [`sections`]) with their node ranges,
/// without comparison: what the page can highlight early. The full analysis
/// ([`analyze_page`]) stays the reference: its findings carry the ids the sidebar's cards use.
pub fn detect_section(article: &Article, section: Span) -> Vec<SectionHighlight> {
    let Some(text) = article.text.get(section.start..section.end) else {
        return Vec::new();
    };
    let found = analyze(text, None).findings;
    let spans: Vec<Span> = found
        .iter()
        .map(|f| f.span().shift(section.start))
        .collect();
    found
        .iter()
        .zip(node_ranges(article, &spans))
        .zip(&spans)
        .map(|((f, ranges), &span)| SectionHighlight {
            kind: f.kind,
            span,
            ranges,
        })
        .collect()
}
