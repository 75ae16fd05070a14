//! Whether two credited sources are the same, allowing for aliases ("the UK Ministry of
//! Defence", "the UK", "British defence officials").

use crate::corpus::terms;
use std::collections::HashSet;

/// Words that describe a source without identifying it.
const UNSPECIFIC: &[&str] = &[
    "unnam",
    "anonymou",
    "unidentifi",
    "senior",
    "certain",
    "sever",
];

/// The identifying words of a source, canonicalised.
fn key(source: &str) -> HashSet<String> {
    terms(source)
        .into_iter()
        .filter(|t| !UNSPECIFIC.iter().any(|u| t.starts_with(u)))
        .collect()
}

/// Heads that say what kind of body a source is, not which one.
const GENERIC: &[&str] = &[
    "official",
    "sourc",
    "ministri",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "report",
    "government",
    "agenci",
    "authoriti",
    "expert",
    "analyst",
    "intelligence",
    "statement",
    // "defence ministry", "defence officials" say which kind of body, not whose: "the UK
    // Ministry of Defence" and "Ukraine's Defense Ministry" differ by their country alone.
    "defence",
];

fn is_generic(term: &str) -> bool {
    GENERIC.contains(&term)
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
