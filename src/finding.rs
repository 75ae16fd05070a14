//! Findings: what the detectors found, with the comparison's verdict attached.

use crate::compare::{self, Difference, Reference, Verdict};
use crate::corpus::Corpus;
use crate::detect::{self, Qualifier};
use crate::text::{sentences, Span};
use serde::Serialize;

/// The three kinds of finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Who says what.
    Attribution,
    /// A cue that lowers certainty.
    Hedge,
    /// A figure.
    Statistic,
}

impl Kind {
    /// The lower-case name used in JSON, `data-kind` and highlight names.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Attribution => "attribution",
            Kind::Hedge => "hedge",
            Kind::Statistic => "statistic",
        }
    }
}

/// A part of an attribution (source, cue or content) with its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text of the part.
    pub text: String,
}

impl Part {
    fn of(text: &str, span: Span) -> Part {
        Part {
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
        }
    }
}

/// What is specific to each kind of finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Detail {
    /// Source, cue and content of an attribution.
    Attribution {
        /// Who is credited.
        source: Option<Part>,
        /// The attributing word or phrase.
        cue: Option<Part>,
        /// What is attributed.
        content: Option<Part>,
    },
    /// The lexicon entry of a hedge.
    Hedge {
        /// The matched cue, lower-case.
        cue: String,
    },
    /// The value of a statistic.
    Statistic {
        /// The value (lower bound of a range).
        value: f64,
        /// The upper bound of a range.
        value_max: Option<f64>,
        /// "over", "at-least", … or null.
        qualifier: Option<Qualifier>,
        /// What is counted or measured, or null.
        unit: Option<String>,
        /// "per day", … or null.
        rate: Option<String>,
    },
}

/// One thing marked on the page, with its verdict against the reference corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Position in the report, 0-based; stable for one analysis.
    pub id: usize,
    /// Attribution, hedge or statistic.
    pub kind: Kind,
    /// Byte offset of the first byte in the analysed text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The marked text.
    pub text: String,
    /// The sentence the finding stands in.
    #[serde(skip)]
    pub sentence: Span,
    /// Kind-specific fields.
    #[serde(flatten)]
    pub detail: Detail,
    /// The most important result of the comparison.
    pub verdict: Verdict,
    /// Every difference found (the verdict is the most important one).
    pub differences: Vec<Difference>,
    /// One sentence a reader understands at a glance.
    pub explanation: String,
    /// The reference passage compared with, if any.
    pub reference: Option<Reference>,
}

impl Finding {
    /// The byte span of the finding.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// The result of analysing one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Findings in text order.
    pub findings: Vec<Finding>,
}

/// Detects findings in `text` and, with a corpus, compares each with it.
pub fn analyze(text: &str, corpus: Option<&Corpus>) -> Report {
    let sents = sentences(text);
    let det = detect::detect(text, &sents);
    let sentence_of = |span: Span| {
        sents
            .iter()
            .copied()
            .find(|s| s.start <= span.start && span.start < s.end.max(s.start + 1))
            .unwrap_or(span)
    };
    let mut findings = Vec::new();
    let mut push = |kind, span: Span, detail| {
        findings.push(Finding {
            id: 0,
            kind,
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
            sentence: sentence_of(span),
            detail,
            verdict: Verdict::NotCompared,
            differences: Vec::new(),
            explanation: String::new(),
            reference: None,
        })
    };
    for a in &det.attributions {
        let detail = Detail::Attribution {
            source: a.source.map(|s| Part::of(text, s)),
            cue: Some(Part::of(text, a.cue)),
            content: a.content.map(|s| Part::of(text, s)),
        };
        push(Kind::Attribution, a.span, detail);
    }
    for h in &det.hedges {
        push(Kind::Hedge, h.span, Detail::Hedge { cue: h.cue.clone() });
    }
    for s in &det.statistics {
        let detail = Detail::Statistic {
            value: s.value,
            value_max: s.value_max,
            qualifier: s.qualifier,
            unit: s.unit.clone(),
            rate: s.rate.clone(),
        };
        push(Kind::Statistic, s.span, detail);
    }
    findings.sort_by_key(|f| (f.start, f.end));
    for (i, f) in findings.iter_mut().enumerate() {
        f.id = i;
    }
    if let Some(corpus) = corpus {
        compare::compare_all(text, &sents, &det, &mut findings, corpus);
    }
    Report { findings }
}
