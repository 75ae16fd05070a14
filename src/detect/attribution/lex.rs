//! The attribution lexicons (reporting verbs, cue phrases, source heads, documents) and the
//! closed-class English words the detector reasons with.

use crate::text::lexicon::{Format, Lexicon};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Reporting verbs.
pub(crate) const VERBS: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_verbs.txt",
    include_str!("../lexicons/attribution_verbs.txt"),
    Format::Phrases,
);
/// Cue phrases.
pub(crate) const PHRASES: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_phrases.txt",
    include_str!("../lexicons/attribution_phrases.txt"),
    Format::Phrases,
);
/// Source heads.
pub(crate) const SOURCES: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_sources.txt",
    include_str!("../lexicons/attribution_sources.txt"),
    Format::Phrases,
);
/// Documents.
pub(crate) const DOCUMENTS: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_documents.txt",
    include_str!("../lexicons/attribution_documents.txt"),
    Format::Phrases,
);

/// The inflection of a verb form, guessed from its suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// Any form but the -ing participle ("say", "says", "said", "reported").
    Finite,
    /// The -ing participle ("reporting", "saying").
    Ing,
}

/// A reporting verb form and what it needs around it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Verb {
    pub form: Form,
    /// Weak verbs ("suggest", "note") count only with a that-clause or a quotation.
    pub needs_that: bool,
    /// "tell" needs a hearer ("told reporters") before its content.
    pub needs_hearer: bool,
}

/// How a cue phrase relates to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PhraseKind {
    /// The source follows the cue: "according to X", "as reported by X", "citing X".
    Prep,
    /// The channel of a claim: "in a statement".
    Channel,
}

/// All lexicons, loaded once.
pub(super) struct Lexicons {
    verbs: HashMap<String, Verb>,
    /// Phrases keyed by their first word, longest first.
    phrases: HashMap<String, Vec<(Vec<String>, PhraseKind)>>,
    roles: HashSet<String>,
    documents: HashSet<String>,
}

pub(super) static LEX: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

impl Lexicons {
    fn load() -> Lexicons {
        let mut verbs = HashMap::new();
        for entry in VERBS.phrases() {
            let mut words = entry.split_whitespace();
            let base = words.next().unwrap_or_default();
            let rest = words.next();
            let needs_that = rest == Some("that");
            let needs_hearer = rest == Some("someone");
            for form in inflections(base) {
                let f = if form.ends_with("ing") {
                    Form::Ing
                } else {
                    Form::Finite
                };
                verbs.entry(form).or_insert(Verb {
                    form: f,
                    needs_that,
                    needs_hearer,
                });
            }
        }
        let mut phrases: HashMap<String, Vec<(Vec<String>, PhraseKind)>> = HashMap::new();
        for entry in PHRASES.phrases() {
            let words: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
            let last = words.last().map(String::as_str).unwrap_or_default();
            let kind = if matches!(last, "to" | "by") || last.ends_with("ing") {
                PhraseKind::Prep
            } else {
                PhraseKind::Channel
            };
            phrases
                .entry(words[0].clone())
                .or_default()
                .push((words, kind));
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Lexicons {
            verbs,
            phrases,
            roles: SOURCES.phrases().flat_map(noun_forms).collect(),
            documents: DOCUMENTS.phrases().flat_map(noun_forms).collect(),
        }
    }

    /// The reporting verb spelled `word` (lower-case), if any.
    pub fn verb(&self, word: &str) -> Option<Verb> {
        self.verbs.get(word).copied()
    }

    /// The cue phrases starting with `word`, longest first.
    pub fn phrases(&self, word: &str) -> &[(Vec<String>, PhraseKind)] {
        self.phrases.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `word` (lower-case, possessive stripped) names a role that can be a source.
    pub fn is_role(&self, word: &str) -> bool {
        self.roles.contains(word)
    }

    /// Whether `word` (lower-case, possessive stripped) names a document.
    pub fn is_document(&self, word: &str) -> bool {
        self.documents.contains(word)
    }
}

/// The base form of a verb and its regular inflections.
fn inflections(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let stem_y = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']));
    if let Some(s) = stem_y {
        out.push(format!("{s}ies"));
        out.push(format!("{s}ied"));
    } else if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
        out.push(format!("{base}es"));
        out.push(format!("{base}ed"));
    } else if base.ends_with('e') {
        out.push(format!("{base}s"));
        out.push(format!("{base}d"));
    } else {
        out.push(format!("{base}s"));
        out.push(format!("{base}ed"));
    }
    match base.strip_suffix('e') {
        Some(s) if !s.ends_with('e') => out.push(format!("{s}ing")),
        _ => out.push(format!("{base}ing")),
    }
    out
}

/// The singular and regular plural of a noun.
fn noun_forms(noun: &str) -> Vec<String> {
    let plural = if let Some(s) = noun.strip_suffix("man") {
        format!("{s}men")
    } else if let Some(s) = noun
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{s}ies")
    } else if noun.ends_with(['s', 'x']) || noun.ends_with("sh") || noun.ends_with("ch") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    };
    vec![noun.to_string(), plural]
}

