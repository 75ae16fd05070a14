//! An inverted index over passages with BM25 ranking: stems of content words, numbers as terms.
//!
//! The index is laid out flat so that it loads fast from a corpus file: a sorted vocabulary,
//! one run of postings per term in a single array, and the passages' lengths.

use crate::detect::lexicon;
use crate::text::{stem, tokens};
use std::collections::HashMap;
use std::sync::LazyLock;

static STOPWORDS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("stopwords.txt")).collect());

/// Word → the first word of its line in `equivalences.txt`.
static ALIASES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("equivalences.txt"))
        .flat_map(|line| {
            let first = line.split_whitespace().next().unwrap_or("");
            line.split_whitespace().map(move |w| (w, first))
        })
        .collect()
});

/// The canonical form of a lower-case word: its actor alias, else its stem.
///
/// ```
/// use claimlens::corpus::canonical;
/// assert_eq!(canonical("kremlin"), "russia");
/// assert_eq!(canonical("officials"), "official");
/// ```
pub fn canonical(word: &str) -> String {
    let bare = word.trim_end_matches("’s").trim_end_matches("'s");
    match ALIASES.get(bare) {
        Some(alias) => alias.to_string(),
        None => stem(bare),
    }
}

/// Whether a lower-case word is a function word left out of retrieval.
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

const K1: f64 = 1.2;
/// BM25 length normalisation of passages.
pub(crate) const B: f64 = 0.75;

/// The retrieval terms of a text: stems of content words and normalised numbers, in order.
///
/// ```
/// use claimlens::corpus::terms;
/// assert_eq!(terms("The Kremlin has coerced 1,200 migrants"), ["russia", "coerc", "1200", "migrant"]);
/// ```
pub fn terms(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter(|t| !is_stopword(&t.norm))
        .map(|t| canonical(&t.norm))
        .collect()
}

/// An occurrence list entry: a passage and how often the term occurs in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    /// The passage's number.
    pub passage: u32,
    /// Term frequency in the passage.
    pub tf: u32,
}

/// A BM25 index: term → postings of (passage, term frequency).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    /// The distinct terms, sorted.
    pub(crate) vocabulary: Vec<String>,
    /// Term `t`'s postings are `postings[starts[t]..starts[t + 1]]`, by ascending passage.
    pub(crate) starts: Vec<u32>,
    /// All postings, term after term.
    pub(crate) postings: Vec<Posting>,
    /// Number of terms of each passage.
    pub(crate) lengths: Vec<u32>,
    average_length: f64,
}

/// A passage found by a search, with its BM25 score and the share of the query's weight
/// (inverse document frequency) it contains, 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// The passage's number.
    pub passage: usize,
    /// BM25 score.
    pub score: f64,
    /// Weighted share of the query's distinct terms found in the passage.
    pub coverage: f64,
}

impl Index {
    /// Indexes passages given as term lists.
    pub fn build<I: IntoIterator<Item = Vec<String>>>(passages: I) -> Index {
        let mut lists: HashMap<String, Vec<Posting>> = HashMap::new();
        let mut lengths = Vec::new();
        for (i, terms) in passages.into_iter().enumerate() {
            lengths.push(terms.len() as u32);
            let mut tf: HashMap<String, u32> = HashMap::new();
            for t in terms {
                *tf.entry(t).or_default() += 1;
            }
            for (t, n) in tf {
                lists.entry(t).or_default().push(Posting {
                    passage: i as u32,
                    tf: n,
                });
            }
        }
        let mut entries: Vec<(String, Vec<Posting>)> = lists.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut index = Index {
            lengths,
            ..Index::default()
        };
        index.starts.push(0);
        for (term, list) in entries {
            index.vocabulary.push(term);
            index.postings.extend(list);
            index.starts.push(index.postings.len() as u32);
        }
        index.average_length = average(&index.lengths);
        index
    }

