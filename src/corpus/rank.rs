//! Document ranking for claim matching (`claimlens match`): which documents a text speaks of.
//!
//! A document's score combines BM25 over the whole document (its passages' and its title's
//! terms pooled, see [`super::titles`]) with the score of its best passage (its title scored
//! as a passage would be, when that is higher), so that a short claim matches the document whose single
//! sentence states it as well as the document that covers its words throughout. The best
//! candidates are then reordered by the word pairs (adjacent terms) they share with the query
//! and, when the query is a post signed with its date, by whether they are dated within days
//! after it.
//! Measured on CheckThat! 2022 2A (see EVALUATION.md).

use super::days::iso_day;
use super::index::Index;
use super::query::{clean_query, query_day};
use super::titles::Titles;
use super::{terms, Corpus};
use std::collections::{HashMap, HashSet};

/// Weight of the whole-document BM25 score in a document's score.
const DOCUMENT_WEIGHT: f64 = 1.0;
/// Weight of the best passage's BM25 score in a document's score.
const PASSAGE_WEIGHT: f64 = 0.25;
/// BM25 length normalisation of whole documents: weak, as claims and their reports are short
/// and a longer document is not less about its topic.
const DOCUMENT_B: f64 = 0.3;
/// Score added per adjacent term pair shared with the query.
const PAIR_WEIGHT: f64 = 1.0;
/// How many of the best candidates are reordered by shared pairs.
const RERANK_DEPTH: usize = 50;
/// Share of its score a candidate gains when it is dated near the query (see [`dated_near`]):
/// a tie-breaker between documents of one story, not a match by itself.
const DATE_BONUS: f64 = 0.1;
/// How many days before the query a document may be dated and count as near.
const DAYS_BEFORE: i64 = 2;
/// How many days after the query a document may be dated and count as near.
const DAYS_AFTER: i64 = 30;

/// A document found for a text by [`Corpus::match_documents`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DocumentMatch {
    /// The document's position in [`Corpus::documents`].
    pub doc: usize,
    /// The document's score (higher is better; comparable within one query only).
    pub score: f64,
    /// The document's best passage for the text (a position in [`Corpus::passages`]); none
    /// when only its title shares words with the text.
    pub passage: Option<usize>,
}

/// Scores gathered for one document.
#[derive(Default)]
struct Scores {
    document: f64,
    best_passage: f64,
    passage: Option<usize>,
    /// The title's score as a passage.
    title: f64,
}

/// A term's frequency per document, by document: its passage postings (document, frequency),
/// which come document after document, merged with its title postings.
fn document_runs(
    passages: impl Iterator<Item = (usize, u32)>,
    titles: &[(u32, u32)],
) -> Vec<(usize, u32)> {
    let mut runs: Vec<(usize, u32)> = Vec::new();
    for (doc, tf) in passages {
        match runs.last_mut() {
            Some((d, sum)) if *d == doc => *sum += tf,
            _ => runs.push((doc, tf)),
        }
    }
    if titles.is_empty() {
        return runs;
    }
    let mut merged = Vec::with_capacity(runs.len() + titles.len());
    let mut titles = titles.iter().map(|&(d, tf)| (d as usize, tf)).peekable();
    for (doc, tf) in runs {
        while let Some(&(d, title_tf)) = titles.peek().filter(|(d, _)| *d < doc) {
            merged.push((d, title_tf));
            titles.next();
        }
        let title_tf = titles.next_if(|(d, _)| *d == doc).map_or(0, |(_, tf)| tf);
        merged.push((doc, tf + title_tf));
    }
    merged.extend(titles);
    merged
}

/// Whether a document dated `document` may be about a post dated `query` (day numbers): a
/// fact-check or a report follows the claim it is about, within days or weeks (a couple of
/// days before, for time zones and for a claim already circulating).
fn dated_near(query: i64, document: i64) -> bool {
    (-DAYS_BEFORE..=DAYS_AFTER).contains(&(document - query))
}

/// The adjacent term pairs of a term list.
fn pairs(terms: &[String]) -> HashSet<(&str, &str)> {
    terms
        .windows(2)
        .map(|w| (w[0].as_str(), w[1].as_str()))
        .collect()
}

