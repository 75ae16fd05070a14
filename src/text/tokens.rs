//! Word tokens with byte offsets, lower-cased, and a light English stemmer for retrieval.

use super::Span;

/// A word or number of a text: its span and its lower-cased form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token stands in the text.
    pub span: Span,
    /// The token lower-cased; numbers keep their digits only ("1,200" → "1200").
    pub norm: String,
}

/// Splits `text` into word and number tokens.
///
/// Words are runs of letters and marks (with inner apostrophes and hyphens); numbers are runs of
/// digits with inner `,` or `.` separators.
///
/// ```
/// use claimlens::text::tokens;
/// let t: Vec<String> = tokens("Ukraine’s 1,200 troops").into_iter().map(|t| t.norm).collect();
/// assert_eq!(t, ["ukraine’s", "1200", "troops"]);
/// ```
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let numeric = c.is_ascii_digit();
        if !(numeric || c.is_alphabetic()) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            let continues = if numeric {
                d.is_ascii_digit()
            } else {
                d.is_alphanumeric() || is_mark(d)
            };
            let joiner = if numeric {
                matches!(d, ',' | '.')
            } else {
                matches!(d, '\'' | '’' | '-')
            };
            if continues || (joiner && next_continues(text, i + d.len_utf8(), numeric)) {
                end = i + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        let norm = if numeric {
            word.chars().filter(|c| *c != ',').collect()
        } else {
            word.to_lowercase()
        };
        out.push(Token {
            span: Span::new(start, end),
            norm,
        });
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

fn next_continues(text: &str, at: usize, numeric: bool) -> bool {
    match text[at..].chars().next() {
        Some(n) if numeric => n.is_ascii_digit(),
        Some(n) => n.is_alphabetic(),
        None => false,
    }
}

/// A light suffix-stripping stemmer (plural, possessive, -ing, -ed, -ly) good enough for
/// matching news text against reference passages.
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
                    .to_lowercase(),
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
                "ukraine’s",
                "ministry",
                "3.5",
                "e\u{301}lan",
                "中文"
            ]
        );
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
