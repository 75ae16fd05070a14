//! An inverted index over passages with BM25 ranking: stems of content words, numbers as terms.
//!
//! The index is laid out flat so that it loads fast from a corpus file: a sorted vocabulary,
//! one run of postings per term in a single array, and the passages' lengths.

use crate::detect::lexicon;
use crate::text::{stem, tokens};
use std::collections::HashMap;
use std::sync::LazyLock;

static STOPWORDS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/corpus/stopwords.txt"
    )))
    .collect()
});

/// Word → the first word of its line in `gazetteer.txt`.
static ALIASES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/corpus/gazetteer.txt"
    )))
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

/// Whether a lower-case word names a country, its people or its capital (the gazetteer).
pub(crate) fn is_place(word: &str) -> bool {
    ALIASES.contains_key(word)
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
    ///
    /// Exact BM25 top-k with MaxScore pruning: terms are taken rarest first; once the `k`-th
    /// best score so far exceeds what the terms left could add to a passage not yet seen, no
    /// new passage is admitted, the candidates that cannot reach the `k` best are dropped, and
    /// the common terms' long postings are only looked up for the candidates left. So a query
    /// of common words against a large corpus does not score every passage.
    pub fn search(&self, query: &[String], k: usize, keep: impl Fn(usize) -> bool) -> Vec<Hit> {
        if k == 0 {
            return Vec::new();
        }
        let mut distinct: Vec<&String> = query.iter().collect();
        distinct.sort();
        distinct.dedup();
        let mut lists: Vec<(&[Posting], f64)> = distinct
            .into_iter()
            .map(|term| self.postings_of(term))
            .filter(|list| !list.is_empty())
            .map(|list| (list, Index::idf(self.len(), list.len())))
            .collect();
        lists.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.len().cmp(&b.0.len())));
        let total_weight: f64 = lists.iter().map(|(_, idf)| idf).sum();
        // bound[i]: the most the terms i.. can add to a passage's score.
        let mut bound = vec![0.0; lists.len() + 1];
        for i in (0..lists.len()).rev() {
            bound[i] = bound[i + 1] + lists[i].1 * (K1 + 1.0);
        }
        let volume: usize = lists.iter().map(|(list, _)| list.len()).sum();
        let mut acc = if volume.saturating_mul(DENSE_RATIO) >= self.len() {
            let mut slots = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
            if slots.len() < self.len() {
                slots = vec![(0.0, 0.0); self.len()];
            }
            Accumulator::Dense {
                slots,
                touched: Vec::new(),
                best: 0.0,
            }
        } else {
            Accumulator::Sparse(HashMap::new(), 0.0)
        };
        let mut next = 0;
        let mut threshold = f64::NEG_INFINITY;
        while next < lists.len() {
            // The k-th best score is at most the best: only look for it when it may stop us.
            if acc.len() >= k && bound[next] < acc.best() {
                threshold = acc.kth_best(k);
                if bound[next] < threshold {
                    break;
                }
            }
            let (list, idf) = lists[next];
            for posting in list {
                let p = posting.passage as usize;
                let len = self.lengths.get(p).copied().unwrap_or(0) as f64;
                let bm25 = Index::bm25(idf, posting.tf as f64, len, self.average_length, B);
                acc.add(posting.passage, bm25, idf, &keep);
            }
            next += 1;
        }
        let mut scored = acc.into_entries();
        if next < lists.len() {
            // No new passage can reach the k best: finish the candidates that still can.
            let rest = bound[next];
            scored.retain(|&(_, score, _)| score + rest >= threshold);
            scored.sort_unstable_by_key(|&(p, _, _)| p);
            for &(list, idf) in &lists[next..] {
                let mut from = 0;
                for entry in scored.iter_mut() {
                    from += list[from..].partition_point(|q| q.passage < entry.0);
                    match list.get(from) {
                        Some(q) if q.passage == entry.0 => {
                            let len = self.lengths.get(q.passage as usize).copied().unwrap_or(0);
                            entry.1 +=
                                Index::bm25(idf, q.tf as f64, len as f64, self.average_length, B);
                            entry.2 += idf;
                        }
                        Some(_) => {}
                        None => break,
                    }
                }
            }
        }
        if scored.len() > k {
            scored.select_nth_unstable_by(k - 1, by_rank);
            scored.truncate(k);
        }
        scored.sort_unstable_by(by_rank);
        scored
            .into_iter()
            .map(|(p, score, weight)| Hit {
                passage: p as usize,
                score,
                coverage: if total_weight > 0.0 {
                    weight / total_weight
                } else {
                    0.0
                },
            })
            .collect()
    }
}