impl Corpus {
    /// The `k` documents that best match `text` (a claim, a post, a sentence), best first.
    /// Links, signature lines, mentions and hashtags of social-media posts are cleaned up first;
    /// a post's signature date ("— Name (@handle) January 26, 2021") favours the documents
    /// dated from two days before it to 30 days after it (by a tenth of their score).
    ///
    /// ```
    /// use claimlens::Corpus;
    /// let corpus = Corpus::bundled();
    /// let found = corpus.match_documents("Russia recruits African students to fight", 1);
    /// assert_eq!(found.len(), 1);
    /// assert!(!corpus.passage_text(found[0].passage.unwrap()).is_empty());
    /// ```
    pub fn match_documents(&self, text: &str, k: usize) -> Vec<DocumentMatch> {
        let query = terms(&clean_query(text));
        let mut found = self.score_documents(&query);
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        let depth = RERANK_DEPTH.min(found.len());
        let query_pairs = pairs(&query);
        let day = query_day(text);
        for m in &mut found[..depth] {
            let document = &self.documents[m.doc];
            let doc_terms = terms(&document.text);
            let shared = pairs(&doc_terms).intersection(&query_pairs).count();
            m.score += PAIR_WEIGHT * shared as f64;
            let doc_day = document.date.as_deref().and_then(iso_day);
            if day.zip(doc_day).is_some_and(|(q, d)| dated_near(q, d)) {
                m.score *= 1.0 + DATE_BONUS;
            }
        }
        found[..depth].sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        found.truncate(k);
        found
    }

    /// Every document sharing a term with the query, scored (unordered).
    fn score_documents(&self, query: &[String]) -> Vec<DocumentMatch> {
        let mut distinct: Vec<&String> = query.iter().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let index = &self.index;
        let titles = self.titles.get_or_init(|| Titles::new(&self.documents));
        let documents = self.documents.len();
        let average_length =
            self.average_doc_length + titles.total as f64 / documents.max(1) as f64;
        let mut passage_scores: HashMap<u32, f64> = HashMap::new();
        let mut by_doc: HashMap<usize, Scores> = HashMap::new();
        for term in distinct {
            let list = index.postings_of(term);
            let passage_idf = Index::idf(index.len(), list.len());
            for p in list {
                let len = index.lengths[p.passage as usize] as f64;
                *passage_scores.entry(p.passage).or_default() += Index::bm25(
                    passage_idf,
                    p.tf as f64,
                    len,
                    index.average_length(),
                    super::index::B,
                );
            }
            let title_list = titles.postings_of(term);
            let title_idf = Index::idf(index.len() + documents, list.len() + title_list.len());
            for &(doc, tf) in title_list {
                let title_score = Index::bm25(
                    title_idf,
                    tf as f64,
                    titles.lengths[doc as usize] as f64,
                    index.average_length(),
                    super::index::B,
                );
                by_doc.entry(doc as usize).or_default().title += title_score;
            }
            let runs = document_runs(
                list.iter()
                    .map(|p| (self.passages[p.passage as usize].doc, p.tf)),
                title_list,
            );
            if runs.is_empty() {
                continue;
            }
            let document_idf = Index::idf(documents, runs.len());
            for (doc, tf) in runs {
                let len = self.doc_lengths[doc] as f64 + titles.lengths[doc] as f64;
                by_doc.entry(doc).or_default().document +=
                    Index::bm25(document_idf, tf as f64, len, average_length, DOCUMENT_B);
            }
        }
        for (p, score) in passage_scores {
            let doc = self.passages[p as usize].doc;
            let entry = by_doc.entry(doc).or_default();
            if score > entry.best_passage {
                entry.best_passage = score;
                entry.passage = Some(p as usize);
            }
        }
        by_doc
            .into_iter()
            .map(|(doc, s)| DocumentMatch {
                doc,
                score: DOCUMENT_WEIGHT * s.document + PASSAGE_WEIGHT * s.best_passage.max(s.title),
                passage: s.passage,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::document_runs;

    /// Frequencies by document: (document, term frequency).
    type Runs = &'static [(usize, u32)];
    /// Title postings: (document, term frequency).
    type TitleRuns = &'static [(u32, u32)];

    #[test]
    fn passage_and_title_frequencies_merge_by_document() {
        // (passage postings as (document, tf), title postings, merged)
        let cases: &[(Runs, TitleRuns, Runs)] = &[
            (&[(0, 1), (0, 2), (3, 1)], &[], &[(0, 3), (3, 1)]),
            (&[], &[(2, 1)], &[(2, 1)]),
            (
                &[(1, 1), (4, 2)],
                &[(0, 1), (1, 1), (5, 1)],
                &[(0, 1), (1, 2), (4, 2), (5, 1)],
            ),
        ];
        for (passages, titles, merged) in cases {
            assert_eq!(document_runs(passages.iter().copied(), titles), *merged);
        }
    }
}
