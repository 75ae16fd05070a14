//! Hedge detector (to be written).
use super::Hedge;
use crate::text::Span;

/// Finds hedge cues in `text`.
pub fn find_hedges(_text: &str, _sentences: &[Span]) -> Vec<Hedge> {
    Vec::new()
}
