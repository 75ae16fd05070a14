//! Hedge detector: cues from `lexicons/hedges.txt`, matched on whole words within a sentence,
//! longest entry first, with context checks for the modals "may", "might" and "could".

use super::lexicon::entries;
use super::Hedge;
use crate::text::Span;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Lexicon phrases (as word lists) grouped by first word, longest first.
type PhraseIndex = HashMap<String, Vec<Vec<String>>>;

static HEDGES: LazyLock<PhraseIndex> = LazyLock::new(|| index(include_str!("lexicons/hedges.txt")));

static EXCEPTIONS: LazyLock<PhraseIndex> =
    LazyLock::new(|| index(include_str!("lexicons/hedge_exceptions.txt")));

/// Doxastic participles ("considered", "regarded") and the word they require after them, if any
/// (`lexicons/hedge_doxastic.txt`).
static DOXASTIC: LazyLock<HashMap<String, Option<String>>> = LazyLock::new(|| {
    entries(include_str!("lexicons/hedge_doxastic.txt"))
        .map(|e| match e.split_once('=') {
            Some((word, next)) => (normalise(word.trim()), Some(normalise(next.trim()))),
            None => (normalise(e), None),
        })
        .collect()
});

static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("lexicons/function_words.txt")).collect());

/// A word: letters and marks, with inner apostrophes or hyphens ("so-called", "couldn’t").
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*").expect("valid regex"));

/// Words before "May" that make it the month ("in May", "since May", "early May").
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "from", "of", "during", "early", "late", "mid", "last", "next",
    "this", "through", "before", "after", "on", "between", "till",
];

/// Forms of "be" before a passive participle.
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

/// Adverbs without "-ly" that stand between "be" and a participle ("is also considered").
const BE_ADVERBS: &[&str] = &[
    "also",
    "often",
    "now",
    "still",
    "not",
    "long",
    "once",
    "sometimes",
];

/// Words before "thought" that make it a noun ("the thought", "second thought").
const NOUN_BEFORE: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "of",
    "second",
    "no",
    "political",
    "religious",
    "modern",
    "western",
];

/// How many words after "accuse" may come before its "of" ("accused the ministry of").
const ACCUSE_REACH: usize = 5;

/// Verbs and adverbs that follow a modal although listed as function words.
const AFTER_MODAL: &[&str] = &["be", "have", "not"];

