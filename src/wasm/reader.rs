//! `PageReader`: a page's article read once, its highlights handed out section by section before
//! the full analysis (with comparison) is done. Only converts types; the work is
//! `page::{extract_article, sections}` and `pipeline::detect_section`.

use crate::page::{extract_article, sections, Article, PageSnapshot, SECTION_BYTES};
use crate::pipeline::detect_section;
use crate::Span;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The article of one page snapshot, for highlights section by section.
#[wasm_bindgen]
pub struct PageReader {
    article: Option<Article>,
    sections: Vec<Span>,
}

#[wasm_bindgen]
impl PageReader {
    /// Extracts the article of a `PageSnapshot` (a plain JS object in its wire form); input that
    /// is not a snapshot gives a JS error.
    #[wasm_bindgen(constructor)]
    pub fn new(snapshot: JsValue) -> Result<PageReader, JsValue> {
        let snapshot: PageSnapshot = serde_wasm_bindgen::from_value(snapshot)
            .map_err(|e| JsError::new(&format!("not a page snapshot: {e}")))?;
        let article = extract_article(&snapshot);
        let sections = article
            .as_ref()
            .map(|a| sections(a, SECTION_BYTES))
            .unwrap_or_default();
        Ok(PageReader { article, sections })
    }

    /// Whether the page has an article.
    #[wasm_bindgen(getter, js_name = isArticle)]
    pub fn is_article(&self) -> bool {
        self.article.is_some()
    }

    /// The row (index in the snapshot's nodes) of the element holding the article, if any.
    #[wasm_bindgen(getter, js_name = rootRow)]
    pub fn root_row(&self) -> Option<usize> {
        self.article.as_ref().map(|a| a.root)
    }

    /// How many sections the article has (0 without one).
    #[wasm_bindgen(getter, js_name = sectionCount)]
    pub fn section_count(&self) -> usize {
        self.sections.len()
    }

    /// The highlights of section `i`: `[{kind, ranges: [{startNode, startOffset, endNode,
    /// endOffset}]}]` (an unknown section has none).
    pub fn highlights(&self, i: usize) -> Result<JsValue, JsValue> {
        let found = match (&self.article, self.sections.get(i)) {
            (Some(article), Some(&section)) => detect_section(article, section),
            _ => Vec::new(),
        };
        found
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()).into())
    }
}
