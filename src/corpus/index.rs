//! An inverted index over passages with BM25 ranking: stems of content words, numbers as terms.

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

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// The retrieval terms of a text: stems of content words and normalised numbers, in order.
///
/// ```
/// use claimlens::corpus::terms;
/// assert_eq!(terms("The Kremlin has coerced 1,200 migrants"), ["russia", "coerc", "1200", "migrant"]);
/// ```
pub fn terms(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter(|t| !STOPWORDS.contains(t.norm.as_str()))
        .map(|t| canonical(&t.norm))
        .collect()
}

/// A BM25 index: term → postings of (passage, term frequency).
#[derive(Clone, Debug, Default)]
pub struct Index {
    postings: HashMap<String, Vec<(u32, u32)>>,
    lengths: Vec<u32>,
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
        let mut index = Index::default();
        for (i, terms) in passages.into_iter().enumerate() {
            index.lengths.push(terms.len() as u32);
            let mut tf: HashMap<String, u32> = HashMap::new();
            for t in terms {
                *tf.entry(t).or_default() += 1;
            }
            for (t, n) in tf {
                index.postings.entry(t).or_default().push((i as u32, n));
            }
        }
        let total: u64 = index.lengths.iter().map(|&l| l as u64).sum();
        index.average_length = total as f64 / index.lengths.len().max(1) as f64;
        index
    }

    /// Number of passages indexed.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Whether the index holds no passage.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    fn idf(&self, postings: usize) -> f64 {
        let n = self.lengths.len() as f64;
        let df = postings as f64;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// The `k` best passages for the query terms, best first, among those `keep` accepts.
    pub fn search(&self, query: &[String], k: usize, keep: impl Fn(usize) -> bool) -> Vec<Hit> {
        let mut distinct: Vec<&String> = query.iter().collect();
        distinct.sort();
        distinct.dedup();
        let mut scores: HashMap<u32, (f64, f64)> = HashMap::new();
        let mut total_weight = 0.0;
        for term in distinct {
            let Some(list) = self.postings.get(term) else {
                continue;
            };
            let idf = self.idf(list.len());
            total_weight += idf;
            for &(p, tf) in list {
                if !keep(p as usize) {
                    continue;
                }
                let len = self.lengths[p as usize] as f64;
                let tf = tf as f64;
                let bm25 =
                    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.average_length));
                let entry = scores.entry(p).or_default();
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
}
