//! The page snapshot the content script sends, and the mapping of article byte ranges back to
//! text-node ranges.

use super::extract::Article;
use crate::text::utf16_offset;
use serde::{Deserialize, Serialize};

/// A node of the element tree: a text node, or an element with its children.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum PageNode {
    /// A text node.
    Text(String),
    /// An element with a few attributes.
    Element {
        /// Lower-case tag name.
        tag: String,
        /// The `id` attribute.
        #[serde(default)]
        id: Option<String>,
        /// The `class` attribute.
        #[serde(default)]
        class: Option<String>,
        /// The `role` attribute.
        #[serde(default)]
        role: Option<String>,
        /// Child nodes in document order.
        #[serde(default)]
        children: Vec<PageNode>,
    },
}

impl PageNode {
    /// Makes an element node.
    pub fn element(tag: &str, children: Vec<PageNode>) -> PageNode {
        PageNode::Element {
            tag: tag.to_string(),
            id: None,
            class: None,
            role: None,
            children,
        }
    }
}

/// What the content script sends: the page's address, title and visible element tree.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PageSnapshot {
    /// The page's URL.
    #[serde(default)]
    pub url: String,
    /// The document title.
    #[serde(default)]
    pub title: String,
    /// The `<body>` (or whatever root the sender chose).
    pub root: PageNode,
}

/// A DOM range over text nodes: node numbers and UTF-16 offsets inside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeRange {
    /// Number of the text node the range starts in.
    pub start_node: u32,
    /// UTF-16 offset in that node.
    pub start_offset: u32,
    /// Number of the text node the range ends in.
    pub end_node: u32,
    /// UTF-16 offset in that node.
    pub end_offset: u32,
}

/// Maps the byte range `start..end` of the article text to text-node ranges (one per block
/// the range crosses, skipping the separators between blocks).
pub fn node_ranges(article: &Article, start: usize, end: usize) -> Vec<NodeRange> {
    let mut out = Vec::new();
    for piece in article.pieces_in(start, end) {
        let node_text = &article.node_texts[piece.node as usize];
        let a = utf16_offset(node_text, piece.node_start) as u32;
        let b = utf16_offset(node_text, piece.node_end) as u32;
        match out.last_mut() {
            Some(NodeRange {
                end_node,
                end_offset,
                ..
            }) if piece.joins_previous => {
                *end_node = piece.node;
                *end_offset = b;
            }
            _ => out.push(NodeRange {
                start_node: piece.node,
                start_offset: a,
                end_node: piece.node,
                end_offset: b,
            }),
        }
    }
    out
}
