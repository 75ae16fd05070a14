//! The sidebar UI: converts between JavaScript values and the core's types and renders what the
//! core decided with web-sys. No logic lives here.
//!
//! All text reaches the DOM through `set_text_content`, so markup-like text in a claim is shown
//! as text and never interpreted.
//!
//! This module has no `#[wasm_bindgen]` exports of its own (the thin wrapper in `mod.rs` has), and
//! names the core only through the crate root's re-exports, so `tests/wasm.rs` can compile it
//! into the test crate with `#[path]` and test it in a browser.

use crate::compare::{describe_corpus, format_date, Mark};
use crate::page::{analyze_page, NodeRange, PageAnalysis, PageSnapshot};
use crate::{Corpus, Finding, Kind, Verdict};
use js_sys::Function;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent};

/// The kinds in the order the sidebar lists them.
const KINDS: [Kind; 3] = [Kind::Attribution, Kind::Hedge, Kind::Statistic];

/// The verdicts in the order the summary lists them.
const VERDICTS: [Verdict; 6] = [
    Verdict::NumberDiffers,
    Verdict::CertaintyDiffers,
    Verdict::SourceDiffers,
    Verdict::Corroborated,
    Verdict::NotInCorpus,
    Verdict::NotCompared,
];

/// What the content script needs to paint one finding.
#[derive(Serialize)]
struct HighlightData<'a> {
    id: usize,
    kind: &'static str,
    verdict: &'static str,
    ranges: &'a [NodeRange],
}

/// What [`SidebarUi::analyze`] returns to JavaScript.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AnalysisResult<'a> {
    is_article: bool,
    count: usize,
    findings: Vec<HighlightData<'a>>,
}

/// The sidebar: owns the reference corpus (once loaded) and renders the analysis of a page into
/// a root element.
pub struct SidebarUi {
    root: Element,
    document: Document,
    /// The corpus file's corpus; none until `load_corpus` (findings are then not compared).
    corpus: Option<Corpus>,
    /// Kept alive for as long as the sidebar: the root's click and keydown listeners.
    _listeners: Vec<Closure<dyn FnMut(Event)>>,
}

impl SidebarUi {
    /// Creates a sidebar rendering into `root`; `on_card_click(id)` is called when the reader
    /// clicks a card (or presses Enter/Space on it), `on_filter(kind, visible)` once a kind
    /// filter has changed. Starts without a corpus: `load_corpus` gives it one.
    pub fn new(
        root: Element,
        on_card_click: Function,
        on_filter: Function,
    ) -> Result<SidebarUi, JsValue> {
        let document = root
            .owner_document()
            .ok_or_else(|| JsError::new("the root element has no document"))?;

        // One delegated listener for every card and filter button.
        let click_root = root.clone();
        let on_click = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            if let Ok(Some(button)) = target.closest("button[data-filter]") {
                if let Some((kind, visible)) = toggle_filter(&click_root, &button) {
                    // A throwing callback is the caller's problem, not a reason to panic.
                    let _ = on_filter.call2(&JsValue::NULL, &kind.into(), &visible.into());
                }
                return;
            }
            let Ok(Some(card)) = target.closest(".card") else {
                return;
            };
            if let Some(id) = card
                .get_attribute("data-finding")
                .and_then(|s| s.parse::<u32>().ok())
            {
                // A throwing callback is the caller's problem, not a reason to panic.
                let _ = on_card_click.call1(&JsValue::NULL, &JsValue::from(id));
            }
        });
        let on_key = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if key.key() != "Enter" && key.key() != " " {
                return;
            }
            let Some(card) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .filter(|e| e.class_list().contains("card"))
            else {
                return;
            };
            event.prevent_default();
            card.click();
        });
        root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        root.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;

        Ok(SidebarUi {
            root,
            document,
            corpus: None,
            _listeners: vec![on_click, on_key],
        })
    }

    /// Replaces the corpus with one read from a corpus file's bytes (`claimlens corpus build`).
    /// Bytes that are not a corpus file give a JS error and leave the current corpus in place.
    pub fn load_corpus(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        self.corpus = Some(
            Corpus::from_bytes(bytes)
                .map_err(|e| JsError::new(&format!("not a ClaimLens corpus file: {e}")))?,
        );
        Ok(())
    }

    /// How large and how recent the corpus is: "Reference corpus: 2 articles, June 2024", or
    /// that there is none.
    pub fn corpus_description(&self) -> String {
        match &self.corpus {
            Some(corpus) => describe_corpus(corpus),
            None => "No reference corpus: findings are not compared".to_string(),
        }
    }

    /// Analyses a `PageSnapshot` (a plain JS object), renders the cards and returns
    /// `{isArticle, count, findings: [{id, kind, verdict, ranges}]}` for the content script.
    /// Input that is not a snapshot gives a JS error.
    pub fn analyze(&mut self, snapshot: JsValue) -> Result<JsValue, JsValue> {
        let snapshot: PageSnapshot = serde_wasm_bindgen::from_value(snapshot)
            .map_err(|e| JsError::new(&format!("not a page snapshot: {e}")))?;
        let analysis = analyze_page(&snapshot, self.corpus.as_ref());
        self.render(&analysis)?;
        let result = AnalysisResult {
            is_article: analysis.is_article,
            count: analysis.findings.len(),
            findings: analysis
                .findings
                .iter()
                .map(|f| HighlightData {
                    id: f.finding.id,
                    kind: f.finding.kind.as_str(),
                    verdict: f.finding.verdict.as_str(),
                    ranges: &f.ranges,
                })
                .collect(),
        };
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        result
            .serialize(&serializer)
            .map_err(|e| JsError::new(&e.to_string()).into())
    }

    /// Marks the card of finding `id` as current (`aria-current="true"`, removed from every
    /// other card) and scrolls it into view. An unknown id only clears the mark.
    pub fn focus(&self, id: u32) -> Result<(), JsValue> {
        let current = self.root.query_selector_all(".card[aria-current]")?;
        for i in 0..current.length() {
            if let Some(el) = current.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove_attribute("aria-current")?;
            }
        }
        let selector = format!(".card[data-finding=\"{id}\"]");
        if let Some(card) = self.root.query_selector(&selector)? {
            card.set_attribute("aria-current", "true")?;
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            card.scroll_into_view_with_scroll_into_view_options(&options);
        }
        Ok(())
    }
}

