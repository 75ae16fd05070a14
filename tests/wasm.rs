#![cfg(target_arch = "wasm32")]
//! The sidebar UI in a real browser (`wasm-pack test --headless --chrome`): UTF-16 ranges over
//! non-ASCII text, card attributes, focus, keyboard, hostile text, bad input.
//!
//! `src/wasm/ui.rs` is compiled into this test crate with `#[path]` (the crate's `wasm` module is
//! private); it names the core only through the crate root's re-exports, provided here.

// `ui.rs` names these as `crate::…`.
use claimlens::{compare, page, Corpus, Finding, Kind, Verdict};
use serde::Deserialize;
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

#[allow(dead_code)]
#[path = "../src/wasm/ui.rs"]
mod ui;

wasm_bindgen_test_configure!(run_in_browser);

const VERDICTS: &[&str] = &[
    "corroborated",
    "number-differs",
    "certainty-differs",
    "source-differs",
    "not-in-corpus",
    "not-compared",
];

/// A page as paragraphs of text nodes; a node written `[link]` goes inside an `<a>`.
const ARTICLE: &[&[&str]] = &[
    &["Kremlin Recruits Migrants, Reports Bloomberg"],
    &[
        "The toll on the Russian military has been severe, with the UK Ministry of Defence \u{201c}reporting\u{201d} \u{2014} \u{1f680} ",
        "[over 1,200 casualties]",
        " per day in May, marking the highest rate of losses since the war began.",
    ],
    &["Ukraine\u{2019}s Defense Ministry announced on June 1 that Russian troop losses in May reached 38,940, according to the report, which could not be independently verified."],
    &["A caption read <img src=x onerror=alert(1)> and officials said migrants from at least 21 countries were allegedly recruited, Bloomberg reported."],
];

/// What `analyze` returns.
#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Result {
    is_article: bool,
    count: usize,
    findings: Vec<Highlight>,
}

#[derive(Deserialize, Debug)]
struct Highlight {
    id: u32,
    kind: String,
    verdict: String,
    ranges: Vec<Range>,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Range {
    start_node: usize,
    start_offset: usize,
    end_node: usize,
    end_offset: usize,
}

/// The snapshot of `paras` (in the wire form the content script sends: columns) and its text
/// nodes in order.
fn snapshot(paras: &[&[&str]]) -> (JsValue, Vec<String>) {
    // (depth, tag, text, class); an empty tag is a text node.
    let mut rows: Vec<(u32, &str, String, &str)> = vec![
        (0, "body", String::new(), ""),
        (1, "nav", String::new(), ""),
        (2, "a", String::new(), ""),
        (3, "", "Home".to_string(), ""), // text node 0
        (1, "article", String::new(), "story"),
    ];
    for (i, para) in paras.iter().enumerate() {
        rows.push((2, if i == 0 { "h1" } else { "p" }, String::new(), ""));
        for n in *para {
            if let Some(link) = n.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
                rows.push((3, "a", String::new(), ""));
                rows.push((4, "", link.to_string(), ""));
            } else {
                rows.push((3, "", n.to_string(), ""));
            }
        }
    }
    let nodes = rows
        .iter()
        .filter(|r| r.1.is_empty())
        .map(|r| r.2.clone())
        .collect();
    let snap = json!({
        "url": "https://example.org/news", "title": "Test",
        "depth": rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        "tag": rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        "text": rows.iter().map(|r| r.2.as_str()).collect::<Vec<_>>(),
        "class": rows.iter().map(|r| r.3).collect::<Vec<_>>(),
    });
    (js_sys::JSON::parse(&snap.to_string()).unwrap(), nodes)
}

/// A fresh root `<div>` appended to the body (the test runner owns the body's content).
fn root() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn sidebar(root: &Element) -> ui::SidebarUi {
    let on_click = js_sys::Function::new_with_args("id", "globalThis.__clickedCard = id;");
    let on_filter = js_sys::Function::new_with_args(
        "kind, visible",
        "globalThis.__filtered = [kind, visible];",
    );
    let mut sb = ui::SidebarUi::new(root.clone(), on_click, on_filter).unwrap();
    sb.load_corpus(&Corpus::bundled().to_bytes()).unwrap();
    sb
}

