//! Hedge detector: cues from `lexicons/hedges.txt`, matched on the word view of each sentence
//! (see [`crate::text::words`]), longest entry first, with context checks for the modals "may",
//! "might" and "could", doxastic participles and a few ambiguous words.
//!
//! Cost: one pass over each sentence's words; at each word the phrases starting with it are
//! compared (at most [`PhraseMatcher::max_len`] words each).

use super::Hedge;
use crate::text::lexicon::{Format, Lexicon};
use crate::text::{words, PhraseMatcher, Text, Token};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Hedge cues.
pub(crate) const HEDGES: Lexicon = Lexicon::new(
    "detect/lexicons/hedges.txt",
    include_str!(concat!(env!("OUT_DIR"), "/src/detect/lexicons/hedges.txt")),
    Format::Phrases,
);
/// Phrases that start with a cue but do not hedge ("could not", "claimed responsibility").
pub(crate) const EXCEPTIONS: Lexicon = Lexicon::new(
    "detect/lexicons/hedge_exceptions.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/hedge_exceptions.txt"
    )),
    Format::Phrases,
);
/// Doxastic participles ("considered", "regarded") and the word they require after them, if any.
pub(crate) const DOXASTIC: Lexicon = Lexicon::new(
    "detect/lexicons/hedge_doxastic.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/hedge_doxastic.txt"
    )),
    Format::Kinds(&["opinion", "before-as", "before-to"]),
);
/// Closed-class words read around a cue.
pub(crate) const CONTEXT: Lexicon = Lexicon::new(
    "detect/lexicons/hedge_context.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/hedge_context.txt"
    )),
    Format::Kinds(&[
        "month-context",
        "be",
        "be-adverb",
        "noun-before",
        "after-modal",
    ]),
);
/// Function words (shared with the statistic detector).
pub(crate) const FUNCTION_WORDS: Lexicon = Lexicon::new(
    "detect/lexicons/function_words.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/function_words.txt"
    )),
    Format::Phrases,
);

static CUES: LazyLock<PhraseMatcher<()>> =
    LazyLock::new(|| PhraseMatcher::new_words(HEDGES.phrases().map(|p| (p, ()))));

static BLOCKS: LazyLock<PhraseMatcher<()>> =
    LazyLock::new(|| PhraseMatcher::new_words(EXCEPTIONS.phrases().map(|p| (p, ()))));

/// Doxastic participle → the word required after it, if any ("seen = before-as").
static DOXASTIC_WORDS: LazyLock<HashMap<&'static str, Option<&'static str>>> =
    LazyLock::new(|| {
        DOXASTIC
            .load()
            .into_iter()
            .map(|e| (e.phrase, e.value.strip_prefix("before-")))
            .collect()
    });

/// Context words by kind.
static WORDS_OF: LazyLock<HashMap<&'static str, HashSet<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&str, HashSet<&str>> = HashMap::new();
    for e in CONTEXT.load() {
        map.entry(e.value).or_default().insert(e.phrase);
    }
    map
});

static FUNCTION: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FUNCTION_WORDS.phrases().collect());

/// Whether `word` is of context kind `kind` (`lexicons/hedge_context.txt`).
fn is(kind: &str, word: &str) -> bool {
    WORDS_OF.get(kind).is_some_and(|set| set.contains(word))
}

/// How many words after "accuse" may come before its "of" ("accused the ministry of").
const ACCUSE_REACH: usize = 5;

/// Finds hedge cues in `text`, sorted by start; overlapping cues are reported once (the longest).
///
/// ```
/// use claimlens::detect::find_hedges;
/// use claimlens::text::sentences;
/// let text = "The figures cannot be independently verified. Losses peaked in May.";
/// let cues: Vec<String> = find_hedges(text, &sentences(text)).into_iter().map(|h| h.cue).collect();
/// assert_eq!(cues, ["cannot be independently verified"]);
/// ```
pub fn find_hedges(text: &str, sentences: &[crate::text::Span]) -> Vec<Hedge> {
    hedges(&Text::new(text, sentences))
}

/// Hedge cues of a scanned text (see [`find_hedges`]).
pub(crate) fn hedges(doc: &Text) -> Vec<Hedge> {
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        let words: Vec<Token> = words(doc.text, doc.sentence_tokens(s))
            .into_iter()
            .filter(Token::is_word)
            .collect();
        hedges_in(doc.text, &words, &mut out);
    }
    out.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    out.dedup_by(|later, earlier| earlier.span.overlaps(later.span));
    out
}