impl SidebarUi {
    /// Replaces the root's content with the summary and one card per finding.
    fn render(&self, analysis: &PageAnalysis) -> Result<(), JsValue> {
        self.root.set_text_content(None);
        if !analysis.is_article {
            let p = self.el("p", "empty")?;
            p.set_text_content(Some("No article found on this page."));
            return self.root.append_child(&p).map(drop);
        }
        let findings: Vec<&Finding> = analysis.findings.iter().map(|f| &f.finding).collect();
        let summary = self.summary(&findings)?;
        self.root.append_child(&summary)?;
        if findings.is_empty() {
            let p = self.el("p", "empty")?;
            p.set_text_content(Some(
                "No attributions, hedges or statistics found in this article.",
            ));
            return self.root.append_child(&p).map(drop);
        }
        let list = self.el("ol", "cards")?;
        list.set_attribute("aria-label", "Findings")?;
        for f in &findings {
            let card = self.card(f)?;
            list.append_child(&card)?;
        }
        self.root.append_child(&list).map(drop)
    }

    /// The summary: counts by kind, counts by verdict and the per-kind filter toggles.
    fn summary(&self, findings: &[&Finding]) -> Result<Element, JsValue> {
        let section = self.el("section", "summary")?;
        let count_kind = |k: Kind| findings.iter().filter(|f| f.kind == k).count();
        let mut line = plural(findings.len(), "finding");
        for k in KINDS {
            line.push_str(" · ");
            line.push_str(&plural(count_kind(k), k.as_str()));
        }
        let p = self.el("p", "summary-line")?;
        p.set_text_content(Some(&line));
        section.append_child(&p)?;

        let verdicts = self.el("ul", "verdict-counts")?;
        for v in VERDICTS {
            let n = findings.iter().filter(|f| f.verdict == v).count();
            if n == 0 {
                continue;
            }
            let li = self.el("li", "verdict-count")?;
            li.set_attribute("data-verdict", v.as_str())?;
            let num = self.el("b", "n")?;
            num.set_text_content(Some(&n.to_string()));
            let label = self.el("span", "")?;
            label.set_text_content(Some(v.label()));
            li.append_child(&num)?;
            li.append_child(&label)?;
            verdicts.append_child(&li)?;
        }
        section.append_child(&verdicts)?;

        let filters = self.el("div", "filters")?;
        filters.set_attribute("role", "group")?;
        filters.set_attribute("aria-label", "Show kinds")?;
        for k in KINDS {
            let b = self.el("button", "filter")?;
            b.set_attribute("type", "button")?;
            b.set_attribute("data-filter", k.as_str())?;
            b.set_attribute("aria-pressed", "true")?;
            b.set_text_content(Some(&plural(count_kind(k), k.as_str())));
            filters.append_child(&b)?;
        }
        section.append_child(&filters)?;
        Ok(section)
    }

