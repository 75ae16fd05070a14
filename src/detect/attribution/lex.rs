//! The attribution lexicons, loaded once: reporting verbs with what they take as content, cue
//! phrases, source and document nouns, and the closed-class words the rules reason with.

use crate::text::lexicon::{Format, Lexicon};
use crate::text::PhraseMatcher;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Reporting verbs and what they take (`lexicons/attribution_verbs.txt`).
pub(crate) const VERBS: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_verbs.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/attribution_verbs.txt"
    )),
    Format::Tags(&[
        "clause",
        "that",
        "object",
        "infinitive",
        "hearer",
        "inverts",
        "trails",
        "past",
        "be",
        "state",
        "as",
    ]),
);
/// Cue phrases whose source follows them, and channels ("in a statement").
pub(crate) const PHRASES: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_phrases.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/attribution_phrases.txt"
    )),
    Format::Phrases,
);
/// Nouns that name who can be credited with a claim.
pub(crate) const SOURCES: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_sources.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/attribution_sources.txt"
    )),
    Format::Phrases,
);
/// Documents that can be credited with a claim.
pub(crate) const DOCUMENTS: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_documents.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/attribution_documents.txt"
    )),
    Format::Phrases,
);
/// Nouns of statement and belief that take a that-clause ("the claim that …").
pub(crate) const NOUNS: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_nouns.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/attribution_nouns.txt"
    )),
    Format::Phrases,
);
/// Closed-class words by kind.
pub(crate) const WORDS: Lexicon = Lexicon::new(
    "detect/lexicons/attribution_words.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/attribution_words.txt"
    )),
    Format::Kinds(Word::NAMES),
);

/// What a reporting verb takes as content, and where it may stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Tags {
    /// A clause, with or without "that", a quotation or an embedded question.
    pub clause: bool,
    /// A clause only with "that", a quotation or an embedded question.
    pub that: bool,
    /// A noun phrase.
    pub object: bool,
    /// A "to"-infinitive.
    pub infinitive: bool,
    /// A hearer before the content.
    pub hearer: bool,
    /// Before its source after a quotation.
    pub inverts: bool,
    /// After its content.
    pub trails: bool,
    /// An adjective of belief or feeling: a cue only after a form of "be" ("was sure that").
    pub be: bool,
    /// An internal state (belief, feeling, will): a cue even when negated.
    pub state: bool,
    /// A topic after a preposition ("concern about", "outrage over", "condemnation of").
    pub topic: bool,
    /// A cue only with "as" after its object: a view of something ("saw the comment as a dig").
    pub as_: bool,
}

/// A reporting verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Verb {
    /// What it takes.
    pub tags: Tags,
    /// The -ing form.
    pub ing: bool,
    /// A past form or participle (-ed or irregular).
    pub past: bool,
    /// The particle that follows it in this entry ("for" of "call for").
    pub particle: Option<&'static str>,
}

/// How a cue phrase relates to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PhraseKind {
    /// The source follows the cue: "according to X", "as reported by X", "citing X".
    Prep,
    /// The channel of a claim: "in a statement".
    Channel,
}

/// Kinds of closed-class words (`lexicons/attribution_words.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    Determiner,
    NounMarker,
    Auxiliary,
    Be,
    Adverb,
    Negation,
    Relative,
    Pronoun,
    ObjectPronoun,
    Preposition,
    Conjunction,
    ClauseStart,
    Wh,
    NoComplement,
    Adjunct,
    Day,
    SourceEnd,
    DocumentPreposition,
    Speech,
    Reflexive,
    Aspect,
    Refusal,
    NounSuffix,
    SupportVerb,
    Subordinator,
    Quantifier,
}

