//! First the story, then the claim: which corpus documents tell the same story as the page.
//! Counterparts are only looked for inside them; when none does, the page gets no comparison at
//! all. One search over documents per page (see [`Corpus::similar_documents`]).
//!
//! A document tells the same story when their term vectors are close (cosine ≥ [`STORY`]), or
//! fairly close (≥ [`STORY_WITH_NAMES`]) while they share the names of the story — at least
//! [`NAMES_SHARED`] names, [`NAME_SHARE`] of the shorter list (see [`super::names`]). Among
//! several, those far below the best (under [`RELATIVE`] of its cosine) are left out: they
//! are another event of the same kind; so are documents that name years, none of the page's,
//! unless they are very close ([`STORY_OTHER_YEARS`]). The thresholds were set on half A of the ECB+
//! development documents (several outlets' reports of 40 events) and checked on half B
//! (EVALUATION.md, `make eval`).
//!
//! The page itself is never a reference: a corpus document whose body (its passages, see
//! [`crate::corpus::is_passage`]) is word for word the page's is left out — a caption or a
//! navigation line the page shows aside. A near-copy with a word changed or cut is compared,
//! so that its changes are what the reader sees.

use super::names::name_set;
use crate::corpus::{is_passage, Corpus, TermCounts};
use crate::text::{sentences, tokens};
use serde::Serialize;
use std::collections::HashSet;

/// Cosine at or above which a document tells the page's story.
pub const STORY: f64 = 0.25;
/// Cosine at or above which a document tells the page's story if it also shares its names.
pub const STORY_WITH_NAMES: f64 = 0.15;
/// Names a document must share with the page, with [`STORY_WITH_NAMES`]…
pub const NAMES_SHARED: usize = 3;
/// …and the share of the shorter list of names they must be.
pub const NAME_SHARE: f64 = 0.3;
/// When page and document both name years and share none, they are more likely two events of
/// one kind (two Sonoma quakes, two Oscar ceremonies) than one: the document must then be at
/// least this close.
pub const STORY_OTHER_YEARS: f64 = 0.4;
/// Documents under this share of the best document's cosine tell another story.
pub const RELATIVE: f64 = 0.5;
/// At most this many documents are searched for counterparts (best first).
pub const MAX_STORY_DOCUMENTS: usize = 8;
/// Documents this close are copies of the page: checked for being the page itself, and
/// otherwise edited copies, whose every change is flagged ([`StoryMatch::is_copy`]).
pub const COPY: f64 = 0.9;

/// A corpus document that tells the page's story.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StoryMatch {
    /// The document's position in [`Corpus::documents`].
    pub doc: usize,
    /// Cosine similarity of the page and the document, 0–1.
    pub similarity: f64,
}

impl StoryMatch {
    /// Whether the page is this document edited (a near-copy, not the document itself): a
    /// credit it drops or adds is then a change the reader must see, as a figure it changed.
    pub fn is_copy(&self) -> bool {
        self.similarity >= COPY
    }
}

/// The years a text names (1900–2099, as numbers).
fn years(text: &str) -> HashSet<u16> {
    // Read in place, word by word (no token list of a text of any size); "2,000" is no year.
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .filter_map(|w| w.parse().ok())
        .collect()
}

/// The words of a text's body (its passages), lower-cased, for the identity check.
fn body(text: &str, spans: impl Iterator<Item = crate::text::Span>) -> Vec<String> {
    spans
        .map(|s| s.slice(text))
        .filter(|s| is_passage(s))
        .flat_map(|s| tokens(s).into_iter().map(|t| t.norm))
        .collect()
}

/// Whether `short` is a subsequence of `long` (its words in order, others between them).
fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// Whether a page's body is a document's: the document's words are the page's words in order,
/// with at most a fifth more on the page (it may show a caption or a navigation line that the
/// corpus document does not, or join two lines into one sentence). A near-copy that changed a
/// word has a word of its own on each side, and one that cut words (a credit, a hedge) lacks
/// some of the document's: neither is the same.
fn same_body(page: &[String], doc: &[String]) -> bool {
    !doc.is_empty()
        && page.len() >= doc.len()
        && doc.len() * 5 >= page.len() * 4
        && subsequence(doc, page)
}

