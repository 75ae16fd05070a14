//! Detectors for the three kinds of finding: attributions, hedges and statistics.
//!
//! Each detector takes the text and its sentences (see [`crate::text::sentences`]) and returns
//! spans in UTF-8 byte offsets of that text. They are rules over the one token stream of
//! [`crate::text`]: [`detect`] scans the text once for all three. Lexicons are data files in
//! `src/detect/lexicons/`, one entry per line with a rationale, read by
//! [`crate::text::lexicon`]; a test checks every file.
//!
//! **Cost.** Every detector is O(input): one pass over each sentence's tokens, with look-arounds
//! bounded by constants (a noun phrase at most 14 tokens, an adjunct 8, an appositive 24, a
//! phrase at most its lexicon's longest entry). An attribution's content ends with its clause
//! and never runs past 120 tokens ([`Attribution::truncated`] says when it was cut), and an
//! attribution inside another's content is not reported again, so the findings cover at most
//! about the input once. Measured on the adversarial inputs of issue 10
//! (`cargo run --release --example adversarial`; `tests/bounds.rs` asserts the output bounds):
//! 11–16 MB/s, against 18 MB/s on ordinary news text.

mod attribution;
mod hedge;
pub(crate) mod lexicon;
mod not_figures;
mod statistic;

pub use attribution::find_attributions;
pub use hedge::find_hedges;
pub use statistic::find_statistics;

#[cfg(test)]
use crate::text::lexicon::Lexicon;
use crate::text::{Span, Text};
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
    /// What is attributed, if found (for indirect speech, the reported clause). A content ends
    /// with its clause and never runs past `CONTENT_MAX` (120) tokens.
    pub content: Option<Span>,
    /// Whether the content was cut at that cap (a run-on clause).
    pub truncated: bool,
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

/// Runs all three detectors over `text`, split into `sentences` (the text is scanned once).
pub fn detect(text: &str, sentences: &[Span]) -> Detections {
    let doc = Text::new(text, sentences);
    Detections {
        attributions: attribution::attributions(&doc),
        hedges: hedge::hedges(&doc),
        statistics: statistic::statistics(&doc),
    }
}

/// Every lexicon the detectors read, for the test that checks them all.
#[cfg(test)]
pub(crate) const LEXICONS: &[Lexicon] = &[
    attribution::lex::VERBS,
    attribution::lex::PHRASES,
    attribution::lex::SOURCES,
    attribution::lex::DOCUMENTS,
    attribution::lex::WORDS,
    hedge::HEDGES,
    hedge::EXCEPTIONS,
    hedge::DOXASTIC,
    hedge::CONTEXT,
    hedge::FUNCTION_WORDS,
    statistic::QUALIFIER_LEXICON,
    statistic::UNIT_LEXICON,
    statistic::RATE_LEXICON,
    statistic::MONTH_LEXICON,
    statistic::YEAR_CUE_LEXICON,
    statistic::FRACTION_LEXICON,
    statistic::SUBUNIT_LEXICON,
    statistic::NUMBER_WORD_LEXICON,
    statistic::CONTEXT_LEXICON,
    statistic::UNIT_STEP_LEXICON,
];

#[cfg(test)]
mod tests {
    /// Every lexicon file of the crate fits its format: no unknown kind, no entry without a
    /// rationale, no stray `= value` (see [`crate::text::lexicon`]); the compiled-in copy has the
    /// same entries.
    #[test]
    fn every_lexicon_is_well_formed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut errors = Vec::new();
        for lexicon in super::LEXICONS.iter().chain(crate::text::LEXICONS) {
            let source = std::fs::read_to_string(root.join(lexicon.name)).expect("lexicon file");
            match (lexicon.check_source(&source), lexicon.check()) {
                (Ok(n), Ok(compiled)) if n == compiled.len() => {}
                (Ok(n), Ok(compiled)) => errors.push(format!(
                    "{}: {n} entries in the source, {} compiled in",
                    lexicon.name,
                    compiled.len()
                )),
                (Err(e), _) | (_, Err(e)) => errors.push(e.to_string()),
            }
        }
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }

    /// Every lexicon file in `src/detect/lexicons/` is registered in [`super::LEXICONS`].
    #[test]
    fn every_lexicon_file_is_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detect/lexicons");
        for entry in std::fs::read_dir(&dir).expect("lexicon folder") {
            let name = entry
                .expect("entry")
                .file_name()
                .into_string()
                .expect("utf-8 name");
            let path = format!("detect/lexicons/{name}");
            assert!(
                super::LEXICONS.iter().any(|l| l.name == path),
                "{path} is not in detect::LEXICONS"
            );
        }
    }
}
