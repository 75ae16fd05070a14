//! Comparison of findings with the reference corpus: verdicts and explanations.

mod figures;
mod sources;

pub use figures::Figure;
pub use sources::{is_specific, same_source};

use crate::corpus::{terms, Corpus, Hit};
use crate::detect::{Detections, Hedge, Statistic};
use crate::finding::{Detail, Finding, Kind};
use crate::text::Span;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The result of comparing a finding with the corpus (shared by CLI JSON, cards and tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The corpus says the same thing.
    Corroborated,
    /// The corpus gives another figure for the same quantity.
    NumberDiffers,
    /// Hedged on one side, stated flatly on the other.
    CertaintyDiffers,
    /// The same content is credited to another source (or none).
    SourceDiffers,
    /// Nothing in the corpus speaks of it.
    NotInCorpus,
    /// No corpus was given.
    NotCompared,
}

impl Verdict {
    /// How much a reader needs to know of it: the verdict of a finding is its most important
    /// difference.
    fn importance(self) -> u8 {
        match self {
            Verdict::NumberDiffers => 5,
            Verdict::CertaintyDiffers => 4,
            Verdict::SourceDiffers => 3,
            Verdict::Corroborated => 2,
            Verdict::NotInCorpus => 1,
            Verdict::NotCompared => 0,
        }
    }

    /// The kebab-case name used in JSON and `data-verdict`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Corroborated => "corroborated",
            Verdict::NumberDiffers => "number-differs",
            Verdict::CertaintyDiffers => "certainty-differs",
            Verdict::SourceDiffers => "source-differs",
            Verdict::NotInCorpus => "not-in-corpus",
            Verdict::NotCompared => "not-compared",
        }
    }

    /// The verdict in words, for a card.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Corroborated => "Corroborated",
            Verdict::NumberDiffers => "Different number",
            Verdict::CertaintyDiffers => "Different certainty",
            Verdict::SourceDiffers => "Different source",
            Verdict::NotInCorpus => "Not in the corpus",
            Verdict::NotCompared => "Not compared",
        }
    }
}

/// One way in which a finding differs from its reference passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    /// The verdict this difference alone would give.
    pub verdict: Verdict,
    /// What differs, in words.
    pub detail: String,
}

/// The reference passage a finding was compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    /// The document's identifier (its file name in the corpus).
    pub doc: String,
    /// The document's title.
    pub title: String,
    /// Who published it, if known.
    pub outlet: Option<String>,
    /// When it was published, if known.
    pub date: Option<String>,
    /// The passage compared with.
    pub text: String,
    /// Weighted share of the finding's sentence found in the passage, 0–1.
    pub score: f64,
}

/// A passage is about the same thing as a page sentence when it holds at least this share of
/// the sentence's weighted terms.
const SAME_TOPIC: f64 = 0.35;
/// Figures are looked for in passages holding at least this share.
const RELATED: f64 = 0.2;
/// How many passages are considered per sentence.
const CANDIDATES: usize = 5;

/// A claim is a clause: queries longer than this are cut, so that a run-on "sentence" of a
/// hostile page costs linear time, not quadratic.
const MAX_QUERY_BYTES: usize = 600;

/// The first `max` bytes of `span` (cut back to a char boundary).
fn clip(text: &str, span: Span, max: usize) -> Span {
    let mut end = span.end.min(span.start + max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(span.start, end)
}

/// The part of `sentence` within `max / 2` bytes of `inner` on either side.
fn window(text: &str, sentence: Span, inner: Span, max: usize) -> Span {
    let mut start = sentence.start.max(inner.start.saturating_sub(max / 2));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = sentence.end.min(inner.end + max / 2).max(start);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start.min(end), end)
}

/// The items among `items` (sorted by start) that lie within `span`, found by binary search.
fn within<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|i| span_of(i).start < span.start);
    let to = items.partition_point(|i| span_of(i).start < span.end);
    &items[from..to.max(from)]
}

/// One side of a comparison: a text and what the detectors found in it.
#[derive(Clone, Copy)]
struct Side<'a> {
    text: &'a str,
    det: &'a Detections,
}