/// Best first: higher score, then lower passage number.
fn by_rank(a: &(u32, f64, f64), b: &(u32, f64, f64)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// The dense table is used when the query's postings number at least one per this many
/// passages.
const DENSE_RATIO: usize = 16;

thread_local! {
    /// The dense table of the last search, all zeros, kept for the next one (allocating and
    /// zeroing a slot per passage each time costs more than scoring on a large corpus).
    static SCRATCH: std::cell::RefCell<Vec<(f64, f64)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Per passage: BM25 score so far and the query weight (idf) matched so far.
enum Accumulator {
    /// A hash map, for queries of rare terms.
    Sparse(HashMap<u32, (f64, f64)>, f64),
    /// A slot per passage and the passages touched, for queries with long postings.
    Dense {
        slots: Vec<(f64, f64)>,
        touched: Vec<u32>,
        best: f64,
    },
}

impl Accumulator {
    /// Adds a term's score to passage `p`, if `keep` accepts it.
    fn add(&mut self, p: u32, score: f64, idf: f64, keep: &impl Fn(usize) -> bool) {
        let (slot, best) = match self {
            Accumulator::Sparse(map, best) => {
                if !map.contains_key(&p) && !keep(p as usize) {
                    return;
                }
                (map.entry(p).or_default(), best)
            }
            Accumulator::Dense {
                slots,
                touched,
                best,
            } => {
                let Some(slot) = slots.get_mut(p as usize) else {
                    return;
                };
                // Weights are positive: 0 means not touched yet.
                if slot.1 == 0.0 {
                    if !keep(p as usize) {
                        return;
                    }
                    touched.push(p);
                }
                (slot, best)
            }
        };
        slot.0 += score;
        slot.1 += idf;
        *best = best.max(slot.0);
    }

    /// The best score so far.
    fn best(&self) -> f64 {
        match self {
            Accumulator::Sparse(_, best) | Accumulator::Dense { best, .. } => *best,
        }
    }

    /// Number of passages scored.
    fn len(&self) -> usize {
        match self {
            Accumulator::Sparse(map, _) => map.len(),
            Accumulator::Dense { touched, .. } => touched.len(),
        }
    }

    /// The `k`-th best score so far (`k` ≥ 1, at most [`Accumulator::len`]).
    fn kth_best(&self, k: usize) -> f64 {
        let mut scores: Vec<f64> = match self {
            Accumulator::Sparse(map, _) => map.values().map(|v| v.0).collect(),
            Accumulator::Dense { slots, touched, .. } => {
                touched.iter().map(|&p| slots[p as usize].0).collect()
            }
        };
        if scores.len() < k || k == 0 {
            return f64::NEG_INFINITY;
        }
        let (_, kth, _) = scores.select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a));
        *kth
    }

    /// (passage, score, weight) of every passage scored.
    fn into_entries(self) -> Vec<(u32, f64, f64)> {
        match self {
            Accumulator::Sparse(map, _) => map.into_iter().map(|(p, (s, w))| (p, s, w)).collect(),
            Accumulator::Dense {
                mut slots, touched, ..
            } => {
                let entries = touched
                    .into_iter()
                    .map(|p| {
                        let slot = &mut slots[p as usize];
                        let (s, w) = std::mem::take(slot);
                        (p, s, w)
                    })
                    .collect();
                // All slots are zero again: keep the table for the next search.
                SCRATCH.with(|s| *s.borrow_mut() = slots);
                entries
            }
        }
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

    #[test]
    fn pruned_search_equals_scoring_every_passage() {
        // 3,000 passages over a skewed vocabulary: a few very common terms, many rare ones.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let passages: Vec<Vec<String>> = (0..3000)
            .map(|_| {
                (0..3 + next() % 12)
                    .map(|_| {
                        let r = next() % 1000;
                        format!("t{}", if r < 600 { r % 5 } else { r })
                    })
                    .collect()
            })
            .collect();
        let index = Index::build(passages.clone());
        for q in 0..40 {
            let query: Vec<String> = (0..2 + q % 9)
                .map(|_| format!("t{}", next() % 1000))
                .collect();
            let mut distinct = query.clone();
            distinct.sort();
            distinct.dedup();
            let mut naive: Vec<(usize, f64)> = passages
                .iter()
                .enumerate()
                .map(|(p, terms)| {
                    let score = distinct
                        .iter()
                        .filter_map(|t| {
                            let tf = terms.iter().filter(|x| *x == t).count();
                            let df = index.postings_of(t).len();
                            (tf > 0).then(|| {
                                let idf = Index::idf(index.len(), df);
                                Index::bm25(
                                    idf,
                                    tf as f64,
                                    terms.len() as f64,
                                    index.average_length(),
                                    B,
                                )
                            })
                        })
                        .sum();
                    (p, score)
                })
                .filter(|&(p, s)| s > 0.0 && p % 7 != 0)
                .collect();
            naive.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let hits = index.search(&query, 5, |p| p % 7 != 0);
            assert_eq!(hits.len(), naive.len().min(5), "query {query:?}");
            for (hit, (p, score)) in hits.iter().zip(&naive) {
                assert!(
                    (hit.score - score).abs() < 1e-9,
                    "query {query:?}: {hit:?} vs {p} {score}"
                );
            }
        }
    }
}
