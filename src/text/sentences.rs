//! Sentence segmentation for news text (to be written).
use super::Span;

/// Splits `text` into sentences, returned as trimmed byte spans in order.
pub fn sentences(text: &str) -> Vec<Span> {
    let t = text.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let start = text.len() - text.trim_start().len();
    vec![Span::new(start, start + t.len())]
}