/// The documents of `corpus` that tell the same story as the page `text` (whose retrieval
/// terms are `page_terms` and whose names are `page_names`), best first; the page itself left
/// out.
pub fn same_story(
    corpus: &Corpus,
    text: &str,
    page_terms: &TermCounts,
    page_names: &HashSet<String>,
) -> Vec<StoryMatch> {
    let similar = corpus.similar_to_counts(page_terms, MAX_STORY_DOCUMENTS * 2);
    let mut page_body: Option<Vec<String>> = None;
    let page_years = years(text);
    let mut out: Vec<StoryMatch> = Vec::new();
    for s in similar {
        if s.cosine < STORY_WITH_NAMES {
            break;
        }
        let doc = &corpus.documents()[s.doc];
        if s.cosine >= COPY {
            let page = page_body.get_or_insert_with(|| body(text, sentences(text).into_iter()));
            let passages = &corpus.passages()[corpus.passage_range(s.doc)];
            if same_body(page, &body(&doc.text, passages.iter().map(|p| p.span))) {
                continue;
            }
        }
        let doc_years = years(&doc.text);
        if !page_years.is_empty()
            && !doc_years.is_empty()
            && page_years.is_disjoint(&doc_years)
            && s.cosine < STORY_OTHER_YEARS
        {
            continue;
        }
        let same = s.cosine >= STORY || {
            let theirs = name_set(&doc.text);
            let shared = page_names.intersection(&theirs).count();
            shared >= NAMES_SHARED
                && shared as f64 >= NAME_SHARE * page_names.len().min(theirs.len()) as f64
        };
        if same {
            out.push(StoryMatch {
                doc: s.doc,
                similarity: s.cosine,
            });
        }
    }
    let best = out.first().map_or(0.0, |m| m.similarity);
    out.retain(|m| m.similarity >= RELATIVE * best);
    out.truncate(MAX_STORY_DOCUMENTS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{term_counts, terms, Document};

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: id.into(),
            outlet: None,
            date: None,
            url: None,
            text: text.into(),
        }
    }

    #[test]
    fn the_page_itself_is_never_its_reference() {
        let a = "An earthquake measuring 4.6 rattled Sonoma and Lake counties early Thursday, according to the U.S. Geological Survey. The quake occurred at 2:09 a.m., about 14 miles northeast of Healdsburg, on the Maacama Fault with a depth of 12 miles.";
        let b = "An earthquake with a preliminary magnitude of 4.6 was recorded in the North Bay this morning, according to the U.S. Geological Survey. The quake occurred at 2:09 a.m. about 14 miles north-northeast of Healdsburg and had a depth of 1.2 miles.";
        let corpus = Corpus::new(vec![doc("a", a), doc("b", b)]);
        let names = crate::compare::name_set(a);
        let story = same_story(&corpus, a, &term_counts(terms(a)), &names);
        assert!(story.iter().all(|m| m.doc != 0), "{story:?}");
        assert!(story.iter().any(|m| m.doc == 1), "{story:?}");
        // A near-copy is compared with its original.
        let copy = a.replace("12 miles", "8 miles");
        let story = same_story(&corpus, &copy, &term_counts(terms(&copy)), &names);
        assert_eq!(story.first().map(|m| m.doc), Some(0), "{story:?}");
        assert!(story[0].is_copy(), "{story:?}");
        // So is one that cut a credit, and one that added a navigation line is the page.
        let cut = a.replace(", according to the U.S. Geological Survey", "");
        let story = same_story(&corpus, &cut, &term_counts(terms(&cut)), &names);
        assert_eq!(story.first().map(|m| m.doc), Some(0), "{story:?}");
        let shown = format!("Home News Weather\n\n{a}");
        let story = same_story(&corpus, &shown, &term_counts(terms(&shown)), &names);
        assert!(story.iter().all(|m| m.doc != 0), "{story:?}");
    }
}