fn index(data: &'static str) -> PhraseIndex {
    let mut map: PhraseIndex = HashMap::new();
    for entry in entries(data) {
        let words: Vec<String> = entry.split_whitespace().map(normalise).collect();
        if let Some(first) = words.first() {
            map.entry(first.clone()).or_default().push(words);
        }
    }
    for phrases in map.values_mut() {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    map
}

fn normalise(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// A word of the text and its normalised form.
struct Word {
    span: Span,
    norm: String,
}

/// Finds hedge cues in `text`, sorted by start; overlapping cues are reported once (the longest).
///
/// ```
/// use claimlens::detect::find_hedges;
/// use claimlens::text::sentences;
/// let text = "The figures cannot be independently verified. Losses peaked in May.";
/// let cues: Vec<String> = find_hedges(text, &sentences(text)).into_iter().map(|h| h.cue).collect();
/// assert_eq!(cues, ["cannot be independently verified"]);
/// ```
pub fn find_hedges(text: &str, sentences: &[Span]) -> Vec<Hedge> {
    let mut out = Vec::new();
    for sentence in super::readable_sentences(text, sentences) {
        hedges_in(text, sentence, &mut out);
    }
    out.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    out.dedup_by(|later, earlier| earlier.span.overlaps(later.span));
    out
}

fn hedges_in(text: &str, sentence: Span, out: &mut Vec<Hedge>) {
    let words: Vec<Word> = WORD
        .find_iter(sentence.slice(text))
        .map(|m| Word {
            span: Span::new(m.start(), m.end()).shift(sentence.start),
            norm: normalise(m.as_str()),
        })
        .collect();
    let first = out.len();
    let mut i = 0;
    while i < words.len() {
        match longest_cue(text, &words, i) {
            Some(phrase) => {
                let span = words[i].span.cover(words[i + phrase.len() - 1].span);
                out.push(Hedge {
                    span,
                    cue: phrase.join(" "),
                });
                i += phrase.len();
            }
            None => {
                if is_doxastic(&words, i) {
                    out.push(Hedge {
                        span: words[i].span,
                        cue: words[i].norm.clone(),
                    });
                }
                i += 1;
            }
        }
    }
    // "whether" opens a question; when the sentence also says that the question is open
    // ("whether … remains unclear"), that predicate is the cue, marked once.
    if out[first..].iter().any(|h| h.cue != "whether") {
        let mut k = first;
        while k < out.len() {
            if out[k].cue == "whether" {
                out.remove(k);
            } else {
                k += 1;
            }
        }
    }
}

/// The longest hedge entry that matches at word `i` and passes its context checks.
fn longest_cue<'a>(text: &str, words: &[Word], i: usize) -> Option<&'a [String]> {
    let candidates: &'a Vec<Vec<String>> = HEDGES.get(&words[i].norm)?;
    candidates.iter().map(Vec::as_slice).find(|phrase| {
        matches_at(text, words, i, phrase)
            && !blocked(text, words, i, phrase.len())
            && context_allows(text, words, i, phrase)
    })
}

/// Whether `phrase` matches the words from `i` on, separated by white space only.
fn matches_at(text: &str, words: &[Word], i: usize, phrase: &[String]) -> bool {
    let Some(window) = words.get(i..i + phrase.len()) else {
        return false;
    };
    window.iter().zip(phrase).all(|(w, p)| w.norm == *p)
        && window
            .windows(2)
            .all(|pair| text[pair[0].span.end..pair[1].span.start].trim().is_empty())
}

/// Whether an exception longer than the `len`-word cue matches at `i` ("could not").
fn blocked(text: &str, words: &[Word], i: usize, len: usize) -> bool {
    EXCEPTIONS.get(&words[i].norm).is_some_and(|phrases| {
        phrases
            .iter()
            .any(|p| p.len() > len && matches_at(text, words, i, p))
    })
}

fn context_allows(text: &str, words: &[Word], i: usize, phrase: &[String]) -> bool {
    match phrase {
        [w] if w == "may" => !is_month(text, words, i) && is_modal(text, words, i),
        [w] if w == "might" || w == "could" => is_modal(text, words, i),
        [w] if matches!(w.as_str(), "accuse" | "accuses" | "accused" | "accusing") => words
            [i + 1..]
            .iter()
            .take(ACCUSE_REACH)
            .any(|n| n.norm == "of"),
        [w] if w == "whether" => {
            !after(words, i, &["regardless", "of"]) && !after(words, i, &["no", "matter"])
        }
        [w] if w == "thought" => !(i > 0 && NOUN_BEFORE.contains(&words[i - 1].norm.as_str())),
        _ => true,
    }
}

/// Whether the words just before word `i` are `before`.
fn after(words: &[Word], i: usize, before: &[&str]) -> bool {
    i >= before.len()
        && words[i - before.len()..i]
            .iter()
            .zip(before)
            .all(|(w, b)| w.norm == *b)
}

/// A doxastic participle in the passive ("is widely considered"), after an adverb in "-ly"
/// ("generally regarded"), or before "as", "to" or "one of"; entries that require a next word
/// ("seen = as") count only before it. "considered for the post" is no opinion.
fn is_doxastic(words: &[Word], i: usize) -> bool {
    let Some(required) = DOXASTIC.get(&words[i].norm) else {
        return false;
    };
    let next = words.get(i + 1).map(|w| w.norm.as_str());
    if let Some(required) = required {
        return next == Some(required.as_str());
    }
    if next == Some("for") {
        return false;
    }
    let prev = |k: usize| (i >= k).then(|| words[i - k].norm.as_str());
    let is_adverb = |w: Option<&str>| {
        w.is_some_and(|w| (w.len() > 4 && w.ends_with("ly")) || BE_ADVERBS.contains(&w))
    };
    let passive = prev(1).is_some_and(|w| BE.contains(&w))
        || (is_adverb(prev(1)) && prev(2).is_some_and(|w| BE.contains(&w)));
    let after_ly = prev(1).is_some_and(|w| w.len() > 4 && w.ends_with("ly"));
    let before_complement = matches!(next, Some("as" | "to"))
        || (next == Some("one") && words.get(i + 2).is_some_and(|w| w.norm == "of"));
    passive || after_ly || before_complement
}

/// "May" the month: capitalised and after a time preposition, before a digit, or before
/// punctuation ("in May, …").
fn is_month(text: &str, words: &[Word], i: usize) -> bool {
    let word = words[i].span.slice(text);
    if !word.starts_with('M') {
        return false;
    }
    let after = text[words[i].span.end..].trim_start();
    let before_digit = after.starts_with(|c: char| c.is_ascii_digit());
    let before_punct = !after.starts_with(char::is_alphabetic);
    let after_time_word = i > 0 && MONTH_CONTEXT.contains(&words[i - 1].norm.as_str());
    before_digit || before_punct || after_time_word
}

/// A modal before a verb: the next word follows after white space only and is not a function
/// word ("could collapse", "may be", but not "could you", "military might of", "Theresa May
/// resigned").
fn is_modal(text: &str, words: &[Word], i: usize) -> bool {
    let Some(next) = words.get(i + 1) else {
        return false;
    };
    let gap = &text[words[i].span.end..next.span.start];
    let next_text = next.span.slice(text);
    let capitalised = words[i].span.slice(text).starts_with(char::is_uppercase);
    let next_lower = next_text.starts_with(char::is_lowercase);
    // Mid-sentence, a capitalised modal only occurs in title-case headlines ("Russia May Face").
    let case_fits = next_lower != (capitalised && i > 0);
    gap.trim().is_empty()
        && case_fits
        && (!FUNCTION_WORDS.contains(next.norm.as_str())
            || AFTER_MODAL.contains(&next.norm.as_str()))
}
