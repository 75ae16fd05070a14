//! Attribution detector: who is credited with which claim.
//!
//! Rules work on word and punctuation tokens inside sentence segments, using general context
//! rather than fixed sentences:
//! - a reporting verb ("said", "estimates", "reporting") is found by suffix inflection from the
//!   verb lexicon and rejected in noun readings (after a determiner or possessive, before an
//!   auxiliary: "the report was", "these claims are", "the said company");
//! - its source is the noun phrase before it (skipping auxiliaries and adverbs), accepted only if
//!   it looks like a source: a pronoun, a capitalised name, a role or a document noun; when the
//!   verb comes first ("…,” said the official"), the phrase after it;
//! - its content is the that-clause or quotation after it, a clause after it for strong verbs,
//!   or, when the attribution trails ("…, the ministry said."), the quotation or clause before;
//! - cue phrases ("according to", "as reported by", "citing") take their source after them and
//!   their content from the rest of the clause.
//!
//! Clauses end at semicolons and at commas followed by a new clause (a conjunction, an -ing
//! participle, "with", or another cue).

pub(crate) mod lex;
mod tok;

use super::Attribution;
use crate::text::Span;
use lex::*;
use tok::{pair_quotes, segments, tokenize, Kind, Quotes, Tok};

/// Finds attributions (cue, source, content) in `text`, split into `sentences`.
///
/// Spans are byte offsets into `text`; the result is sorted by cue position. Sentence spans that
/// fall outside the text or off char boundaries are clamped, so any input is safe.
///
/// ```
/// use claimlens::detect::find_attributions;
/// use claimlens::Span;
/// let text = "Russia lost 500 troops, according to the ministry.";
/// let found = find_attributions(text, &[Span::new(0, text.len())]);
/// assert_eq!(found.len(), 1);
/// let a = &found[0];
/// assert_eq!(a.cue.slice(text), "according to");
/// assert_eq!(a.source.unwrap().slice(text), "the ministry");
/// assert_eq!(a.content.unwrap().slice(text), "Russia lost 500 troops");
/// ```
pub fn find_attributions(text: &str, sentences: &[Span]) -> Vec<Attribution> {
    let toks = tokenize(text);
    let quotes = pair_quotes(&toks);
    let mut out = Vec::new();
    for &sentence in sentences {
        let Some((a, b)) = clamp(text, sentence) else {
            continue;
        };
        let lo = toks.partition_point(|t| t.span.start < a);
        let hi = toks.partition_point(|t| t.span.end <= b);
        if lo >= hi {
            continue;
        }
        for (slo, shi) in segments(text, &toks, lo, hi) {
            Segment::new(&toks, &quotes, slo, shi).detect(&mut out);
        }
    }
    out.sort_by_key(|a| (a.cue.start, a.cue.end));
    out.dedup_by_key(|a| a.cue);
    out
}

/// `span` clamped to `text` and moved onto char boundaries.
fn clamp(text: &str, span: Span) -> Option<(usize, usize)> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

/// A cue candidate: tokens `start..end`.
struct Cand {
    start: usize,
    end: usize,
    kind: CandKind,
}

enum CandKind {
    Phrase(PhraseKind),
    Verb(Verb),
    /// "reported by", "as noted by": a passive participle with its agent.
    PassiveBy,
}

/// An attribution with what later cues in the segment may reuse.
struct Found {
    attr: Attribution,
    /// Token index just after the source, for chains ("Bloomberg citing officials").
    source_end: Option<usize>,
}

/// One segment of a sentence: tokens `lo..hi`.
struct Segment<'a> {
    toks: &'a [Tok],
    quotes: &'a Quotes,
    lo: usize,
    hi: usize,
    /// Headline-style capitalisation: capitals say nothing about proper names.
    title_case: bool,
    /// Per token (offset by `lo`): whether a cue starts there.
    cue_start: Vec<bool>,
    /// Per token (offset by `lo`): whether a channel phrase ("in a statement") starts there.
    channel_start: Vec<bool>,
    /// Per token (offset by `lo`, one extra): where a clause starting there ends.
    next_stop: Vec<usize>,
    /// Per token (offset by `lo`): where the clause containing it starts.
    clause_lo: Vec<usize>,
}

