//! The sidebar UI: converts between JavaScript values and the core's types and renders the
//! view model ([`crate::view::SidebarView`]) with web-sys. What it shows is decided in `view`;
//! this module builds the DOM and keeps the reader's place (filters, open cards, focus) across
//! re-renders.
//!
//! All text reaches the DOM through `set_text_content`, so markup-like text in a claim is shown
//! as text and never interpreted.
//!
//! This module has no `#[wasm_bindgen]` exports of its own (the thin wrapper in `mod.rs` has), and
//! names the core only through the crate root's re-exports, so `tests/wasm.rs` can compile it
//! into the test crate with `#[path]` and test it in a browser.

use crate::compare::{Mark, Verdict};
use crate::page::{NodeRange, PageSnapshot};
use crate::view::{
    describe_corpus, markdown, page_report_json, sidebar, Card, ExportPage, SidebarView, ViewState,
};
use crate::{analyze_page, Corpus, PageAnalysis};
use js_sys::Function;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent};

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

/// Which cards the reader asked to see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    /// Every card.
    All,
    /// Cards whose claim differs from the corpus (the default when any does).
    Differences,
    /// Cards with one verdict (a summary chip pressed).
    Verdict(Verdict),
}

impl Filter {
    fn shows(self, verdict: Verdict) -> bool {
        match self {
            Filter::All => true,
            Filter::Differences => verdict.is_difference(),
            Filter::Verdict(v) => v == verdict,
        }
    }
}

/// The reader's place, kept across re-renders of the same page.
struct Place {
    /// The filter chosen, if the reader chose one (else the view's default).
    filter: Option<Filter>,
    /// Primary finding ids of the opened cards.
    open: Vec<usize>,
}

/// The sidebar: owns the corpus (once loaded) and renders the analysis of a page into a root
/// element.
pub struct SidebarUi {
    root: Element,
    dom: Dom,
    /// The cards of each list not shown yet.
    rest: Rest,
    /// The reference corpus; until one is loaded, findings are not compared.
    corpus: Option<Corpus>,
    place: Rc<RefCell<Place>>,
    /// The last page analysed (what the export functions export).
    last: Option<PageAnalysis>,
    /// Kept alive for as long as the sidebar: the root's click and keydown listeners.
    _listeners: Vec<Closure<dyn FnMut(Event)>>,
}

