//! Parsing HTML into the same flat snapshot the content script sends (native builds only).

use super::date::{iso_date, json_ld_published, PUBLISHED_META};
use super::snapshot::{PageSnapshot, SnapshotBuilder};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

/// Parses an HTML document into a [`PageSnapshot`] rooted at `<body>`, leaving out comments
/// and elements hidden by `hidden`, `aria-hidden="true"` or an inline `display:none` /
/// `visibility:hidden` style, as the content script leaves out what a reader cannot see.
///
/// Linear at any depth: the parser flattens nesting beyond
/// `html_cap::MAX_NESTING` (512) levels, as browsers do, and the parsed tree is
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
    let mut snapshot = out.finish(url, &title);
    snapshot.published = published(&doc);
    snapshot
}

/// The page's publication date from its `<meta>` tags ([`PUBLISHED_META`], most trusted first),
/// else from a JSON-LD script's `datePublished`: the places the content script looks too.
fn published(doc: &scraper::Html) -> Option<String> {
    let elements = || {
        doc.root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
    };
    let mut best: Option<(usize, String)> = None;
    for e in elements().filter(|e| e.value().name() == "meta") {
        let v = e.value();
        let key = v
            .attr("property")
            .or_else(|| v.attr("name"))
            .or_else(|| v.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(rank) = PUBLISHED_META.iter().position(|k| *k == key) else {
            continue;
        };
        if let Some(date) = v.attr("content").and_then(iso_date) {
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                best = Some((rank, date));
            }
        }
    }
    best.map(|(_, date)| date).or_else(|| {
        elements()
            .filter(|e| {
                e.value().name() == "script"
                    && e.value().attr("type") == Some("application/ld+json")
            })
            .find_map(|e| json_ld_published(&e.text().collect::<String>()))
    })
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