fn hedges_in(text: &str, words: &[Token], out: &mut Vec<Hedge>) {
    let first = out.len();
    let mut i = 0;
    while i < words.len() {
        match longest_cue(text, words, i) {
            Some(len) => {
                let span = words[i].span.cover(words[i + len - 1].span);
                let cue: Vec<&str> = words[i..i + len].iter().map(|w| w.norm.as_str()).collect();
                out.push(Hedge {
                    span,
                    cue: cue.join(" "),
                });
                i += len;
            }
            None => {
                if is_doxastic(words, i) {
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

/// The length of the longest hedge entry that matches at word `i` and passes its context checks.
fn longest_cue(text: &str, words: &[Token], i: usize) -> Option<usize> {
    CUES.matches_at(words, i).map(|(len, _)| len).find(|&len| {
        spaced(text, &words[i..i + len])
            && !blocked(text, words, i, len)
            && context_allows(text, words, i, len)
    })
}

/// Whether the words follow each other with white space only between them.
fn spaced(text: &str, window: &[Token]) -> bool {
    window
        .windows(2)
        .all(|pair| text[pair[0].span.end..pair[1].span.start].trim().is_empty())
}

/// Whether an exception longer than the `len`-word cue matches at `i` ("could not").
fn blocked(text: &str, words: &[Token], i: usize, len: usize) -> bool {
    BLOCKS
        .matches_at(words, i)
        .any(|(n, _)| n > len && spaced(text, &words[i..i + n]))
}

fn context_allows(text: &str, words: &[Token], i: usize, len: usize) -> bool {
    if len != 1 {
        return true;
    }
    match words[i].norm.as_str() {
        "may" => !is_month(text, words, i) && is_modal(text, words, i),
        "might" | "could" => is_modal(text, words, i),
        "accuse" | "accuses" | "accused" | "accusing" => words[i + 1..]
            .iter()
            .take(ACCUSE_REACH)
            .any(|n| n.norm == "of"),
        "whether" => !after(words, i, &["regardless", "of"]) && !after(words, i, &["no", "matter"]),
        "thought" => !(i > 0 && is("noun-before", &words[i - 1].norm)),
        _ => true,
    }
}

/// Whether the words just before word `i` are `before`.
fn after(words: &[Token], i: usize, before: &[&str]) -> bool {
    i >= before.len()
        && words[i - before.len()..i]
            .iter()
            .zip(before)
            .all(|(w, b)| w.norm == *b)
}

/// A doxastic participle in the passive ("is widely considered"), after an adverb in "-ly"
/// ("generally regarded"), or before "as", "to" or "one of"; entries that require a next word
/// ("seen = as") count only before it. "considered for the post" is no opinion.
fn is_doxastic(words: &[Token], i: usize) -> bool {
    let Some(required) = DOXASTIC_WORDS.get(words[i].norm.as_str()) else {
        return false;
    };
    let next = words.get(i + 1).map(|w| w.norm.as_str());
    if let Some(required) = required {
        return next == Some(*required);
    }
    if next == Some("for") {
        return false;
    }
    let prev = |k: usize| (i >= k).then(|| words[i - k].norm.as_str());
    let is_adverb = |w: Option<&str>| {
        w.is_some_and(|w| (w.len() > 4 && w.ends_with("ly")) || is("be-adverb", w))
    };
    let be = |w: Option<&str>| w.is_some_and(|w| is("be", w));
    let passive = be(prev(1)) || (is_adverb(prev(1)) && be(prev(2)));
    let after_ly = prev(1).is_some_and(|w| w.len() > 4 && w.ends_with("ly"));
    let before_complement = matches!(next, Some("as" | "to"))
        || (next == Some("one") && words.get(i + 2).is_some_and(|w| w.norm == "of"));
    passive || after_ly || before_complement
}

/// "May" the month: capitalised and after a time preposition, before a digit, or before
/// punctuation ("in May, …").
fn is_month(text: &str, words: &[Token], i: usize) -> bool {
    let word = words[i].span.slice(text);
    if !word.starts_with('M') {
        return false;
    }
    let after = text[words[i].span.end..].trim_start();
    let before_digit = after.starts_with(|c: char| c.is_ascii_digit());
    let before_punct = !after.starts_with(char::is_alphabetic);
    let after_time_word = i > 0 && is("month-context", &words[i - 1].norm);
    before_digit || before_punct || after_time_word
}

/// A modal before a verb: the next word follows after white space only and is not a function
/// word ("could collapse", "may be", but not "could you", "military might of", "Theresa May
/// resigned").
fn is_modal(text: &str, words: &[Token], i: usize) -> bool {
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
        && (!FUNCTION.contains(next.norm.as_str()) || is("after-modal", &next.norm))
}
