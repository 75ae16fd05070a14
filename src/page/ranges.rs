//! From byte spans of an article's text back to the page: DOM ranges over its text nodes, with
//! offsets in UTF-16 code units (the unit of DOM `Range` offsets), converted here, once.

use super::extract::Article;
use crate::text::{utf16_offsets_sorted, Span};
use serde::Serialize;

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

/// Maps each byte span of `article.text` to text-node ranges: one per block the span crosses
/// (the separators between blocks are not on the page). Offsets are converted to UTF-16 in one
/// pass per text node, so the cost is O(spans · log spans + text), whatever the nodes' sizes.
///
/// ```
/// use claimlens::page::{extract_article, node_ranges, PageNode, PageSnapshot};
/// use claimlens::Span;
/// let para = "Officials said “over 1,200” 😀 people were hurt in the storm on Tuesday night. ".repeat(4);
/// let page = PageSnapshot::from_tree("", "", &PageNode::element("body", vec![
///     PageNode::element("p", vec![PageNode::Text(para.clone())]),
/// ]));
/// let article = extract_article(&page).unwrap();
/// let at = article.text.find("over").unwrap();
/// let ranges = node_ranges(&article, &[Span::new(at, at + "over 1,200".len())]);
/// // “ is 3 bytes in UTF-8 and 1 unit in UTF-16: byte 18 of the node is UTF-16 offset 16.
/// assert_eq!(para.find("over"), Some(18));
/// assert_eq!(ranges[0][0].start_offset, 16);
/// ```
pub fn node_ranges(article: &Article, spans: &[Span]) -> Vec<Vec<NodeRange>> {
    // Ranges with byte offsets first, then every (node, byte) endpoint converted at once.
    let mut out: Vec<Vec<NodeRange>> = Vec::with_capacity(spans.len());
    for span in spans {
        let mut ranges: Vec<NodeRange> = Vec::new();
        for piece in article.pieces_in(span.start, span.end) {
            match ranges.last_mut() {
                Some(last) if piece.joins_previous => {
                    last.end_node = piece.node;
                    last.end_offset = piece.node_end as u32;
                }
                _ => ranges.push(NodeRange {
                    start_node: piece.node,
                    start_offset: piece.node_start as u32,
                    end_node: piece.node,
                    end_offset: piece.node_end as u32,
                }),
            }
        }
        out.push(ranges);
    }
    let mut endpoints: Vec<(u32, u32, usize, usize, bool)> = Vec::new();
    for (s, ranges) in out.iter().enumerate() {
        for (r, range) in ranges.iter().enumerate() {
            endpoints.push((range.start_node, range.start_offset, s, r, true));
            endpoints.push((range.end_node, range.end_offset, s, r, false));
        }
    }
    endpoints.sort_unstable();
    for group in endpoints.chunk_by(|a, b| a.0 == b.0) {
        let text = &article.node_texts[group[0].0 as usize];
        let bytes: Vec<usize> = group.iter().map(|e| e.1 as usize).collect();
        for (e, units) in group.iter().zip(utf16_offsets_sorted(text, &bytes)) {
            let range = &mut out[e.2][e.3];
            if e.4 {
                range.start_offset = units as u32;
            } else {
                range.end_offset = units as u32;
            }
        }
    }
    out
}
