//! Detectors for the three kinds of finding: attributions, hedges and statistics.
//!
//! Each detector takes the text and its sentences (see [`crate::text::sentences`]) and returns
//! spans in UTF-8 byte offsets of that text. They are rules over the one token stream of
//! [`crate::text`]: [`detect`] scans the text once for all three. Lexicons are data files in
//! `src/detect/lexicons/`, one entry per line with a rationale, read by
//! [`crate::text::lexicon`]; a test checks every file.
//!
//! **Cost.** Every detector is O(input): one pass over each sentence's tokens, with look-arounds
//! bounded by constants (a noun phrase at most 14 tokens, an adjunct 8, an appositive 24, a
//! phrase at most its lexicon's longest entry). An attribution's content ends with its clause
//! and never runs past 120 tokens ([`Attribution::truncated`] says when it was cut), and an
//! attribution inside another's content is not reported again, so the findings cover at most
//! about the input once. Measured on the adversarial inputs of issue 10
//! (`cargo run --release --example adversarial`; `tests/bounds.rs` asserts the output bounds):
//! 11–16 MB/s, against 18 MB/s on ordinary news text.

mod attribution;
mod hedge;
pub(crate) mod lexicon;
mod not_figures;
mod statistic;

pub use attribution::find_attributions;
pub use hedge::find_hedges;
pub use statistic::find_statistics;

#[cfg(test)]
use crate::text::lexicon::Lexicon;
use crate::text::{Span, Text};
use serde::Serialize;

/// Who says what: a cue ("said", "according to", "as reported by"), its source and its content.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution {
    /// The whole attribution: the cover of cue, source and content.
    pub span: Span,
    /// The attributing word or phrase ("said", "according to", "as reported by").
    pub cue: Span,
    /// Who is credited ("Bloomberg", "the UK Ministry of Defence", "he"), if found.
    pub source: Option<Span>,
    /// What is attributed, if found (for indirect speech, the reported clause). A content ends
    /// with its clause and never runs past `CONTENT_MAX` (120) tokens.
    pub content: Option<Span>,
    /// Whether the content was cut at that cap (a run-on clause).
    pub truncated: bool,
}

/// A word or phrase that lowers the certainty of a statement ("allegedly", "could potentially",
/// "cannot be independently verified").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hedge {
    /// The cue as it stands in the text.
    pub span: Span,
    /// The lexicon entry that matched, lower-case ("allegedly", "cannot be independently verified").
    pub cue: String,
}

/// How a figure is qualified: "over 1,200", "at least 21", "about 500".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// "over", "more than", "above", "in excess of".
    Over,
    /// "at least", "no fewer than".
    AtLeast,
    /// "about", "around", "some", "roughly", "approximately", "an estimated".
    About,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "up to", "as many as".
    UpTo,
    /// "under", "less than", "fewer than", "below".
    Under,
    /// "at most", "no more than".
    AtMost,
    /// "exactly", "precisely".
    Exactly,
}

impl Qualifier {
    /// The kebab-case name used in JSON and on cards.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at-least",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::UpTo => "up-to",
            Qualifier::Under => "under",
            Qualifier::AtMost => "at-most",
            Qualifier::Exactly => "exactly",
        }
    }
}

/// A figure: a numeral, a written number, a vague magnitude ("thousands of"), a percentage,
/// an amount of money, a range or a rate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statistic {
    /// The whole expression, qualifier, unit and rate included ("over 1,200 casualties per day").
    pub span: Span,
    /// The value (the lower bound for ranges; for "thousands" the magnitude, 1000).
    pub value: f64,
    /// The upper bound of a range ("35,000-37,000"), if any.
    pub value_max: Option<f64>,
    /// "over", "at least", … if the figure is qualified.
    pub qualifier: Option<Qualifier>,
    /// What is counted or measured, normalised: "percent", "USD", "km", or the counted noun
    /// lower-cased as written ("casualties", "countries", "migrants").
    pub unit: Option<String>,
    /// The rate, normalised: "per day", "per month", "per year", … if any.
    pub rate: Option<String>,
    /// Whether the value is a vague magnitude ("thousands of", "tens of thousands", "hundreds").
    pub vague: bool,
}

