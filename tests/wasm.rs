#![cfg(target_arch = "wasm32")]
//! The sidebar UI in a real browser (`wasm-pack test --headless --chrome`): UTF-16 ranges over
//! non-ASCII text, card attributes, focus, keyboard, hostile text, bad input.
//!
//! `src/wasm/ui.rs` is compiled into this test crate with `#[path]` (the crate's `wasm` module is
//! private); it names the core only through the crate root's re-exports, provided here.

// `ui.rs` names these as `crate::…`.
use claimlens::{analyze_page, compare, page, view, Corpus, PageAnalysis, Verdict};
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

/// The card that holds finding `id`.
fn card(root: &Element, id: u32) -> HtmlElement {
    root.query_selector(&format!(".card[data-findings~=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no card for finding {id}"))
        .dyn_into()
        .unwrap()
}

/// A card's button (which opens it).
fn main_button(card: &Element) -> HtmlElement {
    card.query_selector("button.card-main")
        .unwrap()
        .expect("a card button")
        .dyn_into()
        .unwrap()
}

/// A keydown event for `key`, as the keyboard would send it.
fn key(name: &str) -> KeyboardEvent {
    let init = KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    init.set_cancelable(true);
    KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
}

#[wasm_bindgen_test]
fn ranges_select_exactly_the_marked_words_in_non_ascii_nodes() {
    let root = root();
    let mut sb = sidebar(&root);
    let (snap, nodes) = snapshot(ARTICLE);
    let result = analyze(&mut sb, snap);
    assert!(result.is_article);
    assert_eq!(result.count, result.findings.len());
    for f in &result.findings {
        assert!(!f.ranges.is_empty(), "finding {} has no range", f.id);
        // The words marked on the page are the words the card lists for the finding (the
        // source and cue of an attribution, the hedge, the figure).
        let selected: String = f.ranges.iter().map(|r| range_text(&nodes, r)).collect();
        let parts = card(&root, f.id)
            .query_selector_all(&format!(".part[data-finding=\"{}\"] .part-text", f.id))
            .unwrap();
        let listed: String = (0..parts.length())
            .map(|i| parts.item(i).unwrap().text_content().unwrap())
            .collect();
        assert_eq!(
            squash(&selected),
            squash(&listed),
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
fn every_finding_is_on_one_card_named_by_kind_and_verdict() {
    let root = root();
    let mut sb = sidebar(&root);
    let result = analyze(&mut sb, snapshot(ARTICLE).0);
    assert!(
        result.count >= 3,
        "expected several findings, got {}",
        result.count
    );
    let cards = root.query_selector_all(".card").unwrap();
    let mut seen = Vec::new();
    for i in 0..cards.length() {
        let c: Element = cards.item(i).unwrap().dyn_into().unwrap();
        let kind = c.get_attribute("data-kind").unwrap();
        let verdict = c.get_attribute("data-verdict").unwrap();
        assert!(["attribution", "hedge", "statistic"].contains(&kind.as_str()));
        assert!(VERDICTS.contains(&verdict.as_str()), "verdict {verdict}");
        // A short accessible name (kind and verdict); the page's words describe it.
        let main = main_button(&c);
        let name = main.get_attribute("aria-label").unwrap();
        assert!(name.ends_with(label(&verdict)), "{name}");
        assert!(name.len() < 40, "{name}");
        assert!(main.get_attribute("aria-describedby").is_some());
        seen.extend(
            c.get_attribute("data-findings")
                .unwrap()
                .split(' ')
                .map(|id| id.parse::<u32>().unwrap()),
        );
    }
    seen.sort_unstable();
    let mut ids: Vec<u32> = result.findings.iter().map(|f| f.id).collect();
    ids.sort_unstable();
    assert_eq!(seen, ids, "every finding on exactly one card");
    for f in &result.findings {
        // A card's verdict is the most important of its findings'.
        let c = card(&root, f.id);
        let shown = c.get_attribute("data-verdict").unwrap();
        let rank = |v: &str| Verdict::ALL.iter().position(|x| x.as_str() == v).unwrap();
        assert!(rank(&shown) <= rank(&f.verdict), "{shown} vs {}", f.verdict);
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
    Verdict::ALL
        .into_iter()
        .find(|v| v.as_str() == verdict)
        .map(view::verdict_label)
        .unwrap()
}

#[wasm_bindgen_test]
fn focus_marks_one_card_and_the_keyboard_moves_between_cards() {
    let root = root();
    let mut sb = sidebar(&root);
    let result = analyze(&mut sb, snapshot(ARTICLE).0);
    // Show every card (a chip filter may hide corroborated ones).
    let cards: Vec<HtmlElement> = {
        let list = root.query_selector_all(".card").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into().unwrap())
            .collect()
    };
    assert!(cards.len() >= 2, "need two cards, got {}", cards.len());
    let ids: Vec<u32> = cards
        .iter()
        .map(|c| c.get_attribute("data-finding").unwrap().parse().unwrap())
        .collect();
    let (a, b) = (ids[0], ids[1]);
    sb.focus(a).unwrap();
    assert_eq!(
        card(&root, a).get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert!(!card(&root, a).hidden(), "a focused card is shown");
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
    assert!(result.findings.iter().any(|f| f.id == a));

    // A click calls back with the card's finding and opens it when it has passages.
    let clicked = || js_sys::Reflect::get(&js_sys::global(), &"__clickedCard".into()).unwrap();
    let first = main_button(&card(&root, a));
    first.click();
    assert_eq!(clicked().as_f64(), Some(a as f64));
    if first.get_attribute("aria-controls").is_some() {
        assert_eq!(
            first.get_attribute("aria-expanded").as_deref(),
            Some("true")
        );
        // Escape closes the open card.
        first.dispatch_event(&key("Escape")).unwrap();
        assert_eq!(
            first.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
    }
    // Arrow keys move focus between the visible cards.
    let visible: Vec<HtmlElement> = cards
        .iter()
        .filter(|c| c.offset_parent().is_some())
        .map(|c| main_button(c))
        .collect();
    if visible.len() >= 2 {
        visible[0].focus().unwrap();
        visible[0].dispatch_event(&key("ArrowDown")).unwrap();
        let doc = web_sys::window().unwrap().document().unwrap();
        let active: HtmlElement = doc.active_element().unwrap().dyn_into().unwrap();
        assert_eq!(active, visible[1]);
        visible[1].dispatch_event(&key("ArrowUp")).unwrap();
        let active: HtmlElement = doc.active_element().unwrap().dyn_into().unwrap();
        assert_eq!(active, visible[0]);
    }
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
    assert!(c
        .query_selector(".reference")
        .unwrap()
        .unwrap()
        .has_attribute("hidden"));
    main_button(&c).click();
    assert!(!c
        .query_selector(".reference")
        .unwrap()
        .unwrap()
        .has_attribute("hidden"));
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
    let hedge_cards_off = || {
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
                    .class_list()
                    .contains("kind-off")
            })
            .collect::<Vec<_>>()
    };
    button.click();
    assert_eq!(filtered(), ("hedge".to_string(), false));
    assert!(hedge_cards_off().iter().all(|h| *h));
    button.click();
    assert_eq!(filtered(), ("hedge".to_string(), true));
    assert!(hedge_cards_off().iter().all(|h| !*h));
}

#[wasm_bindgen_test]
fn a_long_list_shows_cards_a_page_at_a_time_and_focus_reaches_any_card() {
    let root = root();
    let mut sb = sidebar(&root);
    let paras: Vec<String> = (0..260)
        .map(|i| {
            format!(
                "Officials said {} residents were moved to shelters in Harbourtown.",
                1_000 + 7 * i
            )
        })
        .collect();
    let mut rows: Vec<[&str; 1]> = vec![["Storm reaches the coast"]];
    rows.extend(paras.iter().map(|p| [p.as_str()]));
    let refs: Vec<&[&str]> = rows.iter().map(|r| &r[..]).collect();
    let result = analyze(&mut sb, snapshot(&refs).0);
    assert!(result.count > 250, "{} findings", result.count);

    let lists = root.query_selector_all("ol.cards").unwrap();
    let mut more = None;
    for i in 0..lists.length() {
        let list: Element = lists.item(i).unwrap().dyn_into().unwrap();
        let cards = list
            .query_selector_all(":scope > li.card")
            .unwrap()
            .length();
        assert!(cards <= 100, "{cards} cards rendered at once");
        if let Some(b) = list.query_selector(":scope > li.more button.more").unwrap() {
            more = Some((list, b.dyn_into::<HtmlElement>().unwrap(), cards));
        }
    }
    let (list, button, before) = more.expect("a list longer than one page has Show more");
    assert!(button.text_content().unwrap().contains("left"));
    button.click();
    let after = list
        .query_selector_all(":scope > li.card")
        .unwrap()
        .length();
    assert!(
        after > before,
        "Show more added cards ({before} -> {after})"
    );

    // A highlight whose card is not rendered yet: focus renders and marks it.
    let last = result.findings.iter().map(|f| f.id).max().unwrap();
    sb.focus(last as u32).unwrap();
    let card = card(&root, last as u32);
    assert_eq!(card.get_attribute("aria-current").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
fn exports_are_the_last_page_as_markdown_and_as_the_clis_json() {
    let root = root();
    let mut sb = sidebar(&root);
    assert_eq!(sb.export_markdown(), None);
    assert!(sb.export_json().unwrap().is_null());
    let (snap, _) = snapshot(ARTICLE);
    let result = analyze(&mut sb, snap);

    // JSON: the page's url and title, then the CLI's findings and story.
    let json: serde_json::Value =
        serde_wasm_bindgen::from_value(sb.export_json().unwrap()).unwrap();
    assert_eq!(json["url"], "https://example.org/news");
    assert_eq!(json["title"], "Test");
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), result.count);
    for (f, h) in findings.iter().zip(&result.findings) {
        assert_eq!(f["id"], h.id);
        assert_eq!(f["kind"], h.kind.as_str());
        assert_eq!(f["verdict"], h.verdict.as_str());
    }
    assert!(json["story"].is_array());
    // The same as the core's report_json for the same analysis (absent fields are null, as
    // serde_json writes them).
    let (snap, _) = snapshot(ARTICLE);
    let snapshot: page::PageSnapshot = serde_wasm_bindgen::from_value(snap).unwrap();
    let corpus = Corpus::bundled();
    let analysis: PageAnalysis = analyze_page(&snapshot, Some(&corpus));
    let mut want = serde_json::to_value(view::report_json(&analysis.report)).unwrap();
    want["url"] = "https://example.org/news".into();
    want["title"] = "Test".into();
    // As JSON text written by JavaScript on both sides (a score of 1.0 is written "1" there).
    let js_text = |v: &JsValue| -> serde_json::Value {
        let text: String = js_sys::JSON::stringify(v).unwrap().into();
        serde_json::from_str(&text).unwrap()
    };
    let want = js_sys::JSON::parse(&want.to_string()).unwrap();
    assert_eq!(js_text(&sb.export_json().unwrap()), js_text(&want));

    // Markdown: the page's title and one item per card.
    let md = sb.export_markdown().unwrap();
    assert!(
        md.starts_with("# Test\n\n<https://example.org/news>\n"),
        "{md}"
    );
    let cards = root.query_selector_all(".card").unwrap().length() as usize;
    assert_eq!(md.lines().filter(|l| l.starts_with("- **")).count(), cards);
}
