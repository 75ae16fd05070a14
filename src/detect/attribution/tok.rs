//! Word and punctuation tokens with byte spans, quotation pairs, and the sub-sentence segments
//! the attribution rules work in.

use super::lex::{is_in, ABBREVIATIONS};
use crate::text::Span;
use std::collections::HashMap;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters (with inner apostrophes and hyphens).
    Word,
    /// Digits (with inner `,` and `.`).
    Num,
    /// An opening double quotation mark.
    OpenQuote,
    /// A closing double quotation mark.
    CloseQuote,
    /// Any other non-space character.
    Punct(char),
}

/// A token: its span, kind, lower-cased text (words only) and capitalisation.
#[derive(Clone, Debug)]
pub(super) struct Tok {
    pub span: Span,
    pub kind: Kind,
    pub lower: String,
    pub cap: bool,
}

impl Tok {
    /// Whether this is the punctuation character `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// Whether this is a word or a number.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Num)
    }
}

/// Splits `text` into tokens in one pass.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            prev = Some(c);
            continue;
        }
        let numeric = c.is_ascii_digit();
        if numeric || c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            let mut last = c;
            while let Some(&(i, d)) = chars.peek() {
                let continues = if numeric {
                    d.is_ascii_digit()
                } else {
                    d.is_alphanumeric() || matches!(d, '\u{300}'..='\u{36f}')
                };
                let joiner = if numeric {
                    matches!(d, ',' | '.')
                } else {
                    matches!(d, '\'' | '’' | '-')
                };
                let next = text[i + d.len_utf8()..].chars().next();
                let joins = joiner
                    && next.is_some_and(|n| {
                        if numeric {
                            n.is_ascii_digit()
                        } else {
                            n.is_alphabetic()
                        }
                    });
                // A trailing possessive apostrophe ("officials’ statement").
                let trailing_apostrophe = !numeric
                    && matches!(d, '’' | '\'')
                    && last == 's'
                    && !next.is_some_and(char::is_alphanumeric);
                if continues || joins || trailing_apostrophe {
                    end = i + d.len_utf8();
                    last = d;
                    chars.next();
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            out.push(Tok {
                span: Span::new(start, end),
                kind: if numeric { Kind::Num } else { Kind::Word },
                lower: if numeric {
                    word.to_string()
                } else {
                    word.to_lowercase()
                },
                cap: c.is_uppercase(),
            });
            prev = Some(last);
            continue;
        }
        let kind = match c {
            '“' | '„' | '«' => Kind::OpenQuote,
            '”' | '»' => Kind::CloseQuote,
            '"' => {
                let next = chars.peek().map(|&(_, d)| d);
                let after_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
                if after_space && next.is_some_and(|n| !n.is_whitespace()) {
                    Kind::OpenQuote
                } else {
                    Kind::CloseQuote
                }
            }
            _ => Kind::Punct(c),
        };
        out.push(Tok {
            span: Span::new(start, start + c.len_utf8()),
            kind,
            lower: String::new(),
            cap: false,
        });
        prev = Some(c);
    }
    out
}

/// Quotation pairs as token indices: opening → closing and closing → opening.
#[derive(Default)]
pub(super) struct Quotes {
    pub close_of: HashMap<usize, usize>,
    pub open_of: HashMap<usize, usize>,
}

/// Pairs each closing quotation mark with the nearest unpaired opening one before it.
pub(super) fn pair_quotes(toks: &[Tok]) -> Quotes {
    let mut q = Quotes::default();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::OpenQuote => open = Some(i),
            Kind::CloseQuote => {
                if let Some(o) = open.take() {
                    q.close_of.insert(o, i);
                    q.open_of.insert(i, o);
                }
            }
            _ => {}
        }
    }
    q
}

/// Splits the tokens `lo..hi` of one sentence into segments at line breaks and at sentence-final
/// punctuation followed by a capitalised word or a quotation, so that the detector does not
/// depend on the sentence splitter being right.
pub(super) fn segments(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = lo;
    let mut i = lo;
    while i < hi {
        if i > start && text[toks[i - 1].span.end..toks[i].span.start].contains('\n') {
            out.push((start, i));
            start = i;
        }
        let t = &toks[i];
        if matches!(t.kind, Kind::Punct('.' | '!' | '?')) && !is_abbreviation(toks, lo, i) {
            let mut j = i + 1;
            while j < hi && toks[j].kind == Kind::CloseQuote {
                j += 1;
            }
            let next_starts = j < hi
                && (toks[j].cap || toks[j].kind == Kind::OpenQuote || toks[j].kind == Kind::Num);
            if next_starts {
                out.push((start, j));
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < hi {
        out.push((start, hi));
    }
    out
}

/// Whether the period at `i` closes an abbreviation ("Mr.", "U.S.", "J. Smith").
fn is_abbreviation(toks: &[Tok], lo: usize, i: usize) -> bool {
    if !toks[i].is('.') || i == lo {
        return false;
    }
    let prev = &toks[i - 1];
    prev.kind == Kind::Word
        && prev.span.end == toks[i].span.start
        && (prev.lower.chars().count() == 1 || is_in(ABBREVIATIONS, &prev.lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_quotes() {
        let text = "“Over 1,200,” said Ukraine’s officials’ aide. \"No\"";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(
            words,
            [
                "“",
                "Over",
                "1,200",
                ",",
                "”",
                "said",
                "Ukraine’s",
                "officials’",
                "aide",
                ".",
                "\"",
                "No",
                "\""
            ]
        );
        assert_eq!(toks[10].kind, Kind::OpenQuote);
        assert_eq!(toks[12].kind, Kind::CloseQuote);
        let q = pair_quotes(&toks);
        assert_eq!(q.close_of[&0], 4);
        assert_eq!(q.open_of[&12], 10);
    }

    #[test]
    fn segments_split_at_sentence_ends_but_not_abbreviations() {
        let text = "Mr. Smith said so. Then U.S. officials left.\nNext line";
        let toks = tokenize(text);
        let segs = segments(text, &toks, 0, toks.len());
        let firsts: Vec<&str> = segs
            .iter()
            .map(|&(a, _)| toks[a].span.slice(text))
            .collect();
        assert_eq!(firsts, ["Mr", "Then", "Next"]);
    }
}
