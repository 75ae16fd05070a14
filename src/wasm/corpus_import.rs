//! wasm-bindgen entry points of the settings page's corpus import: a reader's own article files
//! (HTML already turned into page snapshots by the browser's `DOMParser`), a JSON Lines file's
//! records, or a corpus file made by `claimlens corpus build`, built or checked by the core.
//! Only converts types; the reading is `corpus::import`'s, the building `Corpus`'s.

use crate::corpus::{
    corpus_from_files, documents_from_records, ArticleSource, CorpusRecord, FileKind, ImportError,
};
use crate::page::PageSnapshot;
use crate::view::describe_corpus;
use crate::Corpus;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// A corpus built or checked for import: its file's bytes and what it holds.
#[wasm_bindgen]
pub struct CorpusImport {
    bytes: Vec<u8>,
    documents: usize,
    passages: usize,
    description: String,
    skipped: Vec<String>,
}

#[wasm_bindgen]
impl CorpusImport {
    /// The corpus file (the format `claimlens corpus build` writes), to store.
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> Vec<u8> {
        self.bytes.clone()
    }

    /// How many documents it holds.
    #[wasm_bindgen(getter)]
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// How many passages it indexes.
    #[wasm_bindgen(getter)]
    pub fn passages(&self) -> usize {
        self.passages
    }

    /// "Reference corpus: 5 articles, October 2012".
    #[wasm_bindgen(getter)]
    pub fn description(&self) -> String {
        self.description.clone()
    }

    /// The files left out, each with why ("a.html: no article found").
    #[wasm_bindgen(getter)]
    pub fn skipped(&self) -> Vec<String> {
        self.skipped.clone()
    }
}

impl CorpusImport {
    fn of(corpus: &Corpus, bytes: Vec<u8>, skipped: Vec<ImportError>) -> CorpusImport {
        CorpusImport {
            bytes,
            documents: corpus.documents().len(),
            passages: corpus.passages().len(),
            description: describe_corpus(corpus),
            skipped: skipped.iter().map(ToString::to_string).collect(),
        }
    }
}

/// An article file as the settings page hands it over.
#[derive(Deserialize)]
struct FileWire {
    name: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    snapshot: Option<PageSnapshot>,
}

/// A JSON Lines line as the settings page hands it over: the parsed record, or why the line is
/// not JSON.
#[derive(Deserialize)]
struct LineWire {
    line: usize,
    #[serde(default)]
    record: Option<CorpusRecord>,
    #[serde(default)]
    error: Option<String>,
}

fn js_error(e: impl std::fmt::Display) -> JsValue {
    JsError::new(&e.to_string()).into()
}

/// Builds a corpus from article files: `[{name, text}]` for `.txt` and `.md` files, `[{name,
/// snapshot}]` for `.html` (a page snapshot in the content script's wire form), and the folder's
/// `catalog.tsv` text if any. Files that cannot be used are listed in `skipped`; none usable
/// throws.
#[wasm_bindgen(js_name = buildCorpusFromFiles)]
pub fn build_corpus_from_files(
    files: JsValue,
    catalog: Option<String>,
) -> Result<CorpusImport, JsValue> {
    let files: Vec<FileWire> = serde_wasm_bindgen::from_value(files).map_err(js_error)?;
    let sources = files
        .into_iter()
        .map(|f| {
            let text = f.text.unwrap_or_default();
            let source = match (FileKind::of(&f.name), f.snapshot) {
                (_, Some(snapshot)) => ArticleSource::Page(snapshot),
                (Some(FileKind::Markdown), None) => ArticleSource::Markdown(text),
                _ => ArticleSource::Text(text),
            };
            (f.name, source)
        })
        .collect();
    let (corpus, skipped) = corpus_from_files(sources, catalog.as_deref()).map_err(js_error)?;
    let bytes = corpus.to_bytes();
    Ok(CorpusImport::of(&corpus, bytes, skipped))
}

/// Builds a corpus from the lines of a JSON Lines file: `[{line, record}]`, or `{line, error}`
/// for a line that is not JSON (blank lines left out). The first bad line throws ("line 3:
/// duplicate id \"a\"").
#[wasm_bindgen(js_name = buildCorpusFromRecords)]
pub fn build_corpus_from_records(lines: JsValue) -> Result<CorpusImport, JsValue> {
    let lines: Vec<LineWire> = serde_wasm_bindgen::from_value(lines).map_err(js_error)?;
    let records = lines.into_iter().map(|l| {
        let record = match (l.record, l.error) {
            (Some(record), None) => Ok(record),
            (_, error) => Err(error.unwrap_or_else(|| "not a JSON object".to_string())),
        };
        (l.line, record)
    });
    let corpus = Corpus::new(documents_from_records(records).map_err(js_error)?);
    let bytes = corpus.to_bytes();
    Ok(CorpusImport::of(&corpus, bytes, Vec::new()))
}

/// Checks a corpus file's bytes (`claimlens corpus build`); bytes that are not one throw.
#[wasm_bindgen(js_name = readCorpusFile)]
pub fn read_corpus_file(bytes: Vec<u8>) -> Result<CorpusImport, JsValue> {
    let corpus = Corpus::from_bytes(&bytes)
        .map_err(|e| js_error(format!("not a ClaimLens corpus file: {e}")))?;
    Ok(CorpusImport::of(&corpus, bytes, Vec::new()))
}