impl Word {
    /// The kinds' names in the lexicon, in the order of the enum.
    const NAMES: &'static [&'static str] = &[
        "determiner",
        "noun-marker",
        "auxiliary",
        "be",
        "adverb",
        "negation",
        "relative",
        "pronoun",
        "object-pronoun",
        "preposition",
        "conjunction",
        "clause-start",
        "wh",
        "no-complement",
        "adjunct",
        "day",
        "source-end",
        "document-preposition",
        "speech",
        "reflexive",
        "aspect",
        "refusal",
        "noun-suffix",
        "support-verb",
        "subordinator",
        "quantifier",
    ];
    const ALL: [Word; 26] = [
        Word::Determiner,
        Word::NounMarker,
        Word::Auxiliary,
        Word::Be,
        Word::Adverb,
        Word::Negation,
        Word::Relative,
        Word::Pronoun,
        Word::ObjectPronoun,
        Word::Preposition,
        Word::Conjunction,
        Word::ClauseStart,
        Word::Wh,
        Word::NoComplement,
        Word::Adjunct,
        Word::Day,
        Word::SourceEnd,
        Word::DocumentPreposition,
        Word::Speech,
        Word::Reflexive,
        Word::Aspect,
        Word::Refusal,
        Word::NounSuffix,
        Word::SupportVerb,
        Word::Subordinator,
        Word::Quantifier,
    ];

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// All lexicons, loaded once.
pub(super) struct Lexicons {
    verbs: HashMap<String, Vec<Verb>>,
    /// Cue phrases, matched on the token stream.
    pub phrases: PhraseMatcher<PhraseKind>,
    roles: HashSet<String>,
    documents: HashSet<String>,
    statements: HashSet<String>,
    words: HashMap<&'static str, u32>,
    noun_suffixes: Vec<&'static str>,
}

pub(super) static LEX: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

impl Lexicons {
    fn load() -> Lexicons {
        let mut verbs: HashMap<String, Vec<Verb>> = HashMap::new();
        for entry in VERBS.load() {
            let mut words = entry.phrase.split_whitespace();
            let base = words.next().unwrap_or_default();
            let particle = words.next();
            let mut tags = Tags::default();
            let irregular = entry.value.split_whitespace().any(|t| t == "past");
            for tag in entry.value.split_whitespace() {
                match tag {
                    "clause" => tags.clause = true,
                    "that" => tags.that = true,
                    "object" => tags.object = true,
                    "infinitive" => tags.infinitive = true,
                    "hearer" => tags.hearer = true,
                    "inverts" => tags.inverts = true,
                    "trails" => tags.trails = true,
                    "be" => tags.be = true,
                    "state" => tags.state = true,
                    "as" => tags.as_ = true,
                    _ => {}
                }
            }
            let forms = if irregular {
                vec![base.to_string()]
            } else {
                inflections(base)
            };
            for form in forms {
                let verb = Verb {
                    tags,
                    ing: form.ends_with("ing") && !irregular,
                    past: irregular || form.ends_with("ed"),
                    particle,
                };
                let list = verbs.entry(form).or_default();
                if !list.contains(&verb) {
                    list.push(verb);
                }
            }
        }
        // Entries with a particle first: "call for" before "call".
        for list in verbs.values_mut() {
            list.sort_by_key(|v| v.particle.is_none());
        }
        let phrases = PhraseMatcher::new(PHRASES.phrases().map(|p| {
            let last = p.rsplit(' ').next().unwrap_or(p);
            let kind = if matches!(last, "to" | "by") || last.ends_with("ing") {
                PhraseKind::Prep
            } else {
                PhraseKind::Channel
            };
            (p, kind)
        }));
        let mut words: HashMap<&str, u32> = HashMap::new();
        let mut noun_suffixes = Vec::new();
        for e in WORDS.load() {
            if e.value == "noun-suffix" {
                noun_suffixes.push(e.phrase);
                continue;
            }
            let kind = Word::NAMES
                .iter()
                .position(|n| *n == e.value)
                .map_or(Word::Determiner, |k| Word::ALL[k]);
            *words.entry(e.phrase).or_default() |= kind.bit();
        }
        Lexicons {
            verbs,
            phrases,
            roles: SOURCES.phrases().flat_map(noun_forms).collect(),
            documents: DOCUMENTS.phrases().flat_map(noun_forms).collect(),
            statements: NOUNS.phrases().flat_map(noun_forms).collect(),
            words,
            noun_suffixes,
        }
    }

