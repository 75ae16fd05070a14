//! Parsing HTML into the same flat snapshot the content script sends (native builds only).

use super::snapshot::{PageSnapshot, SnapshotBuilder};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

/// Parses an HTML document into a [`PageSnapshot`] rooted at `<body>`, leaving out comments
/// and elements hidden by `hidden`, `aria-hidden="true"` or an inline `display:none` /
/// `visibility:hidden` style, as the content script leaves out what a reader cannot see.
///
/// Linear at any depth: the parser flattens nesting beyond
/// [`MAX_NESTING`](super::html_cap::MAX_NESTING) levels, as browsers do, and the parsed tree is
/// walked by its open/close edges, never recursively.
pub fn parse_html(html: &str, url: &str) -> PageSnapshot {
    let doc = super::html_cap::parse(html);
    let title = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")
        .map(|e| e.text().collect::<String>().trim().to_string())
        .unwrap_or_default();
    let body = doc
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| doc.root_element());
    let mut out = SnapshotBuilder::default();
    // While inside a hidden element: that element's id (its subtree is left out).
    let mut hidden_from = None;
    for edge in body.traverse() {
        match edge {
            Edge::Open(node) => {
                if hidden_from.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => out.text(t),
                    Node::Element(e) if hidden(e) => hidden_from = Some(node.id()),
                    Node::Element(e) => {
                        out.open(e.name(), e.attr("id"), e.attr("class"), e.attr("role"))
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => match node.value() {
                Node::Element(_) if hidden_from == Some(node.id()) => hidden_from = None,
                Node::Element(_) if hidden_from.is_none() => out.close(),
                _ => {}
            },
        }
    }
    out.finish(url, &title)
}

fn hidden(e: &scraper::node::Element) -> bool {
    let style = e
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}