fn analyze(sb: &mut ui::SidebarUi, snap: JsValue) -> Result {
    serde_wasm_bindgen::from_value(sb.analyze(snap).unwrap()).unwrap()
}

/// The text a NodeRange selects, slicing by UTF-16 code units as a DOM Range does.
fn range_text(nodes: &[String], r: &Range) -> String {
    let mut out = Vec::new();
    for (n, node) in nodes
        .iter()
        .enumerate()
        .take(r.end_node + 1)
        .skip(r.start_node)
    {
        let units: Vec<u16> = node.encode_utf16().collect();
        let a = if n == r.start_node { r.start_offset } else { 0 };
        let b = if n == r.end_node {
            r.end_offset
        } else {
            units.len()
        };
        assert!(
            a <= b && b <= units.len(),
            "range {r:?} out of node {n} {node:?}"
        );
        out.extend_from_slice(&units[a..b]);
    }
    String::from_utf16(&out).unwrap()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn card(root: &Element, id: u32) -> HtmlElement {
    root.query_selector(&format!(".card[data-finding=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no card for finding {id}"))
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
fn ranges_select_exactly_the_findings_text_in_non_ascii_nodes() {
    let root = root();
    let mut sb = sidebar(&root);
    let (snap, nodes) = snapshot(ARTICLE);
    let result = analyze(&mut sb, snap);
    assert!(result.is_article);
    assert_eq!(result.count, result.findings.len());
    for f in &result.findings {
        assert!(!f.ranges.is_empty(), "finding {} has no range", f.id);
        let selected: String = f.ranges.iter().map(|r| range_text(&nodes, r)).collect();
        let passage = card(&root, f.id)
            .query_selector(".passage")
            .unwrap()
            .unwrap();
        let shown = passage.text_content().unwrap();
        assert_eq!(
            squash(&selected),
            squash(&shown),
            "finding {} ({})",
            f.id,
            f.kind
        );
    }
    // The statistic after the emoji (a surrogate pair) and the em dash, inside a link.
    let stat = result
        .findings
        .iter()
        .find(|f| {
            f.kind == "statistic"
                && f.ranges
                    .iter()
                    .any(|r| range_text(&nodes, r).contains("1,200"))
        })
        .expect("a statistic for “over 1,200 casualties”");
    let r = &stat.ranges[0];
    assert!(
        range_text(&nodes, r).starts_with("over 1,200")
            || range_text(&nodes, r).starts_with("1,200")
    );
}

#[wasm_bindgen_test]
fn cards_carry_kind_verdict_and_id() {
    let root = root();
    let mut sb = sidebar(&root);
    let result = analyze(&mut sb, snapshot(ARTICLE).0);
    assert!(
        result.count >= 3,
        "expected several findings, got {}",
        result.count
    );
    let cards = root.query_selector_all(".card").unwrap();
    assert_eq!(cards.length() as usize, result.count);
    for f in &result.findings {
        let c = card(&root, f.id);
        assert_eq!(
            c.get_attribute("data-kind").as_deref(),
            Some(f.kind.as_str())
        );
        assert_eq!(
            c.get_attribute("data-verdict").as_deref(),
            Some(f.verdict.as_str())
        );
        assert!(["attribution", "hedge", "statistic"].contains(&f.kind.as_str()));
        assert!(
            VERDICTS.contains(&f.verdict.as_str()),
            "verdict {}",
            f.verdict
        );
        assert_eq!(c.get_attribute("tabindex").as_deref(), Some("0"));
        // The verdict in words and either a reference or the "no passage" line.
        let text = c.text_content().unwrap();
        assert!(text.contains(label(&f.verdict)), "{text}");
        assert!(c
            .query_selector(".reference, .no-reference")
            .unwrap()
            .is_some());
    }
    let summary = root
        .query_selector(".summary-line")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        summary.starts_with(&format!("{} finding", result.count)),
        "{summary}"
    );
}

fn label(verdict: &str) -> &'static str {
    [
        Verdict::Corroborated,
        Verdict::NumberDiffers,
        Verdict::CertaintyDiffers,
        Verdict::SourceDiffers,
        Verdict::NotInCorpus,
        Verdict::NotCompared,
    ]
    .into_iter()
    .find(|v| v.as_str() == verdict)
    .map(|v| v.label())
    .unwrap()
}