/// Everything the detectors found in one text, each list sorted by span start.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Detections {
    /// Attributed claims.
    pub attributions: Vec<Attribution>,
    /// Hedge cues.
    pub hedges: Vec<Hedge>,
    /// Figures.
    pub statistics: Vec<Statistic>,
    /// What was left out of sentences holding more than [`MAX_PER_SENTENCE`] findings of a
    /// kind, in text order.
    pub left_out: Vec<LeftOut>,
}

/// At most this many findings of one kind are kept per sentence. A sentence of prose states a
/// handful of figures or sources (the most in one sentence of the 505 ECB+ development documents
/// and saved pages: 21 statistics — a Wikipedia sentence with its citation marks — 4
/// attributions, 4 hedges); a run-on "sentence" of a broken or hostile page — a
/// phrase repeated thousands of times without a full stop — would otherwise yield a finding
/// every few bytes, and a card, a highlight and an output record for each.
pub const MAX_PER_SENTENCE: usize = 32;

/// Findings of one kind left out of one sentence because it held more than
/// [`MAX_PER_SENTENCE`] of them (the first ones are kept).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// "attribution", "hedge" or "statistic".
    pub kind: &'static str,
    /// The sentence's start (byte offset).
    pub start: usize,
    /// The sentence's end (byte offset).
    pub end: usize,
    /// How many findings of the kind were left out of it.
    pub count: usize,
}

/// The detectors read the text in chunks of whole sentences of about this many bytes (ending
/// where a line ends, when one does within four times as many), so that their working memory —
/// tokens, about a dozen bytes a byte of text — stays bounded whatever the size of the input.
/// Quotations pair within a line, so a chunk boundary at a line's end changes nothing.
pub const CHUNK_BYTES: usize = 32 * 1024;

/// Runs all three detectors over `text`, split into `sentences` (each chunk of the text is
/// scanned once), keeping at most [`MAX_PER_SENTENCE`] findings of each kind per sentence.
pub fn detect(text: &str, sentences: &[Span]) -> Detections {
    let usable = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    if sentences.is_empty() || !sentences.iter().all(usable) {
        // No sentences (the whole text is one) or spans off the text: one chunk, as given.
        return detect_chunk(text, sentences);
    }
    let mut all = Detections::default();
    for (chunk, sents) in chunks(text, sentences) {
        let local: Vec<Span> = sents
            .iter()
            .map(|s| Span::new(s.start - chunk.start, s.end - chunk.start))
            .collect();
        let found = detect_chunk(chunk.slice(text), &local);
        let by = chunk.start;
        all.attributions
            .extend(found.attributions.into_iter().map(|a| Attribution {
                span: a.span.shift(by),
                cue: a.cue.shift(by),
                source: a.source.map(|s| s.shift(by)),
                content: a.content.map(|c| c.shift(by)),
                ..a
            }));
        all.hedges.extend(found.hedges.into_iter().map(|h| Hedge {
            span: h.span.shift(by),
            ..h
        }));
        all.statistics
            .extend(found.statistics.into_iter().map(|s| Statistic {
                span: s.span.shift(by),
                ..s
            }));
        all.left_out
            .extend(found.left_out.into_iter().map(|l| LeftOut {
                start: l.start + by,
                end: l.end + by,
                ..l
            }));
    }
    all
}

/// `sentences` (sorted, disjoint, within `text`) in consecutive groups with the span of text
/// each covers: a group closes once it holds [`CHUNK_BYTES`] and the next sentence starts a new
/// line, or once it holds four times as much.
fn chunks<'s>(text: &str, sentences: &'s [Span]) -> Vec<(Span, &'s [Span])> {
    let mut out = Vec::new();
    let mut first = 0;
    for i in 0..sentences.len() {
        let size = sentences[i].end - sentences[first].start;
        let next_line = sentences
            .get(i + 1)
            .is_none_or(|n| text[sentences[i].end..n.start].contains('\n'));
        if i + 1 == sentences.len() || (size >= CHUNK_BYTES && next_line) || size >= 4 * CHUNK_BYTES
        {
            let span = Span::new(sentences[first].start, sentences[i].end);
            out.push((span, &sentences[first..=i]));
            first = i + 1;
        }
    }
    out
}

