//! Documents similar to a whole text: the cosine of their term vectors (each term weighted
//! `1 + ln tf`), found through the passage index in one pass — the story search that the
//! comparison runs once per page, not once per finding.
//!
//! Weights carry no inverse document frequency on purpose: a corpus of two documents has none
//! worth the name, and a similarity calibrated on one corpus must mean the same on another.
//! Function words are not terms (see [`super::terms`]).
//!
//! Cost: the postings of the text's terms, except for terms so common that their postings are
//! long; those are only looked up (by binary search) for the best candidates the other terms
//! found, so that a page of common words against a large corpus does not touch every document.

use super::Corpus;
use std::collections::HashMap;

/// A document and its cosine similarity with the text searched for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Similar {
    /// The document's position in [`Corpus::documents`].
    pub doc: usize,
    /// Cosine similarity of the two term vectors, 0–1.
    pub cosine: f64,
}

/// Postings read in full per search; beyond this, the longest lists are read for the best
/// candidates only.
const POSTINGS_BUDGET: usize = 200_000;
/// Candidates found with the shorter lists that the longest lists are looked up for.
const CANDIDATES: usize = 64;

/// How often each retrieval term occurs in a text.
pub type TermCounts = HashMap<String, u32>;

/// The counts of `terms`.
pub fn term_counts(terms: impl IntoIterator<Item = String>) -> TermCounts {
    let mut tf = TermCounts::new();
    for t in terms {
        *tf.entry(t).or_default() += 1;
    }
    tf
}

/// The weight of a term occurring `tf` times.
fn weight(tf: u32) -> f64 {
    1.0 + (tf.max(1) as f64).ln()
}

impl Corpus {
    /// The `k` documents most similar to a text given as its retrieval terms, best first, each
    /// with the cosine of the two term vectors; documents sharing no term are left out.
    ///
    /// ```
    /// use claimlens::corpus::terms;
    /// use claimlens::Corpus;
    /// let corpus = Corpus::bundled();
    /// let found = corpus.similar_documents(&terms(&corpus.documents()[1].text), 2);
    /// assert_eq!(found[0].doc, 1);
    /// assert!(found[0].cosine > 0.99);
    /// assert!(corpus.similar_documents(&terms("weather in Paris"), 2).iter().all(|s| s.cosine < 0.1));
    /// ```
    pub fn similar_documents(&self, terms: &[String], k: usize) -> Vec<Similar> {
        self.similar_to_counts(&term_counts(terms.iter().cloned()), k)
    }

    /// [`Corpus::similar_documents`] of a text given as how often each term occurs in it (a
    /// long text's terms are counted as they are read, not held in a list).
    pub fn similar_to_counts(&self, tf: &TermCounts, k: usize) -> Vec<Similar> {
        let page_norm = tf.values().map(|&n| weight(n).powi(2)).sum::<f64>().sqrt();
        if page_norm == 0.0 || k == 0 {
            return Vec::new();
        }
        let mut lists: Vec<(&[super::index::Posting], f64)> = tf
            .iter()
            .map(|(t, &n)| (self.index.postings_of(t), weight(n)))
            .filter(|(list, _)| !list.is_empty())
            .collect();
        lists.sort_by_key(|(list, _)| list.len());
        let mut read = 0;
        let full = lists
            .iter()
            .take_while(|(list, _)| {
                read += list.len();
                read <= POSTINGS_BUDGET
            })
            .count();
        let mut dot: HashMap<usize, f64> = HashMap::new();
        for &(list, w) in &lists[..full] {
            let mut i = 0;
            while i < list.len() {
                let doc = self.passages[list[i].passage as usize].doc;
                let mut n = 0;
                while i < list.len() && self.passages[list[i].passage as usize].doc == doc {
                    n += list[i].tf;
                    i += 1;
                }
                *dot.entry(doc).or_default() += w * weight(n);
            }
        }
        let mut found: Vec<(usize, f64)> = dot.into_iter().collect();
        if full < lists.len() {
            found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            found.truncate(CANDIDATES);
            for entry in &mut found {
                let range = self.passage_range(entry.0);
                for &(list, w) in &lists[full..] {
                    let from = list.partition_point(|p| (p.passage as usize) < range.start);
                    let to = list.partition_point(|p| (p.passage as usize) < range.end);
                    let n: u32 = list[from..to].iter().map(|p| p.tf).sum();
                    if n > 0 {
                        entry.1 += w * weight(n);
                    }
                }
            }
        }
        let norms = self.document_norms();
        let mut out: Vec<Similar> = found
            .into_iter()
            .map(|(doc, dot)| Similar {
                doc,
                cosine: (dot / (page_norm * norms[doc]).max(1e-12)).min(1.0),
            })
            .collect();
        out.sort_by(|a, b| b.cosine.total_cmp(&a.cosine).then(a.doc.cmp(&b.doc)));
        out.truncate(k);
        out
    }

    /// Sets the norms of the documents' term vectors, as read from a corpus file.
    pub(crate) fn set_document_norms(&self, norms: Vec<f64>) {
        let _ = self.doc_norms.set(norms);
    }

    /// The norm of each document's term vector: as read from the corpus file, else computed
    /// from the postings on first use.
    pub(crate) fn document_norms(&self) -> &[f64] {
        self.doc_norms.get_or_init(|| {
            let mut sums = vec![0.0f64; self.documents.len()];
            let index = &self.index;
            for t in 0..index.vocabulary.len() {
                let list = &index.postings[index.starts[t] as usize..index.starts[t + 1] as usize];
                let mut i = 0;
                while i < list.len() {
                    let doc = self.passages[list[i].passage as usize].doc;
                    let mut n = 0;
                    while i < list.len() && self.passages[list[i].passage as usize].doc == doc {
                        n += list[i].tf;
                        i += 1;
                    }
                    sums[doc] += weight(n).powi(2);
                }
            }
            // Rounded as a corpus file stores them, so that a built corpus and its file agree.
            sums.into_iter().map(|s| s.sqrt() as f32 as f64).collect()
        })
    }
}
