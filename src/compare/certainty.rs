//! How certainly a claim is stated: its hedges (found by the hedge detector) and its negations
//! ("did not", "denied"; `negations.txt`), which deny what the other side states.

use crate::detect::lexicon;
use crate::text::Span;
use regex::Regex;
use std::sync::LazyLock;

/// All negation phrases of `negations.txt` as one alternation, longest first, on word bounds.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = lexicon::entries(include_str!("negations.txt")).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternation = phrases
        .iter()
        .map(|p| regex::escape(p).replace("'", "['’]").replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)\b(?:{alternation})\b")).expect("negation pattern")
});

/// A word or phrase that lowers or denies the certainty of a claim.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cue {
    /// Where it stands in its text.
    pub span: Span,
    /// Whether it denies the claim ("did not") rather than hedging it ("allegedly").
    pub negation: bool,
}

/// The negations in `span` of `text`, in text order.
///
/// The pattern is one regex over a span of bounded length, so the cost is linear.
pub(crate) fn negations(text: &str, span: Span) -> Vec<Span> {
    NEGATION
        .find_iter(span.slice(text))
        .map(|m| Span::new(span.start + m.start(), span.start + m.end()))
        .collect()
}

/// How the certainty of two sides differs, in words, if it does: `page` and `reference` are
/// the cues that bear on the compared claim in each text.
pub(crate) fn certainty_detail(
    page: &[Cue],
    reference: &[Cue],
    page_text: &str,
    ref_text: &str,
) -> Option<String> {
    let quote = |c: &Cue, t: &str| {
        c.span
            .slice(t)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let first =
        |cues: &[Cue], negation: bool| cues.iter().find(|c| c.negation == negation).cloned();
    let (page_neg, ref_neg) = (first(page, true), first(reference, true));
    match (&page_neg, &ref_neg) {
        (Some(c), None) => {
            return Some(format!(
                "This page denies it (“{}”); the reference states it.",
                quote(c, page_text)
            ))
        }
        (None, Some(c)) => {
            return Some(format!(
                "The reference denies it (“{}”); this page states it.",
                quote(c, ref_text)
            ))
        }
        _ => {}
    }
    match (first(page, false), first(reference, false)) {
        (Some(c), None) => Some(format!(
            "This page hedges it (“{}”); the reference states it flatly.",
            quote(&c, page_text)
        )),
        (None, Some(c)) => Some(format!(
            "The reference hedges it (“{}”); this page states it flatly.",
            quote(&c, ref_text)
        )),
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
        assert_eq!(found("Russia did not recruit migrants."), ["did not"]);
        assert_eq!(found("The Kremlin denied recruiting them."), ["denied"]);
        assert_eq!(found("Moscow hasn’t sent troops."), ["hasn’t"]);
        assert_eq!(
            found("by threatening not to extend their visas, in no fewer than 21 countries"),
            Vec::<&str>::new()
        );
        assert_eq!(
            found("These figures cannot be independently verified."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn the_detail_says_which_side_hedges_or_denies() {
        let page = "Russia did not recruit them.";
        let reference = "Russia allegedly recruited them.";
        let neg = Cue {
            span: Span::new(7, 14),
            negation: true,
        };
        let hedge = Cue {
            span: Span::new(7, 16),
            negation: false,
        };
        let d = certainty_detail(std::slice::from_ref(&neg), &[], page, reference).unwrap();
        assert!(d.starts_with("This page denies it (“did not”)"), "{d}");
        let d = certainty_detail(&[], std::slice::from_ref(&hedge), page, reference).unwrap();
        assert!(
            d.starts_with("The reference hedges it (“allegedly”)"),
            "{d}"
        );
        assert_eq!(
            certainty_detail(
                std::slice::from_ref(&hedge),
                std::slice::from_ref(&hedge),
                reference,
                reference
            ),
            None
        );
        assert_eq!(
            certainty_detail(
                std::slice::from_ref(&neg),
                std::slice::from_ref(&neg),
                page,
                page
            ),
            None
        );
    }
}
