//! Claims: the clause, or the attributed content, that a finding belongs to — with who is
//! credited for it and which hedges and negations govern it. The page and a reference document
//! are read the same way (one [`Side`] each), so the comparison is symmetric.

use super::certainty::{negations, Cue};
use crate::corpus::{canonical, is_stopword, terms};
use crate::detect::{Attribution, Detections};
use crate::text::lexicon;
use crate::text::tokens;
use crate::text::Span;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A claim is a clause: claims longer than this are cut, so that a run-on "sentence" of a
/// hostile page costs linear time, not quadratic.
pub(crate) const MAX_CLAIM_BYTES: usize = 600;

/// A bracketed aside at most this long is read as part of its clause.
const MAX_ASIDE_BYTES: usize = 40;

/// How far back among the attributions (sorted by start) a claim looks for those that credit
/// it: bounded, so that a run of thousands of attributions stays linear.
const ATTRIBUTION_LOOKBACK: usize = 16;

/// The first `max` bytes of `span` (cut back to a char boundary).
pub(crate) fn clip(text: &str, span: Span, max: usize) -> Span {
    let mut end = span.end.min(span.start + max).min(text.len());
    while end > span.start && !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(span.start, end.max(span.start))
}

/// The part of `outer` within `max / 2` bytes of `inner` on either side.
pub(crate) fn window(text: &str, outer: Span, inner: Span, max: usize) -> Span {
    let mut start = outer.start.max(inner.start.saturating_sub(max / 2));
    while start < text.len() && !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = outer
        .end
        .min(inner.end + max / 2)
        .max(start)
        .min(text.len());
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start.min(end), end)
}

/// The items among `items` (sorted by start) that start within `span`, found by binary search.
pub(crate) fn within<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|i| span_of(i).start < span.start);
    let to = items.partition_point(|i| span_of(i).start < span.end);
    &items[from..to.max(from)]
}

/// The retrieval terms of a text as a set.
pub(crate) fn term_set(text: &str) -> HashSet<String> {
    terms(text).into_iter().collect()
}

/// The retrieval terms of a text as a set, a hyphenated compound also as its parts and as one
/// word ("blood-alcohol level" says what "blood alcohol level" says, "back-end" what
/// "backend" says): what a figure's sentence and clause speak of.
pub(crate) fn compound_set(text: &str) -> HashSet<String> {
    compound_terms(text).into_iter().collect()
}

/// Short forms read as the word they stand for (`clippings.txt`), canonical on both sides (a
/// list: it is short).
static CLIPPINGS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    lexicon::entries(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/compare/clippings.txt"
    )))
    .filter_map(|e| e.split_once('='))
    .map(|(short, full)| (canonical(short.trim()), canonical(full.trim())))
    .collect()
});

/// A word's canonical term, a clipping read as its full word ("quake" → "earthquak").
fn unclipped(word: &str) -> String {
    let term = canonical(word);
    match CLIPPINGS.iter().find(|(short, _)| *short == term) {
        Some((_, full)) => full.clone(),
        None => term,
    }
}

/// The retrieval terms of a text in order, a hyphenated compound followed by its parts and its
/// joined form, clippings as their full words (see [`compound_set`]).
pub(super) fn compound_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokens(text) {
        if is_stopword(&t.norm) {
            continue;
        }
        out.push(unclipped(&t.norm));
        // A compound of words, not a dash between a word and the next ("Gaza-where").
        let compound = t.norm.contains('-')
            && t.norm
                .split('-')
                .all(|p| p.len() > 1 && !is_stopword(p) && p.chars().all(char::is_alphabetic));
        if compound {
            for part in t.norm.split('-') {
                out.push(unclipped(part));
            }
            out.push(unclipped(&t.norm.replace('-', "")));
        }
    }
    out
}

/// One side of a comparison: a text, its sentences and what the detectors found in it.
#[derive(Clone, Copy)]
pub(crate) struct Side<'a> {
    /// The text.
    pub text: &'a str,
    /// Its sentences, sorted and disjoint.
    pub sentences: &'a [Span],
    /// What the detectors found in it, each list sorted by start.
    pub det: &'a Detections,
}

