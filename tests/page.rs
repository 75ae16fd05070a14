//! Pages: article extraction over element trees and the mapping of findings back to text nodes.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::analyze_page;
use claimlens::page::{extract_article, parse_html, PageSnapshot, SnapshotBuilder};
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
    let nodes: Vec<String> = snapshot.text_nodes().map(str::to_string).collect();
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
    let article = extract_article(&parse_html(PAGE, "")).expect("an article");
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

/// An article paragraph with an attribution, a hedge and a statistic.
const DEEP_PARAGRAPH: &str = "Officials said that over 1,200 people were evacuated from the \
    coastal towns on Tuesday, and the figure allegedly rose overnight, according to the council.";

/// A snapshot (as the content script sends it) with the article paragraphs `depth` elements
/// down, each nested element a `tag`.
fn deep_snapshot(tag: &str, depth: usize) -> PageSnapshot {
    let mut b = SnapshotBuilder::default();
    b.open("body", None, None, None);
    for _ in 0..depth {
        b.open(tag, None, None, None);
    }
    for _ in 0..4 {
        b.open("p", None, None, None);
        b.text(DEEP_PARAGRAPH);
        b.close();
    }
    b.finish("https://example.org/deep", "Deep")
}

/// An HTML page with the article paragraphs inside `n` unclosed `open` tags.
fn deep_html(open: &str, n: usize) -> PageSnapshot {
    let body = format!("<p>{DEEP_PARAGRAPH}</p>").repeat(4);
    parse_html(
        &format!("<html><body>{}{body}</body></html>", open.repeat(n)),
        "",
    )
}

/// Issue 10: a 20,000-deep page took 18.4 s in the browser (recursion, ~0.9 ms per level) and
/// 100,000 nested `<div>`s in HTML over 60 s; deeper than 256 levels nothing was read. Now every
/// depth is read, in time linear in the nodes (a quadratic stage would not finish here).
#[test]
fn deep_pages_still_yield_the_findings_of_the_text_inside() {
    struct Case {
        name: &'static str,
        page: fn() -> PageSnapshot,
    }
    let cases: &[Case] = &[
        Case {
            name: "snapshot, 20,000 nested <div>",
            page: || deep_snapshot("div", 20_000),
        },
        Case {
            name: "snapshot, 100,000 nested <span>",
            page: || deep_snapshot("span", 100_000),
        },
        Case {
            name: "snapshot, 50,000 nested <blockquote>",
            page: || deep_snapshot("blockquote", 50_000),
        },
        Case {
            name: "HTML, 100,000 nested <div>",
            page: || deep_html("<div>", 100_000),
        },
        Case {
            name: "HTML, 100,000 nested <b>",
            page: || deep_html("<b>", 100_000),
        },
        Case {
            name: "HTML, 50,000 nested tables",
            page: || deep_html("<table><tr><td>", 50_000),
        },
    ];
    let flat = analyze_page(&deep_snapshot("div", 0), None);
    let kinds = |a: &claimlens::PageAnalysis| {
        let mut k: Vec<_> = a
            .report
            .findings
            .iter()
            .map(|f| (f.kind(), f.text().to_string()))
            .collect();
        k.sort_by(|a, b| a.1.cmp(&b.1));
        k
    };
    assert!(
        flat.report.findings.len() >= 3,
        "the paragraph has findings"
    );
    for case in cases {
        let a = analyze_page(&(case.page)(), None);
        assert!(a.is_article, "{}: no article", case.name);
        assert_eq!(kinds(&a), kinds(&flat), "{}", case.name);
    }
}