    /// The reporting verb entries of the form `word` (lower-case), particle entries first.
    pub fn verbs(&self, word: &str) -> &[Verb] {
        self.verbs.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `word` is the form of a reporting verb.
    pub fn is_verb(&self, word: &str) -> bool {
        self.verbs.contains_key(word)
    }

    /// Whether `word` (lower-case, possessive stripped) names a role that can be a source.
    pub fn is_role(&self, word: &str) -> bool {
        self.roles.contains(word)
    }

    /// Whether `word` (lower-case, possessive stripped) names a document.
    pub fn is_document(&self, word: &str) -> bool {
        self.documents.contains(word)
    }

    /// Whether `word` (lower-case) is a noun of statement or belief that takes a that-clause.
    pub fn is_statement(&self, word: &str) -> bool {
        self.statements.contains(word)
    }

    /// Whether `word` ends in a suffix of nouns and adjectives (`noun-suffix` entries).
    pub fn noun_suffix(&self, word: &str) -> bool {
        self.noun_suffixes.iter().any(|s| word.ends_with(s))
    }

    /// Whether `word` (lower-case) is a closed-class word of kind `kind`.
    pub fn is(&self, word: &str, kind: Word) -> bool {
        self.words.get(word).is_some_and(|k| k & kind.bit() != 0)
    }
}

/// Whether a verb of one syllable ends consonant-vowel-consonant ("plan", "slam", "quip"), so
/// that its final consonant doubles before -ed and -ing.
fn doubles(base: &str) -> bool {
    let b = base.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let groups = b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| vowel(c) && (i == 0 || !vowel(b[i - 1])))
        .count();
    let n = b.len();
    n >= 3
        && groups == 1
        && !vowel(b[n - 1])
        && !b"wxy".contains(&b[n - 1])
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
}

/// The base form of a verb and its regular inflections.
pub(super) fn inflections(base: &str) -> Vec<String> {
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
    } else if doubles(base) {
        let last = &base[base.len() - 1..];
        out.push(format!("{base}s"));
        out.push(format!("{base}{last}ed"));
        out.push(format!("{base}{last}ing"));
        return out;
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

/// `word` without a possessive ending ("ukraine's" → "ukraine", "officials'" → "officials").
pub(super) fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "'"] {
        if let Some(s) = word.strip_suffix(suffix) {
            if !s.is_empty() {
                return s;
            }
        }
    }
    word
}

/// Whether `word` (lower-case) ends in a possessive "'s" and is not a contraction
/// ("he's", "it's", "that's").
pub(super) fn is_possessive(word: &str) -> bool {
    let stripped = strip_possessive(word);
    stripped.len() != word.len()
        && !matches!(
            stripped,
            "he" | "she" | "it" | "that" | "who" | "there" | "what" | "let" | "here" | "where"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_follow_spelling_rules() {
        const CASES: &[(&str, &[&str])] = &[
            ("say", &["say", "says", "sayed", "saying"]),
            ("deny", &["deny", "denies", "denied", "denying"]),
            ("state", &["state", "states", "stated", "stating"]),
            ("stress", &["stress", "stresses", "stressed", "stressing"]),
            ("plan", &["plan", "plans", "planned", "planning"]),
            ("slam", &["slam", "slams", "slammed", "slamming"]),
            ("vow", &["vow", "vows", "vowed", "vowing"]),
            ("claim", &["claim", "claims", "claimed", "claiming"]),
        ];
        for (base, forms) in CASES {
            assert_eq!(inflections(base), *forms, "{base}");
        }
        assert_eq!(noun_forms("spokesman"), ["spokesman", "spokesmen"]);
        assert_eq!(noun_forms("authority"), ["authority", "authorities"]);
    }

    #[test]
    fn lexicons_load() {
        assert!(!LEX.verbs("said").is_empty());
        assert!(LEX.verbs("said")[0].past);
        assert!(LEX.verbs("told")[0].tags.hearer);
        assert!(LEX.verbs("reporting")[0].ing);
        assert_eq!(LEX.verbs("calling")[0].particle, Some("for"));
        assert!(LEX.is_role("officials") && LEX.is_role("police"));
        assert!(LEX.is_document("reports"));
        assert!(LEX.is("the", Word::Determiner) && LEX.is("n't", Word::Negation));
        assert!(!LEX.is("the", Word::Pronoun));
    }
}
