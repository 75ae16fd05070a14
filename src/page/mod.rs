//! Pages: the element tree the content script (or the CLI's HTML parser) sends, article
//! extraction over it, and the mapping of article byte ranges back to text-node ranges. Input
//! adapters only: analysis is [`crate::pipeline`]'s.
//!
//! # The snapshot a content script sends
//! ```json
//! {"url": "https://…", "title": "…", "lang": "en",
//!  "root": {"tag": "body", "children": [
//!     {"tag": "article", "id": "main", "class": "story", "children": [
//!         {"tag": "p", "children": ["The Kremlin has coerced ", {"tag": "a", "children": ["thousands"]}, " of migrants"]}]}]}}
//! ```
//! Strings are text nodes, numbered from 0 in depth-first document order; a [`NodeRange`] names
//! them by that number, with offsets in UTF-16 code units inside the node, so that the content
//! script can build DOM `Range`s directly.

mod extract;
#[cfg(not(target_arch = "wasm32"))]
mod html;
mod snapshot;

pub use extract::{extract_article, Article, Block, MAX_DEPTH};
#[cfg(not(target_arch = "wasm32"))]
pub use html::parse_html;
pub use snapshot::{node_ranges, NodeRange, PageNode, PageSnapshot};