impl SidebarUi {
    /// Creates a sidebar rendering into `root`; `on_card_click(id)` is called when the reader
    /// opens a card (click, Enter or Space), with the id of the finding to reveal, and
    /// `on_filter(kind, visible)` when the reader turns a kind's highlights on or off. Starts
    /// without a corpus (see [`SidebarUi::load_corpus`]).
    pub fn new(
        root: Element,
        on_card_click: Function,
        on_filter: Function,
    ) -> Result<SidebarUi, JsValue> {
        let document = root
            .owner_document()
            .ok_or_else(|| JsError::new("the root element has no document"))?;
        let place = Rc::new(RefCell::new(Place {
            filter: None,
            open: Vec::new(),
        }));

        let dom = Dom { document };
        let rest: Rest = Rc::new(RefCell::new(Vec::new()));

        // One delegated listener for every card and button.
        let click_root = root.clone();
        let click_place = place.clone();
        let click_dom = dom.clone();
        let click_rest = rest.clone();
        let on_click = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            if let Ok(Some(more)) = target.closest("button.more") {
                let number = more.get_attribute("data-list").and_then(|n| n.parse().ok());
                let list = more.closest("ol.cards").ok().flatten();
                if let (Some(number), Some(list)) = (number, list) {
                    let _ = show_more(&click_dom, &list, &click_rest, number);
                    let filter = click_place.borrow().filter.unwrap_or(Filter::All);
                    let _ = apply_filter(&click_root, filter);
                    let _ = apply_kinds(&click_root);
                }
            } else if let Ok(Some(button)) = target.closest("button[data-filter]") {
                if let Some((kind, visible)) = toggle_kind(&click_root, &button) {
                    // A throwing callback is the caller's problem, not a reason to panic.
                    let _ = on_filter.call2(&JsValue::NULL, &kind.into(), &visible.into());
                }
            } else if let Ok(Some(chip)) = target.closest("button[data-show]") {
                let filter = match chip.get_attribute("data-show").as_deref() {
                    Some("differences") => Filter::Differences,
                    Some(v) => Verdict::ALL
                        .into_iter()
                        .find(|x| x.as_str() == v)
                        .map_or(Filter::All, Filter::Verdict),
                    None => Filter::All,
                };
                let pressed = chip.get_attribute("aria-pressed").as_deref() == Some("true");
                let filter = if pressed { Filter::All } else { filter };
                click_place.borrow_mut().filter = Some(filter);
                let _ = apply_filter(&click_root, filter);
            } else if let Ok(Some(main)) = target.closest("button.card-main") {
                let Ok(Some(card)) = main.closest(".card") else {
                    return;
                };
                let open = toggle_open(&card, &main);
                if let Some(id) = card
                    .get_attribute("data-finding")
                    .and_then(|s| s.parse::<usize>().ok())
                {
                    let mut place = click_place.borrow_mut();
                    place.open.retain(|&o| o != id);
                    if open {
                        place.open.push(id);
                    }
                    // A throwing callback is the caller's problem, not a reason to panic.
                    let _ = on_card_click.call1(&JsValue::NULL, &JsValue::from(id as u32));
                }
            }
        });
        let key_root = root.clone();
        let on_key = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let Some(main) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .filter(|e| e.class_list().contains("card-main"))
            else {
                return;
            };
            match key.key().as_str() {
                "ArrowDown" | "ArrowUp" => {
                    event.prevent_default();
                    move_focus(&key_root, &main, key.key() == "ArrowDown");
                }
                "Escape" if main.get_attribute("aria-expanded").as_deref() == Some("true") => {
                    event.prevent_default();
                    event.stop_propagation();
                    if let Ok(Some(card)) = main.closest(".card") {
                        toggle_open(&card, &main);
                    }
                }
                _ => {}
            }
        });
        root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        root.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;

        Ok(SidebarUi {
            root,
            dom,
            rest,
            corpus: None,
            place,
            last: None,
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

    /// How large and how recent the corpus is: "Reference corpus: 2 articles, June 2024".
    pub fn corpus_description(&self) -> String {
        match &self.corpus {
            Some(corpus) => describe_corpus(corpus),
            None => "No reference corpus: findings are not compared".to_string(),
        }
    }

    /// Analyses a `PageSnapshot` (a plain JS object), renders the view and returns
    /// `{isArticle, count, findings: [{id, kind, verdict, ranges}]}` for the content script.
    /// Input that is not a snapshot gives a JS error.
    pub fn analyze(&mut self, snapshot: JsValue) -> Result<JsValue, JsValue> {
        let snapshot: PageSnapshot = serde_wasm_bindgen::from_value(snapshot)
            .map_err(|e| JsError::new(&format!("not a page snapshot: {e}")))?;
        let analysis = analyze_page(&snapshot, self.corpus.as_ref());
        let view = sidebar(
            analysis.is_article,
            &analysis.text,
            &analysis.report,
            self.corpus.as_ref(),
        )
        .dated(analysis.published.as_deref());
        self.render(&view)?;
        let findings = &analysis.report.findings;
        let result = AnalysisResult {
            is_article: analysis.is_article,
            count: findings.len(),
            findings: findings
                .iter()
                .zip(&analysis.ranges)
                .map(|(f, ranges)| HighlightData {
                    id: f.id,
                    kind: f.kind().as_str(),
                    verdict: f.verdict().as_str(),
                    ranges,
                })
                .collect(),
        };
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let result = result
            .serialize(&serializer)
            .map_err(|e| JsError::new(&e.to_string()))?;
        self.last = Some(analysis);
        Ok(result)
    }

    /// The last analysed page's findings as Markdown (`view::markdown`), or `None` before any.
    pub fn export_markdown(&self) -> Option<String> {
        let a = self.last.as_ref()?;
        let view = sidebar(a.is_article, &a.text, &a.report, self.corpus.as_ref())
            .dated(a.published.as_deref());
        let corpus = self.corpus.as_ref().map(describe_corpus);
        let page = ExportPage {
            title: &a.title,
            url: &a.url,
            corpus: corpus.as_deref(),
        };
        Some(markdown(&page, &view))
    }

    /// The last analysed page's report in the JSON of `claimlens analyze --json` with its `url`
    /// and `title` (`view::page_report_json`), as a plain JS object; `null` before any.
    pub fn export_json(&self) -> Result<JsValue, JsValue> {
        let Some(a) = &self.last else {
            return Ok(JsValue::NULL);
        };
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        page_report_json(&a.url, &a.title, &a.report)
            .serialize(&serializer)
            .map_err(|e| JsError::new(&e.to_string()).into())
    }

    /// Marks the card holding finding `id` as current (`aria-current="true"`, removed from every
    /// other card), makes it visible (its fold opened, a filter hiding it cleared) and scrolls
    /// it into view. An unknown id only clears the mark.
    pub fn focus(&self, id: u32) -> Result<(), JsValue> {
        let current = self.root.query_selector_all(".card[aria-current]")?;
        for i in 0..current.length() {
            if let Some(el) = current.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove_attribute("aria-current")?;
            }
        }
        self.reveal_pending(id as usize)?;
        let selector = format!(".card[data-findings~=\"{id}\"]");
        let Some(card) = self.root.query_selector(&selector)? else {
            return Ok(());
        };
        if card
            .dyn_ref::<HtmlElement>()
            .is_some_and(HtmlElement::hidden)
        {
            self.place.borrow_mut().filter = Some(Filter::All);
            apply_filter(&self.root, Filter::All)?;
        }
        if let Ok(Some(fold)) = card.closest("details") {
            fold.set_attribute("open", "")?;
        }
        card.set_attribute("aria-current", "true")?;
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        card.scroll_into_view_with_scroll_into_view_options(&options);
        Ok(())
    }
}