/// The snapshot's wire form: columns of equal length; anything else is refused with a reason.
#[test]
fn the_snapshot_wire_form_is_columns() {
    let ok = r#"{"url": "u", "title": "t",
        "depth": [0, 1, 2, 1],
        "tag": ["body", "p", "", "div"],
        "text": ["", "", "Hello", ""],
        "class": ["", "story", "", ""]}"#;
    let snap: PageSnapshot = serde_json::from_str(ok).expect("a snapshot");
    let mut b = SnapshotBuilder::default();
    b.open("body", None, None, None);
    b.open("p", None, Some("story"), None);
    b.text("Hello");
    b.close();
    b.open("div", None, None, None);
    assert_eq!(snap, b.finish("u", "t"));
    for bad in [
        r#"{"depth": [0, 1], "tag": ["body"], "text": ["", ""]}"#,
        r#"{"depth": [0], "tag": ["body"], "text": [""], "role": ["", "main"]}"#,
        r#"{"depth": [-1], "tag": ["body"], "text": [""]}"#,
        r#"{"root": {"tag": "body", "children": []}}"#,
    ] {
        assert!(serde_json::from_str::<PageSnapshot>(bad).is_err(), "{bad}");
    }
}

/// Depths that skip levels or start deep are read as the next level down: any list is a page.
#[test]
fn odd_depths_are_read_calmly() {
    let para = format!(r#""{DEEP_PARAGRAPH}""#);
    let json = format!(
        r#"{{"depth": [5, 9, 40, 2, 3, 3, 1, 7],
            "tag": ["body", "article", "p", "p", "", "", "div", ""],
            "text": ["", "", "", "", {para}, {para}, "", {para}]}}"#
    );
    let snap: PageSnapshot = serde_json::from_str(&json).expect("a snapshot");
    let a = analyze_page(&snap, None);
    assert!(a.is_article);
    assert_eq!(snap.text_nodes().count(), 3);
    for ranges in &a.ranges {
        assert!(ranges.iter().all(|r| r.end_node < 3), "{ranges:?}");
    }
}

#[test]
fn hostile_structure_is_handled_calmly() {
    // Markup-like text stays text.
    let html = format!(
        "<body><article><p>{}</p></article></body>",
        "&lt;img src=x onerror=alert(1)&gt; officials said 5 people were hurt, police said. "
            .repeat(6)
    );
    let a = analyze_page(&parse_html(&html, ""), None);
    assert!(a.text.contains("<img src=x onerror=alert(1)>"));
}

/// Highlights section by section (before the comparison) are the full analysis's highlights:
/// the same kinds over the same ranges, whatever the section size.
#[test]
fn section_highlights_are_the_full_analysis_highlights() {
    use claimlens::page::sections;
    use claimlens::pipeline::detect_section;
    let long = format!(
        "<body><article>{}</article></body>",
        format!("<p>{DEEP_PARAGRAPH}</p><h2>Later</h2><p>“It may be 38,940,” said an aide.</p>")
            .repeat(40)
    );
    for (name, html) in [("sample page", PAGE), ("long page", long.as_str())] {
        let page = parse_html(html, "");
        let article = extract_article(&page).expect("an article");
        let analysis = analyze_page(&page, None);
        let full: Vec<_> = analysis
            .report
            .findings
            .iter()
            .map(|f| f.kind())
            .zip(analysis.ranges)
            .collect();
        for bytes in [1, 300, 4_000, usize::MAX] {
            let parts = sections(&article, bytes);
            assert_eq!(parts.first().map(|s| s.start), Some(0), "{name}");
            assert_eq!(parts.last().map(|s| s.end), Some(article.text.len()));
            let parted: Vec<_> = parts
                .iter()
                .flat_map(|&s| detect_section(&article, s))
                .map(|h| (h.kind, h.ranges))
                .collect();
            assert_eq!(parted, full, "{name}, sections of {bytes} bytes");
        }
    }
}

/// The article's root is named by its row in the snapshot (the content script lays the sidebar
/// out beside that element).
#[test]
fn the_article_root_is_a_row_of_the_snapshot() {
    let page = parse_html(PAGE, "");
    let article = extract_article(&page).expect("an article");
    match &page.nodes[article.root] {
        claimlens::page::Node::Element { tag, class, .. } => {
            assert_eq!((tag.as_str(), class.as_deref()), ("article", Some("story")));
        }
        other => panic!("the root is {other:?}"),
    }
}

