//! The one token stream: every detector, the comparison and the retrieval index read text
//! through [`scan`] (fine tokens: words, numbers, punctuation, quotation marks) or its word view
//! [`tokens`] (hyphenated compounds and alphanumeric names joined, punctuation left out).
//!
//! The scanner is one pass over the characters, O(input), and keeps every token's byte span
//! untouched: normalised forms live beside the span, never in place of it.

use super::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters and combining marks, with inner apostrophes ("Ukraine’s", "don't"); also the
    /// clitics of Penn-Treebank-style text standing alone ("'s", "n't").
    Word,
    /// ASCII digits with inner `,` or `.` separators ("1,200", "3.5"); a comma that groups
    /// nothing ends the number ("22,24,26,31" is four numbers).
    Number,
    /// An opening double quotation mark (`“`, `„`, `«`, `` `` ``, or `"` before a word).
    OpenQuote,
    /// A closing double quotation mark (`”`, `»`, `''`, or `"` after a word).
    CloseQuote,
    /// Any other character that is not blank (a dash of two hyphens, `--`, is one token).
    Punct,
}

/// A token: its span in the text, its normalised form, its kind and its capitalisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token stands in the text.
    pub span: Span,
    /// The normalised form: lower-case with `’` written `'` for words ("ukraine's"), the digits
    /// of a number with a period as decimal point ("1,200" → "1200", "1.111,11" → "1111.11"),
    /// the characters of punctuation.
    pub norm: String,
    /// Word, number, punctuation or quotation mark.
    pub kind: TokenKind,
    /// Whether the token starts with an upper-case letter.
    pub cap: bool,
    /// Whether the token touches the one before it (no blank between).
    pub glued: bool,
}

impl Token {
    /// Whether this is a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether this is a number.
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// Whether this is a word or a number.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// Whether this is the punctuation mark `c` (quotation marks are not punctuation here).
    pub fn is(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.norm.starts_with(c) && self.norm.len() == c.len_utf8()
    }

    /// The first character of a punctuation mark or quotation mark.
    pub fn symbol(&self) -> Option<char> {
        match self.kind {
            TokenKind::Punct | TokenKind::OpenQuote | TokenKind::CloseQuote => {
                self.norm.chars().next()
            }
            _ => None,
        }
    }

    /// Whether this is a dash between words: `—`, `–` or `--`.
    pub fn is_dash(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.norm.as_str(), "—" | "–" | "--")
    }

    /// The stem of the normalised form (see [`stem`]).
    pub fn stem(&self) -> String {
        stem(&self.norm)
    }
}

