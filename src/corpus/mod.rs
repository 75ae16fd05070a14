//! The reference corpus: documents split into sentence passages, the detectors' findings in
//! each, and a retrieval index over the passages.
//!
//! A corpus is built from documents ([`Corpus::new`]), from the files of a corpus folder
//! ([`Corpus::from_folder`]), or loaded from a corpus file ([`Corpus::from_bytes`]). The
//! detectors run lazily, the first time a document's findings are asked for, so that building
//! and loading large corpora stays fast.

mod days;
pub(crate) use days::month_number;
mod folder;
mod import;
mod index;
mod query;
mod rank;
mod similar;
mod store;
mod titles;

pub use folder::ArticleFile;
pub use import::{
    article_file, corpus_from_files, documents_from_records, markdown_text, ArticleSource,
    CorpusRecord, FileKind, ImportError, Loose, RecordId, RecordReader,
};
pub use index::{canonical, terms, Hit, Index};
pub(crate) use index::{is_place, is_stopword};
pub use query::clean_query;
pub use rank::DocumentMatch;
pub use similar::{term_counts, Similar, TermCounts};
pub use store::CorpusError;

use crate::detect::{self, Detections};
use crate::text::{sentences, tokens, Span};
use std::ops::Range;
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

/// A sentence of a reference document's body (see [`is_passage`]).
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
    /// The first passage of each document, and one past the last passage at the end.
    doc_starts: Vec<usize>,
    /// The norm of each document's term vector (see `similar.rs`), computed on first use.
    doc_norms: OnceLock<Vec<f64>>,
    /// The documents' titles as a retrieval field of claim matching, built on first use.
    titles: OnceLock<titles::Titles>,
}

/// A passage has at least this many words…
const MIN_PASSAGE_WORDS: usize = 5;
/// …and ends a sentence, or has at least this many words.
const LONG_PASSAGE_WORDS: usize = 12;
/// A line of at least this many words, this share of them capitalised, is set in title case.
const TITLE_CASE_WORDS: usize = 4;
const TITLE_CASE_SHARE: f64 = 0.6;

/// Whether a sentence is set in title case, as headlines are: most of its words capitalised.
///
/// ```
/// use claimlens::corpus::is_title_case;
/// assert!(is_title_case("Kremlin Recruits African Migrants and Students"));
/// assert!(!is_title_case("The Kremlin has coerced thousands of migrants."));
/// ```
pub fn is_title_case(sentence: &str) -> bool {
    let words: Vec<_> = tokens(sentence)
        .into_iter()
        .filter(|t| t.norm.starts_with(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|t| sentence[t.span.start..].starts_with(char::is_uppercase))
        .count();
    words.len() >= TITLE_CASE_WORDS && caps as f64 >= words.len() as f64 * TITLE_CASE_SHARE
}

/// Whether a sentence of an article is a statement of its body — a passage a claim can be
/// compared with — rather than a headline, a navigation line ("Latest news", "See all"), a
/// caption or a byline: at least five words, not in title case, and either closing
/// punctuation or at least twelve words.
///
/// ```
/// use claimlens::corpus::is_passage;
/// assert!(is_passage("Russia lost over 1,200 personnel per day in May."));
/// assert!(!is_passage("See all"));
/// assert!(!is_passage("Kremlin Recruits African Migrants and Students to Join Russian Troops"));
/// assert!(!is_passage("A booklet recruiting migrants to fight in the Russian army"));
/// ```
pub fn is_passage(sentence: &str) -> bool {
    let words = tokens(sentence).len();
    let closed = sentence
        .trim_end_matches(['”', '"', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', '…']);
    words >= MIN_PASSAGE_WORDS
        && (closed || words >= LONG_PASSAGE_WORDS)
        && !is_title_case(sentence)
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

impl Corpus {
    /// Builds a corpus: splits each document into sentences and indexes those of its body
    /// (see [`is_passage`]). The detectors run later, when a document's findings are first
    /// asked for.
    pub fn new(documents: Vec<Document>) -> Corpus {
        let mut passages = Vec::new();
        for (d, doc) in documents.iter().enumerate() {
            passages.extend(
                sentences(&doc.text)
                    .into_iter()
                    .filter(|span| is_passage(span.slice(&doc.text)))
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
        // Passages come document after document.
        let mut doc_starts = Vec::with_capacity(documents.len() + 1);
        for d in 0..=documents.len() {
            doc_starts.push(passages.partition_point(|p| p.doc < d));
        }
        Corpus {
            detections: documents.iter().map(|_| OnceLock::new()).collect(),
            documents,
            passages,
            index,
            doc_lengths,
            average_doc_length,
            doc_starts,
            doc_norms: OnceLock::new(),
            titles: OnceLock::new(),
        }
    }

    /// The positions in [`Corpus::passages`] of document `doc`'s passages.
    pub fn passage_range(&self, doc: usize) -> Range<usize> {
        self.doc_starts[doc]..self.doc_starts[doc + 1]
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
    ///     date: None,
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
                date: None,
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
    fn navigation_lines_and_headlines_are_no_passages() {
        let c = Corpus::bundled();
        for p in 0..c.passages().len() {
            let text = c.passage_text(p);
            assert!(!["Latest news", "See all"].contains(&text), "{text}");
            assert!(!text.starts_with("Kremlin Recruits"), "{text}");
        }
    }
}
