//! Findings: what a detector found, with its comparison — complete when made.

use crate::compare::{Claims, Compared, Comparison, Verdict};
use crate::detect::{Detections, LeftOut, Qualifier};
use crate::text::Span;
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
    /// Every kind, in the order the sidebar lists them.
    pub const ALL: [Kind; 3] = [Kind::Attribution, Kind::Hedge, Kind::Statistic];

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

/// What a detector found: its kind, where it stands and its kind-specific detail.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Detection {
    /// Attribution, hedge or statistic.
    pub kind: Kind,
    /// Byte offset of the first byte in the analysed text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The marked text.
    pub text: String,
    /// Kind-specific fields.
    #[serde(flatten)]
    pub detail: Detail,
}

impl Detection {
    /// The byte span of the detection.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One thing marked on the page: its detection and its comparison with the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Position in the report, 0-based, in text order; stable for one analysis.
    pub id: usize,
    /// What was found.
    pub detection: Detection,
    /// The claim it belongs to (the content of the attribution that holds it, else its
    /// clause): findings of one claim share one comparison and one card.
    pub claim: Span,
    /// How it compares with the corpus (not-compared when no corpus was given).
    pub comparison: Comparison,
}

impl Finding {
    /// The kind of finding.
    pub fn kind(&self) -> Kind {
        self.detection.kind
    }

    /// The marked text.
    pub fn text(&self) -> &str {
        &self.detection.text
    }

    /// The byte span of the finding.
    pub fn span(&self) -> Span {
        self.detection.span()
    }

    /// The verdict of its comparison.
    pub fn verdict(&self) -> Verdict {
        self.comparison.verdict
    }

    /// The words a reader acts on, which the page marks: the source and cue of an attribution
    /// (not the whole reported sentence), a hedge, a figure. In text order.
    ///
    /// ```
    /// use claimlens::{analyze, Kind};
    /// let text = "Russia lost 500 troops, the ministry said.";
    /// let report = analyze(text, None);
    /// let a = report.findings.iter().find(|f| f.kind() == Kind::Attribution).unwrap();
    /// let marked: Vec<&str> = a.marks().iter().map(|m| m.slice(text)).collect();
    /// assert_eq!(marked, ["the ministry", "said"]);
    /// ```
    pub fn marks(&self) -> Vec<Span> {
        match &self.detection.detail {
            Detail::Attribution { source, cue, .. } => {
                let mut marks: Vec<Span> = [source, cue]
                    .into_iter()
                    .flatten()
                    .map(|p| Span::new(p.start, p.end))
                    .collect();
                marks.sort();
                if marks.is_empty() {
                    marks.push(self.span());
                }
                marks
            }
            _ => vec![self.span()],
        }
    }
}

/// The result of analysing one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Findings in text order.
    pub findings: Vec<Finding>,
    /// The corpus documents that tell the page's story, best first, as (id, title); empty when
    /// the corpus has nothing on this text or none was given.
    pub story: Vec<StoryDocument>,
    /// Whether a corpus was given.
    pub compared: bool,
    /// Findings left out of run-on sentences that held more than
    /// [`crate::detect::MAX_PER_SENTENCE`] of a kind, in text order.
    pub left_out: Vec<LeftOut>,
}

/// A corpus document that tells the analysed text's story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryDocument {
    /// The document's identifier.
    pub doc: String,
    /// Its title.
    pub title: String,
    /// Cosine similarity with the text, 0–1.
    pub similarity: f64,
}

/// The findings of `text`: each detection of `det` with its claim and its comparison (from
/// `compared`, or not-compared), in text order.
pub(crate) fn findings(
    text: &str,
    det: &Detections,
    claims: &Claims,
    compared: Option<Compared>,
) -> Vec<Finding> {
    let mut out: Vec<(Detection, Span, Option<Comparison>)> = Vec::new();
    let detection = |kind, span: Span, detail| Detection {
        kind,
        start: span.start,
        end: span.end,
        text: span.slice(text).to_string(),
        detail,
    };
    let (mut attributions, mut hedges, mut statistics) = match compared {
        Some(c) => (
            c.attributions.into_iter().map(Some).collect(),
            c.hedges.into_iter().map(Some).collect(),
            c.statistics.into_iter().map(Some).collect(),
        ),
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    let take =
        |list: &mut Vec<Option<Comparison>>, i: usize| list.get_mut(i).and_then(Option::take);
    for (i, a) in det.attributions.iter().enumerate() {
        let detail = Detail::Attribution {
            source: a.source.map(|s| Part::of(text, s)),
            cue: Some(Part::of(text, a.cue)),
            content: a.content.map(|s| Part::of(text, s)),
        };
        out.push((
            detection(Kind::Attribution, a.span, detail),
            claims.attributions.get(i).copied().unwrap_or(a.span),
            take(&mut attributions, i),
        ));
    }
    for (i, h) in det.hedges.iter().enumerate() {
        let detail = Detail::Hedge { cue: h.cue.clone() };
        out.push((
            detection(Kind::Hedge, h.span, detail),
            claims.hedges.get(i).copied().unwrap_or(h.span),
            take(&mut hedges, i),
        ));
    }
    for (i, s) in det.statistics.iter().enumerate() {
        let detail = Detail::Statistic {
            value: s.value,
            value_max: s.value_max,
            qualifier: s.qualifier,
            unit: s.unit.clone(),
            rate: s.rate.clone(),
            vague: s.vague,
        };
        out.push((
            detection(Kind::Statistic, s.span, detail),
            claims.statistics.get(i).copied().unwrap_or(s.span),
            take(&mut statistics, i),
        ));
    }
    out.sort_by_key(|(d, _, _)| (d.start, d.end));
    out.into_iter()
        .enumerate()
        .map(|(id, (detection, claim, comparison))| Finding {
            id,
            detection,
            claim,
            comparison: comparison.unwrap_or_else(Comparison::not_compared),
        })
        .collect()
}
