//! The pipeline, top to bottom: input → article → sentences → detections → comparisons →
//! findings. Every caller (the CLI, the sidebar, the tests) runs it through here.

use crate::compare::{claims, compare, Compared};
use crate::corpus::Corpus;
use crate::detect;
use crate::finding::{findings, Finding, Kind, Report, StoryDocument};
use crate::page::{extract_article, node_ranges, Article, NodeRange, PageSnapshot};
use crate::text::{sentences, Span};
use serde::Serialize;

/// Detects findings in `text` and, with a corpus, compares each with it.
///
/// ```
/// use claimlens::{analyze, Corpus, Kind};
/// let corpus = Corpus::bundled();
/// let report = analyze("Russia lost over 1,200 personnel per day in May, the UK Ministry of Defence said.", Some(&corpus));
/// assert!(report.findings.iter().any(|f| f.kind() == Kind::Statistic));
/// ```
pub fn analyze(text: &str, corpus: Option<&Corpus>) -> Report {
    analyze_except(text, corpus, &[])
}

/// [`analyze`], with no finding read inside the `asides` (sorted byte spans of captions, credits
/// and bylines: part of the text, but no claims of it).
fn analyze_except(text: &str, corpus: Option<&Corpus>, asides: &[Span]) -> Report {
    let sents = sentences(text);
    let mut det = detect::detect(text, &sents);
    if !asides.is_empty() {
        let outside = |span: Span| {
            let i = asides.partition_point(|a| a.end <= span.start);
            asides.get(i).is_none_or(|a| a.start > span.start)
        };
        det.attributions.retain(|a| outside(a.span));
        det.hedges.retain(|h| outside(h.span));
        det.statistics.retain(|s| outside(s.span));
    }
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
        findings: findings(text, &det, &claims(text, &sents, &det), compared),
        story,
        compared: corpus.is_some(),
        left_out: det.left_out,
    }
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
    /// When the page says it was published (see [`PageSnapshot::published`]).
    pub published: Option<String>,
    /// The article's text as analysed.
    pub text: String,
    /// The row (index in the snapshot's nodes) of the element holding the article, if any.
    pub root: Option<usize>,
    /// The report on the article; its findings' offsets are into [`PageAnalysis::text`].
    pub report: Report,
    /// For each finding (by id), the DOM ranges to highlight: the words a reader acts on (see
    /// [`crate::Finding::marks`]).
    pub ranges: Vec<Vec<NodeRange>>,
}

/// The DOM ranges of each item's marks (each a list of byte spans of the article text).
fn marked_ranges(article: &Article, marks: &[Vec<Span>]) -> Vec<Vec<NodeRange>> {
    let flat: Vec<Span> = marks.iter().flatten().copied().collect();
    let mut ranges = node_ranges(article, &flat).into_iter();
    marks
        .iter()
        .map(|m| ranges.by_ref().take(m.len()).flatten().collect())
        .collect()
}

/// Extracts the article of a page, analyses it and maps each finding's marks back to text-node
/// ranges.
pub fn analyze_page(snapshot: &PageSnapshot, corpus: Option<&Corpus>) -> PageAnalysis {
    let Some(article) = extract_article(snapshot) else {
        return PageAnalysis {
            is_article: false,
            title: snapshot.title.clone(),
            url: snapshot.url.clone(),
            published: snapshot.published.clone(),
            text: String::new(),
            root: None,
            report: Report {
                compared: corpus.is_some(),
                ..Report::default()
            },
            ranges: Vec::new(),
        };
    };
    let asides: Vec<Span> = article
        .blocks
        .iter()
        .filter(|b| b.aside)
        .map(|b| Span::new(b.start, b.end))
        .collect();
    let report = analyze_except(&article.text, corpus, &asides);
    let marks: Vec<Vec<Span>> = report.findings.iter().map(Finding::marks).collect();
    let ranges = marked_ranges(&article, &marks);
    PageAnalysis {
        is_article: true,
        title: snapshot.title.clone(),
        url: snapshot.url.clone(),
        published: snapshot.published.clone(),
        root: Some(article.root),
        text: article.text,
        report,
        ranges,
    }
}

/// One highlight of a section: a detection's kind and where it stands on the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionHighlight {
    /// Attribution, hedge or statistic.
    pub kind: Kind,
    /// Byte span in the article text.
    #[serde(skip)]
    pub span: Span,
    /// The DOM range(s) to highlight (its marks, as [`analyze_page`] gives them).
    pub ranges: Vec<NodeRange>,
}

/// The detections of one section of the article (from [`crate::page::sections`]) with their
/// node ranges, without comparison: what the page can highlight early. The full analysis
/// ([`analyze_page`]) stays the reference: its findings carry the ids the sidebar's cards use.
pub fn detect_section(article: &Article, section: Span) -> Vec<SectionHighlight> {
    let Some(text) = article.text.get(section.start..section.end) else {
        return Vec::new();
    };
    let asides: Vec<Span> = article
        .blocks
        .iter()
        .filter(|b| b.aside && b.start >= section.start && b.end <= section.end)
        .map(|b| Span::new(b.start - section.start, b.end - section.start))
        .collect();
    let found = analyze_except(text, None, &asides).findings;
    let marks: Vec<Vec<Span>> = found
        .iter()
        .map(|f| f.marks().iter().map(|m| m.shift(section.start)).collect())
        .collect();
    found
        .iter()
        .zip(marked_ranges(article, &marks))
        .map(|(f, ranges)| SectionHighlight {
            kind: f.kind(),
            span: f.span().shift(section.start),
            ranges,
        })
        .collect()
}