/// Determiners and other words that put a following reporting word in a noun reading
/// ("the report", "these claims", "the said company").
pub(super) const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "such",
    "any",
    "every",
    "each",
    "no",
    "new",
    "latest",
    "recent",
    "previous",
    "whose",
    "another",
    "other",
    "same",
    "some",
    "many",
    "several",
    "few",
    "most",
    "all",
    "both",
    "two",
    "three",
    "said",
    "initial",
    "preliminary",
    "annual",
    "daily",
    "weekly",
    "final",
];

/// Auxiliaries and modals that may stand between a subject and its reporting verb.
pub(super) const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "can", "could", "may", "might", "should", "must",
    "shall", "do", "does", "did", "is", "are", "was", "were", "be", "been", "being",
];

/// Forms of "be": before a non-participle reporting verb they make it passive.
pub(super) const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Adverbs that may stand between a subject and its reporting verb.
pub(super) const ADVERBS: &[&str] = &[
    "also",
    "previously",
    "later",
    "earlier",
    "repeatedly",
    "publicly",
    "separately",
    "further",
    "again",
    "recently",
    "officially",
    "privately",
    "first",
    "then",
    "now",
    "still",
    "already",
    "once",
    "reportedly",
    "initially",
    "originally",
    "explicitly",
    "openly",
    "formally",
    "falsely",
    "wrongly",
    "correctly",
    "rightly",
    "subsequently",
    "quickly",
    "flatly",
    "categorically",
    "strongly",
    "firmly",
    "widely",
    "frequently",
    "often",
    "long",
    "just",
];

/// Negations: a negated reporting verb is not counted (precision first).
pub(super) const NEGATIONS: &[&str] = &["not", "never", "n't", "neither", "nor"];

/// Words that end a noun phrase: conjunctions, complementisers, relatives, clause adverbs,
/// auxiliaries, infinitival "to", and prepositions that do not occur inside names.
pub(super) const NP_BREAKERS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "since",
    "as",
    "if",
    "when",
    "where",
    "whether",
    "but",
    "or",
    "so",
    "yet",
    "after",
    "before",
    "unless",
    "than",
    "with",
    "without",
    "despite",
    "however",
    "meanwhile",
    "thus",
    "therefore",
    "what",
    "how",
    "why",
    "to",
    "by",
    "not",
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "said",
    "says",
    "say",
    "please",
    "here",
    "there",
    "even",
    "only",
    "just",
    "then",
    "now",
    "into",
    "onto",
    "upon",
    "about",
    "against",
    "through",
    "during",
    "until",
    "amid",
    "among",
    "between",
    "over",
    "under",
    "within",
];

/// Words that end a source written after its cue ("according to the ministry on Monday").
pub(super) const SOURCE_END: &[&str] = &[
    "on",
    "last",
    "yesterday",
    "today",
    "earlier",
    "this",
    "familiar",
    "close",
    "speaking",
    "citing",
    "quoting",
    "and",
];