/// [`detect`] on one chunk.
fn detect_chunk(text: &str, sentences: &[Span]) -> Detections {
    let doc = Text::new(text, sentences);
    let mut left_out = Vec::new();
    let attributions = at_most_per_sentence(
        attribution::attributions(&doc),
        sentences,
        |a| a.span,
        "attribution",
        &mut left_out,
    );
    let hedges = at_most_per_sentence(
        hedge::hedges(&doc),
        sentences,
        |h| h.span,
        "hedge",
        &mut left_out,
    );
    let statistics = at_most_per_sentence(
        statistic::statistics(&doc),
        sentences,
        |s| s.span,
        "statistic",
        &mut left_out,
    );
    left_out.sort_by_key(|l| (l.start, l.kind));
    Detections {
        attributions,
        hedges,
        statistics,
        left_out,
    }
}

/// `items` (sorted by start) with at most [`MAX_PER_SENTENCE`] starting in any one of
/// `sentences` (sorted, disjoint); what is dropped is counted in `left_out`. One pass.
fn at_most_per_sentence<T>(
    items: Vec<T>,
    sentences: &[Span],
    span_of: impl Fn(&T) -> Span,
    kind: &'static str,
    left_out: &mut Vec<LeftOut>,
) -> Vec<T> {
    let mut kept = Vec::new();
    let mut at = 0; // the sentence the last item started in (items are sorted)
    let mut in_sentence = 0;
    let mut current: Option<usize> = None;
    for item in items {
        let start = span_of(&item).start;
        while at < sentences.len() && sentences[at].end <= start {
            at += 1;
        }
        let sentence = (at < sentences.len() && sentences[at].start <= start).then_some(at);
        if sentence != current {
            current = sentence;
            in_sentence = 0;
        }
        in_sentence += 1;
        match sentence {
            Some(i) if in_sentence > MAX_PER_SENTENCE => {
                let s = sentences[i];
                match left_out.last_mut() {
                    Some(l) if l.kind == kind && l.start == s.start => l.count += 1,
                    _ => left_out.push(LeftOut {
                        kind,
                        start: s.start,
                        end: s.end,
                        count: 1,
                    }),
                }
            }
            _ => kept.push(item),
        }
    }
    kept
}

/// Every lexicon the detectors read, for the test that checks them all.
#[cfg(test)]
pub(crate) const LEXICONS: &[Lexicon] = &[
    attribution::lex::VERBS,
    attribution::lex::PHRASES,
    attribution::lex::SOURCES,
    attribution::lex::DOCUMENTS,
    attribution::lex::NOUNS,
    attribution::lex::WORDS,
    hedge::HEDGES,
    hedge::EXCEPTIONS,
    hedge::DOXASTIC,
    hedge::CONTEXT,
    hedge::FUNCTION_WORDS,
    statistic::QUALIFIER_LEXICON,
    statistic::UNIT_LEXICON,
    statistic::RATE_LEXICON,
    statistic::MONTH_LEXICON,
    statistic::YEAR_CUE_LEXICON,
    statistic::FRACTION_LEXICON,
    statistic::SUBUNIT_LEXICON,
    statistic::NUMBER_WORD_LEXICON,
    statistic::CONTEXT_LEXICON,
    statistic::UNIT_STEP_LEXICON,
];

#[cfg(test)]
mod tests {
    /// Every lexicon file of the crate fits its format: no unknown kind, no entry without a
    /// rationale, no stray `= value` (see [`crate::text::lexicon`]); the compiled-in copy has the
    /// same entries.
    #[test]
    fn every_lexicon_is_well_formed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut errors = Vec::new();
        for lexicon in super::LEXICONS.iter().chain(crate::text::LEXICONS) {
            let source = std::fs::read_to_string(root.join(lexicon.name)).expect("lexicon file");
            match (lexicon.check_source(&source), lexicon.check()) {
                (Ok(n), Ok(compiled)) if n == compiled.len() => {}
                (Ok(n), Ok(compiled)) => errors.push(format!(
                    "{}: {n} entries in the source, {} compiled in",
                    lexicon.name,
                    compiled.len()
                )),
                (Err(e), _) | (_, Err(e)) => errors.push(e.to_string()),
            }
        }
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }

    /// Every lexicon file in `src/detect/lexicons/` is registered in [`super::LEXICONS`].
    #[test]
    fn every_lexicon_file_is_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detect/lexicons");
        for entry in std::fs::read_dir(&dir).expect("lexicon folder") {
            let name = entry
                .expect("entry")
                .file_name()
                .into_string()
                .expect("utf-8 name");
            let path = format!("detect/lexicons/{name}");
            assert!(
                super::LEXICONS.iter().any(|l| l.name == path),
                "{path} is not in detect::LEXICONS"
            );
        }
    }
}