impl SidebarUi {
    /// Replaces the root's content with the view, keeping the reader's filter, open cards and
    /// keyboard focus.
    fn render(&self, view: &SidebarView) -> Result<(), JsValue> {
        let focused = self
            .dom
            .document
            .active_element()
            .filter(|e| self.root.contains(Some(e)))
            .and_then(|e| e.closest(".card").ok().flatten())
            .and_then(|c| c.get_attribute("data-finding"));
        self.root.set_text_content(None);
        self.rest.borrow_mut().clear();
        if view.state == ViewState::NoArticle {
            return self.note(view);
        }
        let summary = self.summary(view)?;
        self.root.append_child(&summary)?;
        if view.state == ViewState::NothingFound {
            return self.note(view);
        }
        // Nothing in the corpus, or run-on passages whose findings are not all marked.
        if view.note.is_some() {
            self.note(view)?;
        }
        if !view.cards.is_empty() {
            let list = self.card_list(&view.cards, "Findings")?;
            self.root.append_child(&list)?;
        }
        for fold in &view.folded {
            let details = self.dom.el("details", "fold")?;
            details.set_attribute("data-kind", fold.kind.as_str())?;
            let summary = self.dom.el("summary", "")?;
            summary.set_text_content(Some(&fold.label));
            details.append_child(&summary)?;
            let list = self.card_list(&fold.cards, &fold.label)?;
            details.append_child(&list)?;
            self.root.append_child(&details)?;
        }
        let default = if view.only_differences {
            Filter::Differences
        } else {
            Filter::All
        };
        let filter = self.place.borrow().filter.unwrap_or(default);
        apply_filter(&self.root, filter)?;
        let open = self.place.borrow().open.clone();
        for id in open {
            if let Some(card) = self
                .root
                .query_selector(&format!(".card[data-finding=\"{id}\"]"))?
            {
                if let Some(main) = card.query_selector("button.card-main")? {
                    toggle_open(&card, &main);
                }
            }
        }
        if let Some(id) = focused {
            if let Some(main) = self
                .root
                .query_selector(&format!(".card[data-finding=\"{id}\"] button.card-main"))?
                .and_then(|m| m.dyn_into::<HtmlElement>().ok())
            {
                main.focus()?;
            }
        }
        Ok(())
    }

    /// The view's note as a calm paragraph.
    fn note(&self, view: &SidebarView) -> Result<(), JsValue> {
        let p = self.dom.el("p", "empty")?;
        p.set_text_content(view.note.as_deref());
        self.root.append_child(&p).map(drop)
    }

