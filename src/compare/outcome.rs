//! What a comparison finds, typed: the verdict, each difference and each agreement, the passages
//! set side by side. No prose here — [`crate::view`] turns these into the words a card shows,
//! so a card's explanation can never disagree with its facts.

use super::diff::Mark;
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
    /// Every verdict, most important first (the order of a triaged sidebar).
    pub const ALL: [Verdict; 6] = [
        Verdict::NumberDiffers,
        Verdict::CertaintyDiffers,
        Verdict::SourceDiffers,
        Verdict::Corroborated,
        Verdict::NotInCorpus,
        Verdict::NotCompared,
    ];

    /// How much a reader needs to know of it: the verdict of a finding is its most important
    /// difference.
    ///
    /// ```
    /// use claimlens::Verdict;
    /// assert!(Verdict::NumberDiffers.importance() > Verdict::Corroborated.importance());
    /// ```
    pub fn importance(self) -> u8 {
        match self {
            Verdict::NumberDiffers => 5,
            Verdict::CertaintyDiffers => 4,
            Verdict::SourceDiffers => 3,
            Verdict::Corroborated => 2,
            Verdict::NotInCorpus => 1,
            Verdict::NotCompared => 0,
        }
    }

    /// Whether the verdict reports a difference from the corpus.
    pub fn is_difference(self) -> bool {
        matches!(
            self,
            Verdict::NumberDiffers | Verdict::CertaintyDiffers | Verdict::SourceDiffers
        )
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
}

/// Which text a quoted word comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The page being read.
    Page,
    /// The reference passage.
    Reference,
}

/// One way in which a finding differs from its reference passage, with the words that decided.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Difference {
    /// The same quantity is given another value.
    Number {
        /// The page's figure as written.
        page: String,
        /// The reference's figure as written.
        reference: String,
        /// Whether the two cannot both be true ("900" against "over 1,200"); two different
        /// lower bounds ("more than 50", "more than 75") differ without contradicting.
        contradicts: bool,
    },
    /// One side hedges or denies the claim; the other states it.
    Certainty {
        /// The side that hedges or denies.
        side: Side,
        /// The hedge or negation as written ("purportedly", "did not").
        cue: String,
        /// Whether it denies the claim rather than hedging it.
        denial: bool,
    },
    /// The claim is credited to different sources, or to a source on one side only.
    Source {
        /// The source the page credits, if any.
        page: Option<String>,
        /// The source the reference credits, if any.
        reference: Option<String>,
    },
}

impl Difference {
    /// The verdict this difference alone would give.
    pub fn verdict(&self) -> Verdict {
        match self {
            Difference::Number { .. } => Verdict::NumberDiffers,
            Difference::Certainty { .. } => Verdict::CertaintyDiffers,
            Difference::Source { .. } => Verdict::SourceDiffers,
        }
    }
}

/// One way in which a finding agrees with its reference passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Agreement {
    /// The reference gives the same figure (or one the page's figure allows).
    Figure {
        /// The reference's figure as written.
        reference: String,
    },
    /// Both credit the same source (aliases allowed).
    Source {
        /// The source as the page names it.
        source: String,
    },
    /// The reference credits a source for a figure the page states flatly (the figure agrees;
    /// the reader learns whose figure it is).
    Credited {
        /// The source the reference credits, as it names it.
        source: String,
    },
    /// Both hedge (or both deny) the claim.
    Hedged {
        /// The reference's hedge or negation as written.
        cue: String,
        /// Whether both deny it rather than hedge it.
        denial: bool,
    },
    /// The reference states the same claim.
    Claim,
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
    /// How much of the page's claim the passage holds, 0–1.
    pub score: f64,
    /// The words of `text` that differ from the page passage (`Comparison::page_passage`), as
    /// byte spans into `text` (JSON: `[{"start", "end"}]`).
    pub marks: Vec<Mark>,
}

/// The part of the page a finding was compared with (its sentence, or a window of it around
/// the finding), shown beside the reference passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PagePassage {
    /// Byte offset of the passage's first byte in the analysed text.
    pub start: usize,
    /// Byte offset one past the passage's last byte.
    pub end: usize,
    /// The passage.
    pub text: String,
    /// The words of `text` that differ from the reference passage, as byte spans into `text`
    /// (not into the analysed text; JSON: `[{"start", "end"}]`).
    pub marks: Vec<Mark>,
}

/// The comparison of one finding with the corpus: complete when made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The most important difference's verdict; corroborated when there is none; not-in-corpus
    /// when no counterpart was found.
    pub verdict: Verdict,
    /// Every difference found, most important first.
    pub differences: Vec<Difference>,
    /// What agrees (shown when nothing differs).
    pub agreements: Vec<Agreement>,
    /// The reference passage compared with, if any.
    pub reference: Option<Reference>,
    /// The page's side of the comparison, if there is a reference.
    pub page_passage: Option<PagePassage>,
}

impl Comparison {
    /// The comparison of a finding when no corpus was given.
    pub fn not_compared() -> Comparison {
        Comparison::without(Verdict::NotCompared)
    }

    /// The comparison of a finding that has no counterpart in the corpus.
    pub fn not_in_corpus() -> Comparison {
        Comparison::without(Verdict::NotInCorpus)
    }

    fn without(verdict: Verdict) -> Comparison {
        Comparison {
            verdict,
            differences: Vec::new(),
            agreements: Vec::new(),
            reference: None,
            page_passage: None,
        }
    }

    /// A comparison with a counterpart: the verdict is the most important difference, else
    /// corroborated; differences are sorted most important first.
    pub fn found(
        mut differences: Vec<Difference>,
        agreements: Vec<Agreement>,
        reference: Reference,
        page_passage: PagePassage,
    ) -> Comparison {
        differences.sort_by_key(|d| std::cmp::Reverse(d.verdict().importance()));
        Comparison {
            verdict: differences
                .first()
                .map_or(Verdict::Corroborated, Difference::verdict),
            differences,
            agreements,
            reference: Some(reference),
            page_passage: Some(page_passage),
        }
    }
}
