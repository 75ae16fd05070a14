//! Findings: what the detectors found, with the comparison's verdict attached.

use crate::compare::{self, Difference, PagePassage, Reference, Verdict};
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
        /// Whether the value is a vague magnitude ("thousands of").
        vague: bool,
    },
}

impl Detail {
    /// The kind-specific facts a card lists, as (term, value) pairs in reading order.
    ///
    /// ```
    /// use claimlens::Detail;
    /// let d = Detail::Statistic { value: 1000.0, value_max: None, qualifier: None,
    ///     unit: Some("migrants".into()), rate: None, vague: true };
    /// assert_eq!(d.facts(), [("Value", "thousands of migrants".to_string())]);
    /// ```
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        match self {
            Detail::Attribution { source, cue, .. } => [("Source", source), ("Cue", cue)]
                .into_iter()
                .filter_map(|(term, part)| part.as_ref().map(|p| (term, p.text.clone())))
                .collect(),
            Detail::Hedge { cue } => vec![("Cue", cue.clone())],
            Detail::Statistic {
                value,
                value_max,
                qualifier,
                unit,
                rate,
                vague,
            } => {
                let mut words: Vec<String> = Vec::new();
                if let Some(q) = qualifier {
                    words.push(q.as_str().replace('-', " "));
                }
                if *vague {
                    words.push(format!("{} of", magnitude_word(*value)));
                } else {
                    words.push(match value_max {
                        Some(max) => format!("{} – {}", format_number(*value), format_number(*max)),
                        None => format_number(*value),
                    });
                }
                words.extend([unit, rate].into_iter().flatten().cloned());
                let mut text = words.join(" ");
                if *vague && unit.is_none() {
                    text.truncate(text.len() - " of".len());
                }
                vec![("Value", text)]
            }
        }
    }
}

/// "hundreds", "thousands", "tens of thousands", … for a vague magnitude.
fn magnitude_word(value: f64) -> String {
    const NAMES: &[(f64, &str)] = &[
        (1e9, "billions"),
        (1e8, "hundreds of millions"),
        (1e7, "tens of millions"),
        (1e6, "millions"),
        (1e5, "hundreds of thousands"),
        (1e4, "tens of thousands"),
        (1e3, "thousands"),
        (1e2, "hundreds"),
        (12.0, "dozens"),
    ];
    NAMES
        .iter()
        .find(|(v, _)| value >= *v)
        .map_or_else(|| format_number(value), |(_, name)| name.to_string())
}

/// A value as a reader writes it: "1,200", "38,940", "2.5".
///
/// ```
/// use claimlens::format_number;
/// assert_eq!(format_number(38940.0), "38,940");
/// assert_eq!(format_number(-1200.0), "-1,200");
/// assert_eq!(format_number(2.5), "2.5");
/// ```
pub fn format_number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 || !v.is_finite() {
        return v.to_string();
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
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
    /// The reference passage compared with, if any (with `marks`: its words that differ from
    /// the page passage).
    pub reference: Option<Reference>,
    /// The page passage compared (the finding's sentence, or a window of it around the
    /// finding's claim), with `marks`: its words that differ from the reference passage;
    /// null when there is no reference. JSON: `{"start", "end", "text", "marks"}`.
    pub page_passage: Option<PagePassage>,
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
    // The sentence holding a span's start (sentences are sorted and disjoint).
    let sentence_of = |span: Span| {
        let i = sents.partition_point(|s| s.end <= span.start);
        sents
            .get(i)
            .copied()
            .filter(|s| s.start <= span.start)
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
            page_passage: None,
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
            vague: s.vague,
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