    /// The summary: counts by kind, the verdict chips (filters) and the kind toggles.
    fn summary(&self, view: &SidebarView) -> Result<Element, JsValue> {
        let section = self.dom.el("section", "summary")?;
        let p = self.dom.el("p", "summary-line")?;
        p.set_text_content(Some(&view.summary));
        section.append_child(&p)?;

        if !view.chips.is_empty() {
            let chips = self.dom.el("div", "chips")?;
            chips.set_attribute("role", "group")?;
            chips.set_attribute("aria-label", "Show cards by verdict")?;
            if view.only_differences {
                let b = self
                    .dom
                    .button("chip chip-differences", "Only what differs")?;
                b.set_attribute("data-show", "differences")?;
                chips.append_child(&b)?;
            }
            for chip in &view.chips {
                let b = self.dom.button("chip", "")?;
                b.set_attribute("data-show", chip.verdict.as_str())?;
                b.set_attribute("data-verdict", chip.verdict.as_str())?;
                let num = self.dom.el("b", "n")?;
                num.set_text_content(Some(&chip.count.to_string()));
                let label = self.dom.el("span", "")?;
                label.set_text_content(Some(chip.label));
                b.append_child(&num)?;
                b.append_child(&label)?;
                chips.append_child(&b)?;
            }
            section.append_child(&chips)?;
        }

        let filters = self.dom.el("div", "filters")?;
        filters.set_attribute("role", "group")?;
        filters.set_attribute("aria-label", "Highlight kinds on the page")?;
        for (kind, label) in &view.kinds {
            let b = self.dom.button("filter", label)?;
            b.set_attribute("data-filter", kind.as_str())?;
            b.set_attribute("aria-pressed", "true")?;
            filters.append_child(&b)?;
        }
        section.append_child(&filters)?;
        Ok(section)
    }

    /// Shows more cards of the list holding finding `id` until its card is in the DOM (a
    /// highlight clicked whose card is past "Show more").
    fn reveal_pending(&self, id: usize) -> Result<(), JsValue> {
        let number = self
            .rest
            .borrow()
            .iter()
            .position(|cards| cards.iter().any(|c| c.ids.contains(&id)));
        let Some(number) = number else {
            return Ok(());
        };
        let selector = format!("ol.cards[data-list=\"{number}\"]");
        let Some(list) = self.root.query_selector(&selector)? else {
            return Ok(());
        };
        while self.rest.borrow()[number]
            .iter()
            .any(|c| c.ids.contains(&id))
        {
            show_more(&self.dom, &list, &self.rest, number)?;
        }
        let filter = self.place.borrow().filter.unwrap_or(Filter::All);
        apply_filter(&self.root, filter)?;
        apply_kinds(&self.root)
    }

    /// A list of cards with its number (for "Show more"): the first [`CARD_PAGE`] cards, the
    /// rest kept to be shown on request, so that a page with thousands of claims does not put
    /// thousands of cards into the sidebar at once.
    fn card_list(&self, cards: &[Card], label: &str) -> Result<Element, JsValue> {
        let list = self.dom.el("ol", "cards")?;
        list.set_attribute("aria-label", label)?;
        let mut rest = self.rest.borrow_mut();
        list.set_attribute("data-list", &rest.len().to_string())?;
        rest.push(cards.iter().rev().cloned().collect());
        let number = rest.len() - 1;
        drop(rest);
        show_more(&self.dom, &list, &self.rest, number)?;
        Ok(list)
    }
}

/// Element building for the sidebar (also used by the listeners, which outlive a render).
#[derive(Clone)]
struct Dom {
    document: Document,
}

