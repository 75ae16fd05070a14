//! Pages: input adapters that turn what a page is — the content script's snapshot, or HTML for
//! the command-line tool — into an [`Article`] (its text plus the map back to the page's text
//! nodes), the map from byte spans of that text to DOM ranges ([`node_ranges`]), the article cut
//! into sections for a huge page ([`sections`]), and the cheap
//! "may this be an article" gate the content script applies before taking a snapshot
//! ([`may_be_article`]).
//!
//! # The snapshot a content script sends
//! A flat list of elements and text nodes in document order, each with its depth below the
//! `<body>` (see [`PageSnapshot`] for the wire form: columns `depth`, `tag`, `text`, `id`,
//! `class`, `role`). Text nodes are numbered from 0 in that order; a [`NodeRange`] names them by
//! that number, with offsets in UTF-16 code units inside the node, so that the content script
//! can build DOM `Range`s directly. Nothing here recurses: any depth costs O(nodes).

mod date;
mod extract;
mod gate;
#[cfg(not(target_arch = "wasm32"))]
mod html;
#[cfg(not(target_arch = "wasm32"))]
mod html_cap;
mod ranges;
mod sections;
mod snapshot;

pub use date::{iso_date, json_ld_published, PUBLISHED_META};
pub use extract::{extract_article, Article, Block};
pub use gate::{
    may_be_article, protocol_constants_js, GENERATED_BEGIN, GENERATED_END, MIN_ARTICLE_CHARS,
    PROSE_TAGS,
};
#[cfg(not(target_arch = "wasm32"))]
pub use html::parse_html;
pub use ranges::{node_ranges, NodeRange};
pub use sections::{sections, SECTION_BYTES};
pub use snapshot::{Node, PageNode, PageSnapshot, SnapshotBuilder};