    /// One card: kind and verdict, the passage, its details, the explanation and the reference.
    fn card(&self, f: &Finding) -> Result<Element, JsValue> {
        let card = self.el("li", "card")?;
        card.set_attribute("data-finding", &f.id.to_string())?;
        card.set_attribute("data-kind", f.kind.as_str())?;
        card.set_attribute("data-verdict", f.verdict.as_str())?;
        card.set_attribute("tabindex", "0")?;
        card.set_attribute("role", "button")?;

        let head = self.el("div", "card-head")?;
        let kind = self.el("span", "kind")?;
        kind.set_text_content(Some(f.kind.as_str()));
        let verdict = self.el("span", "verdict")?;
        verdict.set_text_content(Some(f.verdict.label()));
        head.append_child(&kind)?;
        head.append_child(&verdict)?;
        card.append_child(&head)?;

        let passage = self.el("blockquote", "passage")?;
        passage.set_text_content(Some(&f.text));
        card.append_child(&passage)?;

        let facts = f.detail.facts();
        if !facts.is_empty() {
            let dl = self.el("dl", "facts")?;
            for (term, value) in facts {
                let dt = self.el("dt", "")?;
                dt.set_text_content(Some(term));
                let dd = self.el("dd", "")?;
                dd.set_text_content(Some(&value));
                dl.append_child(&dt)?;
                dl.append_child(&dd)?;
            }
            card.append_child(&dl)?;
        }

        if !f.explanation.is_empty() {
            let p = self.el("p", "explanation")?;
            p.set_text_content(Some(&f.explanation));
            card.append_child(&p)?;
        }

        match (&f.reference, &f.page_passage) {
            (Some(r), page) => {
                // The page passage and the reference passage side by side, differing words
                // marked, then which document the reference is.
                let fig = self.el("figure", "reference")?;
                let sides = self.el("div", "sides")?;
                if let Some(p) = page {
                    let side = self.side("page-side", "This page", &p.text, &p.marks)?;
                    sides.append_child(&side)?;
                }
                let side = self.side("ref-side", "Reference", &r.text, &r.marks)?;
                sides.append_child(&side)?;
                fig.append_child(&sides)?;
                let caption = self.el("figcaption", "")?;
                let title = self.el("cite", "ref-title")?;
                title.set_text_content(Some(&r.title));
                caption.append_child(&title)?;
                let meta: Vec<String> = [r.outlet.clone(), r.date.as_deref().map(format_date)]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect();
                if !meta.is_empty() {
                    let span = self.el("span", "ref-meta")?;
                    span.set_text_content(Some(&meta.join(" · ")));
                    caption.append_child(&span)?;
                }
                fig.append_child(&caption)?;
                card.append_child(&fig)?;
            }
            (None, _) => {
                let p = self.el("p", "no-reference")?;
                p.set_text_content(Some("No matching passage in the corpus"));
                card.append_child(&p)?;
            }
        }
        Ok(card)
    }

    /// One side of the comparison: a label and the passage with its marked words.
    fn side(
        &self,
        class: &str,
        label: &str,
        text: &str,
        marks: &[Mark],
    ) -> Result<Element, JsValue> {
        let side = self.el("div", &format!("side {class}"))?;
        let p = self.el("p", "side-label")?;
        p.set_text_content(Some(label));
        side.append_child(&p)?;
        let quote = self.el("blockquote", "side-text")?;
        self.append_marked(&quote, text, marks)?;
        side.append_child(&quote)?;
        Ok(side)
    }

    /// Appends `text` to `parent` as text nodes, with each mark (sorted byte spans of `text`)
    /// in a `<mark>`; marks out of order or off char boundaries are skipped, never a panic.
    fn append_marked(&self, parent: &Element, text: &str, marks: &[Mark]) -> Result<(), JsValue> {
        let mut at = 0;
        for m in marks {
            let (Some(before), Some(marked)) = (text.get(at..m.start), text.get(m.start..m.end))
            else {
                continue;
            };
            if !before.is_empty() {
                parent.append_child(&self.document.create_text_node(before))?;
            }
            let mark = self.el("mark", "")?;
            mark.set_text_content(Some(marked));
            parent.append_child(&mark)?;
            at = m.end;
        }
        if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
            parent.append_child(&self.document.create_text_node(rest))?;
        }
        Ok(())
    }

    /// Creates an element with a class (none if `class` is empty).
    fn el(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let e = self.document.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        Ok(e)
    }
}

/// Flips a kind filter button and hides or shows that kind's cards; returns the kind and
/// whether it is now shown.
fn toggle_filter(root: &Element, button: &Element) -> Option<(String, bool)> {
    let kind = button.get_attribute("data-filter")?;
    let visible = button.get_attribute("aria-pressed").as_deref() != Some("true");
    let _ = button.set_attribute("aria-pressed", if visible { "true" } else { "false" });
    if let Ok(cards) = root.query_selector_all(&format!(".card[data-kind=\"{kind}\"]")) {
        for i in 0..cards.length() {
            if let Some(card) = cards.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                card.set_hidden(!visible);
            }
        }
    }
    Some((kind, visible))
}

/// "1 hedge", "3 hedges", "0 statistics".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
