//! Parsing HTML into the same element tree the content script sends (native builds only).

use super::snapshot::{PageNode, PageSnapshot};
use scraper::{ElementRef, Html, Node};

/// Parses an HTML document into a [`PageSnapshot`] rooted at `<body>`, leaving out comments
/// and elements hidden by `hidden`, `aria-hidden="true"` or an inline `display:none` /
/// `visibility:hidden` style, as the content script leaves out what a reader cannot see.
pub fn parse_html(html: &str, url: &str) -> PageSnapshot {
    let doc = Html::parse_document(html);
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
    PageSnapshot {
        url: url.to_string(),
        title,
        root: convert(body, 0).unwrap_or_else(|| PageNode::element("body", Vec::new())),
    }
}

fn hidden(e: &ElementRef) -> bool {
    let v = e.value();
    let style = v
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// Converts an element; elements nested deeper than the extractor reads are left out.
fn convert(e: ElementRef, depth: usize) -> Option<PageNode> {
    if hidden(&e) || depth > super::extract::MAX_DEPTH {
        return None;
    }
    let v = e.value();
    let children = e
        .children()
        .filter_map(|child| match child.value() {
            Node::Text(t) => Some(PageNode::Text(t.to_string())),
            Node::Element(_) => ElementRef::wrap(child).and_then(|c| convert(c, depth + 1)),
            _ => None,
        })
        .collect();
    Some(PageNode::Element {
        tag: v.name().to_ascii_lowercase(),
        id: v.attr("id").map(str::to_string),
        class: v.attr("class").map(str::to_string),
        role: v.attr("role").map(str::to_string),
        children,
    })
}
