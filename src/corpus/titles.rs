//! Document titles as a retrieval field for claim matching ([`super::rank`]).
//!
//! Passages are body sentences only (see [`super::is_passage`]): a headline is no statement a
//! claim can be compared with. A headline still says what a document is about — for a claim
//! database it is often the claim itself, set in title case — so document ranking reads each
//! document's title as part of its bag of words. Built from [`super::Document::title`] on the
//! first match, not stored in the corpus file.

use super::{terms, Document};
use std::collections::HashMap;

/// Each title's retrieval terms, inverted: term → (document, term frequency), by document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Titles {
    postings: HashMap<String, Vec<(u32, u32)>>,
    /// Number of retrieval terms of each title.
    pub lengths: Vec<u32>,
    /// Their sum.
    pub total: u64,
}

impl Titles {
    /// Indexes the titles of `documents`.
    pub fn new(documents: &[Document]) -> Titles {
        let mut postings: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        let mut lengths = Vec::with_capacity(documents.len());
        for (d, doc) in documents.iter().enumerate() {
            let words = terms(&doc.title);
            lengths.push(words.len() as u32);
            for word in words {
                let list = postings.entry(word).or_default();
                match list.last_mut() {
                    Some((last, tf)) if *last == d as u32 => *tf += 1,
                    _ => list.push((d as u32, 1)),
                }
            }
        }
        let total = lengths.iter().map(|&l| l as u64).sum();
        Titles {
            postings,
            lengths,
            total,
        }
    }

    /// The documents whose title holds `term`, with its frequency there, by document.
    pub fn postings_of(&self, term: &str) -> &[(u32, u32)] {
        self.postings.get(term).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_inverted_by_term() {
        let doc = |title: &str| Document {
            id: title.into(),
            title: title.into(),
            outlet: None,
            date: None,
            url: None,
            text: String::new(),
        };
        let titles = Titles::new(&[doc("Kremlin Recruits Migrants"), doc("Migrants, Migrants")]);
        assert_eq!(titles.lengths, [3, 2]);
        assert_eq!(titles.postings_of(&terms("migrants")[0]), [(0, 1), (1, 2)]);
        assert!(titles.postings_of("weather").is_empty());
    }
}
