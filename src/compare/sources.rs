//! Whether two credited sources are the same, allowing for aliases ("the UK Ministry of
//! Defence", "the UK", "British defence officials"). Words that describe a source without
//! identifying it are data (`source_words.txt`).

use super::outcome::{Agreement, Difference};
use crate::corpus::{canonical, is_stopword, terms};
use crate::detect::lexicon;
use crate::text::{tokens, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How a word of a source bears on which source it is.
#[derive(Clone, PartialEq, Eq)]
enum Word {
    /// Describes without identifying ("unnamed").
    Unspecific,
    /// Says what kind of body, not which one ("officials").
    Generic,
    /// A role any story credits without naming who holds it ("police", "the officer"), with
    /// the families of roles one person may hold alike ("officer": law, military).
    Role(Vec<String>),
}

/// Canonical word → its class (`source_words.txt`).
static WORDS: LazyLock<HashMap<String, Word>> = LazyLock::new(|| {
    lexicon::entries(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/compare/source_words.txt"
    )))
    .filter_map(|e| {
        let (word, class) = e.split_once('=')?;
        let mut class = class.split_whitespace();
        let class = match class.next() {
            Some("unspecific") => Word::Unspecific,
            Some("generic") => Word::Generic,
            Some("role") => Word::Role(class.map(str::to_string).collect()),
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

/// Whether a word says what kind of source it is rather than which (a head or a role).
fn is_generic(term: &str) -> bool {
    matches!(WORDS.get(term), Some(Word::Generic | Word::Role(_)))
}

/// What a source tells of who it is.
#[derive(Debug, PartialEq, Eq)]
enum Credit {
    /// No one in particular ("he", "the report", "officials").
    Vague,
    /// A listed role, by its families ("police": law): whoever holds it.
    Role(HashSet<String>),
    /// Described in words outside the lists, none capitalised ("his lawyer", "inside sources").
    Described,
    /// Named: a capitalised word outside the lists ("Bloomberg", "Sheriff Robert Pickell").
    Named,
}

/// What a source tells of who it is (see [`Credit`]).
fn credit(source: &str) -> Credit {
    let lower = source.trim().to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return Credit::Vague;
    }
    let mut families = HashSet::new();
    let mut described = false;
    for token in tokens(source) {
        if token.kind != TokenKind::Word || is_stopword(&token.norm) {
            continue;
        }
        match WORDS.get(&canonical(&token.norm)) {
            Some(Word::Unspecific | Word::Generic) => {}
            Some(Word::Role(of)) => families.extend(of.iter().cloned()),
            None if token.cap => return Credit::Named,
            None => described = true,
        }
    }
    match (described, families.is_empty()) {
        (true, _) => Credit::Described,
        (false, false) => Credit::Role(families),
        (false, true) => Credit::Vague,
    }
}

/// Whether two sources, neither the same as the other, are surely not one: a listed role and
/// a name may be one ("police", "Sheriff Pickell"; "the officer", "Nambiar"), and so may two
/// roles of one family ("police", "officers"); any other two differ ("his lawyer", "police").
fn surely_other(a: &str, b: &str) -> bool {
    match (credit(a), credit(b)) {
        (Credit::Role(a), Credit::Role(b)) => a.is_disjoint(&b),
        (Credit::Role(_), Credit::Named) | (Credit::Named, Credit::Role(_)) => false,
        _ => true,
    }
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
    credit(source) != Credit::Vague
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

/// Whether silence about a source on one side, where the other credits one, is a difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OneSidedCredit {
    /// Either side's silence differs: who says a claim is what an attributed claim is about
    /// ("European officials allege that …" against the same allegation stated flatly), and a
    /// near-copy that drops or adds a credit changed what the original says.
    Either,
    /// Neither side's: a figure stated flatly in one report and credited in another is the
    /// same figure, corroborated; the card names the reference's credit
    /// ([`Agreement::Credited`]) so the reader still learns whose figure it is.
    Neither,
}

/// How the sources credited on the page (`mine`) and in the reference (`theirs`) for one claim
/// bear on each other: an agreement when one is the same (aliases allowed), a difference when
/// they differ — other specific sources, or a specific source on one side and none at all on
/// the other (as `one_sided` says; else the reference's credit is named as an agreement) — and
/// nothing when there is nothing to set against each other ("the report", "he" or "officials"
/// name no one in particular).
///
/// ```
/// use claimlens::compare::{source_comparison, Agreement, Difference, OneSidedCredit::*};
/// assert!(matches!(source_comparison(&["the UK"], &["British defence officials"], Either), Some(Ok(Agreement::Source { .. }))));
/// assert!(matches!(source_comparison(&["inside sources"], &["European officials"], Neither), Some(Err(Difference::Source { .. }))));
/// assert!(matches!(source_comparison(&[], &["the UK Ministry of Defence"], Either), Some(Err(_))));
/// assert!(matches!(source_comparison(&[], &["the UK Ministry of Defence"], Neither), Some(Ok(Agreement::Credited { .. }))));
/// assert!(matches!(source_comparison(&["the UK Ministry of Defence"], &[], Either), Some(Err(_))));
/// assert_eq!(source_comparison(&["the UK Ministry of Defence"], &[], Neither), None);
/// assert_eq!(source_comparison(&["the report"], &["Ukrainian intelligence"], Either), None);
/// // A role and a name may be one person; two roles of one family too; other roles differ.
/// assert_eq!(source_comparison(&["police"], &["Sheriff Robert Pickell"], Neither), None);
/// assert_eq!(source_comparison(&["the police"], &["Officers"], Neither), None);
/// assert!(matches!(source_comparison(&["his lawyer"], &["police"], Either), Some(Err(_))));
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
        (Some(m), Some(t)) if surely_other(m, t) => differ(Some(m), Some(t)),
        (Some(m), None) if one_sided == OneSidedCredit::Either && theirs.is_empty() => {
            differ(Some(m), None)
        }
        (None, Some(t)) if mine.is_empty() => match one_sided {
            OneSidedCredit::Either => differ(None, Some(t)),
            OneSidedCredit::Neither => Some(Ok(Agreement::Credited {
                source: t.to_string(),
            })),
        },
        _ => None,
    }
}
