//! The reference corpus: documents split into sentence passages, the detectors' findings in
//! each, and a retrieval index over the passages.
//!
//! A corpus is built from documents ([`Corpus::new`]), from the files of a corpus folder
//! ([`Corpus::from_folder`]), or loaded from a corpus file ([`Corpus::from_bytes`]). The
//! detectors run lazily, the first time a document's findings are asked for, so that building
//! and loading large corpora stays fast.

mod folder;
mod index;
mod query;
mod rank;
mod store;

pub use folder::ArticleFile;
pub use index::{canonical, terms, Hit, Index};
pub use query::clean_query;
pub use rank::DocumentMatch;
pub use store::CorpusError;

use crate::detect::{self, Detections};
use crate::text::{sentences, Span};
use std::collections::HashSet;
use std::sync::OnceLock;

/// A reference document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Identifier (the file name).
    pub id: String,
    /// Title.
    pub title: String,
    /// Who published it, if known.
    pub outlet: Option<String>,
    /// When it was published (ISO 8601, possibly only year and month), if known.
    pub date: Option<String>,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// Full text.
    pub text: String,
}

/// A sentence of a reference document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    /// The document's position in [`Corpus::documents`].
    pub doc: usize,
    /// The sentence's byte span in the document's text.
    pub span: Span,
}

/// A set of reference documents with their findings and an index for finding passages.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    documents: Vec<Document>,
    /// Each document's findings, computed on first use.
    detections: Vec<OnceLock<Detections>>,
    passages: Vec<Passage>,
    index: Index,
    /// Number of retrieval terms of each document (the sum over its passages).
    doc_lengths: Vec<u32>,
    average_doc_length: f64,
}

const BUNDLED_CATALOG: &str = include_str!("../../corpus/catalog.tsv");
const BUNDLED_FILES: &[(&str, &str)] = &[
    (
        "000_41f577a6aff86205.txt",
        include_str!("../../corpus/000_41f577a6aff86205.txt"),
    ),
    (
        "001_715e0a4cd338ff9b.txt",
        include_str!("../../corpus/001_715e0a4cd338ff9b.txt"),
    ),
];

/// Share of a document's word 4-grams a page must contain to count as that document.
const SELF_CONTAINMENT: f64 = 0.6;

impl Corpus {
    /// Builds a corpus: splits each document into sentences and indexes them. The detectors
    /// run later, when a document's findings are first asked for.
    pub fn new(documents: Vec<Document>) -> Corpus {
        let mut passages = Vec::new();
        for (d, doc) in documents.iter().enumerate() {
            passages.extend(
                sentences(&doc.text)
                    .into_iter()
                    .map(|span| Passage { doc: d, span }),
            );
        }
        let index = Index::build(
            passages
                .iter()
                .map(|p| terms(p.span.slice(&documents[p.doc].text))),
        );
        Corpus::from_parts(documents, passages, index)
    }

    /// Assembles a corpus from consistent parts (passages within their documents' texts).
    fn from_parts(documents: Vec<Document>, passages: Vec<Passage>, index: Index) -> Corpus {
        let mut doc_lengths = vec![0u32; documents.len()];
        for (p, passage) in passages.iter().enumerate() {
            let len = index.lengths.get(p).copied().unwrap_or(0);
            doc_lengths[passage.doc] = doc_lengths[passage.doc].saturating_add(len);
        }
        let total: u64 = doc_lengths.iter().map(|&l| l as u64).sum();
        let average_doc_length = total as f64 / doc_lengths.len().max(1) as f64;
        Corpus {
            detections: documents.iter().map(|_| OnceLock::new()).collect(),
            documents,
            passages,
            index,
            doc_lengths,
            average_doc_length,
        }
    }

