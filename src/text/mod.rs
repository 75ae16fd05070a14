//! The text layer: spans, sentences, one token stream, one phrase matcher, one lexicon reader.
//!
//! Everything that reads words goes through here: the detectors (`crate::detect`), the
//! comparison and the retrieval index. [`Text`] bundles a text with its sentences and tokens so
//! that the three detectors share one scan.

pub mod lexicon;
mod phrases;
mod sentences;
mod span;
mod tokens;

pub use phrases::{phrase_norms, PhraseMatcher};
pub use sentences::{is_abbreviation, sentences, MAX_SENTENCE_BYTES};
pub use span::{byte_offset, utf16_offset, utf16_offsets_sorted, Span};
pub use tokens::{scan, stem, tokens, words, Token, TokenKind};

/// The lexicons of the text layer (for the test that loads every lexicon).
#[cfg(test)]
pub(crate) const LEXICONS: &[lexicon::Lexicon] =
    &[sentences::ABBREVIATIONS, sentences::SENTENCE_STARTERS];

/// A text scanned once: its sentences and its tokens, with each sentence's token range.
#[derive(Clone, Debug)]
pub struct Text<'t> {
    /// The text.
    pub text: &'t str,
    /// Every token of the text, in order ([`scan`]).
    pub tokens: Vec<Token>,
    /// The sentences read, each with the tokens that lie inside it.
    pub sentences: Vec<Sentence>,
}

/// A sentence of a [`Text`]: its span and the range of its tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's bytes.
    pub span: Span,
    /// Its tokens: `Text::tokens[start..end]`.
    pub tokens: (usize, usize),
}

impl<'t> Text<'t> {
    /// Scans `text` and assigns its tokens to `sentences` (spans off the text or off char
    /// boundaries are left out; no sentences at all means the whole text is one).
    ///
    /// ```
    /// use claimlens::text::{sentences, Text};
    /// let s = "Russia lost 500 troops. Kyiv said so.";
    /// let t = Text::new(s, &sentences(s));
    /// assert_eq!(t.sentences.len(), 2);
    /// assert_eq!(t.words(1).map(|t| t.norm.as_str()).collect::<Vec<_>>(), ["kyiv", "said", "so", "."]);
    /// ```
    pub fn new(text: &'t str, sentences: &[Span]) -> Text<'t> {
        let tokens = scan(text);
        let whole = sentences.is_empty().then(|| Span::new(0, text.len()));
        let sentences = sentences
            .iter()
            .copied()
            .chain(whole)
            .filter(|s| {
                s.start <= s.end
                    && s.end <= text.len()
                    && text.is_char_boundary(s.start)
                    && text.is_char_boundary(s.end)
            })
            .map(|span| {
                let lo = tokens.partition_point(|t| t.span.start < span.start);
                let hi = tokens.partition_point(|t| t.span.end <= span.end).max(lo);
                Sentence {
                    span,
                    tokens: (lo, hi),
                }
            })
            .collect();
        Text {
            text,
            tokens,
            sentences,
        }
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        let (lo, hi) = self.sentences[s].tokens;
        &self.tokens[lo..hi]
    }

    /// The tokens of sentence `s`, as an iterator.
    pub fn words(&self, s: usize) -> impl Iterator<Item = &Token> {
        self.sentence_tokens(s).iter()
    }
}
