//! The one phrase matcher: lexicon phrases compiled once into token sequences (through the same
//! scanner as the text, so "so-called", "km/h" and "U.S." match as they are written) and
//! matched on a token stream, all phrases starting at a token longest first.
//!
//! Cost: one hash lookup per token plus the comparison of the candidate phrases that start with
//! that token's form, each at most [`PhraseMatcher::max_len`] tokens long.

use super::tokens::{scan, words, Token};
use std::collections::HashMap;

/// Phrases (as token norms) with a value each, looked up by their first token.
#[derive(Clone, Debug)]
pub struct PhraseMatcher<V> {
    /// Phrases by first norm, longest first; within a length, in insertion order.
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    max_len: usize,
    /// Whether phrases are read in the word view (for matching on [`words`]).
    word_view: bool,
}

impl<V> Default for PhraseMatcher<V> {
    fn default() -> Self {
        PhraseMatcher {
            by_first: HashMap::new(),
            max_len: 0,
            word_view: false,
        }
    }
}

/// The token norms of a phrase as the scanner reads it.
pub fn phrase_norms(phrase: &str) -> Vec<String> {
    scan(phrase).into_iter().map(|t| t.norm).collect()
}

/// The word-view norms of a phrase (see [`words`]).
fn word_norms(phrase: &str) -> Vec<String> {
    words(phrase, &scan(phrase))
        .into_iter()
        .map(|t| t.norm)
        .collect()
}

impl<V> PhraseMatcher<V> {
    /// Compiles `(phrase, value)` pairs; a phrase is written as text and read by the scanner.
    ///
    /// ```
    /// use claimlens::text::{scan, PhraseMatcher};
    /// let m = PhraseMatcher::new([("could", 1), ("could potentially", 2), ("so-called", 3)]);
    /// let toks = scan("It could potentially be so-called");
    /// let found: Vec<(usize, i32)> = m.matches_at(&toks, 1).map(|(n, v)| (n, *v)).collect();
    /// assert_eq!(found, [(2, 2), (1, 1)]);
    /// assert_eq!(m.longest_at(&toks, 4).map(|(n, v)| (n, *v)), Some((3, 3)));
    /// ```
    pub fn new<'p>(phrases: impl IntoIterator<Item = (&'p str, V)>) -> PhraseMatcher<V> {
        let mut m = PhraseMatcher::default();
        for (phrase, value) in phrases {
            m.insert(phrase, value);
        }
        m
    }

    /// Compiles phrases for matching on the word view of a text ([`words`]): "so-called" is one
    /// token there.
    pub fn new_words<'p>(phrases: impl IntoIterator<Item = (&'p str, V)>) -> PhraseMatcher<V> {
        let mut m = PhraseMatcher {
            word_view: true,
            ..PhraseMatcher::default()
        };
        for (phrase, value) in phrases {
            m.insert(phrase, value);
        }
        m
    }

    /// Adds one phrase.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let norms = if self.word_view {
            word_norms(phrase)
        } else {
            phrase_norms(phrase)
        };
        let Some(first) = norms.first().cloned() else {
            return;
        };
        self.max_len = self.max_len.max(norms.len());
        let list = self.by_first.entry(first).or_default();
        let at = list.partition_point(|(p, _)| p.len() >= norms.len());
        list.insert(at, (norms, value));
    }

    /// The length in tokens of the longest phrase.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Whether a phrase starts with the form `norm`.
    pub fn starts_with(&self, norm: &str) -> bool {
        self.by_first.contains_key(norm)
    }

    /// Whether `norm` is itself a one-token phrase.
    pub fn contains(&self, norm: &str) -> bool {
        self.get(norm).is_some()
    }

    /// Every phrase whose first token has the form `norm`, longest first: (norms, value).
    pub fn starting_with<'a>(&'a self, norm: &str) -> impl Iterator<Item = (&'a [String], &'a V)> {
        self.by_first
            .get(norm)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|(p, v)| (p.as_slice(), v))
    }

    /// The value of the one-token phrase `norm`, if any.
    pub fn get(&self, norm: &str) -> Option<&V> {
        self.by_first
            .get(norm)?
            .iter()
            .find(|(p, _)| p.len() == 1)
            .map(|(_, v)| v)
    }

    /// Every phrase matching the tokens from `i` on, longest first: (length in tokens, value).
    pub fn matches_at<'a>(
        &'a self,
        toks: &'a [Token],
        i: usize,
    ) -> impl Iterator<Item = (usize, &'a V)> + 'a {
        let list = toks
            .get(i)
            .and_then(|t| self.by_first.get(t.norm.as_str()))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        list.iter().filter_map(move |(phrase, value)| {
            let window = toks.get(i..i + phrase.len())?;
            window
                .iter()
                .zip(phrase)
                .skip(1)
                .all(|(t, p)| t.norm == *p)
                .then_some((phrase.len(), value))
        })
    }

    /// The longest phrase matching the tokens from `i` on.
    pub fn longest_at<'a>(&'a self, toks: &'a [Token], i: usize) -> Option<(usize, &'a V)> {
        self.matches_at(toks, i).next()
    }
}