/// A word lower-cased with `’` written `'`.
fn normalise(word: &str) -> String {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            word.to_ascii_lowercase()
        } else {
            word.to_owned()
        }
    } else {
        let s = word.to_lowercase();
        if s.contains('’') {
            s.replace('’', "'")
        } else {
            s
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Penn Treebank clitics written apart from their word ("Obama 's", "they 're").
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Splits `text` into fine tokens in one pass.
///
/// ```
/// use claimlens::text::{scan, TokenKind};
/// let text = "“Over 1,200,” said Ukraine’s so-called army.";
/// let t = scan(text);
/// let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
/// assert_eq!(norms, ["“", "over", "1200", ",", "”", "said", "ukraine's", "so", "-", "called", "army", "."]);
/// assert_eq!(t[0].kind, TokenKind::OpenQuote);
/// assert!(t[8].glued && !t[7].glued);
/// ```
pub fn scan(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    raw_tokens(text, |raw| out.push(raw.token(text)));
    out
}

/// A token before its normalised form is made: what the one scanner finds.
#[derive(Clone, Copy, Debug)]
struct Raw {
    span: Span,
    kind: TokenKind,
    cap: bool,
    glued: bool,
}

impl Raw {
    /// The token with its normalised form.
    fn token(self, text: &str) -> Token {
        let word = self.span.slice(text);
        let norm = match self.kind {
            TokenKind::Number => number_norm(word),
            TokenKind::Word => normalise(word),
            _ => word.to_string(),
        };
        Token {
            span: self.span,
            norm,
            kind: self.kind,
            cap: self.cap,
            glued: self.glued,
        }
    }

    /// Whether this is the punctuation mark `c`.
    fn is(&self, text: &str, c: char) -> bool {
        self.kind == TokenKind::Punct
            && self.span.slice(text).starts_with(c)
            && self.span.len() == c.len_utf8()
    }

    /// Whether this is a clitic written apart ("'s").
    fn clitic(&self, text: &str) -> bool {
        self.span.slice(text).starts_with(is_apostrophe)
    }
}

/// The one scanner: calls `emit` with every token of `text`, in order, without allocating.
fn raw_tokens(text: &str, mut emit: impl FnMut(Raw)) {
    let bytes = text.as_bytes();
    let mut prev_end = usize::MAX;
    let mut prev_char: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let c = match bytes[i] {
            b if b < 0x80 => char::from(b),
            _ => text[i..].chars().next().unwrap_or(' '),
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            prev_char = Some(c);
            i += len;
            continue;
        }
        let glued = prev_end == i;
        let (end, kind) = if c.is_ascii_digit() {
            (number_end(bytes, i), TokenKind::Number)
        } else if c.is_alphabetic() {
            (word_end(text, i + len), TokenKind::Word)
        } else if is_apostrophe(c) && !glued && !text[i + len..].starts_with('\'') {
            match clitic_end(text, i + len) {
                Some(end) => (end, TokenKind::Word),
                None => (i + len, TokenKind::Punct),
            }
        } else {
            let next = text[i + len..].chars().next();
            match c {
                '“' | '„' | '«' => (i + len, TokenKind::OpenQuote),
                '”' | '»' => (i + len, TokenKind::CloseQuote),
                '`' if next == Some('`') => (i + 2, TokenKind::OpenQuote),
                '\'' if next == Some('\'') => (i + 2, TokenKind::CloseQuote),
                '-' if next == Some('-') => (i + 2, TokenKind::Punct),
                '"' => {
                    let after_space =
                        prev_char.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
                    if after_space && next.is_some_and(|n| !n.is_whitespace()) {
                        (i + len, TokenKind::OpenQuote)
                    } else {
                        (i + len, TokenKind::CloseQuote)
                    }
                }
                _ => (i + len, TokenKind::Punct),
            }
        };
        emit(Raw {
            span: Span::new(i, end),
            kind,
            cap: c.is_uppercase(),
            glued,
        });
        prev_char = text[..end].chars().next_back();
        prev_end = end;
        i = end;
    }
}

/// End of the number starting at `i`: digits, with `.` between digits, and `,` between digits
/// where the commas group the number ([`grouped`]) or where one stray comma stands ("10,8000").
/// Otherwise a comma ends the number: "22,24,26,31" is a list of four numbers, read one at a
/// time (a number right after "digit," is an item of such a list and takes no comma), and
/// "1,3-dipole" a list of locants.
fn number_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    let mut first_comma = None;
    while j < bytes.len() {
        let b = bytes[j];
        let joins = matches!(b, b',' | b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
        if b == b',' && joins {
            first_comma.get_or_insert(j);
        }
        if b.is_ascii_digit() || joins {
            j += 1;
        } else {
            break;
        }
    }
    let Some(comma) = first_comma else {
        return j;
    };
    let list_item = i >= 2 && bytes[i - 1] == b',' && bytes[i - 2].is_ascii_digit();
    let hyphen_after = bytes.get(j) == Some(&b'-');
    let commas = bytes[i..j].iter().filter(|&&b| b == b',').count();
    match grouped(&bytes[i..j]) {
        _ if list_item => comma,
        Some(Grouping::Decimal) if hyphen_after => comma,
        Some(_) => j,
        // one stray comma ("10,8000") is a typo in one number, as it always was read
        None if commas == 1 => j,
        None => comma,
    }
}

/// How the commas of a numeral read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grouping {
    /// Thousands separators: "1,200", "12,345.6", and South Asian "1,00,000", "12,34,567".
    Thousands,
    /// European style, periods grouping thousands and a decimal comma: "1.111,11".
    European,
    /// One decimal comma with one or two decimals: "1,3", "12,75" ("1,3-dipole" is a list).
    Decimal,
}