impl<'a> Side<'a> {
    /// Hedges within `span` that bear on `about`: their clause shares terms with it. Hedges
    /// that are attribution cues ("estimates") are left out.
    fn hedges(&self, span: Span, about: &Terms) -> Vec<&'a Hedge> {
        within(&self.det.hedges, span, |h| h.span)
            .iter()
            .filter(|h| span.contains(h.span))
            .filter(|h| !self.det.attributions.iter().any(|a| a.cue.overlaps(h.span)))
            .filter(|h| about.shares(self.clause(span, h.span)))
            .collect()
    }

    fn statistics(&self, span: Span) -> impl Iterator<Item = &'a Statistic> + '_ {
        within(&self.det.statistics, span, |s| s.span)
            .iter()
            .filter(move |s| span.contains(s.span))
    }

    /// The sources credited within `span` for content that bears on `about`.
    fn sources(&self, span: Span, about: &Terms) -> Vec<&'a str> {
        self.det
            .attributions
            .iter()
            .filter(|a| span.overlaps(a.span))
            .filter(|a| about.shares(a.content.unwrap_or(a.span).slice(self.text)))
            .filter_map(|a| a.source.map(|s| s.slice(self.text)))
            .collect()
    }

    /// The clause of `sentence` around `inner`: between the nearest clause punctuation marks.
    fn clause(&self, sentence: Span, inner: Span) -> &'a str {
        let s = sentence.slice(self.text);
        let at = inner.start.saturating_sub(sentence.start).min(s.len());
        let is_break = |c: char| matches!(c, ',' | ';' | '—' | '(' | ')' | ':');
        let start = s[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_break(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = s[at..].find(is_break).map_or(s.len(), |i| at + i);
        &s[start..end]
    }
}

/// The retrieval terms of the text a finding is compared with.
struct Terms(HashSet<String>);

impl Terms {
    fn of(text: &str) -> Terms {
        Terms(terms(text).into_iter().collect())
    }

    /// Whether `text` shares at least two terms with these: enough to be about the same thing.
    fn shares(&self, text: &str) -> bool {
        terms(text)
            .into_iter()
            .collect::<HashSet<_>>()
            .intersection(&self.0)
            .count()
            >= 2
    }
}

/// What the comparison of one finding found.
struct Outcome {
    differences: Vec<Difference>,
    reference: Option<(usize, Hit)>,
    agreement: String,
}

/// Compares every finding with the corpus, filling in verdicts, differences, explanations and
/// references. A page that is one of the corpus documents is compared with the others only.
pub fn compare_all(
    text: &str,
    _sentences: &[Span],
    det: &Detections,
    findings: &mut [Finding],
    corpus: &Corpus,
) {
    let exclude = corpus.same_documents(text);
    let page = Side { text, det };
    let mut searches: HashMap<Span, Vec<Hit>> = HashMap::new();
    for f in findings.iter_mut() {
        let query = match &f.detail {
            Detail::Attribution {
                content: Some(c), ..
            } if c.end > c.start => Span::new(c.start, c.end),
            _ => f.sentence,
        };
        let query = clip(text, query, MAX_QUERY_BYTES);
        let hits = searches
            .entry(query)
            .or_insert_with(|| corpus.search(query.slice(text), CANDIDATES, &exclude));
        let near = window(text, f.sentence, f.span(), MAX_QUERY_BYTES);
        let outcome = match f.kind {
            Kind::Statistic => compare_statistic(page, f, near, hits, corpus),
            Kind::Hedge => compare_claim(page, f, near, query, hits, corpus, false),
            Kind::Attribution => compare_claim(page, f, near, query, hits, corpus, true),
        };
        apply(f, outcome, corpus);
    }
}

fn reference_side(corpus: &Corpus, passage: usize) -> (Side<'_>, Span) {
    let p = corpus.passages()[passage];
    let side = Side {
        text: &corpus.documents()[p.doc].text,
        det: corpus.detections(p.doc),
    };
    (side, p.span)
}

/// Certainty: one side hedges what the other states flatly.
fn certainty_difference(
    page: &[&Hedge],
    reference: &[&Hedge],
    ref_text: &str,
    text: &str,
) -> Option<Difference> {
    let cue = |h: &&Hedge, t: &str| h.span.slice(t).to_string();
    let detail = match (page.first(), reference.first()) {
        (Some(h), None) => format!(
            "This page hedges it (“{}”); the reference states it flatly.",
            cue(h, text)
        ),
        (None, Some(h)) => format!(
            "The reference hedges it (“{}”); this page states it flatly.",
            cue(h, ref_text)
        ),
        _ => return None,
    };
    Some(Difference {
        verdict: Verdict::CertaintyDiffers,
        detail,
    })
}

