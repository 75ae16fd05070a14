//! The reference corpus: documents split into sentence passages, the detectors' findings in
//! each, and a retrieval index over the passages.

mod index;

pub use index::{canonical, terms, Hit, Index};

use crate::detect::{self, Detections};
use crate::text::{sentences, Span};
use std::collections::HashSet;

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
    detections: Vec<Detections>,
    passages: Vec<Passage>,
    index: Index,
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
    /// Builds a corpus: splits each document into sentences, runs the detectors, indexes.
    pub fn new(documents: Vec<Document>) -> Corpus {
        let mut passages = Vec::new();
        let mut detections = Vec::with_capacity(documents.len());
        for (d, doc) in documents.iter().enumerate() {
            let sents = sentences(&doc.text);
            detections.push(detect::detect(&doc.text, &sents));
            passages.extend(sents.into_iter().map(|span| Passage { doc: d, span }));
        }
        let index = Index::build(
            passages
                .iter()
                .map(|p| terms(p.span.slice(&documents[p.doc].text))),
        );
        Corpus {
            documents,
            detections,
            passages,
            index,
        }
    }

    /// The corpus bundled with ClaimLens: the two sample articles in `corpus/`, with the titles,
    /// outlets and dates of `corpus/catalog.tsv`.
    pub fn bundled() -> Corpus {
        let documents = BUNDLED_FILES
            .iter()
            .map(|(id, text)| {
                let meta = BUNDLED_CATALOG
                    .lines()
                    .filter(|l| !l.starts_with('#'))
                    .map(|l| l.split('\t').collect::<Vec<_>>())
                    .find(|cols| cols.first() == Some(id));
                let col = |i: usize| meta.as_ref().and_then(|m| m.get(i)).map(|s| s.to_string());
                Document {
                    id: id.to_string(),
                    title: col(1).unwrap_or_else(|| id.to_string()),
                    outlet: col(2),
                    date: col(3),
                    text: text.to_string(),
                }
            })
            .collect();
        Corpus::new(documents)
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
        &self.detections[doc]
    }

    /// The `k` passages most similar to `text`, leaving out the documents in `exclude`.
    pub fn search(&self, text: &str, k: usize, exclude: &[usize]) -> Vec<Hit> {
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
