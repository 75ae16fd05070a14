//! Attribution detector (to be written).
use super::Attribution;
use crate::text::Span;

/// Finds attributions in `text`.
pub fn find_attributions(_text: &str, _sentences: &[Span]) -> Vec<Attribution> {
    Vec::new()
}