impl<'a> Side<'a> {
    /// The sentence holding `span`'s start (the span itself when none does).
    pub fn sentence_of(&self, span: Span) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= span.start)
            .unwrap_or(span)
    }

    /// The part of `span`'s sentence within `MAX_CLAIM_BYTES / 2` bytes of it: a run-on
    /// sentence of a hostile page is read near each finding only, so that every finding costs
    /// bounded time and the page linear time.
    pub fn sentence_near(&self, span: Span) -> Span {
        window(self.text, self.sentence_of(span), span, MAX_CLAIM_BYTES)
    }

    /// The claim `span` belongs to: the content of the attribution that holds it (or that it
    /// is the cue or source of), else its clause; at most [`MAX_CLAIM_BYTES`] long.
    pub fn claim_of(&self, span: Span) -> Span {
        let sentence = self.sentence_of(span);
        let to = self
            .det
            .attributions
            .partition_point(|a| a.span.start <= span.start);
        let holder = self.det.attributions[..to]
            .iter()
            .rev()
            .take(ATTRIBUTION_LOOKBACK)
            .find(|a| {
                a.content.unwrap_or(a.span).contains(span)
                    || a.cue.overlaps(span)
                    || a.source.is_some_and(|s| s.overlaps(span))
                    || a.span == span
            });
        let claim = match holder.and_then(|a| a.content.filter(|c| !c.is_empty())) {
            Some(content) => content,
            None => self.clause(sentence, span),
        };
        clip(self.text, claim, MAX_CLAIM_BYTES)
    }

    /// The clause of `sentence` around `inner`: between the nearest clause punctuation marks
    /// outside it (a comma between digits, as in "1,200", is no clause break).
    pub fn clause(&self, sentence: Span, inner: Span) -> Span {
        // Within a bounded window, so that run-on sentences cost linear time overall.
        let sentence = window(self.text, sentence, inner, MAX_CLAIM_BYTES);
        let s = sentence.slice(self.text);
        let from = inner.start.saturating_sub(sentence.start).min(s.len());
        let to = inner
            .end
            .saturating_sub(sentence.start)
            .min(s.len())
            .max(from);
        let bytes = s.as_bytes();
        let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let is_break = |i: usize, c: char| match c {
            ',' => !(i > 0 && digit_at(i - 1) && digit_at(i + 1)),
            ';' | '—' | '(' | ')' | ':' => true,
            // a dash written "--", or "–" between blanks
            '-' => bytes.get(i + 1) == Some(&b'-') || (i > 0 && bytes[i - 1] == b'-'),
            '–' => bytes.get(i + '–'.len_utf8()) == Some(&b' '),
            _ => false,
        };
        let from = (0..=from)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        let to = (to..=s.len())
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(s.len());
        // A short aside in brackets ("15 miles (24 kilometers) south of the border") is part of
        // the clause it stands in.
        let aside_close = |open: usize| {
            s[open..]
                .char_indices()
                .take_while(|&(i, _)| i <= MAX_ASIDE_BYTES)
                .skip(1)
                .find(|&(i, c)| is_break(open + i, c))
                .filter(|&(_, c)| c == ')')
                .map(|(i, _)| open + i)
        };
        let aside_open = |close: usize| {
            s[..close]
                .char_indices()
                .rev()
                .take_while(|&(i, _)| close - i <= MAX_ASIDE_BYTES)
                .find(|&(i, c)| is_break(i, c))
                .filter(|&(_, c)| c == '(')
                .map(|(i, _)| i)
        };
        let mut start_at = from;
        let start = loop {
            match s[..start_at]
                .char_indices()
                .rev()
                .find(|&(i, c)| is_break(i, c))
            {
                Some((i, ')')) => match aside_open(i) {
                    Some(open) => start_at = open,
                    None => break i + 1,
                },
                Some((i, c)) => break i + c.len_utf8(),
                None => break 0,
            }
        };
        let mut end_at = to;
        let end = loop {
            match s[end_at..]
                .char_indices()
                .find(|&(i, c)| is_break(end_at + i, c))
            {
                Some((i, '(')) => match aside_close(end_at + i) {
                    Some(close) => end_at = close + 1,
                    None => break end_at + i,
                },
                Some((i, _)) => break end_at + i,
                None => break s.len(),
            }
        };
        Span::new(sentence.start + start, sentence.start + end.max(start))
    }

    /// The claims of a sentence: the contents of its attributions, and its clauses outside
    /// them (each at most [`MAX_CLAIM_BYTES`]).
    pub fn claims_in(&self, sentence: Span) -> Vec<Span> {
        let mut claims: Vec<Span> = within(&self.det.attributions, sentence, |a| a.span)
            .iter()
            .filter_map(|a| a.content)
            .filter(|c| !c.is_empty() && sentence.contains(*c))
            .map(|c| clip(self.text, c, MAX_CLAIM_BYTES))
            .collect();
        let mut at = sentence.start;
        while at < sentence.end {
            let clause = self.clause(sentence, Span::new(at, at));
            if clause.end <= at {
                break;
            }
            if !claims.iter().any(|c| c.contains(clause)) && clause.len() > 1 {
                claims.push(clause);
            }
            at = clause.end + 1;
            while at < sentence.end && !self.text.is_char_boundary(at) {
                at += 1;
            }
        }
        claims.sort();
        claims.dedup();
        claims
    }

    /// The attributions that credit `claim`: those whose content or span overlaps it (looked
    /// for among the attributions starting near it).
    pub fn crediting(&self, claim: Span) -> Vec<&'a Attribution> {
        let to = self
            .det
            .attributions
            .partition_point(|a| a.span.start < claim.end);
        let mut found: Vec<&Attribution> = self.det.attributions[..to]
            .iter()
            .rev()
            .take(ATTRIBUTION_LOOKBACK)
            .filter(|a| a.span.overlaps(claim) || a.content.is_some_and(|c| c.overlaps(claim)))
            .collect();
        found.reverse();
        found
    }

    /// The sources credited for `claim`: those of the attributions crediting it, else — for a
    /// figure in a clause of its own ("…, with a total of 500,000") — those of its sentence.
    pub fn sources(&self, claim: Span) -> Vec<&'a str> {
        let own: Vec<&str> = self
            .crediting(claim)
            .iter()
            .filter_map(|a| a.source.map(|s| s.slice(self.text)))
            .collect();
        if !own.is_empty() {
            return own;
        }
        let sentence = self.sentence_near(claim);
        within(&self.det.attributions, sentence, |a| a.span)
            .iter()
            .filter(|a| a.content.is_none_or(|c| !c.overlaps(claim)))
            .filter_map(|a| a.source.map(|s| s.slice(self.text)))
            .take(1)
            .collect()
    }

    /// The spans of the sources credited for `claim` (left out of a figure's participants).
    pub fn source_spans(&self, claim: Span) -> Vec<Span> {
        let sentence = self.sentence_near(claim);
        within(&self.det.attributions, sentence, |a| a.span)
            .iter()
            .filter_map(|a| a.source)
            .collect()
    }

    /// The hedges and negations that govern `claim`, given what the other side says of it
    /// (`about`, its terms): a cue inside the claim whose clause bears on `about` (or says
    /// nothing else: "…, which could not be independently verified"), and the cue of an
    /// attribution crediting the claim when it distances ("officials allege that …", "reports
    /// suggest that …"). Measuring cues ("estimated", "the ministry estimates that …") say how
    /// precise a figure is — its interval — not how certain the claim is, and never count.
    pub fn cues(&self, claim: Span, about: &HashSet<String>) -> Vec<Cue> {
        let sentence = self.sentence_near(claim);
        let crediting = self.crediting(claim);
        let mut cues: Vec<Cue> = Vec::new();
        for h in within(&self.det.hedges, sentence, |h| h.span) {
            if super::certainty::is_measuring(&h.cue) {
                continue;
            }
            let credit_cue = crediting.iter().find(|a| a.cue.overlaps(h.span));
            let counts = match credit_cue {
                Some(_) => true,
                None => {
                    claim.contains(h.span)
                        && !self.is_other_attribution_cue(h.span)
                        && self.bears_on(sentence, h.span, about)
                }
            };
            if counts {
                cues.push(Cue {
                    span: h.span,
                    negation: false,
                    attributing: credit_cue.is_some(),
                });
            }
        }
        for n in negations(self.text, claim) {
            if !cues.iter().any(|c| c.span.overlaps(n)) && self.bears_on(sentence, n, about) {
                cues.push(Cue {
                    span: n,
                    negation: true,
                    attributing: false,
                });
            }
        }
        cues.sort_by_key(|c| c.span);
        cues
    }

    /// Whether `span` is the cue of an attribution (which then credits its own content, not
    /// the claim around it).
    fn is_other_attribution_cue(&self, span: Span) -> bool {
        let to = self
            .det
            .attributions
            .partition_point(|a| a.span.start <= span.start);
        self.det.attributions[..to]
            .iter()
            .rev()
            .take(ATTRIBUTION_LOOKBACK)
            .any(|a| a.cue.overlaps(span))
    }

    /// Whether the clause of `cue` shares terms with `about`, or says nothing but the cue.
    fn bears_on(&self, sentence: Span, cue: Span, about: &HashSet<String>) -> bool {
        let clause = self.clause(sentence, cue).slice(self.text);
        let own = term_set(cue.slice(self.text));
        let clause_terms = term_set(clause);
        clause_terms.intersection(about).count() >= 2
            || clause_terms.iter().filter(|t| !own.contains(*t)).count() <= 1
    }
}

#[cfg(test)]
mod tests {
    use super::compound_set;

    #[test]
    fn compounds_are_also_their_parts_and_clippings_their_word() {
        for (a, b, shared) in [
            ("his blood-alcohol level", "a blood alcohol level", true),
            ("5 percent on the back-end", "5% on the backend", true),
            ("quake shakes Lake County", "the earthquake was felt", true),
            ("the temblor", "an earthquake", true),
            ("crisis in Gaza-where", "the city of Gaza", false),
        ] {
            let (a, b) = (compound_set(a), compound_set(b));
            let common: Vec<_> = a.intersection(&b).collect();
            assert_eq!(!common.is_empty(), shared, "{a:?} / {b:?}: {common:?}");
        }
    }
}