impl Dom {
    /// One card: a button with its kind and verdict (its accessible name, short), the page's
    /// words and one line of why after it (its description; the button's click area covers
    /// them too, in CSS), the parts of the claim, and the two passages side by side, hidden
    /// until the card is opened. The words stay outside the button so that its name holds all
    /// of its visible text (WCAG 2.5.3 label in name).
    fn card(&self, c: &Card) -> Result<Element, JsValue> {
        let card = self.el("li", "card")?;
        let ids: Vec<String> = c.ids.iter().map(usize::to_string).collect();
        card.set_attribute("data-finding", &c.id.to_string())?;
        card.set_attribute("data-findings", &ids.join(" "))?;
        card.set_attribute("data-kind", c.kind.as_str())?;
        card.set_attribute("data-verdict", c.verdict.as_str())?;

        let main = self.button("card-main", "")?;
        main.set_attribute("aria-label", &c.name)?;
        let quote_id = format!("q{}", c.id);
        let why_id = format!("w{}", c.id);
        let dates_id = format!("t{}", c.id);
        let described = match c.dates {
            Some(_) => format!("{quote_id} {why_id} {dates_id}"),
            None => format!("{quote_id} {why_id}"),
        };
        main.set_attribute("aria-describedby", &described)?;
        let head = self.el("span", "card-head")?;
        let kind = self.el("span", "kind")?;
        kind.set_text_content(Some(c.kind_label));
        let verdict = self.el("span", "verdict")?;
        verdict.set_text_content(Some(c.verdict_label));
        head.append_child(&kind)?;
        // Words apart in the button's text as in its name ("Statistic Different number").
        head.append_child(&self.document.create_text_node(" "))?;
        head.append_child(&verdict)?;
        main.append_child(&head)?;
        let top = self.el("div", "card-top")?;
        top.append_child(&main)?;
        let quote = self.el("span", "passage")?;
        quote.set_id(&quote_id);
        quote.set_text_content(Some(&c.quote));
        top.append_child(&quote)?;
        let why = self.el("span", "why")?;
        why.set_id(&why_id);
        why.set_text_content(Some(&c.why));
        top.append_child(&why)?;
        if let Some(dates) = &c.dates {
            // Far apart in time: said on the card, not only when it is opened.
            let line = self.el("span", "dates")?;
            line.set_id(&dates_id);
            line.set_text_content(Some(dates));
            top.append_child(&line)?;
        }
        card.append_child(&top)?;

        if !c.parts.is_empty() {
            let parts = self.el("ul", "parts")?;
            for p in &c.parts {
                let li = self.el("li", "part")?;
                li.set_attribute("data-kind", p.kind.as_str())?;
                li.set_attribute("data-finding", &p.id.to_string())?;
                let label = self.el("span", "part-label")?;
                label.set_text_content(Some(p.label));
                let text = self.el("span", "part-text")?;
                text.set_text_content(Some(&p.text));
                li.append_child(&label)?;
                li.append_child(&text)?;
                parts.append_child(&li)?;
            }
            card.append_child(&parts)?;
        }

        if let Some(r) = &c.reference {
            // The page passage and the reference passage, differing words marked, then which
            // document the reference is; shown when the card is opened.
            let details_id = format!("d{}", c.id);
            main.set_attribute("aria-expanded", "false")?;
            main.set_attribute("aria-controls", &details_id)?;
            let fig = self.el("figure", "reference")?;
            fig.set_id(&details_id);
            fig.set_attribute("hidden", "")?;
            let sides = self.el("div", "sides")?;
            if let Some(p) = &c.page {
                let side = self.side("page-side", "This page", &p.text, &p.marks)?;
                sides.append_child(&side)?;
            }
            let side = self.side("ref-side", "Reference", &r.passage.text, &r.passage.marks)?;
            sides.append_child(&side)?;
            fig.append_child(&sides)?;
            let caption = self.el("figcaption", "")?;
            let title = self.el("cite", "ref-title")?;
            title.set_text_content(Some(&r.title));
            caption.append_child(&title)?;
            if let Some(meta) = &r.meta {
                let span = self.el("span", "ref-meta")?;
                span.set_text_content(Some(meta));
                caption.append_child(&span)?;
            }
            fig.append_child(&caption)?;
            card.append_child(&fig)?;
        }
        Ok(card)
    }

    /// One side of the comparison: a label and the passage with its differing words marked.
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
            mark.set_attribute("title", "differs")?;
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

    /// Creates a `<button type="button">` with a class and a text (none if empty).
    fn button(&self, class: &str, text: &str) -> Result<Element, JsValue> {
        let b = self.el("button", class)?;
        b.set_attribute("type", "button")?;
        if !text.is_empty() {
            b.set_text_content(Some(text));
        }
        Ok(b)
    }
}

/// Cards a list shows at a time.
const CARD_PAGE: usize = 100;

/// The cards not yet shown, per list (in reverse order: the next card last).
type Rest = Rc<RefCell<Vec<Vec<Card>>>>;

/// Shows the next [`CARD_PAGE`] cards of list `number` in `list` (an `ol.cards`), before its
/// "Show more" item, which says how many are left or goes when none is.
fn show_more(dom: &Dom, list: &Element, rest: &Rest, number: usize) -> Result<(), JsValue> {
    if let Some(old) = list.query_selector(":scope > li.more")? {
        old.remove();
    }
    let mut rest = rest.borrow_mut();
    let Some(pending) = rest.get_mut(number) else {
        return Ok(());
    };
    for _ in 0..CARD_PAGE {
        let Some(c) = pending.pop() else { break };
        let card = dom.card(&c)?;
        list.append_child(&card)?;
    }
    if !pending.is_empty() {
        let li = dom.el("li", "more")?;
        let label = format!(
            "Show {} more ({} left)",
            CARD_PAGE.min(pending.len()),
            pending.len()
        );
        let b = dom.button("more", &label)?;
        b.set_attribute("data-list", &number.to_string())?;
        li.append_child(&b)?;
        list.append_child(&li)?;
    }
    Ok(())
}