    /// Builds a corpus from the article files of a corpus folder and its optional catalog
    /// (`catalog.tsv`: file, title, outlet, date per line; `#` starts a comment). Files are
    /// taken in name order; a file's title comes from the catalog, else from the file, else
    /// it is the file name. `claimlens corpus build FOLDER` and [`Corpus::bundled`] both
    /// build through here.
    ///
    /// ```
    /// use claimlens::corpus::{ArticleFile, Corpus};
    /// let files = vec![ArticleFile {
    ///     name: "a.txt".into(),
    ///     title: None,
    ///     text: "Russia lost 1,200 troops in May.".into(),
    /// }];
    /// let corpus = Corpus::from_folder(files, Some("a.txt\tLosses\tBBC\t2024-06\n"));
    /// assert_eq!(corpus.documents()[0].title, "Losses");
    /// assert_eq!(corpus.documents()[0].outlet.as_deref(), Some("BBC"));
    /// ```
    pub fn from_folder(files: Vec<ArticleFile>, catalog: Option<&str>) -> Corpus {
        Corpus::new(folder::documents(files, catalog))
    }

    /// The corpus bundled with ClaimLens: the two sample articles in `corpus/`, with the titles,
    /// outlets and dates of `corpus/catalog.tsv`, built as `claimlens corpus build corpus`
    /// builds it.
    pub fn bundled() -> Corpus {
        let files = BUNDLED_FILES
            .iter()
            .map(|(name, text)| ArticleFile {
                name: name.to_string(),
                title: None,
                text: text.to_string(),
            })
            .collect();
        Corpus::from_folder(files, Some(BUNDLED_CATALOG))
    }

    /// The documents.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The passages (sentences) of all documents.
    pub fn passages(&self) -> &[Passage] {
        &self.passages
    }

    /// The text of passage `p`.
    pub fn passage_text(&self, p: usize) -> &str {
        let passage = self.passages[p];
        passage.span.slice(&self.documents[passage.doc].text)
    }

    /// The detectors' findings in document `doc`, in its byte offsets.
    pub fn detections(&self, doc: usize) -> &Detections {
        self.detections[doc].get_or_init(|| {
            let text = &self.documents[doc].text;
            detect::detect(text, &sentences(text))
        })
    }

    /// The retrieval index over the passages.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The `k` passages most similar to `text`, leaving out the documents in `exclude`.
    pub fn search(&self, text: &str, k: usize, exclude: &[usize]) -> Vec<Hit> {
        if exclude.is_empty() {
            return self.index.search(&terms(text), k, |_| true);
        }
        self.index.search(&terms(text), k, |p| {
            !exclude.contains(&self.passages[p].doc)
        })
    }

    /// The documents that `text` (nearly) is: most of their word 4-grams occur in `text`.
    ///
    /// Candidates are the documents of the passages that `text`'s longest sentences retrieve,
    /// so this stays cheap on large corpora.
    pub fn same_documents(&self, text: &str) -> Vec<usize> {
        let mut sents = sentences(text);
        sents.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let mut candidates: Vec<usize> = sents
            .iter()
            .take(8)
            .flat_map(|s| self.search(s.slice(text), 2, &[]))
            .map(|hit| self.passages[hit.passage].doc)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let page_grams = shingles(text);
        candidates
            .into_iter()
            .filter(|&d| {
                let doc_grams = shingles(&self.documents[d].text);
                let shared = doc_grams.intersection(&page_grams).count();
                !doc_grams.is_empty() && shared as f64 / doc_grams.len() as f64 >= SELF_CONTAINMENT
            })
            .collect()
    }
}

/// The set of word 4-grams of a text (lower-cased words).
fn shingles(text: &str) -> HashSet<[String; 4]> {
    let words: Vec<String> = crate::text::tokens(text)
        .into_iter()
        .map(|t| t.norm)
        .collect();
    words
        .windows(4)
        .map(|w| [w[0].clone(), w[1].clone(), w[2].clone(), w[3].clone()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_corpus_has_both_samples_with_titles() {
        let c = Corpus::bundled();
        assert_eq!(c.documents().len(), 2);
        assert!(c.documents()[0].title.starts_with("Kremlin Recruits"));
        assert!(c.passages().len() > 10);
        assert!(!c.detections(0).attributions.is_empty());
    }

    #[test]
    fn a_sample_is_recognised_as_itself_and_not_as_the_other() {
        let c = Corpus::bundled();
        let own = c.documents()[1].text.clone();
        assert_eq!(c.same_documents(&own), [1]);
        assert!(c
            .same_documents("An unrelated text about the weather in Paris.")
            .is_empty());
    }
}
