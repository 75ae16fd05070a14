//! Whether two credited sources are the same, allowing for aliases ("the UK Ministry of
//! Defence", "the UK", "British defence officials"). Words that describe a source without
//! identifying it are data (`source_words.txt`).

use super::outcome::{Agreement, Difference};
use crate::corpus::{canonical, terms};
use crate::detect::lexicon;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How a word of a source bears on which source it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    /// Describes without identifying ("unnamed").
    Unspecific,
    /// Says what kind of body, not which one ("officials").
    Generic,
}

/// Canonical word → its class (`source_words.txt`).
static WORDS: LazyLock<HashMap<String, Word>> = LazyLock::new(|| {
    lexicon::entries(include_str!("source_words.txt"))
        .filter_map(|e| {
            let (word, class) = e.split_once('=')?;
            let class = match class.trim() {
                "unspecific" => Word::Unspecific,
                "generic" => Word::Generic,
                other => panic!("source_words.txt: unknown class {other:?}"),
            };
            Some((canonical(word.trim()), class))
        })
        .collect()
});

/// The identifying words of a source, canonicalised.
fn key(source: &str) -> HashSet<String> {
    terms(source)
        .into_iter()
        .filter(|t| WORDS.get(t) != Some(&Word::Unspecific))
        .collect()
}

fn is_generic(term: &str) -> bool {
    WORDS.get(term) == Some(&Word::Generic)
}

/// Pronouns that can stand as a source.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Whether a source names a particular body or person ("Bloomberg", "European officials"),
/// rather than only a role or a pronoun ("officials", "the report", "he").
///
/// ```
/// use claimlens::compare::is_specific;
/// assert!(is_specific("unnamed European officials"));
/// assert!(!is_specific("the report"));
/// assert!(!is_specific("She"));
/// ```
pub fn is_specific(source: &str) -> bool {
    let lower = source.trim().to_lowercase();
    !PRONOUNS.contains(&lower.as_str()) && key(source).iter().any(|t| !is_generic(t))
}

/// Whether two sources name the same body: their identifying words (heads such as "officials"
/// aside) overlap by at least half of the smaller set; sources with no identifying word match
/// on their heads.
///
/// ```
/// use claimlens::compare::same_source;
/// assert!(same_source("the UK Ministry of Defence", "British defence officials"));
/// assert!(same_source("the UK Ministry of Defence", "the UK"));
/// assert!(!same_source("European officials", "inside sources"));
/// assert!(!same_source("European officials", "Ukrainian officials"));
/// assert!(!same_source("Ukraine’s Defense Ministry", "The UK Ministry of Defence"));
/// assert!(same_source("the Kremlin", "Moscow"));
/// ```
pub fn same_source(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    let (ident_a, heads_a): (HashSet<&String>, HashSet<&String>) =
        a.iter().partition(|t| !is_generic(t));
    let (ident_b, heads_b): (HashSet<&String>, HashSet<&String>) =
        b.iter().partition(|t| !is_generic(t));
    if ident_a.is_empty() || ident_b.is_empty() {
        return !heads_a.is_disjoint(&heads_b);
    }
    let shared = ident_a.intersection(&ident_b).count();
    shared > 0 && shared * 2 >= ident_a.len().min(ident_b.len())
}

/// Which side's silence about a source, where the other credits one, is a difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OneSidedCredit {
    /// Either side's: who says a claim is what an attributed claim is about ("European
    /// officials allege that …" against the same allegation stated flatly).
    Either,
    /// The page's only: a figure stated flatly on the page is someone's figure the reader should
    /// know of ("over 1,200 casualties per day" against "The UK Ministry of Defence estimates
    /// … over 1,200"); a figure the page credits and another report states flatly is the same
    /// figure, corroborated.
    PageSilent,
}

/// How the sources credited on the page (`mine`) and in the reference (`theirs`) for one claim
/// bear on each other: an agreement when one is the same (aliases allowed), a difference when
/// they differ — other specific sources, or a specific source on one side and none at all on
/// the other (as `one_sided` says) — and nothing when there is nothing to set against each
/// other ("the report", "he" or "officials" name no one in particular).
///
/// ```
/// use claimlens::compare::{source_comparison, Agreement, Difference, OneSidedCredit::*};
/// assert!(matches!(source_comparison(&["the UK"], &["British defence officials"], Either), Some(Ok(Agreement::Source { .. }))));
/// assert!(matches!(source_comparison(&["inside sources"], &["European officials"], PageSilent), Some(Err(Difference::Source { .. }))));
/// assert!(matches!(source_comparison(&[], &["the UK Ministry of Defence"], PageSilent), Some(Err(_))));
/// assert!(matches!(source_comparison(&["the UK Ministry of Defence"], &[], Either), Some(Err(_))));
/// assert_eq!(source_comparison(&["the UK Ministry of Defence"], &[], PageSilent), None);
/// assert_eq!(source_comparison(&["the report"], &["Ukrainian intelligence"], Either), None);
/// ```
pub fn source_comparison(
    mine: &[&str],
    theirs: &[&str],
    one_sided: OneSidedCredit,
) -> Option<Result<Agreement, Difference>> {
    if let Some(same) = mine
        .iter()
        .find(|m| theirs.iter().any(|t| same_source(m, t)))
    {
        return Some(Ok(Agreement::Source {
            source: same.to_string(),
        }));
    }
    fn specific<'s>(list: &[&'s str]) -> Option<&'s str> {
        list.iter().copied().find(|s| is_specific(s))
    }
    let differ = |page: Option<&str>, reference: Option<&str>| {
        Some(Err(Difference::Source {
            page: page.map(str::to_string),
            reference: reference.map(str::to_string),
        }))
    };
    match (specific(mine), specific(theirs)) {
        (Some(m), Some(t)) => differ(Some(m), Some(t)),
        (Some(m), None) if one_sided == OneSidedCredit::Either && theirs.is_empty() => {
            differ(Some(m), None)
        }
        (None, Some(t)) if mine.is_empty() => differ(None, Some(t)),
        _ => None,
    }
}
