//! Text primitives: spans, sentence segmentation, word tokens.

mod sentences;
mod span;
mod tokens;

pub use sentences::sentences;
pub use span::{byte_offset, utf16_offset, utf16_offsets_sorted, Span};
pub use tokens::{stem, tokens, Token};
