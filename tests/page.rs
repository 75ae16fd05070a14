//! Pages: article extraction over element trees and the mapping of findings back to text nodes.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::analyze_page;
use claimlens::page::{extract_article, parse_html, PageNode, PageSnapshot};
use claimlens::Corpus;

/// The text a DOM `Range` over the numbered text nodes would select.
fn range_text(nodes: &[String], r: &claimlens::page::NodeRange) -> String {
    let utf16: Vec<Vec<u16>> = nodes.iter().map(|n| n.encode_utf16().collect()).collect();
    let mut out: Vec<u16> = Vec::new();
    for n in r.start_node..=r.end_node {
        let units = &utf16[n as usize];
        let from = if n == r.start_node {
            r.start_offset as usize
        } else {
            0
        };
        let to = if n == r.end_node {
            r.end_offset as usize
        } else {
            units.len()
        };
        out.extend_from_slice(&units[from..to]);
    }
    String::from_utf16(&out).expect("ranges end on UTF-16 boundaries")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_nodes(node: &PageNode, out: &mut Vec<String>) {
    match node {
        PageNode::Text(t) => out.push(t.clone()),
        PageNode::Element { children, .. } => children.iter().for_each(|c| text_nodes(c, out)),
    }
}

/// A news page with navigation, a footer, inline markup splitting sentences across text nodes,
/// and non-ASCII text before the figures.
const PAGE: &str = r#"<!doctype html><html><head><title>Sample</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article class="story">
<h1>Kremlin recruits migrants — report</h1>
<p>The Kremlin has coerced <em>thousands of migrants</em> and foreign students into joining Russian troops, as reported by <a href="https://example.com">Bloomberg</a> citing unnamed European officials.</p>
<p>“The recruitment of Africans 😀 is carried out by a special unit,” as stated by Defense Intelligence of Ukraine.</p>
<p>The toll has been severe, with the UK Ministry of Defence reporting over 1,200 casualties per day in May. Ukraine’s Defense Ministry announced on June 1 that Russian troop losses in May reached 38,940.</p>
<p hidden>Hidden text: 99,999 invisible casualties allegedly.</p>
</article></main>
<footer><p>© 2024 Example News. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a> allegedly 77 links</p></footer>
</body></html>"#;

#[test]
fn findings_map_back_to_exactly_their_marked_words_in_the_nodes() {
    let snapshot = parse_html(PAGE, "http://localhost/article");
    let analysis = analyze_page(&snapshot, Some(&Corpus::bundled()));
    assert!(analysis.is_article);
    assert!(
        !analysis.report.findings.is_empty(),
        "the sample page has findings"
    );
    let mut nodes = Vec::new();
    text_nodes(&snapshot.root, &mut nodes);
    for (f, ranges) in analysis.report.findings.iter().zip(&analysis.ranges) {
        let selected: String = ranges
            .iter()
            .map(|r| range_text(&nodes, r))
            .collect::<Vec<_>>()
            .join(" ");
        let marked: Vec<&str> = f.marks().iter().map(|m| m.slice(&analysis.text)).collect();
        assert_eq!(
            collapse(&selected),
            collapse(&marked.join(" ")),
            "finding {:?}",
            f.text()
        );
    }
}

#[test]
fn navigation_footer_and_hidden_text_are_not_article() {
    let article = extract_article(&parse_html(PAGE, "").root).expect("an article");
    assert!(article
        .text
        .starts_with("Kremlin recruits migrants — report"));
    for absent in ["Home", "Privacy", "77 links", "99,999"] {
        assert!(
            !article.text.contains(absent),
            "{absent:?} leaked into the article"
        );
    }
    assert!(article.text.contains("reached 38,940."));
}

#[test]
fn pages_without_an_article_say_so() {
    let pages = [
        "",
        "<html><body></body></html>",
        "<body><nav><a href=/a>One</a><a href=/b>Two</a></nav><ul><li><a href=/c>Three</a></li></ul></body>",
        "<body><p>Short note.</p></body>",
        "\u{0}\u{1}<<<>>>&&&;;",
    ];
    for html in pages {
        let a = analyze_page(&parse_html(html, ""), None);
        assert!(!a.is_article && a.report.findings.is_empty(), "{html:?}");
    }
}

#[test]
fn hostile_structure_is_handled_calmly() {
    // Deep nesting beyond what the extractor reads, in a tree built directly (as a content
    // script would send it).
    let mut node = PageNode::Text("Deep text allegedly says 12 things.".into());
    for _ in 0..5_000 {
        node = PageNode::element("div", vec![node]);
    }
    let paragraph =
        "Officials said that over 1,200 people were counted, according to the report. ".repeat(10);
    let root = PageNode::element(
        "body",
        vec![
            PageNode::element("p", vec![PageNode::Text(paragraph)]),
            node,
        ],
    );
    let a = analyze_page(
        &PageSnapshot {
            url: String::new(),
            title: String::new(),
            root,
        },
        None,
    );
    assert!(a.is_article);
    // Markup-like text stays text.
    let html = format!(
        "<body><article><p>{}</p></article></body>",
        "&lt;img src=x onerror=alert(1)&gt; officials said 5 people were hurt, police said. "
            .repeat(6)
    );
    let a = analyze_page(&parse_html(&html, ""), None);
    assert!(a.text.contains("<img src=x onerror=alert(1)>"));
}
