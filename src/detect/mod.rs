//! Detectors for the three kinds of finding: attributions, hedges and statistics.
//!
//! Each detector takes the text and its sentences (see [`crate::text::sentences`]) and returns
//! spans in UTF-8 byte offsets of that text. Lexicons are data files in `src/detect/lexicons/`,
//! one entry per line with a rationale, compiled in with `include_str!`.

mod attribution;
mod hedge;
pub(crate) mod lexicon;
mod not_figures;
mod statistic;

pub use attribution::find_attributions;
pub use hedge::find_hedges;
pub use statistic::find_statistics;

use crate::text::Span;
use serde::Serialize;

/// Who says what: a cue ("said", "according to", "as reported by"), its source and its content.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution {
    /// The whole attribution: the cover of cue, source and content.
    pub span: Span,
    /// The attributing word or phrase ("said", "according to", "as reported by").
    pub cue: Span,
    /// Who is credited ("Bloomberg", "the UK Ministry of Defence", "he"), if found.
    pub source: Option<Span>,
    /// What is attributed, if found (for indirect speech, the reported clause).
    pub content: Option<Span>,
}

/// A word or phrase that lowers the certainty of a statement ("allegedly", "could potentially",
/// "cannot be independently verified").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hedge {
    /// The cue as it stands in the text.
    pub span: Span,
    /// The lexicon entry that matched, lower-case ("allegedly", "cannot be independently verified").
    pub cue: String,
}

/// How a figure is qualified: "over 1,200", "at least 21", "about 500".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// "over", "more than", "above", "in excess of".
    Over,
    /// "at least", "no fewer than".
    AtLeast,
    /// "about", "around", "some", "roughly", "approximately", "an estimated".
    About,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "up to", "as many as".
    UpTo,
    /// "under", "less than", "fewer than", "below".
    Under,
    /// "at most", "no more than".
    AtMost,
    /// "exactly", "precisely".
    Exactly,
}

impl Qualifier {
    /// The kebab-case name used in JSON and on cards.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at-least",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::UpTo => "up-to",
            Qualifier::Under => "under",
            Qualifier::AtMost => "at-most",
            Qualifier::Exactly => "exactly",
        }
    }
}

/// A figure: a numeral, a written number, a vague magnitude ("thousands of"), a percentage,
/// an amount of money, a range or a rate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statistic {
    /// The whole expression, qualifier, unit and rate included ("over 1,200 casualties per day").
    pub span: Span,
    /// The value (the lower bound for ranges; for "thousands" the magnitude, 1000).
    pub value: f64,
    /// The upper bound of a range ("35,000-37,000"), if any.
    pub value_max: Option<f64>,
    /// "over", "at least", … if the figure is qualified.
    pub qualifier: Option<Qualifier>,
    /// What is counted or measured, normalised: "percent", "USD", "km", or the counted noun
    /// lower-cased as written ("casualties", "countries", "migrants").
    pub unit: Option<String>,
    /// The rate, normalised: "per day", "per month", "per year", … if any.
    pub rate: Option<String>,
    /// Whether the value is a vague magnitude ("thousands of", "tens of thousands", "hundreds").
    pub vague: bool,
}

/// Everything the detectors found in one text, each list sorted by span start.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Detections {
    /// Attributed claims.
    pub attributions: Vec<Attribution>,
    /// Hedge cues.
    pub hedges: Vec<Hedge>,
    /// Figures.
    pub statistics: Vec<Statistic>,
}

/// The sentences a detector reads: the given spans that lie on char boundaries inside `text`,
/// or the whole text when no sentence is given.
pub(crate) fn readable_sentences<'a>(
    text: &'a str,
    sentences: &'a [Span],
) -> impl Iterator<Item = Span> + 'a {
    let whole = sentences.is_empty().then(|| Span::new(0, text.len()));
    sentences.iter().copied().chain(whole).filter(move |s| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    })
}

/// Runs all three detectors over `text`, split into `sentences`.
pub fn detect(text: &str, sentences: &[Span]) -> Detections {
    Detections {
        attributions: find_attributions(text, sentences),
        hedges: find_hedges(text, sentences),
        statistics: find_statistics(text, sentences),
    }
}