/// How the commas of the digits-and-separators `run` read, or `None` when they group nothing
/// (a list: "22,24,26,31"). Commas group thousands only before exactly three digits (in South
/// Asian style, two-digit groups before the last three); a comma after a period can only be
/// European; a lone comma before one or two digits is a decimal comma.
fn grouped(run: &[u8]) -> Option<Grouping> {
    let mut seps: [u8; 8] = [0; 8];
    let mut lens: [usize; 9] = [0; 9];
    let mut n = 0;
    for &b in run {
        if b.is_ascii_digit() {
            lens[n] += 1;
        } else if n + 1 < lens.len() {
            seps[n] = b;
            n += 1;
        } else {
            return None;
        }
    }
    let (seps, lens) = (&seps[..n], &lens[..=n]);
    let commas = seps.iter().take_while(|&&s| s == b',').count();
    let dots_after = seps[commas..].iter().all(|&s| s == b'.');
    let western = (1..=3).contains(&lens[0]) && lens[1..=commas].iter().all(|&l| l == 3);
    let south_asian = commas >= 2
        && (1..=2).contains(&lens[0])
        && lens[1..commas].iter().all(|&l| l == 2)
        && lens[commas] == 3;
    if commas > 0 && dots_after && seps.len() - commas <= 1 && (western || south_asian) {
        return Some(Grouping::Thousands);
    }
    let periods = seps.iter().take_while(|&&s| s == b'.').count();
    let european = periods > 0
        && seps.len() == periods + 1
        && seps[periods] == b','
        && (1..=3).contains(&lens[0])
        && lens[1..=periods].iter().all(|&l| l == 3);
    if european {
        return Some(Grouping::European);
    }
    let decimal = seps == [b','] && (1..=3).contains(&lens[0]) && lens[1] <= 2;
    decimal.then_some(Grouping::Decimal)
}

/// The normalised form of a numeral: digits with a period as decimal point ("1,200" → "1200",
/// "1.111,11" → "1111.11", "1,3" → "1.3").
fn number_norm(word: &str) -> String {
    if !word.contains(',') {
        return word.to_string();
    }
    match grouped(word.as_bytes()) {
        Some(Grouping::European) => word
            .chars()
            .filter(|&c| c != '.')
            .map(|c| if c == ',' { '.' } else { c })
            .collect(),
        Some(Grouping::Decimal) => word.replace(',', "."),
        _ => word.chars().filter(|&c| c != ',').collect(),
    }
}

/// End of the word whose first letter ends at `j`: letters, marks, apostrophes before a letter.
fn word_end(text: &str, mut j: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
            j += 1;
        }
        if bytes.get(j).is_none_or(|b| b.is_ascii() && *b != b'\'') {
            return j;
        }
        let Some(d) = text[j..].chars().next() else {
            return j;
        };
        let joins = is_apostrophe(d)
            && text[j + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if d.is_alphabetic() || is_mark(d) || joins {
            j += d.len_utf8();
        } else {
            return j;
        }
    }
}

