//! The pipeline, top to bottom: input → article → sentences → detections → comparisons →
//! findings. Every caller (the CLI, the sidebar, the tests) runs it through here.

use crate::compare::{claims, compare, Compared};
use crate::corpus::Corpus;
use crate::detect;
use crate::finding::{findings, Report, StoryDocument};
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
        findings: findings(text, &det, &claims(text, &sents, &det), compared),
        story,
        compared: corpus.is_some(),
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
    /// The article's text as analysed.
    pub text: String,
    /// The report on the article; its findings' offsets are into [`PageAnalysis::text`].
    pub report: Report,
    /// For each finding (by id), the DOM ranges to highlight: the words a reader acts on (see
    /// [`crate::Finding::marks`]).
    pub ranges: Vec<Vec<NodeRange>>,
}

/// Extracts the article of a page, analyses it and maps each finding's marks back to text-node
/// ranges.
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
            ranges: Vec::new(),
        };
    };
    let report = analyze(&article.text, corpus);
    let ranges = report
        .findings
        .iter()
        .map(|f| {
            f.marks()
                .into_iter()
                .flat_map(|m| node_ranges(&article, m.start, m.end))
                .collect()
        })
        .collect();
    PageAnalysis {
        is_article: true,
        title: snapshot.title.clone(),
        url: snapshot.url.clone(),
        text: article.text,
        report,
        ranges,
    }
}