/// A figure is compared with the figures of related passages that count the same thing.
fn compare_statistic(
    page: Side,
    f: &Finding,
    near: Span,
    hits: &[Hit],
    corpus: &Corpus,
) -> Outcome {
    let Some(stat) = page.det.statistics.iter().find(|s| s.span == f.span()) else {
        return not_found();
    };
    let mine = Figure::new(stat, page.clause(near, stat.span));
    for hit in hits.iter().filter(|h| h.coverage >= RELATED) {
        let (reference, passage) = reference_side(corpus, hit.passage);
        for other in reference.statistics(passage) {
            let theirs = Figure::new(other, reference.clause(passage, other.span));
            if !mine.comparable(&theirs) {
                continue;
            }
            let their_text = other.span.slice(reference.text);
            let mut differences = Vec::new();
            if !mine.agrees_with(&theirs) {
                differences.push(Difference {
                    verdict: Verdict::NumberDiffers,
                    detail: format!(
                        "This page says “{}”; the reference says “{}” for the same quantity.",
                        f.text, their_text
                    ),
                });
            }
            differences.extend(certainty_difference(
                &page.hedges(near, &Terms::of(passage.slice(reference.text))),
                &reference.hedges(passage, &Terms::of(near.slice(page.text))),
                reference.text,
                page.text,
            ));
            return Outcome {
                differences,
                reference: Some((hit.passage, *hit)),
                agreement: format!("The reference gives the same figure: “{their_text}”."),
            };
        }
    }
    not_found()
}

/// A hedge or an attribution is compared with the passage most about the same thing: its
/// certainty and (for attributions) its source.
fn compare_claim(
    page: Side,
    f: &Finding,
    near: Span,
    query: Span,
    hits: &[Hit],
    corpus: &Corpus,
    check_source: bool,
) -> Outcome {
    let Some(hit) = hits.iter().find(|h| h.coverage >= SAME_TOPIC) else {
        return not_found();
    };
    let (reference, passage) = reference_side(corpus, hit.passage);
    let about_reference = Terms::of(passage.slice(reference.text));
    let about_page = Terms::of(query.slice(page.text));
    let page_hedges = page.hedges(near, &about_reference);
    let ref_hedges = reference.hedges(passage, &about_page);
    let mut differences: Vec<Difference> =
        certainty_difference(&page_hedges, &ref_hedges, reference.text, page.text)
            .into_iter()
            .collect();
    let mut agreement = match (page_hedges.is_empty(), ref_hedges.first()) {
        (false, Some(h)) => format!(
            "The reference hedges it too (“{}”).",
            h.span.slice(reference.text)
        ),
        _ => "The reference says the same.".to_string(),
    };
    if let (
        true,
        Detail::Attribution {
            source: Some(source),
            ..
        },
    ) = (check_source, &f.detail)
    {
        let theirs = reference.sources(passage, &about_page);
        if theirs.iter().any(|t| same_source(&source.text, t)) {
            agreement = format!("The reference credits the same source: {}.", source.text);
        } else if theirs.is_empty() && !is_specific(&source.text) {
            // "the report", "he", "officials": nothing to set against an uncredited reference.
        } else {
            let detail = match theirs.first() {
                Some(t) => format!(
                    "This page credits {}; the reference credits {}.",
                    source.text, t
                ),
                None => format!(
                    "This page credits {}; the reference credits no source.",
                    source.text
                ),
            };
            differences.push(Difference {
                verdict: Verdict::SourceDiffers,
                detail,
            });
        }
    }
    Outcome {
        differences,
        reference: Some((hit.passage, *hit)),
        agreement,
    }
}

fn not_found() -> Outcome {
    Outcome {
        differences: Vec::new(),
        reference: None,
        agreement: String::new(),
    }
}

/// Writes an outcome into the finding: the verdict is the most important difference.
fn apply(f: &mut Finding, outcome: Outcome, corpus: &Corpus) {
    let Some((passage, hit)) = outcome.reference else {
        f.verdict = Verdict::NotInCorpus;
        f.differences.clear();
        f.explanation = match f.kind {
            Kind::Statistic => "No figure for the same quantity in the reference corpus.",
            _ => "Nothing in the reference corpus speaks of this.",
        }
        .to_string();
        f.reference = None;
        return;
    };
    let top = outcome
        .differences
        .iter()
        .max_by_key(|d| d.verdict.importance());
    f.verdict = top.map_or(Verdict::Corroborated, |d| d.verdict);
    f.explanation = top.map_or(outcome.agreement.clone(), |d| d.detail.clone());
    f.differences = outcome.differences;
    let doc = &corpus.documents()[corpus.passages()[passage].doc];
    f.reference = Some(Reference {
        doc: doc.id.clone(),
        title: doc.title.clone(),
        outlet: doc.outlet.clone(),
        date: doc.date.clone(),
        text: corpus.passage_text(passage).to_string(),
        score: (hit.coverage * 100.0).round() / 100.0,
    });
}
