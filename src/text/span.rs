//! Byte spans and their conversion to UTF-16 code units (the unit of DOM `Range` offsets).

use serde::Serialize;

/// A half-open range `start..end` of UTF-8 byte offsets into a text.
///
/// Both ends always lie on `char` boundaries of the text the span was made for.
///
/// ```
/// use claimlens::Span;
/// let s = Span::new(4, 9);
/// assert_eq!(s.slice("The Kremlin"), "Kreml");
/// assert_eq!(s.len(), 5);
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// The spanned part of `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The same span moved right by `by` bytes.
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// Converts a UTF-8 byte offset of `text` into a UTF-16 code-unit offset.
///
/// `byte` must lie on a char boundary (it is clamped to the text's length).
///
/// ```
/// use claimlens::utf16_offset;
/// assert_eq!(utf16_offset("a😀b", 5), 3); // the emoji is 4 bytes, 2 UTF-16 units
/// ```
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text[..byte].encode_utf16().count()
}

/// Converts a UTF-16 code-unit offset of `text` into a UTF-8 byte offset.
///
/// An offset falling inside a surrogate pair, or past the end, is moved to the next char
/// boundary (or the text's end).
///
/// ```
/// use claimlens::byte_offset;
/// assert_eq!(byte_offset("a😀b", 3), 5);
/// ```
pub fn byte_offset(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Converts many byte offsets of one text to UTF-16 in a single pass.
///
/// `bytes` must be sorted ascending; the result is in the same order.
pub fn utf16_offsets_sorted(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut units = 0;
    let mut chars = text.char_indices().peekable();
    for &b in bytes {
        while let Some(&(i, c)) = chars.peek() {
            if i >= b {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out.push(units);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[&str] = &[
        "plain ascii",
        "“Curly” quotes — and dashes…",
        "emoji 😀 and flags 🇺🇦 inside",
        "CJK 中文报道 text",
        "combining e\u{301} marks and ﬁ ligatures",
        "",
    ];

    #[test]
    fn utf16_round_trips_at_every_char_boundary() {
        for text in SAMPLES {
            for (i, _) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                let u = utf16_offset(text, i);
                assert_eq!(byte_offset(text, u), i, "text {text:?} byte {i}");
                assert_eq!(u, text[..i].encode_utf16().count());
            }
        }
    }

    #[test]
    fn sorted_conversion_matches_single_conversion() {
        for text in SAMPLES {
            let bytes: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let many = utf16_offsets_sorted(text, &bytes);
            let one: Vec<usize> = bytes.iter().map(|&b| utf16_offset(text, b)).collect();
            assert_eq!(many, one);
        }
    }
}