/// End of a clitic ("'s", "'re") whose apostrophe ends at `j`, if one stands there alone.
fn clitic_end(text: &str, j: usize) -> Option<usize> {
    let end = word_end(text, j);
    let letters = &text[j..end];
    let alone = !text[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    (alone && CLITICS.iter().any(|c| letters.eq_ignore_ascii_case(c))).then_some(end)
}

/// The word view of a token stream: words joined with the digits, inner hyphens, apostrophes
/// and words glued to them ("so-called", "A320", "BBC1's"; "COVID-19" is "covid" and "19"),
/// numbers, and nothing else. A number glued to a word lends it only its digits before its
/// first separator ("KCA2.2" is "kca2" and "2"). Norms are lower-case with `’` written `'`;
/// numbers keep their digits and periods.
pub fn words(text: &str, fine: &[Token]) -> Vec<Token> {
    let raw: Vec<Raw> = fine
        .iter()
        .map(|t| Raw {
            span: t.span,
            kind: t.kind,
            cap: t.cap,
            glued: t.glued,
        })
        .collect();
    word_view(text, &raw)
}

/// The word view of raw tokens (see [`words`]).
fn word_view(text: &str, fine: &[Raw]) -> Vec<Token> {
    let mut out = Vec::with_capacity(fine.len());
    let mut k = 0;
    while k < fine.len() {
        let t = fine[k];
        k += 1;
        match t.kind {
            TokenKind::Number => out.push(t.token(text)),
            TokenKind::Word if !t.clitic(text) => {
                let mut end = t.span.end;
                let mut rest: Option<Token> = None;
                loop {
                    let next = fine.get(k).filter(|n| n.glued);
                    match next {
                        Some(n) if n.kind == TokenKind::Word && !n.clitic(text) => {
                            end = n.span.end;
                            k += 1;
                        }
                        Some(n) if n.kind == TokenKind::Number => {
                            k += 1;
                            let digits = n.span.slice(text).bytes().take_while(u8::is_ascii_digit);
                            end = n.span.start + digits.count();
                            if end < n.span.end {
                                rest = number_rest(text, n.span, end);
                                break;
                            }
                        }
                        Some(n) if n.is(text, '-') || n.is(text, '\'') || n.is(text, '’') => {
                            match fine
                                .get(k + 1)
                                .filter(|w| w.glued && w.kind == TokenKind::Word)
                            {
                                Some(w) => {
                                    end = w.span.end;
                                    k += 2;
                                }
                                None => break,
                            }
                        }
                        _ => break,
                    }
                }
                out.push(
                    Raw {
                        span: Span::new(t.span.start, end),
                        kind: TokenKind::Word,
                        ..t
                    }
                    .token(text),
                );
                out.extend(rest);
            }
            _ => {}
        }
    }
    out
}

/// What follows the separator at `at` of the number spanning `span`, as a number token.
fn number_rest(text: &str, span: Span, at: usize) -> Option<Token> {
    let start = at + 1;
    (start < span.end).then(|| Token {
        span: Span::new(start, span.end),
        norm: number_norm(&text[start..span.end]),
        kind: TokenKind::Number,
        cap: false,
        glued: false,
    })
}

/// Splits `text` into word and number tokens: the word view ([`words`]) of [`scan`].
///
/// Words are runs of letters and marks (with inner apostrophes and hyphens, and digits glued
/// after letters); numbers are runs of digits with inner `,` or `.` separators.
///
/// ```
/// use claimlens::text::tokens;
/// let t: Vec<String> = tokens("Ukraine’s 1,200 troops").into_iter().map(|t| t.norm).collect();
/// assert_eq!(t, ["ukraine's", "1200", "troops"]);
/// ```
pub fn tokens(text: &str) -> Vec<Token> {
    let mut raw = Vec::with_capacity(text.len() / 5 + 1);
    raw_tokens(text, |r| raw.push(r));
    word_view(text, &raw)
}

/// A light suffix-stripping stemmer (plural, possessive, -ing, -ed, -ly) good enough for
/// matching news text against reference passages. The only stemmer of ClaimLens.
///
/// ```
/// use claimlens::text::stem;
/// assert_eq!(stem("casualties"), "casualti");
/// assert_eq!(stem("casualty"), "casualti");
/// assert_eq!(stem("recruiting"), stem("recruited"));
/// ```
pub fn stem(word: &str) -> String {
    let mut w: String = word
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string();
    if w.chars().count() <= 3 || !w.is_ascii() {
        return w;
    }
    for (suffix, replacement) in [
        ("ies", "i"),
        ("y", "i"),
        ("sses", "ss"),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", "e"),
        ("s", ""),
    ] {
        if w.ends_with(suffix) && w.len() - suffix.len() >= 3 {
            if suffix == "s" && w.ends_with("ss") {
                break;
            }
            w.truncate(w.len() - suffix.len());
            w.push_str(replacement);
            break;
        }
    }
    if w.ends_with('e') && w.len() > 4 {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_spans_slice_back_to_the_text() {
        let text = "“Over 1,200 casualties,” said Ukraine’s ministry — 3.5% e\u{301}lan 中文";
        for t in tokens(text) {
            let s = t.span.slice(text);
            assert!(!s.is_empty());
            assert_eq!(
                s.chars()
                    .filter(|c| *c != ',')
                    .collect::<String>()
                    .to_lowercase()
                    .replace('’', "'"),
                t.norm
            );
        }
        let norms: Vec<_> = tokens(text).into_iter().map(|t| t.norm).collect();
        assert_eq!(
            norms,
            [
                "over",
                "1200",
                "casualties",
                "said",
                "ukraine's",
                "ministry",
                "3.5",
                "e\u{301}lan",
                "中文"
            ]
        );
    }

    #[test]
    fn fine_tokens_by_kind() {
        use TokenKind::*;
        const CASES: &[(&str, &[(&str, TokenKind)])] = &[
            (
                "A320-neo",
                &[("A", Word), ("320", Number), ("-", Punct), ("neo", Word)],
            ),
            (
                "``No ,'' he said",
                &[
                    ("``", OpenQuote),
                    ("No", Word),
                    (",", Punct),
                    ("''", CloseQuote),
                    ("he", Word),
                    ("said", Word),
                ],
            ),
            (
                "Obama 's plan",
                &[("Obama", Word), ("'s", Word), ("plan", Word)],
            ),
            (
                "did n't -- 'quote'",
                &[
                    ("did", Word),
                    ("n't", Word),
                    ("--", Punct),
                    ("'", Punct),
                    ("quote", Word),
                    ("'", Punct),
                ],
            ),
            (
                "\"Yes\" x",
                &[
                    ("\"", OpenQuote),
                    ("Yes", Word),
                    ("\"", CloseQuote),
                    ("x", Word),
                ],
            ),
            ("5.5.", &[("5.5", Number), (".", Punct)]),
        ];
        for (text, want) in CASES {
            let got: Vec<(&str, TokenKind)> = scan(text)
                .iter()
                .map(|t| (t.span.slice(text), t.kind))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
        let words: Vec<String> = tokens("A320-neo so-called COVID-19 Obama 's")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(words, ["a320-neo", "so-called", "covid", "19", "obama"]);
    }

    #[test]
    fn numerals_and_their_norms() {
        // text, then the number tokens' norms in order
        const CASES: &[(&str, &[&str])] = &[
            ("1,200 and 12,345.6", &["1200", "12345.6"]),
            ("1,00,000 and 12,34,567", &["100000", "1234567"]),
            ("Exercises 22,24,26,31.", &["22", "24", "26", "31"]),
            ("1.111,11 or 1,111.11", &["1111.11", "1111.11"]),
            ("The number is 1,3.", &["1.3"]),
            ("I'm 1,68cm", &["1.68"]),
            ("1,3-dipole", &["1", "3"]),
            ("1,000,00 and 1,2,3", &["1", "000", "00", "1", "2", "3"]),
            ("Some 10,8000 children", &["108000"]),
            ("version 1.2.3", &["1.2.3"]),
        ];
        for (text, want) in CASES {
            let got: Vec<String> = scan(text)
                .into_iter()
                .filter(|t| t.is_number())
                .map(|t| t.norm)
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn stems_conflate_inflections() {
        const SAME: &[(&str, &str)] = &[
            ("casualties", "casualty"),
            ("recruits", "recruit"),
            ("recruiting", "recruited"),
            ("migrants", "migrant"),
            ("officials", "official"),
        ];
        for (a, b) in SAME {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_ne!(stem("class"), stem("clas"));
    }
}