/// Issue 13: captions, credits and bylines are part of the article's text, but no findings of
/// it ("Media caption Mr Obama said …" is no attribution).
#[test]
fn captions_and_bylines_are_no_findings() {
    let body = format!("<p>{DEEP_PARAGRAPH}</p>").repeat(3);
    for aside in [
        "<figure><img src=x><figcaption>Media caption Mr Obama said 40 people were hurt</figcaption></figure>",
        "<p class=\"media-caption\">Mr Obama said 40 people were hurt, officials allegedly said</p>",
        "<div class=\"story_byline\">By Jane Doe, who said 40 people were hurt</div>",
    ] {
        let html = format!("<html><body><article>{body}{aside}</article></body></html>");
        let analysis = analyze_page(&parse_html(&html, ""), None);
        assert!(analysis.is_article, "{aside}");
        assert!(analysis.text.contains("40 people"), "the caption stays text: {aside}");
        for f in &analysis.report.findings {
            assert!(!f.text().contains("40 people") && !f.text().contains("Obama"), "{aside}: {:?}", f.text());
        }
    }
    // "credit-card" is no credit line.
    let html = format!(
        "<html><body><article>{body}<p class=\"credit-card\">Officials said 40 people were hurt.</p></article></body></html>"
    );
    let analysis = analyze_page(&parse_html(&html, ""), None);
    assert!(analysis
        .report
        .findings
        .iter()
        .any(|f| f.text().contains("40 people")));
}

/// (the page's `<head>` and `<body>` start, the publication date it gives).
const PUBLISHED: &[(&str, Option<&str>)] = &[
    (
        r#"<meta property="article:published_time" content="2021-11-01T10:52:50+01:00">"#,
        Some("2021-11-01"),
    ),
    (
        r#"<meta itemprop="datePublished" content="2016-05-08T10:11:51+01:00">"#,
        Some("2016-05-08"),
    ),
    (
        r#"<meta name="DATE" content="2015-07-10 09:53:00 -0400">"#,
        Some("2015-07-10"),
    ),
    // The most trusted key wins, wherever it stands.
    (
        r#"<meta name="date" content="2001-01-01"><meta property="article:published_time" content="2019-04-30">"#,
        Some("2019-04-30"),
    ),
    (
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished" : "2019-04-30T13:39:00-04:00"}</script>"#,
        Some("2019-04-30"),
    ),
    // Not a date, or not the publication's.
    (
        r#"<meta property="article:published_time" content="last Tuesday">"#,
        None,
    ),
    (
        r#"<meta property="article:modified_time" content="2020-01-01">"#,
        None,
    ),
    (r#"<meta name="date" content="3024-01-01">"#, None),
    ("", None),
];

#[test]
fn the_publication_date_comes_from_the_page_metadata() {
    for (head, want) in PUBLISHED {
        let html = format!("<html><head>{head}</head><body><p>Text.</p></body></html>");
        let snapshot = parse_html(&html, "https://example.org/");
        assert_eq!(snapshot.published.as_deref(), *want, "{head}");
    }
    // The content script sends the date as written; the core reads it the same way.
    let wire = r#"{"published": "2015-07-10T09:53:00-04:00", "depth": [0], "tag": ["body"], "text": [""]}"#;
    let snap: PageSnapshot = serde_json::from_str(wire).expect("a snapshot");
    assert_eq!(snap.published.as_deref(), Some("2015-07-10"));
    let wire = r#"{"published": "soon", "depth": [0], "tag": ["body"], "text": [""]}"#;
    let snap: PageSnapshot = serde_json::from_str(wire).expect("a snapshot");
    assert_eq!(snap.published, None);
}