/// Opens or closes a card's passages; returns whether it is now open. A card without passages
/// only reports closed.
fn toggle_open(card: &Element, main: &Element) -> bool {
    let Ok(Some(details)) = card.query_selector("figure.reference") else {
        return false;
    };
    let open = main.get_attribute("aria-expanded").as_deref() != Some("true");
    let _ = main.set_attribute("aria-expanded", if open { "true" } else { "false" });
    if open {
        let _ = details.remove_attribute("hidden");
    } else {
        let _ = details.set_attribute("hidden", "");
    }
    open
}

/// Shows the cards the filter lets through (and the chips' pressed states); folds of claims
/// not in the corpus are shown unless the filter names another verdict.
fn apply_filter(root: &Element, filter: Filter) -> Result<(), JsValue> {
    let cards = root.query_selector_all(".card")?;
    for i in 0..cards.length() {
        let Some(card) = cards.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let in_fold = card.closest("details").ok().flatten().is_some();
        let verdict = card.get_attribute("data-verdict").unwrap_or_default();
        let shows = in_fold
            || Verdict::ALL
                .into_iter()
                .find(|v| v.as_str() == verdict)
                .is_some_and(|v| filter.shows(v));
        card.set_hidden(!shows);
    }
    let folds = root.query_selector_all("details.fold")?;
    for i in 0..folds.length() {
        if let Some(fold) = folds.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            fold.set_hidden(!matches!(
                filter,
                Filter::All | Filter::Differences | Filter::Verdict(Verdict::NotInCorpus)
            ));
        }
    }
    let chips = root.query_selector_all("button[data-show]")?;
    for i in 0..chips.length() {
        if let Some(chip) = chips.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let pressed = match (chip.get_attribute("data-show").as_deref(), filter) {
                (Some("differences"), Filter::Differences) => true,
                (Some(v), Filter::Verdict(f)) => v == f.as_str(),
                _ => false,
            };
            chip.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
    }
    Ok(())
}

/// Marks the cards of every kind the reader turned off (`kind-off`), so cards shown after the
/// toggle follow it too.
fn apply_kinds(root: &Element) -> Result<(), JsValue> {
    let off = root.query_selector_all("button[data-filter][aria-pressed=\"false\"]")?;
    for i in 0..off.length() {
        let Some(kind) = off
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
            .and_then(|b| b.get_attribute("data-filter"))
        else {
            continue;
        };
        let cards = root.query_selector_all(&format!(".card[data-kind=\"{kind}\"]"))?;
        for j in 0..cards.length() {
            if let Some(card) = cards.item(j).and_then(|n| n.dyn_into::<Element>().ok()) {
                card.class_list().add_1("kind-off")?;
            }
        }
    }
    Ok(())
}

/// Moves keyboard focus to the next (or previous) visible card.
fn move_focus(root: &Element, from: &HtmlElement, forward: bool) {
    let Ok(all) = root.query_selector_all("button.card-main") else {
        return;
    };
    let visible: Vec<HtmlElement> = (0..all.length())
        .filter_map(|i| all.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()))
        .filter(|b| b.offset_parent().is_some())
        .collect();
    let Some(at) = visible.iter().position(|b| b == from) else {
        return;
    };
    let next = if forward {
        visible.get(at + 1)
    } else {
        at.checked_sub(1).and_then(|i| visible.get(i))
    };
    if let Some(b) = next {
        let _ = b.focus();
    }
}

/// Flips a kind toggle and hides or shows that kind's cards; returns the kind and whether it
/// is now shown.
fn toggle_kind(root: &Element, button: &Element) -> Option<(String, bool)> {
    let kind = button.get_attribute("data-filter")?;
    let visible = button.get_attribute("aria-pressed").as_deref() != Some("true");
    let _ = button.set_attribute("aria-pressed", if visible { "true" } else { "false" });
    if let Ok(cards) = root.query_selector_all(&format!(".card[data-kind=\"{kind}\"]")) {
        for i in 0..cards.length() {
            if let Some(card) = cards.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = if visible {
                    card.class_list().remove_1("kind-off")
                } else {
                    card.class_list().add_1("kind-off")
                };
            }
        }
    }
    Some((kind, visible))
}
