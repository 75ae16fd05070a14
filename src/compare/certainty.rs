//! How certainly a claim is stated: its hedges (found by the hedge detector) and its negations
//! ("did not", "denied"; `negations.txt`), which deny what the other side states.

use super::outcome::{Difference, Side};
use crate::detect::lexicon;
use crate::text::{tokens, Span};
use std::sync::LazyLock;

/// The negation phrases of `negations.txt`, as lower-case words (apostrophes straight),
/// longest first.
static NEGATIONS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut phrases: Vec<Vec<String>> = lexicon::entries(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/compare/negations.txt"
    )))
    .map(|p| p.split_whitespace().map(straight).collect())
    .collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
});

/// Attribution cues that report a measurement rather than distance the writer from the claim
/// (`measuring_cues.txt`): "the ministry estimates that …" states a figure as an estimate, the
/// way figures are reported, and hedges nothing a reader should weigh.
static MEASURING: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/compare/measuring_cues.txt"
    )))
    .collect()
});

fn straight(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// Whether a hedge cue (lower-case, as the hedge detector reports it) measures rather than
/// distances when it is the cue of an attribution.
pub(crate) fn is_measuring(cue: &str) -> bool {
    MEASURING.contains(&cue)
}

/// A word or phrase that lowers or denies the certainty of a claim.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cue {
    /// Where it stands in its text.
    pub span: Span,
    /// Whether it denies the claim ("did not") rather than hedging it ("allegedly").
    pub negation: bool,
    /// Whether it is the cue of the attribution that credits the claim ("officials allege
    /// that …", "reports suggest that …"): such a cue makes a side hedged, so that the other
    /// side's hedge is no difference, but does not by itself make a difference — crediting the
    /// claim is what the source comparison weighs.
    pub attributing: bool,
}

/// The negations in `span` of `text`, in text order (one pass over the span's words).
pub(crate) fn negations(text: &str, span: Span) -> Vec<Span> {
    let words = tokens(span.slice(text));
    let norms: Vec<String> = words.iter().map(|t| straight(&t.norm)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = NEGATIONS
            .iter()
            .find(|p| norms.len() >= i + p.len() && p.iter().zip(&norms[i..]).all(|(a, b)| a == b));
        match found {
            Some(p) => {
                let (first, last) = (&words[i], &words[i + p.len() - 1]);
                out.push(Span::new(
                    span.start + first.span.start,
                    span.start + last.span.end,
                ));
                i += p.len();
            }
            None => i += 1,
        }
    }
    out
}

/// How the certainty of two sides differs, if it does: `page` and `reference` are the cues
/// that govern the compared claim in each text. A denial on one side only outweighs a hedge; a
/// hedge on one side differs only when the other side has no cue at all (an attributing one
/// included), and is itself not only attributing.
pub(crate) fn certainty_difference(
    page: &[Cue],
    reference: &[Cue],
    page_text: &str,
    ref_text: &str,
) -> Option<Difference> {
    let quote = |c: &Cue, t: &str| {
        c.span
            .slice(t)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first =
        |cues: &[Cue], negation: bool| cues.iter().find(|c| c.negation == negation).cloned();
    let differ = |side: Side, cue: &Cue, text: &str| Difference::Certainty {
        side,
        cue: quote(cue, text),
        denial: cue.negation,
    };
    match (first(page, true), first(reference, true)) {
        (Some(c), None) => return Some(differ(Side::Page, &c, page_text)),
        (None, Some(c)) => return Some(differ(Side::Reference, &c, ref_text)),
        _ => {}
    }
    let own = |cues: &[Cue]| cues.iter().find(|c| !c.negation && !c.attributing).cloned();
    match (own(page), own(reference)) {
        (Some(c), None) if reference.is_empty() => Some(differ(Side::Page, &c, page_text)),
        (None, Some(c)) if page.is_empty() => Some(differ(Side::Reference, &c, ref_text)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        negations(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn negations_are_phrases_not_every_not() {
        const CASES: &[(&str, &[&str])] = &[
            ("Russia did not recruit migrants.", &["did not"]),
            ("The Kremlin denied recruiting them.", &["denied"]),
            ("Moscow hasn’t sent troops.", &["hasn’t"]),
            ("Moscow hasn't sent troops.", &["hasn't"]),
            (
                "by threatening not to extend their visas, in no fewer than 21 countries",
                &[],
            ),
            ("These figures cannot be independently verified.", &[]),
        ];
        for (text, want) in CASES {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    #[test]
    fn the_difference_names_the_side_that_hedges_or_denies() {
        let page = "Russia did not recruit them.";
        let reference = "Russia allegedly recruited them.";
        let neg = Cue {
            span: Span::new(7, 14),
            negation: true,
            attributing: false,
        };
        let hedge = Cue {
            span: Span::new(7, 16),
            negation: false,
            attributing: false,
        };
        let alleging = Cue {
            attributing: true,
            ..hedge.clone()
        };
        let one = |c: &Cue| std::slice::from_ref(c).to_vec();
        assert_eq!(
            certainty_difference(&one(&neg), &[], page, reference),
            Some(Difference::Certainty {
                side: Side::Page,
                cue: "did not".into(),
                denial: true
            })
        );
        assert_eq!(
            certainty_difference(&[], &one(&hedge), page, reference),
            Some(Difference::Certainty {
                side: Side::Reference,
                cue: "allegedly".into(),
                denial: false
            })
        );
        assert_eq!(
            certainty_difference(&one(&hedge), &one(&hedge), reference, reference),
            None
        );
        assert_eq!(
            certainty_difference(&one(&neg), &one(&neg), page, page),
            None
        );
        // An attributing cue makes its side hedged, but alone makes no difference.
        assert_eq!(
            certainty_difference(&one(&alleging), &[], reference, page),
            None
        );
        assert_eq!(
            certainty_difference(&one(&hedge), &one(&alleging), reference, reference),
            None
        );
    }
}
