//! wasm-bindgen entry points: the `Sidebar` class that sidebar.js uses, and `PageReader` for
//! highlights section by section, and (with the `import` feature, in the settings page's own
//! module) the corpus import of `corpus_import`. No logic lives here; it only forwards to the UI
//! in [`ui`], which converts types and renders, and to the core.

#[cfg(feature = "import")]
mod corpus_import;
mod reader;
mod ui;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The sidebar of the extension: analyses page snapshots and renders the findings as cards.
#[wasm_bindgen]
pub struct Sidebar(ui::SidebarUi);

#[wasm_bindgen]
impl Sidebar {
    /// Creates a sidebar rendering into `root`; `on_card_click(id)` is called when the reader
    /// clicks a card (or presses Enter on it), `on_filter(kind, visible)` when a kind filter
    /// changes. Starts without a corpus: `loadCorpus` gives it one.
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: Element,
        on_card_click: Function,
        on_filter: Function,
    ) -> Result<Sidebar, JsValue> {
        ui::SidebarUi::new(root, on_card_click, on_filter).map(Sidebar)
    }

    /// Analyses a `PageSnapshot` (a plain JS object), renders the cards and returns
    /// `{isArticle, count, findings: [{id, kind, verdict, ranges}]}`; bad input gives a JS error.
    pub fn analyze(&mut self, snapshot: JsValue) -> Result<JsValue, JsValue> {
        self.0.analyze(snapshot)
    }

    /// Loads the corpus from a corpus file's bytes (`corpus.bin`, written by `claimlens corpus
    /// build`); bytes that are not a corpus file give a JS error and keep the current corpus.
    #[wasm_bindgen(js_name = loadCorpus)]
    pub fn load_corpus(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        self.0.load_corpus(bytes)
    }

    /// How large and how recent the corpus is: "Reference corpus: 2 articles, June 2024", or
    /// that there is none.
    #[wasm_bindgen(js_name = corpusDescription)]
    pub fn corpus_description(&self) -> String {
        self.0.corpus_description()
    }

    /// Marks the card of finding `id` as current and scrolls it into view.
    pub fn focus(&self, id: u32) -> Result<(), JsValue> {
        self.0.focus(id)
    }

    /// The last analysed page's findings as Markdown, for a fact-checker's notes (`undefined`
    /// before the first analysis).
    #[wasm_bindgen(js_name = exportMarkdown)]
    pub fn export_markdown(&self) -> Option<String> {
        self.0.export_markdown()
    }

    /// The last analysed page's report as a plain object in the schema of `claimlens analyze
    /// --json`, with the page's `url` and `title` (`null` before the first analysis).
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<JsValue, JsValue> {
        self.0.export_json()
    }
}