/// Prepositions and adverbs that begin an adjunct between a verb and its that-clause
/// ("announced on June 1 that", "said in a statement that", "told reporters on Monday that").
pub(super) const ADJUNCT_START: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "previously",
    "repeatedly",
    "publicly",
    "privately",
    "separately",
    "again",
    "also",
    "late",
    "early",
    "via",
    "through",
    "to",
    "from",
    "before",
    "after",
    "for",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "however",
    "now",
    "then",
    "further",
    "firmly",
    "flatly",
    "strongly",
    "explicitly",
    "openly",
    "once",
];

/// Words after a comma that start a new clause, which ends a reported clause.
pub(super) const CLAUSE_STARTS: &[&str] = &[
    "while",
    "but",
    "although",
    "though",
    "whereas",
    "which",
    "who",
    "with",
    "according",
    "as",
    "despite",
    "even",
    "yet",
    "however",
    "adding",
    "saying",
];

/// Words that cannot begin the content of a verb without "that" ("said so", "said to be").
pub(super) const NO_COMPLEMENT: &[&str] = &[
    "to", "so", "as", "if", "but", "and", "or", "about", "by", "with", "nothing", "that", "which",
    "who", "when", "while", "what", "how", "why", "where",
];

/// Prepositions after a document noun that name its author or topic ("reports from Kyiv").
pub(super) const DOCUMENT_PREPOSITIONS: &[&str] = &["from", "by", "of", "on", "about", "in"];

/// Prepositions that cannot begin a subject ("In May the ministry said").
pub(super) const LEADING_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "from", "of", "like", "after", "during", "since", "by",
];

/// Days that may stand between a verb and its clause ("said Tuesday it would").
pub(super) const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// Subject pronouns, sources on their own.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

/// Object pronouns: sources after a preposition ("according to him"), hearers ("told them").
pub(super) const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "you"];

/// Abbreviations whose period does not end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "jr",
    "sr", "inc", "corp", "co", "no", "vs", "prof", "rev", "maj", "adm", "cmdr", "u.s", "u.k",
];

/// Whether `word` (lower-case) is in `list`.
pub(super) fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// `word` without a possessive ending ("ukraine’s" → "ukraine", "officials’" → "officials").
pub(super) fn strip_possessive(word: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(s) = word.strip_suffix(suffix) {
            if !s.is_empty() {
                return s;
            }
        }
    }
    word
}

/// Whether `word` (lower-case) ends in a possessive "’s" and is not a contraction
/// ("he’s", "it’s", "that’s").
pub(super) fn is_possessive(word: &str) -> bool {
    let stripped = strip_possessive(word);
    stripped.len() != word.len()
        && !matches!(
            stripped,
            "he" | "she" | "it" | "that" | "who" | "there" | "what" | "let"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_follow_spelling_rules() {
        assert_eq!(inflections("say"), ["say", "says", "sayed", "saying"]);
        assert_eq!(inflections("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(
            inflections("state"),
            ["state", "states", "stated", "stating"]
        );
        assert_eq!(
            inflections("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
        assert_eq!(noun_forms("spokesman"), ["spokesman", "spokesmen"]);
        assert_eq!(noun_forms("authority"), ["authority", "authorities"]);
    }

    #[test]
    fn lexicons_load() {
        assert!(LEX.verb("said").is_some());
        assert!(LEX.verb("suggests").is_some_and(|v| v.needs_that));
        assert!(LEX.verb("told").is_some_and(|v| v.needs_hearer));
        assert!(LEX.verb("reporting").is_some_and(|v| v.form == Form::Ing));
        assert!(LEX.is_role("officials") && LEX.is_role("police"));
        assert!(LEX.is_document("reports"));
        assert_eq!(LEX.phrases("according")[0].1, PhraseKind::Prep);
        assert_eq!(LEX.phrases("in")[0].1, PhraseKind::Channel);
    }
}