impl<'a> Segment<'a> {
    fn new(toks: &'a [Tok], quotes: &'a Quotes, lo: usize, hi: usize) -> Segment<'a> {
        let words = toks[lo..hi].iter().filter(|t| t.kind == Kind::Word);
        let (n, caps) = words.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(t.cap)));
        Segment {
            toks,
            quotes,
            lo,
            hi,
            title_case: n >= 4 && caps * 10 >= n * 6,
            cue_start: vec![false; hi - lo],
            channel_start: vec![false; hi - lo],
            next_stop: Vec::new(),
            clause_lo: Vec::new(),
        }
    }

    fn word(&self, i: usize) -> &str {
        if i >= self.lo && i < self.hi {
            &self.toks[i].lower
        } else {
            ""
        }
    }

    fn detect(mut self, out: &mut Vec<Attribution>) {
        let cands = self.candidates();
        for c in &cands {
            self.cue_start[c.start - self.lo] = true;
            if matches!(c.kind, CandKind::Phrase(PhraseKind::Channel)) {
                self.channel_start[c.start - self.lo] = true;
            }
        }
        self.index_clauses();
        let mut prev: Option<Found> = None;
        for c in &cands {
            let found = match c.kind {
                CandKind::Phrase(PhraseKind::Prep) | CandKind::PassiveBy => {
                    self.prepositional(c, prev.as_ref())
                }
                CandKind::Phrase(PhraseKind::Channel) => self.channel(c, &cands),
                CandKind::Verb(v) => self.verb(c, v, prev.as_ref()),
            };
            if let Some(f) = found {
                out.push(f.attr.clone());
                prev = Some(f);
            }
        }
    }

    /// Cue phrases and reporting verbs in their verb reading, left to right.
    fn candidates(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let mut i = self.lo;
        while i < self.hi {
            let t = &self.toks[i];
            if t.kind != Kind::Word {
                i += 1;
                continue;
            }
            let phrase = LEX.phrases(&t.lower).iter().find(|(words, _)| {
                words.iter().enumerate().all(|(k, w)| {
                    self.toks
                        .get(i + k)
                        .is_some_and(|t| i + k < self.hi && t.kind == Kind::Word && t.lower == *w)
                })
            });
            if let Some((words, kind)) = phrase {
                out.push(Cand {
                    start: i,
                    end: i + words.len(),
                    kind: CandKind::Phrase(*kind),
                });
                i += words.len();
                continue;
            }
            if let Some(v) = LEX.verb(&t.lower) {
                if v.form == Form::Finite && t.lower.ends_with("ed") && self.word(i + 1) == "by" {
                    let start = if i > self.lo && self.word(i - 1) == "as" {
                        i - 1
                    } else {
                        i
                    };
                    out.push(Cand {
                        start,
                        end: i + 2,
                        kind: CandKind::PassiveBy,
                    });
                    i += 2;
                    continue;
                }
                if !self.noun_reading(i, v) {
                    out.push(Cand {
                        start: i,
                        end: i + 1,
                        kind: CandKind::Verb(v),
                    });
                }
            }
            i += 1;
        }
        out
    }

    /// Whether the reporting word at `i` reads as a noun or adjective here.
    fn noun_reading(&self, i: usize, v: Verb) -> bool {
        let t = &self.toks[i];
        if i > self.lo {
            let p = &self.toks[i - 1];
            if t.cap
                && !self.title_case
                && !matches!(p.kind, Kind::OpenQuote | Kind::Punct(':' | '(' | '—' | '–'))
            {
                return true; // a proper name ("Islamic State")
            }
            if p.kind == Kind::Num
                || (p.kind == Kind::Word
                    && (is_in(DETERMINERS, &p.lower) || lex::is_possessive(&p.lower)))
            {
                return true;
            }
        }
        if v.form == Form::Finite {
            let next = self.word(i + 1);
            if is_in(AUXILIARIES, next) {
                return true;
            }
            let indefinite = (self.lo..i)
                .rev()
                .take(3)
                .any(|m| matches!(self.word(m), "a" | "an"));
            if LEX.is_document(&t.lower)
                && (is_in(DOCUMENT_PREPOSITIONS, next)
                    || next.ends_with("ed")
                    || indefinite
                    || LEX.verb(next).is_some_and(|n| n.form == Form::Finite))
            {
                return true; // "reports from Kyiv", "reports suggest", "a UN report released"
            }
        }
        false
    }

    /// Fills `next_stop` and `clause_lo`.
    fn index_clauses(&mut self) {
        let n = self.hi - self.lo;
        let mut stop = vec![self.hi; n + 1];
        for i in (self.lo..self.hi).rev() {
            let t = &self.toks[i];
            let here = t.is(';')
                || (t.is(',') && self.comma_ends_clause(i))
                || (i > self.lo && (t.lower == "but" || self.channel_start[i - self.lo]));
            stop[i - self.lo] = if here { i } else { stop[i + 1 - self.lo] };
        }
        self.next_stop = stop;
        let mut start = self.lo;
        self.clause_lo = (self.lo..self.hi)
            .map(|i| {
                let s = start;
                if self.toks[i].is(';') {
                    start = i + 1;
                }
                s
            })
            .collect();
    }

    /// Whether the comma at `i` starts a new clause: a conjunction, an -ing participle, "with",
    /// or a cue within a few words.
    fn comma_ends_clause(&self, i: usize) -> bool {
        let mut n = i + 1;
        while n < self.hi && self.toks[n].kind == Kind::CloseQuote {
            n += 1;
        }
        if n >= self.hi {
            return true;
        }
        let t = &self.toks[n];
        if t.kind == Kind::Word
            && (is_in(CLAUSE_STARTS, &t.lower)
                || (!t.cap
                    && t.lower.ends_with("ing")
                    && t.lower.chars().count() > 5
                    && t.lower != "including"))
        {
            return true;
        }
        for m in n..(n + 7).min(self.hi) {
            if self.cue_start[m - self.lo] {
                return true;
            }
            if !self.toks[m].is_wordlike() {
                break;
            }
        }
        false
    }

    /// A reporting verb: subject before it, inverted subject after it, or participle.
    fn verb(&self, c: &Cand, v: Verb, prev: Option<&Found>) -> Option<Found> {
        let (lo, hi) = (self.lo, self.hi);
        let i = c.start;
        let cue = self.toks[i].span;
        let mut j = i;
        let mut passive = false;
        while j > lo {
            let w = self.word(j - 1);
            if is_in(NEGATIONS, w) || w.ends_with("n't") || w.ends_with("n’t") {
                return None;
            }
            if is_in(AUXILIARIES, w) || is_in(ADVERBS, w) {
                passive |= is_in(BE, w);
                j -= 1;
            } else {
                break;
            }
        }
        let mut subject_end = j;
        if self.word(j.wrapping_sub(1)) == "who" && j > lo {
            subject_end = j - 1;
            if subject_end > lo && self.toks[subject_end - 1].is(',') {
                subject_end -= 1;
            }
        }
        let subject = if j > lo && self.toks[j - 1].is(',') && j == i {
            self.subject_before_comma(j - 1)
        } else {
            self.np_left(subject_end)
        }
        .filter(|&(s, e)| self.is_source(s, e, false));
        if v.form == Form::Ing {
            let (content, strong) = self.forward(i + 1, v)?;
            if passive {
                let (s, e) = subject?;
                return Some(self.found(cue, Some((s, e)), Some(content)));
            }
            if let Some((s, e)) = subject {
                if s > lo && self.word(s - 1) == "with" {
                    return Some(self.found(cue, Some((s, e)), Some(content)));
                }
            }
            if strong && j > lo && self.toks[j - 1].is(',') {
                // ", adding that …": the source of the clause before, if it had one.
                let source = prev
                    .filter(|p| {
                        p.attr.span.end <= cue.start && p.attr.cue.start >= self.toks[lo].span.start
                    })
                    .and_then(|p| p.attr.source);
                return Some(self.make(cue, source, None, Some(content)));
            }
            return None;
        }
        if passive {
            // "It was reported that …": no source.
            let (s, e) = subject?;
            if e - s != 1 || self.word(s) != "it" {
                return None;
            }
            let (content, strong) = self.forward(i + 1, v)?;
            return strong.then(|| self.make(cue, None, None, Some(content)));
        }
        if let Some((s, e)) = subject {
            let mut k = i + 1;
            if v.needs_hearer {
                let (hs, he) = self.np_right(k)?;
                let hearer = (he - hs == 1 && is_in(OBJECT_PRONOUNS, self.word(hs)))
                    || self.is_source(hs, he, false);
                if !hearer {
                    return None;
                }
                // "told CNN the plan was scrapped": the hearer ends before a determiner.
                k = (hs + 1..he)
                    .find(|&m| is_in(DETERMINERS, self.word(m)))
                    .unwrap_or(he);
            }
            if let Some((content, _)) = self.forward(k, v) {
                return Some(self.found(cue, Some((s, e)), Some(content)));
            }
            if s > lo && matches!(self.toks[s - 1].kind, Kind::Punct(',') | Kind::CloseQuote) {
                let content = self.backward(s - 1)?;
                return Some(self.found(cue, Some((s, e)), Some(content)));
            }
            if s > lo && self.word(s - 1) == "as" && self.toks.get(i + 1).is_some_and(|t| t.is(','))
            {
                // "As Bloomberg reported, the talks collapsed."
                let content = self.content_from(i + 2)?;
                return Some(self.found(cue, Some((s, e)), Some(content)));
            }
            return None;
        }
        if j == i && i > lo && matches!(self.toks[i - 1].kind, Kind::Punct(',') | Kind::CloseQuote)
        {
            // Inverted: "…,” said the official."
            let (s, e) = self.np_right(i + 1)?;
            let ends = e >= hi
                || !self.toks[e].is_wordlike()
                || is_in(SOURCE_END, self.word(e))
                || is_in(ADJUNCT_START, self.word(e));
            if !ends || !self.is_source(s, e, false) {
                return None;
            }
            let content = self.backward(i - 1)?;
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        None
    }

    /// The subject of a verb preceded by the comma at `c`: an appositive pair ("The Kremlin’s
    /// spokesman, Dmitry Peskov, said") or a subject before a parenthetical attribution
    /// ("European diplomats, citing intelligence assessments, said").
    fn subject_before_comma(&self, c: usize) -> Option<(usize, usize)> {
        let lo = self.lo;
        let p = (c.saturating_sub(14).max(lo)..c)
            .rev()
            .find(|&m| self.toks[m].is(','))?;
        if p + 1 < c && self.cue_start[p + 1 - lo] {
            return self
                .np_left(p)
                .filter(|&(s, _)| s == self.clause_lo[p - lo]);
        }
        let (s2, e2) = self.np_left(c)?;
        if s2 != p + 1 {
            return None;
        }
        let (s1, _) = self.np_left(p)?;
        (s1 == self.clause_lo[p - lo] && self.is_source(s1, p, false)).then_some((s1, e2))
    }

    /// "according to X", "as reported by X", "citing X", "noted by X".
    fn prepositional(&self, c: &Cand, prev: Option<&Found>) -> Option<Found> {
        let (lo, hi) = (self.lo, self.hi);
        let (s, e) = self.np_right(c.end)?;
        if !self.is_source(s, e, true) {
            return None;
        }
        let cue = self.span_of(c.start, c.end);
        let left = c.start;
        let chained = prev.filter(|p| p.source_end == Some(left));
        let content = if let Some(p) = chained {
            p.attr.content
        } else if left == lo || self.toks[left - 1].kind == Kind::OpenQuote {
            if e < hi && self.toks[e].is(',') {
                self.content_from(e + 1)
            } else {
                None
            }
        } else if matches!(
            self.toks[left - 1].kind,
            Kind::Punct(',') | Kind::CloseQuote
        ) {
            let b = left - 1;
            let subject_only = b - self.clause_lo[b - lo] <= 6;
            let parenthetical = self.toks[b].is(',')
                && subject_only
                && e + 1 < hi
                && self.toks[e].is(',')
                && !self.comma_ends_clause(e);
            if parenthetical {
                self.content_from(e + 1)
            } else {
                self.backward(b)
            }
        } else {
            let start = self.clause_lo[left - lo];
            (start < left).then(|| self.span_of(start, left))
        };
        content?;
        Some(self.found(cue, Some((s, e)), content))
    }

    /// "in a statement": a cue only when no reporting verb is near (else the verb is the cue).
    fn channel(&self, c: &Cand, cands: &[Cand]) -> Option<Found> {
        let (lo, hi) = (self.lo, self.hi);
        let near_verb = cands
            .iter()
            .any(|d| matches!(d.kind, CandKind::Verb(_)) && d.start.abs_diff(c.start) <= 8);
        if near_verb || c.end >= hi || !self.toks[c.end].is(',') {
            return None;
        }
        let cue = self.span_of(c.start, c.end);
        if c.start > lo && self.toks[c.start - 1].is(',') {
            // "The ministry, in a statement, called …"
            let (s, e) = self.np_left(c.start - 1)?;
            if !self.is_source(s, e, false) {
                return None;
            }
            let content = self.content_from(c.end + 1)?;
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        if c.start == lo {
            // "In a statement, the ministry called …": a strict noun phrase, then the claim.
            let s = c.end + 1;
            let mut e = s;
            for m in s..(s + 8).min(hi) {
                let t = &self.toks[m];
                if t.kind != Kind::Word || is_in(NP_BREAKERS, &t.lower) {
                    break;
                }
                let bare = lex::strip_possessive(&t.lower);
                if t.cap
                    || LEX.is_role(bare)
                    || LEX.is_document(bare)
                    || lex::is_possessive(&t.lower)
                {
                    e = m + 1;
                } else if e > s && t.lower != "of" {
                    break;
                }
            }
            if e == s || !self.is_source(s, e, false) {
                return None;
            }
            let content = self.content_from(e)?;
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        None
    }

    /// Content after a verb: a quotation, a that-clause (possibly after an adjunct), or for strong
    /// verbs a clause. The flag tells whether a that-clause or quotation was found.
    fn forward(&self, k: usize, v: Verb) -> Option<(Span, bool)> {
        let hi = self.hi;
        if k >= hi {
            return None;
        }
        let t = &self.toks[k];
        if matches!(t.kind, Kind::Punct(':' | ','))
            && k + 1 < hi
            && self.toks[k + 1].kind == Kind::OpenQuote
        {
            return self.quote_inner(k + 1).map(|s| (s, true));
        }
        if t.kind == Kind::OpenQuote {
            return self.quote_inner(k).map(|s| (s, true));
        }
        let mut m = k;
        if is_in(ADJUNCT_START, &t.lower) {
            while m < hi && m < k + 8 && self.toks[m].is_wordlike() && self.toks[m].lower != "that"
            {
                m += 1;
            }
            if m < hi
                && self.toks[m].is(':')
                && m + 1 < hi
                && self.toks[m + 1].kind == Kind::OpenQuote
            {
                return self.quote_inner(m + 1).map(|s| (s, true));
            }
        }
        if self.word(m) == "that" {
            return self.content_from(m + 1).map(|s| (s, true));
        }
        // "said Tuesday it would …", "said on Monday the attack …": a day, then the clause.
        let day = |w: &str| is_in(DAYS, w);
        let skip = if day(&t.lower) {
            1
        } else if t.lower == "on" && day(self.word(k + 1)) {
            2
        } else {
            0
        };
        if skip > 0 && !v.needs_that {
            let next = self.word(k + skip);
            if !next.is_empty() && !is_in(ADJUNCT_START, next) && !is_in(NO_COMPLEMENT, next) {
                return self.content_from(k + skip).map(|s| (s, false));
            }
        }
        let complement = (t.kind == Kind::Word
            && !is_in(ADJUNCT_START, &t.lower)
            && !is_in(NO_COMPLEMENT, &t.lower))
            || t.kind == Kind::Num;
        if v.needs_that || !complement {
            return None;
        }
        self.content_from(k).map(|s| (s, false))
    }

    /// Content before a trailing cue: the quotation closing at `b` (or just before the comma at
    /// `b`), else the clause up to the comma.
    fn backward(&self, b: usize) -> Option<Span> {
        let mut p = b;
        if self.toks[p].is(',') && p > self.lo && self.toks[p - 1].kind == Kind::CloseQuote {
            p -= 1;
        }
        if self.toks[p].kind == Kind::CloseQuote {
            let o = *self.quotes.open_of.get(&p)?;
            return self.quote_inner(o);
        }
        if self.toks[p].is(',') {
            let start = self.clause_lo[p - self.lo];
            return (start < p).then(|| self.span_of(start, p)).flatten_span();
        }
        None
    }

    /// The clause starting at token `k`, up to the next clause boundary.
    fn content_from(&self, k: usize) -> Option<Span> {
        if k >= self.hi {
            return None;
        }
        let end = self.next_stop[k - self.lo];
        (end > k).then(|| self.span_of(k, end)).flatten_span()
    }

    /// The text inside the quotation opened at token `o`, trimmed of space and trailing commas.
    fn quote_inner(&self, o: usize) -> Option<Span> {
        let c = *self.quotes.close_of.get(&o)?;
        let (a, b) = (self.toks[o].span.end, self.toks[c].span.start);
        let inner: Vec<&Tok> = self.toks[o + 1..c].iter().collect();
        let first = inner.iter().find(|t| !matches!(t.kind, Kind::Punct(_)))?;
        let last = inner
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, Kind::Punct(',' | ';' | ':' | '—' | '–' | '-')))?;
        let (start, end) = (first.span.start.max(a), last.span.end.min(b));
        (start < end).then(|| Span::new(start, end))
    }

    /// The noun phrase ending just before token `j` (at most 12 tokens).
    fn np_left(&self, j: usize) -> Option<(usize, usize)> {
        let lo = self.lo;
        let mut k = j;
        while k > lo {
            let t = &self.toks[k - 1];
            let ok = match t.kind {
                Kind::Word => {
                    (!is_in(NP_BREAKERS, &t.lower) || self.idiom_inside_np(k - 1))
                        && !self.cue_start[k - 1 - lo]
                        && (t.lower != "and" || (k >= lo + 2 && self.looks_named(k - 2)))
                }
                Kind::Num => true,
                Kind::Punct('&') => true,
                Kind::Punct(')') => {
                    // A parenthesised acronym: "the agency (HUR) said".
                    match (k.saturating_sub(4).max(lo)..k - 1)
                        .rev()
                        .find(|&m| self.toks[m].is('('))
                    {
                        Some(open) => {
                            k = open;
                            continue;
                        }
                        None => false,
                    }
                }
                Kind::Punct('.') => k >= lo + 2 && self.toks[k - 2].lower.chars().count() == 1,
                _ => false,
            };
            if !ok {
                break;
            }
            k -= 1;
            if j - k > 12 {
                return None;
            }
        }
        let mut s = k;
        if is_in(LEADING_PREPOSITIONS, self.word(s)) {
            s = (s + 1..j)
                .find(|&m| is_in(DETERMINERS, self.word(m)) || is_in(PRONOUNS, self.word(m)))?;
        }
        self.trim_np(s, j)
    }

    /// The noun phrase starting at token `k` (at most 14 tokens).
    fn np_right(&self, k: usize) -> Option<(usize, usize)> {
        let mut m = k;
        while m < self.hi && m - k < 14 {
            let t = &self.toks[m];
            let ok = match t.kind {
                Kind::Word => {
                    let reduced_relative =
                        t.lower == "by" && m > k && self.word(m - 1).ends_with("ed");
                    (!is_in(NP_BREAKERS, &t.lower) || reduced_relative || self.idiom_inside_np(m))
                        && !(m > k && is_in(SOURCE_END, &t.lower))
                        && !self.cue_start[m - self.lo]
                        && !(t.lower == "in" && matches!(self.word(m + 1), "a" | "an"))
                }
                Kind::Num => true,
                Kind::Punct('&') => true,
                Kind::Punct('.') => {
                    m > k
                        && self.toks[m - 1].lower.chars().count() == 1
                        && self.toks[m - 1].span.end == t.span.start
                }
                _ => false,
            };
            if !ok {
                break;
            }
            m += 1;
        }
        self.trim_np(k, m)
    }

    /// Whether the breaker word at `m` is part of a source idiom ("people familiar with the
    /// matter", "sources close to the talks").
    fn idiom_inside_np(&self, m: usize) -> bool {
        m > self.lo
            && matches!(
                (self.word(m - 1), self.word(m)),
                ("familiar", "with") | ("close", "to") | ("briefed", "on")
            )
    }

    /// Drops function words at the end of a noun phrase.
    fn trim_np(&self, s: usize, mut e: usize) -> Option<(usize, usize)> {
        while e > s {
            let w = self.word(e - 1);
            let dangling = is_in(DETERMINERS, w) || is_in(LEADING_PREPOSITIONS, w) || w == "and";
            if !dangling || is_in(PRONOUNS, w) {
                break;
            }
            e -= 1;
        }
        (e > s).then_some((s, e))
    }

    /// Whether the word at `i` looks like part of a name or role (for "X and Y").
    fn looks_named(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Word && (t.cap || LEX.is_role(lex::strip_possessive(&t.lower)))
    }

    /// Whether tokens `s..e` can be credited with a claim: a pronoun, a capitalised name, or a
    /// phrase containing a role or document noun.
    fn is_source(&self, s: usize, e: usize, object_ok: bool) -> bool {
        if e - s == 1 {
            let w = self.word(s);
            if is_in(PRONOUNS, w) || (object_ok && is_in(OBJECT_PRONOUNS, w)) {
                return true;
            }
        }
        (s..e).any(|i| {
            let t = &self.toks[i];
            if t.kind != Kind::Word {
                return false;
            }
            let bare = lex::strip_possessive(&t.lower);
            if LEX.is_role(bare) || LEX.is_document(bare) {
                return true;
            }
            let sentence_initial = i == self.lo
                || matches!(
                    self.toks[i - 1].kind,
                    Kind::OpenQuote | Kind::Punct('(' | '—' | '–' | ':')
                );
            t.cap
                && !(sentence_initial
                    && (is_in(DETERMINERS, &t.lower)
                        || is_in(NP_BREAKERS, &t.lower)
                        || is_in(PRONOUNS, &t.lower)
                        || is_in(LEADING_PREPOSITIONS, &t.lower)))
        })
    }

    /// The source span of tokens `s..e`: for a document with an author, the author ("reports from
    /// Ukrainian intelligence", "the ministry’s estimate", "Ukrainian intelligence reports").
    fn source_span(&self, s: usize, e: usize) -> Span {
        let doc = |i: usize| LEX.is_document(lex::strip_possessive(self.word(i)));
        if let Some(d) = (s..e).find(|&d| doc(d)) {
            if d + 2 < e + 1
                && d + 1 < e
                && matches!(self.word(d + 1), "from" | "by" | "of")
                && d + 2 < e
            {
                return self.span_of(s.max(d + 2), e);
            }
        }
        let head = e - 1;
        if head > s && doc(head) {
            let p = &self.toks[head - 1];
            if p.kind == Kind::Word && lex::is_possessive(&p.lower) {
                let bare = lex::strip_possessive(&p.lower).len();
                let cut = p.span.slice_len_from_start(bare, &p.lower);
                return Span::new(self.toks[s].span.start, cut);
            }
            let named = (s..head).any(|i| {
                let t = &self.toks[i];
                (t.cap && !(i == s && is_in(DETERMINERS, &t.lower)))
                    || LEX.is_role(lex::strip_possessive(&t.lower))
            });
            if named {
                return self.span_of(s, head);
            }
        }
        self.span_of(s, e)
    }

    /// The span from the start of token `s` to the end of token `e - 1`, without trailing
    /// punctuation or an unpaired quotation mark.
    fn span_of(&self, s: usize, mut e: usize) -> Span {
        let mut s = s;
        while e > s + 1 {
            let t = &self.toks[e - 1];
            let dangling_quote = t.kind == Kind::CloseQuote
                && self.quotes.open_of.get(&(e - 1)).is_none_or(|&o| o < s);
            if matches!(t.kind, Kind::Punct('.' | ',' | ';' | ':' | '—' | '–' | '-'))
                || dangling_quote
            {
                e -= 1;
            } else {
                break;
            }
        }
        while s + 1 < e
            && self.toks[s].kind == Kind::OpenQuote
            && self.quotes.close_of.get(&s).is_none_or(|&c| c >= e)
        {
            s += 1;
        }
        Span::new(self.toks[s].span.start, self.toks[e - 1].span.end)
    }

    fn found(&self, cue: Span, source: Option<(usize, usize)>, content: Option<Span>) -> Found {
        let source_end = source.map(|(_, e)| e);
        let source = source.map(|(s, e)| self.source_span(s, e));
        self.make(cue, source, source_end, content)
    }

    fn make(
        &self,
        cue: Span,
        source: Option<Span>,
        source_end: Option<usize>,
        content: Option<Span>,
    ) -> Found {
        let mut span = cue;
        for s in [source, content].into_iter().flatten() {
            span = span.cover(s);
        }
        Found {
            attr: Attribution {
                span,
                cue,
                source,
                content,
            },
            source_end,
        }
    }
}

/// Small helpers on spans used above.
trait SpanExt {
    fn slice_len_from_start(&self, bytes_of_lower: usize, lower: &str) -> usize;
}

impl SpanExt for Span {
    /// The end offset of the part of this token that corresponds to the first
    /// `bytes_of_lower` bytes of its lower-cased form (falls back to the whole token).
    fn slice_len_from_start(&self, bytes_of_lower: usize, lower: &str) -> usize {
        // Lower-casing can change byte lengths; only trust it when the lengths agree.
        if lower.len() == self.len() {
            self.start + bytes_of_lower
        } else {
            self.end
        }
    }
}

trait FlattenSpan {
    fn flatten_span(self) -> Option<Span>;
}

impl FlattenSpan for Option<Span> {
    fn flatten_span(self) -> Option<Span> {
        self.filter(|s| !s.is_empty())
    }
}
