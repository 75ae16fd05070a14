//! Statistic detector (to be written).
use super::Statistic;
use crate::text::Span;

/// Finds figures in `text`.
pub fn find_statistics(_text: &str, _sentences: &[Span]) -> Vec<Statistic> {
    Vec::new()
}