    /// Assembles an index from its parts, as read from a corpus file (already validated).
    pub(crate) fn from_parts(
        vocabulary: Vec<String>,
        starts: Vec<u32>,
        postings: Vec<Posting>,
        lengths: Vec<u32>,
    ) -> Index {
        let average_length = average(&lengths);
        Index {
            vocabulary,
            starts,
            postings,
            lengths,
            average_length,
        }
    }

    /// Number of passages indexed.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Whether the index holds no passage.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// The postings of `term` (empty when the term is not indexed).
    pub(crate) fn postings_of(&self, term: &str) -> &[Posting] {
        match self.vocabulary.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(t) => {
                let (a, b) = (self.starts[t] as usize, self.starts[t + 1] as usize);
                &self.postings[a..b]
            }
            Err(_) => &[],
        }
    }

    /// Inverse document frequency of a term found in `df` of `n` units.
    pub(crate) fn idf(n: usize, df: usize) -> f64 {
        let (n, df) = (n as f64, df as f64);
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// The BM25 weight of a term with frequency `tf` in a unit of `len` terms, with length
    /// normalisation `b`.
    pub(crate) fn bm25(idf: f64, tf: f64, len: f64, average_length: f64, b: f64) -> f64 {
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - b + b * len / average_length.max(1e-9)))
    }

    /// Average number of terms per passage.
    pub(crate) fn average_length(&self) -> f64 {
        self.average_length
    }

    /// The `k` best passages for the query terms, best first, among those `keep` accepts.
    pub fn search(&self, query: &[String], k: usize, keep: impl Fn(usize) -> bool) -> Vec<Hit> {
        let mut distinct: Vec<&String> = query.iter().collect();
        distinct.sort();
        distinct.dedup();
        let mut scores: HashMap<u32, (f64, f64)> = HashMap::new();
        let mut total_weight = 0.0;
        for term in distinct {
            let list = self.postings_of(term);
            if list.is_empty() {
                continue;
            }
            let idf = Index::idf(self.len(), list.len());
            total_weight += idf;
            for posting in list {
                let p = posting.passage as usize;
                if !keep(p) {
                    continue;
                }
                let len = self.lengths[p] as f64;
                let bm25 = Index::bm25(idf, posting.tf as f64, len, self.average_length, B);
                let entry = scores.entry(posting.passage).or_default();
                entry.0 += bm25;
                entry.1 += idf;
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(p, (score, weight))| Hit {
                passage: p as usize,
                score,
                coverage: if total_weight > 0.0 {
                    weight / total_weight
                } else {
                    0.0
                },
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.passage.cmp(&b.passage)));
        hits.truncate(k);
        hits
    }
}

fn average(lengths: &[u32]) -> f64 {
    let total: u64 = lengths.iter().map(|&l| l as u64).sum();
    total as f64 / lengths.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_passage_shares_the_rare_terms() {
        let passages = [
            "Russia lost over 1,200 personnel per day in May.",
            "The weather in May was warm.",
            "Migrants were recruited by the Kremlin.",
        ];
        let index = Index::build(passages.iter().map(|p| terms(p)));
        let hits = index.search(&terms("1,200 casualties per day in May"), 3, |_| true);
        assert_eq!(hits[0].passage, 0);
        let hits = index.search(&terms("the Kremlin recruits migrants"), 3, |_| true);
        assert_eq!(hits[0].passage, 2);
        assert!(hits[0].coverage > 0.99);
        assert!(index.search(&terms("recruited"), 3, |p| p != 2).is_empty());
        assert_eq!(index.search(&terms("Moscow"), 3, |p| p != 2)[0].passage, 0);
    }

    #[test]
    fn postings_are_found_by_term_and_sorted_by_passage() {
        let index = Index::build([terms("May rain"), terms("warm May"), terms("May")]);
        let passages: Vec<u32> = index.postings_of("may").iter().map(|p| p.passage).collect();
        assert_eq!(passages, [0, 1, 2]);
        assert!(index.postings_of("snow").is_empty());
        assert!(index.vocabulary.windows(2).all(|w| w[0] < w[1]));
    }
}