#[wasm_bindgen_test]
fn focus_moves_aria_current_and_keyboard_clicks() {
    let root = root();
    let mut sb = sidebar(&root);
    let result = analyze(&mut sb, snapshot(ARTICLE).0);
    assert!(result.count >= 2, "need two findings, got {}", result.count);
    let (a, b) = (result.findings[0].id, result.findings[1].id);
    sb.focus(a).unwrap();
    assert_eq!(
        card(&root, a).get_attribute("aria-current").as_deref(),
        Some("true")
    );
    sb.focus(b).unwrap();
    assert_eq!(card(&root, a).get_attribute("aria-current"), None);
    assert_eq!(
        card(&root, b).get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(
        root.query_selector_all("[aria-current]").unwrap().length(),
        1
    );

    // Click and Enter both call back with the finding's id.
    let clicked = || js_sys::Reflect::get(&js_sys::global(), &"__clickedCard".into()).unwrap();
    card(&root, a).click();
    assert_eq!(clicked().as_f64(), Some(a as f64));
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let enter = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    card(&root, b).dispatch_event(&enter).unwrap();
    assert_eq!(clicked().as_f64(), Some(b as f64));
}

#[wasm_bindgen_test]
fn markup_in_text_is_shown_as_text() {
    let root = root();
    let mut sb = sidebar(&root);
    let hostile: &[&[&str]] = &[
        &["<script>alert(1)</script> Headline"],
        &["Officials said <img src=x onerror=alert(1)> that over 1,200 casualties were reported per day in May, according to the ministry."],
        &["The report <b>could</b> not be independently verified, and the figure may be higher, officials said on Tuesday evening."],
        &["Another paragraph long enough to count as article text, with more than a few words in it, said the spokesperson."],
    ];
    let result = analyze(&mut sb, snapshot(hostile).0);
    assert!(result.is_article);
    assert!(root.query_selector("img, script").unwrap().is_none());
    assert!(result.count > 0, "no findings to render");
    let all = root.text_content().unwrap();
    assert!(
        all.contains("<img src=x onerror=alert(1)>") || all.contains("<b>could</b>"),
        "{all}"
    );
}

#[wasm_bindgen_test]
fn a_page_without_an_article_says_so_calmly() {
    let root = root();
    let mut sb = sidebar(&root);
    let result = analyze(&mut sb, snapshot(&[&["Home"], &["World"], &["Sport"]]).0);
    assert!(!result.is_article);
    assert_eq!(result.count, 0);
    assert!(result.findings.is_empty());
    assert_eq!(
        root.text_content().unwrap(),
        "No article found on this page."
    );
    assert!(root.query_selector(".card").unwrap().is_none());
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_not_a_panic() {
    let root = root();
    let mut sb = sidebar(&root);
    for bad in [
        "42",
        "null",
        "{\"url\": 1}",
        "{\"root\": {\"tag\": 3}}",
        "\"text\"",
    ] {
        let v = js_sys::JSON::parse(bad).unwrap();
        let err = sb.analyze(v).expect_err(bad);
        assert!(err.is_instance_of::<js_sys::Error>(), "{bad}: {err:?}");
    }
    // Still usable afterwards.
    assert!(analyze(&mut sb, snapshot(ARTICLE).0).is_article);
}

#[wasm_bindgen_test]
fn cards_set_page_and_reference_passages_side_by_side_with_marks() {
    let root = root();
    let mut sb = sidebar(&root);
    let page: &[&[&str]] = &[
        &["Russian losses \u{2014} a headline"],
        &["The UK Ministry of Defence estimates that Russia lost over 1,200 casualties per day in May, a \u{201c}record\u{201d} \u{1f680} for the war."],
        ARTICLE[2],
        ARTICLE[3],
    ];
    let result = analyze(&mut sb, snapshot(page).0);
    assert!(result.is_article);
    let stat = result
        .findings
        .iter()
        .find(|f| f.kind == "statistic")
        .expect("a card for the 1,200 statistic");
    assert_eq!(stat.verdict, "corroborated");
    let c = card(&root, stat.id);
    let page_side = c.query_selector(".page-side .side-text").unwrap().unwrap();
    let ref_side = c.query_selector(".ref-side .side-text").unwrap().unwrap();
    assert!(page_side
        .text_content()
        .unwrap()
        .contains("1,200 casualties"));
    assert!(ref_side.text_content().unwrap().contains("1,200"));
    let marked = |e: &Element| -> Vec<String> {
        let list = e.query_selector_all("mark").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    // The wording differs on each side ("casualties" / "personnel", "a record for the war"):
    // marked on both.
    assert!(!marked(&page_side).is_empty());
    assert!(!marked(&ref_side).is_empty());
    // Marks only wrap text: no other element inside the passages.
    assert_eq!(
        page_side.query_selector_all("*").unwrap().length() as usize,
        marked(&page_side).len()
    );
    // The reference document: title, outlet and date.
    let caption = c.query_selector(".reference figcaption").unwrap().unwrap();
    let text = caption.text_content().unwrap();
    assert!(text.contains("Bloomberg"), "{text}");
    assert!(text.contains("June 2024"), "{text}");
}

#[wasm_bindgen_test]
fn the_sidebar_starts_without_a_corpus_and_a_corpus_file_gives_it_one() {
    let root = root();
    let on_click = js_sys::Function::new_no_args("");
    let mut bare = ui::SidebarUi::new(root.clone(), on_click.clone(), on_click).unwrap();
    assert_eq!(
        bare.corpus_description(),
        "No reference corpus: findings are not compared"
    );
    let result = analyze(&mut bare, snapshot(ARTICLE).0);
    assert!(result.count > 0);
    assert!(result.findings.iter().all(|f| f.verdict == "not-compared"));

    let mut sb = sidebar(&root);
    assert_eq!(
        sb.corpus_description(),
        "Reference corpus: 2 articles, June 2024"
    );
    let err = sb.load_corpus(b"not a corpus").expect_err("bad bytes");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        sb.corpus_description(),
        "Reference corpus: 2 articles, June 2024"
    );
    let one = Corpus::new(vec![claimlens::corpus::Document {
        id: "a.txt".into(),
        title: "Losses".into(),
        outlet: Some("BBC".into()),
        date: Some("2024-07-02".into()),
        url: None,
        text: "Russia lost over 1,200 personnel per day in May, the UK said.".into(),
    }]);
    sb.load_corpus(&one.to_bytes()).unwrap();
    assert_eq!(
        sb.corpus_description(),
        "Reference corpus: 1 article, 2 July 2024"
    );
    let result = analyze(&mut sb, snapshot(ARTICLE).0);
    assert!(result.is_article);
}

#[wasm_bindgen_test]
fn a_filter_click_hides_the_kinds_cards_and_reports_kind_and_state() {
    let root = root();
    let mut sb = sidebar(&root);
    let result = analyze(&mut sb, snapshot(ARTICLE).0);
    assert!(result.findings.iter().any(|f| f.kind == "hedge"));
    let filtered = || {
        let v = js_sys::Reflect::get(&js_sys::global(), &"__filtered".into()).unwrap();
        serde_wasm_bindgen::from_value::<(String, bool)>(v).unwrap()
    };
    let button: HtmlElement = root
        .query_selector("button[data-filter=\"hedge\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let hedge_cards_hidden = || {
        let cards = root
            .query_selector_all(".card[data-kind=\"hedge\"]")
            .unwrap();
        (0..cards.length())
            .map(|i| {
                cards
                    .item(i)
                    .unwrap()
                    .dyn_into::<HtmlElement>()
                    .unwrap()
                    .hidden()
            })
            .collect::<Vec<_>>()
    };
    button.click();
    assert_eq!(filtered(), ("hedge".to_string(), false));
    assert!(hedge_cards_hidden().iter().all(|h| *h));
    button.click();
    assert_eq!(filtered(), ("hedge".to_string(), true));
    assert!(hedge_cards_hidden().iter().all(|h| !*h));
}
