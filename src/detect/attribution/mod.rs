//! Attribution detector: who is credited with which statement, belief or intention.
//!
//! Rules over the shared token stream ([`crate::text::scan`]), one sentence at a time, in the
//! sense of the PolNeAR guidelines (Newell et al. 2018: "an attribution occurs when an article
//! cites statements, or describes the internal state (thoughts, intentions, etc.) of some person
//! or group"):
//! - **cues** are reporting verbs of speech, belief, evidence, intention and evaluation in every
//!   tense and voice (`lexicons/attribution_verbs.txt`, each with what it takes as content), cue
//!   phrases ("according to", "as reported by", "citing"), channels ("in a statement") and a
//!   colon after a speaker's name ("PENCE: …"). A verb counts in its verb reading only: not after
//!   a determiner or a possessive ("the report", "her support"), not capitalised inside a
//!   sentence ("Islamic State"), not as an infinitive or a gerund after a preposition, not inside
//!   a quotation (what is quoted is content, not a new attribution);
//! - the **source** is the subject before the verb group (auxiliaries, adverbs and negation
//!   skipped; an appositive or a relative clause kept: "Patrick McGinley, a law professor, said",
//!   "officials who said"), or the noun phrase after it when the verb follows a quotation
//!   ("“…,” said the official"), or after a cue phrase ("according to the ministry");
//! - the **content** is what the verb takes after it — a quotation, a that-clause, an embedded
//!   question, a "to"-infinitive, a clause without "that", or a noun phrase, as the verb's entry
//!   allows — or, when the attribution trails, the quotation or clause before it.
//!
//! Cost: one pass over each sentence to pair quotation marks and find clause ends, then for each
//! cue a bounded walk (at most [`NP_MAX`] tokens for a noun phrase, [`ADJUNCT_MAX`] for an
//! adjunct, [`APPOSITIVE_MAX`] for an appositive), so O(tokens). A content span ends at its
//! clause's end but never runs past [`CONTENT_MAX`] tokens; a capped content has
//! [`Attribution::truncated`] set, so output stays linear on run-on text.

pub(crate) mod lex;

use super::Attribution;
use crate::text::{Span, Text, Token, TokenKind};
use lex::{is_possessive, strip_possessive, PhraseKind, Verb, Word, LEX};

/// Longest noun phrase read as a source or subject, in tokens.
pub const NP_MAX: usize = 14;
/// Longest adjunct skipped between a verb and its content ("said on Monday in Kyiv that").
pub const ADJUNCT_MAX: usize = 8;
/// Longest appositive or relative clause between a subject and its verb, in tokens.
pub const APPOSITIVE_MAX: usize = 24;
/// Longest content span, in tokens; longer clauses are cut and marked truncated.
pub const CONTENT_MAX: usize = 120;

/// Finds attributions (cue, source, content) in `text`, split into `sentences`.
///
/// Spans are byte offsets into `text`; the result is sorted by cue position. Sentence spans that
/// fall outside the text or off char boundaries are left out, so any input is safe.
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
    attributions(&Text::new(text, sentences))
}

/// Attributions of a scanned text (see [`find_attributions`]).
pub(crate) fn attributions(doc: &Text) -> Vec<Attribution> {
    let inside = quoted(doc.text, &doc.tokens);
    let mut out = Vec::new();
    let mut last_quote: Option<(usize, Span)> = None;
    for s in &doc.sentences {
        let (lo, hi) = s.tokens;
        if lo < hi {
            let mut sentence = Sentence::new(doc.text, &doc.tokens[lo..hi], &inside[lo..hi]);
            sentence.prev_quote = last_quote.filter(|&(end, _)| end == lo).map(|(_, q)| q);
            last_quote = sentence.final_quote().map(|q| (hi, q));
            sentence.detect(&mut out);
        }
    }
    out.sort_by_key(|a| (a.cue.start, a.cue.end));
    out.dedup_by_key(|a| a.cue);
    out
}

/// Per token: whether it stands inside a quotation. Quotation marks pair across sentences of
/// one line; a line break closes any open quotation, and a closing mark with no opening one on
/// its line closes a quotation that started before the line.
fn quoted(text: &str, toks: &[Token]) -> Vec<bool> {
    let mut inside = vec![false; toks.len()];
    let mut line_start = 0;
    let mut open = false;
    // Whether the line so far had an opening mark or a quoted token.
    let mut line_quoted = false;
    for i in 0..toks.len() {
        if i > 0 && text[toks[i - 1].span.end..toks[i].span.start].contains('\n') {
            line_start = i;
            open = false;
            line_quoted = false;
        }
        match toks[i].kind {
            TokenKind::OpenQuote => {
                open = true;
                line_quoted = true;
            }
            TokenKind::CloseQuote => {
                if !open && !line_quoted {
                    inside[line_start..i].fill(true);
                }
                open = false;
                line_quoted = true;
            }
            _ => inside[i] = open,
        }
    }
    inside
}

/// A cue candidate: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
struct Cand {
    start: usize,
    end: usize,
    kind: CandKind,
}

#[derive(Clone, Copy, Debug)]
enum CandKind {
    Phrase(PhraseKind),
    Verb(Verb),
    /// "reported by", "as noted by": a passive participle with its agent.
    PassiveBy,
    /// "PENCE: …": a colon after a speaker at the start of a sentence.
    Colon,
}

/// An attribution with what later cues of the sentence may reuse.
#[derive(Clone, Debug)]
struct Found {
    attr: Attribution,
    /// Token index just after the source, for chains ("Bloomberg citing officials").
    source_end: Option<usize>,
}

/// One sentence's tokens and what the rules precompute over them.
struct Sentence<'a> {
    text: &'a str,
    t: &'a [Token],
    /// Per token: inside a quotation.
    inside: &'a [bool],
    /// Per token: for an opening quotation mark, its closing mark; for a closing one, its
    /// opening mark (within the sentence).
    pair: Vec<Option<usize>>,
    /// Headline-style capitalisation: capitals say nothing about proper names.
    title_case: bool,
    /// Per token: whether a cue starts there.
    cue_start: Vec<bool>,
    /// Per token (one extra): where a clause starting there ends.
    clause_end: Vec<usize>,
    /// Per token: where the clause holding it starts.
    clause_start: Vec<usize>,
    /// The quotation that ended the sentence before, if this sentence follows it directly.
    prev_quote: Option<Span>,
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str, t: &'a [Token], inside: &'a [bool]) -> Sentence<'a> {
        let mut pair = vec![None; t.len()];
        let mut open: Option<usize> = None;
        for (i, tok) in t.iter().enumerate() {
            match tok.kind {
                TokenKind::OpenQuote => open = Some(i),
                TokenKind::CloseQuote => {
                    if let Some(o) = open.take() {
                        pair[o] = Some(i);
                        pair[i] = Some(o);
                    }
                }
                _ => {}
            }
        }
        let words = t.iter().filter(|x| x.is_word());
        let (n, caps) = words.fold((0, 0), |(n, c), x| (n + 1, c + usize::from(x.cap)));
        Sentence {
            text,
            t,
            inside,
            pair,
            title_case: n >= 4 && caps * 10 >= n * 6,
            cue_start: vec![false; t.len()],
            clause_end: Vec::new(),
            clause_start: Vec::new(),
            prev_quote: None,
        }
    }

    /// The quotation that ends this sentence (its closing mark last, or before the final
    /// punctuation), if the whole sentence is that quotation.
    fn final_quote(&self) -> Option<Span> {
        let mut c = self.t.len().checked_sub(1)?;
        if self.t[c].kind == TokenKind::Punct && c > 0 {
            c -= 1;
        }
        let o = self.pair[c].filter(|_| self.t[c].kind == TokenKind::CloseQuote)?;
        (o == 0).then(|| self.quote(o)).flatten()
    }

    /// The lower-case form of token `i`, or "" outside the sentence.
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.norm.as_str())
    }

    fn is(&self, i: usize, kind: Word) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.is_word() && LEX.is(&t.norm, kind))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is(c))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.t.get(i).map(|t| t.kind)
    }

    fn detect(mut self, out: &mut Vec<Attribution>) {
        let cands = self.candidates();
        for c in &cands {
            self.cue_start[c.start] = true;
        }
        self.index_clauses();
        let mut prev: Option<Found> = None;
        let mut found_here: Vec<Attribution> = Vec::new();
        for c in &cands {
            let found = match c.kind {
                CandKind::Phrase(PhraseKind::Prep) | CandKind::PassiveBy => {
                    self.prepositional(c, prev.as_ref())
                }
                CandKind::Phrase(PhraseKind::Channel) => self.channel(c, &cands),
                CandKind::Verb(v) => self.verb(c, v, prev.as_ref()),
                CandKind::Colon => self.colon(c),
            };
            if let Some(f) = found {
                found_here.push(f.attr.clone());
                prev = Some(f);
            }
        }
        // An attribution inside what another one reports is part of that content ("Flynn said
        // Trump was right when he said …"): each word belongs to one attribution. Contents
        // sorted by start, with the furthest end so far, answer "inside some content?" in
        // O(log n) per cue.
        let mut contents: Vec<Span> = found_here.iter().filter_map(|a| a.content).collect();
        contents.sort_unstable();
        let furthest: Vec<usize> = contents
            .iter()
            .scan(0, |end, c| {
                *end = (*end).max(c.end);
                Some(*end)
            })
            .collect();
        let nested = |cue: Span| {
            let n = contents.partition_point(|c| c.start <= cue.start);
            n > 0 && furthest[n - 1] >= cue.end
        };
        out.extend(found_here.into_iter().filter(|a| !nested(a.cue)));
    }

    /// Cue phrases, reporting verbs and speaker colons, left to right.
    fn candidates(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.t.len() {
            let tok = &self.t[i];
            if tok.is(':') && self.speaker_colon(i) {
                // A transcript's "“PENCE: …" stands at the start even inside its quotation.
                out.push(Cand {
                    start: i,
                    end: i + 1,
                    kind: CandKind::Colon,
                });
                i += 1;
                continue;
            }
            if self.inside[i] {
                i += 1;
                continue;
            }
            if !tok.is_word() {
                i += 1;
                continue;
            }
            if let Some((n, kind)) = LEX.phrases.longest_at(self.t, i) {
                out.push(Cand {
                    start: i,
                    end: i + n,
                    kind: CandKind::Phrase(*kind),
                });
                i += n;
                continue;
            }
            let verbs = LEX.verbs(&tok.norm);
            let verb = verbs
                .iter()
                .find(|v| v.particle.is_none_or(|p| self.w(i + 1) == p));
            if let Some(&v) = verb {
                if v.past && self.w(i + 1) == "by" && !self.is_be_before(i) {
                    let start = if i > 0 && self.w(i - 1) == "as" {
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
                let end = i + 1 + usize::from(v.particle.is_some());
                let (g, _, _, aux) = self.verb_group(i, v);
                if self.not_a_verb(i, g, aux, v.ing) || self.document_noun(i) {
                    i += 1;
                    continue; // a noun: "the report", "reports from Kyiv"
                }
                out.push(Cand {
                    start: i,
                    end,
                    kind: CandKind::Verb(v),
                });
                i = end;
                continue;
            }
            i += 1;
        }
        out
    }

    /// Whether a form of "be" stands just before token `i` (adverbs skipped).
    fn is_be_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.is(k - 1, Word::Adverb) {
            k -= 1;
        }
        k > 0 && self.is(k - 1, Word::Be)
    }

    /// A colon after one to four capitalised words opening the sentence (after an optional
    /// opening quotation mark), followed by more text: "PENCE: …", "Poll: …".
    fn speaker_colon(&self, i: usize) -> bool {
        let start = usize::from(self.kind(0) == Some(TokenKind::OpenQuote));
        let n = i.saturating_sub(start);
        (1..=4).contains(&n)
            && i + 1 < self.t.len()
            && (start..i).all(|k| self.t[k].is_word() && (self.t[k].cap || self.t[k].norm == "."))
            && self.t[start].cap
            && !self.is(start, Word::Preposition)
            && !self.is(start, Word::Determiner)
    }

    /// Fills `clause_end` and `clause_start`.
    fn index_clauses(&mut self) {
        let n = self.t.len();
        let mut end = vec![n; n + 1];
        for i in (0..n).rev() {
            let tok = &self.t[i];
            let here = tok.is(';')
                || (tok.is(',') && self.comma_ends_clause(i))
                || (i > 0 && tok.norm == "but" && tok.is_word())
                || (i > 0 && self.conjoins_cue(i));
            end[i] = if here { i } else { end[i + 1] };
        }
        self.clause_end = end;
        let mut start = 0;
        self.clause_start = (0..n)
            .map(|i| {
                let s = start;
                if self.t[i].is(';') {
                    start = i + 1;
                }
                s
            })
            .collect();
    }

    /// Whether "and" or "but" at `i` joins a new reporting verb ("says X and said Y"), so that
    /// the first content ends there.
    fn conjoins_cue(&self, i: usize) -> bool {
        matches!(self.w(i), "and" | "but")
            && (i + 1..(i + 4).min(self.t.len()))
                .take_while(|&m| {
                    self.cue_start[m] || self.is(m, Word::Adverb) || self.is(m, Word::Auxiliary)
                })
                .any(|m| self.cue_start[m])
    }

    /// Whether the comma at `i` starts a new clause: a conjunction, an -ing participle, "with",
    /// or a cue within a few words.
    fn comma_ends_clause(&self, i: usize) -> bool {
        let mut n = i + 1;
        while n < self.t.len() && self.kind(n) == Some(TokenKind::CloseQuote) {
            n += 1;
        }
        if n >= self.t.len() {
            return true;
        }
        let tok = &self.t[n];
        if tok.is_word()
            && (LEX.is(&tok.norm, Word::ClauseStart)
                || (!tok.cap
                    && tok.norm.ends_with("ing")
                    && tok.norm.chars().count() > 5
                    && tok.norm != "including"))
        {
            return true;
        }
        for m in n..(n + 7).min(self.t.len()) {
            if self.cue_start[m] {
                return true;
            }
            if !self.t[m].is_wordlike() {
                break;
            }
        }
        false
    }

    /// The start of the verb group ending at the verb `i`: auxiliaries, adverbs and negations
    /// before it. Returns (start, passive, negated, has auxiliary).
    fn verb_group(&self, i: usize, v: Verb) -> (usize, bool, bool, bool) {
        let (mut g, mut be, mut negated, mut aux) = (i, false, false, false);
        while g > 0 {
            let tok = &self.t[g - 1];
            if !tok.is_word() {
                break;
            }
            let w = tok.norm.as_str();
            if LEX.is(w, Word::Negation) {
                negated = true;
            } else if LEX.is(w, Word::Be) {
                be = true;
                aux = true;
            } else if LEX.is(w, Word::Auxiliary) {
                aux = true;
            } else if !(LEX.is(w, Word::Adverb)
                || (w.len() > 4 && w.ends_with("ly") && !tok.cap && !LEX.is_verb(w)))
            {
                break;
            }
            g -= 1;
        }
        (g, be && v.past && !v.ing, negated, aux)
    }

    /// Whether the verb at `i` (group starting at `g`) reads as a noun, an adjective or a name.
    fn not_a_verb(&self, i: usize, g: usize, aux: bool, ing: bool) -> bool {
        let tok = &self.t[i];
        let after_opening = g == 0
            || matches!(self.kind(g - 1), Some(TokenKind::OpenQuote))
            || self.t[g - 1].is(':')
            || self.t[g - 1].is('(')
            || self.t[g - 1].is_dash();
        if tok.cap && !self.title_case && !(after_opening && i == g) {
            return true; // a proper name ("Islamic State", "Fox News Sunday")
        }
        if aux || g == 0 {
            return false;
        }
        let p = &self.t[g - 1];
        (p.is_number() && !tok.norm.ends_with("ed"))
            || self.is(g - 1, Word::Determiner)
            || self.is(g - 1, Word::NounMarker)
            || (self.is(g - 1, Word::Preposition) && !ing && p.norm != "to")
            || (p.is_word() && (p.norm == "'s" || is_possessive(&p.norm)))
            || (p.is('\'') && p.glued)
    }

    /// A reporting verb: subject before it, inverted subject after it, or a participle.
    fn verb(&self, c: &Cand, v: Verb, prev: Option<&Found>) -> Option<Found> {
        let i = c.start;
        let cue = self.span_of(c.start, c.end);
        let (mut g, passive, negated, aux) = self.verb_group(i, v);
        // A negated verb attributes nothing ("did not say when"): ClaimLens marks claims, and
        // PolNeAR's counting of negated cues is not followed.
        if negated || self.not_a_verb(i, g, aux, v.ing) || self.document_noun(i) {
            return None;
        }
        if g > 0 && self.w(g - 1) == "to" {
            // "continued to call for …", "refused to endorse": the subject of the verb before.
            g = self.infinitive_of(g - 1)?;
        }
        let k = c.end;
        if v.ing && !aux {
            return self.participle(c, v, g, prev);
        }
        if passive {
            return self.passive(cue, v, g, k);
        }
        if v.past && !aux && !v.tags.inverts && g > 0 && self.is_reduced_relative(g, k) {
            return None; // "members, called to service", "a plan, described as"
        }
        if let Some(source) = self.coordinated(g, prev) {
            // "… said they want justice but pledged to remain civil": the subject of the first.
            let (content, _) = self.forward(self.after_hearer(k, v)?, v)?;
            return Some(self.make(cue, Some(source), None, Some(content)));
        }
        if let Some((s, e)) = self.subject(g) {
            if self.plural_noun(i, s, e) {
                return None;
            }
            if let Some(found) = self.with_subject(cue, v, k, s, e) {
                return Some(found);
            }
        }
        if v.tags.inverts && g == i && i > 0 {
            let p = i - 1;
            if self.punct(p, ',') || matches!(self.kind(p), Some(TokenKind::CloseQuote)) {
                // Inverted: "…,” said the official."
                let (s, e) = self.np_right(k)?;
                let ends = e >= self.t.len()
                    || !self.t[e].is_wordlike()
                    || self.is(e, Word::SourceEnd)
                    || self.is(e, Word::Adjunct);
                if !ends || !self.is_source(s, e, false) {
                    return None;
                }
                let content = self.backward(p)?;
                return Some(self.found(cue, Some((s, e)), Some(content)));
            }
        }
        None
    }

    /// A verb with its subject `s..e`: its content after it, or, when it trails, before it.
    fn with_subject(&self, cue: Span, v: Verb, k: usize, s: usize, e: usize) -> Option<Found> {
        let k = self.after_hearer(k, v)?;
        if let Some((content, _)) = self.forward(k, v) {
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        if !(v.tags.trails || v.tags.inverts) {
            return None;
        }
        if s == 0 {
            // "“Who would have believed it?” Trump said.": the quotation ended the sentence
            // before.
            let content = self.prev_quote?;
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        let before = s - 1;
        let quote_before = matches!(self.kind(before), Some(TokenKind::CloseQuote))
            || (self.punct(before, ',')
                && before > 0
                && self.kind(before - 1) == Some(TokenKind::CloseQuote));
        let clause_before = self.punct(before, ',') && v.tags.trails;
        if quote_before || clause_before {
            let content = self.backward(before)?;
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        if self.w(before) == "as" && self.punct(k, ',') {
            // "As Bloomberg reported, the talks collapsed."
            let content = self.content_from(k + 1)?;
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        None
    }

    /// ", saying that …", "tweets saying that …", "by saying …", "with the ministry reporting
    /// …": a participle or a gerund; its source is the clause's subject.
    fn participle(&self, c: &Cand, v: Verb, g: usize, prev: Option<&Found>) -> Option<Found> {
        let cue = self.span_of(c.start, c.end);
        let after_comma = g > 0 && self.punct(g - 1, ',');
        let after_preposition = g > 0 && self.is(g - 1, Word::Preposition);
        let (content, strong) = self.forward(self.after_hearer(c.end, v)?, v)?;
        let with_subject = self
            .np_left(g)
            .filter(|&(s, e)| s > 0 && self.w(s - 1) == "with" && self.is_source(s, e, false));
        if let Some(subject) = with_subject {
            return Some(self.found(cue, Some(subject), Some(content)));
        }
        if !(after_comma || after_preposition || strong) {
            return None;
        }
        let source = prev
            .filter(|p| p.attr.span.end <= cue.start)
            .and_then(|p| p.attr.source)
            .or_else(|| self.initial_subject());
        Some(self.make(cue, source, None, Some(content)))
    }

    /// A passive verb: "Clinton was supported by 42 percent" (source after "by", content the
    /// subject), "It was reported that …" (no source).
    fn passive(&self, cue: Span, v: Verb, g: usize, k: usize) -> Option<Found> {
        let subject = self.np_left(g)?;
        if subject.1 - subject.0 == 1 && self.w(subject.0) == "it" {
            let (content, strong) = self.forward(k, v)?;
            return strong.then(|| self.make(cue, None, None, Some(content)));
        }
        // The agent: "by" right after the verb, or after its complement ("called a charlatan by
        // fellow physicians").
        let by = (k..(k + ADJUNCT_MAX).min(self.t.len()))
            .take_while(|&m| self.t[m].is_wordlike() || self.t[m].kind != TokenKind::Punct)
            .find(|&m| self.w(m) == "by");
        let Some(by) = by else {
            // No agent: a judgement in the passive ("were rated as false", "is expected to
            // rise", "has been called a charlatan") reports its subject.
            let judged = self.w(k) == "as"
                || (self.w(k) == "to" && self.infinitive_verb(k + 1))
                || (v.tags.object
                    && (self.is(k, Word::Determiner) || self.t.get(k).is_some_and(|t| t.cap)));
            if !judged {
                return None;
            }
            let content = self.span_of_checked(subject.0, subject.1)?;
            return Some(self.make(cue, None, None, Some(content)));
        };
        let (s, e) = self.np_right(by + 1)?;
        if !self.is_source(s, e, false) && !self.is_subject(s, e) {
            return None;
        }
        let content = self.span_of_checked(subject.0, subject.1)?;
        Some(self.found(cue, Some((s, e)), Some(content)))
    }

    /// The start of the group of the verb whose infinitive "to" stands at `to`, when that verb
    /// reads as a verb of aspect, intention or need ("continued to", "refused to", "needs to").
    fn infinitive_of(&self, to: usize) -> Option<usize> {
        let m = to.checked_sub(1)?;
        let tok = &self.t[m];
        let w = tok.norm.as_str();
        let verb_like = tok.is_word()
            && !tok.cap
            && (w.ends_with("ed") || w.ends_with('s') || LEX.is_verb(w) || LEX.is(w, Word::Aspect))
            && !self.is(m, Word::Preposition)
            && !self.is(m, Word::Determiner)
            && !(m > 0 && (self.is(m - 1, Word::Determiner) || self.is(m - 1, Word::NounMarker)));
        if !verb_like {
            return None;
        }
        let mut g = m;
        while g > 0 && (self.is(g - 1, Word::Adverb) || self.is(g - 1, Word::Auxiliary)) {
            g -= 1;
        }
        Some(g)
    }

    /// The subject opening the sentence, if it can be a source ("Trump, … , encouraging …").
    fn initial_subject(&self) -> Option<Span> {
        let (s, e) = self.np_right(0)?;
        self.is_source(s, e, false).then(|| self.source_span(s, e))
    }

    /// Whether the reporting word at `i` is a document noun here: before a preposition naming
    /// its author or topic, a participle or another reporting verb, or after "a"/"an" ("reports
    /// from Kyiv", "reports suggest", "a UN report released on Thursday").
    fn document_noun(&self, i: usize) -> bool {
        let tok = &self.t[i];
        if !LEX.is_document(&tok.norm) || tok.norm.ends_with("ed") || tok.norm.ends_with("ing") {
            return false;
        }
        let next = i + 1;
        let indefinite = (i.saturating_sub(3)..i).any(|m| matches!(self.w(m), "a" | "an"));
        self.is(next, Word::DocumentPreposition)
            || self.w(next).ends_with("ed")
            || indefinite
            || (LEX.is_verb(self.w(next)) && !self.t[next].cap)
            || self.is(next, Word::Auxiliary)
            || self.is(next, Word::Be)
    }

    /// Whether the -s form at `i` is rather the plural head of the phrase `s..e` before it
    /// ("his early-morning tweets", "their plans"): a phrase opened by a determiner with no
    /// name, role or document in it.
    fn plural_noun(&self, i: usize, s: usize, e: usize) -> bool {
        let w = self.w(i);
        w.ends_with('s')
            && !w.ends_with("ss")
            && e - s >= 2
            && self.is(s, Word::Determiner)
            && !(s..e).any(|m| {
                let t = &self.t[m];
                (t.cap && m > s) || {
                    let bare = strip_possessive(&t.norm);
                    LEX.is_role(bare) || LEX.is_document(bare)
                }
            })
    }

    /// Where the content of a verb starts: after its hearer, for verbs that take one (`None`
    /// when the hearer is missing: "the data tells a different story").
    fn after_hearer(&self, k: usize, v: Verb) -> Option<usize> {
        if !v.tags.hearer {
            return Some(k);
        }
        self.hearer(k).map(|(_, he)| he)
    }

    /// The source of a verb coordinated with an earlier one of the sentence ("… and said",
    /// "…, but pledged"): the earlier cue's source.
    fn coordinated(&self, g: usize, prev: Option<&Found>) -> Option<Span> {
        let mut p = g.checked_sub(1)?;
        if !matches!(self.w(p), "and" | "but") {
            return None;
        }
        if p > 0 && self.punct(p - 1, ',') {
            p -= 1;
        }
        match prev {
            Some(prev) if prev.attr.span.start <= self.t[p].span.end => prev.attr.source,
            _ => self.initial_subject(),
        }
    }

    /// Whether the participle whose group starts at `g` (content from `k`) follows a noun and
    /// a comma and takes a passive complement ("members, called to service by the governor"):
    /// then it is an adjective clause.
    fn is_reduced_relative(&self, g: usize, k: usize) -> bool {
        self.punct(g - 1, ',')
            && g >= 2
            && self.t[g - 2].is_word()
            && matches!(self.w(k), "to" | "as" | "by" | "for")
    }

    /// The subject of a verb whose group starts at `g`: the noun phrase before it, with an
    /// appositive or a relative clause between ("X, a professor at Y, said", "officials who
    /// said"). Directly before the verb any noun phrase will do ("another 19 percent said", "the
    /// average of polls shows"); across a comma or a relative pronoun it must look like a
    /// source.
    fn subject(&self, g: usize) -> Option<(usize, usize)> {
        if g == 0 {
            return None;
        }
        let p = g - 1;
        if self.is(p, Word::Relative) {
            let mut e = p;
            if e > 0 && self.punct(e - 1, ',') {
                e -= 1;
            }
            let (s, _) = self.np_left(e)?;
            return self.is_source(s, e, false).then_some((s, g));
        }
        if self.punct(p, ',') {
            return self.subject_before_comma(p);
        }
        let (s, e) = self.np_left(g)?;
        (self.is_source(s, e, false) || self.is_subject(s, e)).then_some((s, e))
    }

    /// Whether tokens `s..e` can be a subject at all: not a lone function word.
    fn is_subject(&self, s: usize, e: usize) -> bool {
        (s..e).any(|i| {
            self.t[i].is_wordlike()
                && !self.is(i, Word::Determiner)
                && !self.is(i, Word::Preposition)
                && !self.is(i, Word::Conjunction)
                && !self.is(i, Word::Adverb)
        })
    }

    /// The subject before the comma at `c`: an appositive pair ("The Kremlin's spokesman,
    /// Dmitry Peskov, said"), a relative clause ("Mr. Clarke, who …, said") or a parenthetical
    /// cue ("European diplomats, citing intelligence assessments, said").
    fn subject_before_comma(&self, c: usize) -> Option<(usize, usize)> {
        let p = (c.saturating_sub(APPOSITIVE_MAX)..c)
            .rev()
            .find(|&m| self.punct(m, ','))?;
        if p + 1 >= c
            || self.t[p + 1..c]
                .iter()
                .any(|t| !t.is_wordlike() && !t.is('.') && !t.is('\'') && !t.is('-') && !t.is('/'))
        {
            return None;
        }
        let first = p + 1;
        let adjunct = self.is(first, Word::Preposition)
            || self.is(first, Word::Adverb)
            || self.w(first).ends_with("ing")
            || self.w(first).ends_with("ly");
        if self.is(first, Word::Conjunction) || self.is(first, Word::Pronoun) {
            return None;
        }
        let (s, e) = self.np_left(p)?;
        if !self.is_source(s, e, false) {
            return None;
        }
        // "Clinton, at Monday's debate, cited": the subject alone; an appositive ("Patrick
        // McGinley, a law professor at West Virginia University, said") is part of the source.
        Some(if adjunct { (s, e) } else { (s, c) })
    }

    /// A hearer after a verb: an object pronoun or a noun phrase that can be a source.
    fn hearer(&self, k: usize) -> Option<(usize, usize)> {
        if self.is(k, Word::ObjectPronoun) || self.is(k, Word::Reflexive) {
            return Some((k, k + 1));
        }
        let (s, e) = self.np_right(k)?;
        // Any noun phrase can be told something ("told the forum", "told a crowd in Cleveland
        // that"), if a content follows it.
        let content_next = self.w(e) == "that"
            || self.w(e) == "to"
            || self.opens_clause(e)
            || self.kind(e) == Some(TokenKind::OpenQuote)
            || self.punct(e, ':');
        if !(self.is_source(s, e, false) || (content_next && self.is_subject(s, e))) {
            return None;
        }
        // "told CNN the plan was scrapped": the hearer ends before a determiner.
        let e = (s + 1..e)
            .find(|&m| self.is(m, Word::Determiner))
            .unwrap_or(e);
        Some((s, e))
    }

    /// "according to X", "as reported by X", "citing X", "noted by X".
    fn prepositional(&self, c: &Cand, prev: Option<&Found>) -> Option<Found> {
        let (s, e) = self.np_right(c.end)?;
        if !self.is_source(s, e, true) {
            return None;
        }
        let cue = self.span_of(c.start, c.end);
        let left = c.start;
        let chained = prev.filter(|p| p.source_end == Some(left));
        let content = if let Some(p) = chained {
            p.attr.content
        } else if left == 0 || self.kind(left - 1) == Some(TokenKind::OpenQuote) {
            if self.punct(e, ',') {
                self.content_from(e + 1)
            } else {
                None
            }
        } else if self.punct(left - 1, ',')
            || matches!(self.kind(left - 1), Some(TokenKind::CloseQuote))
        {
            let b = left - 1;
            let subject_only = b - self.clause_start[b] <= 6;
            let parenthetical = self.punct(b, ',')
                && subject_only
                && e + 1 < self.t.len()
                && self.punct(e, ',')
                && !self.comma_ends_clause(e);
            if parenthetical {
                self.content_from(e + 1)
            } else {
                self.backward(b)
            }
        } else {
            let start = self.clause_start[left].max(left.saturating_sub(CONTENT_MAX));
            (start < left).then(|| self.span_of(start, left))
        };
        content?;
        Some(self.found(cue, Some((s, e)), content))
    }

    /// "in a statement": a cue only when no reporting verb is near (else the verb is the cue).
    fn channel(&self, c: &Cand, cands: &[Cand]) -> Option<Found> {
        let near_verb = cands
            .iter()
            .any(|d| matches!(d.kind, CandKind::Verb(_)) && d.start.abs_diff(c.start) <= 8);
        if near_verb || !self.punct(c.end, ',') {
            return None;
        }
        let cue = self.span_of(c.start, c.end);
        if c.start > 0 && self.punct(c.start - 1, ',') {
            // "The ministry, in a statement, called …"
            let (s, e) = self.np_left(c.start - 1)?;
            if !self.is_source(s, e, false) {
                return None;
            }
            let content = self.content_from(c.end + 1)?;
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        if c.start == 0 {
            // "In a statement, the ministry called …": a strict noun phrase, then the claim.
            let s = c.end + 1;
            let mut e = s;
            for m in s..(s + 8).min(self.t.len()) {
                let tok = &self.t[m];
                if !tok.is_word() || LEX.is(&tok.norm, Word::Conjunction) {
                    break;
                }
                let bare = strip_possessive(&tok.norm);
                if tok.cap || LEX.is_role(bare) || LEX.is_document(bare) || is_possessive(&tok.norm)
                {
                    e = m + 1;
                } else if e > s && tok.norm != "of" {
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

    /// "PENCE: …": the speaker before the colon, the rest as content.
    fn colon(&self, c: &Cand) -> Option<Found> {
        let start = usize::from(self.kind(0) == Some(TokenKind::OpenQuote));
        let content = self.content_to_end(c.end)?;
        let cue = self.t[c.start].span;
        Some(self.found(cue, Some((start, c.start)), Some(content)))
    }

    /// Content after a verb: a quotation, a that-clause (possibly after an adjunct), an
    /// embedded question, an infinitive, a clause or a noun phrase, as the verb takes them. The
    /// flag tells whether a that-clause or a quotation was found.
    fn forward(&self, k: usize, v: Verb) -> Option<(Span, bool)> {
        let n = self.t.len();
        if k >= n {
            return None;
        }
        let tags = v.tags;
        let opens_quote = |m: usize| self.kind(m) == Some(TokenKind::OpenQuote);
        if (self.punct(k, ':') || self.punct(k, ',')) && opens_quote(k + 1) {
            return self.quote(k + 1).map(|s| (s, true));
        }
        if self.punct(k, ':') && k + 1 < n && (tags.clause || tags.that) {
            return self.content_from(k + 1).map(|s| (s, true));
        }
        if opens_quote(k) {
            return self.quote(k).map(|s| (s, true));
        }
        let mut m = k;
        if self.is(k, Word::Adjunct) && !(tags.infinitive && self.w(k) == "to") {
            while m < n
                && m < k + ADJUNCT_MAX
                && self.t[m].is_wordlike()
                && self.w(m) != "that"
                && !(m > k && self.opens_clause(m))
            {
                m += 1;
            }
            if (self.punct(m, ':') || self.punct(m, ',')) && opens_quote(m + 1) {
                return self.quote(m + 1).map(|s| (s, true));
            }
            if (tags.clause || tags.that) && m > k && self.opens_clause(m) {
                // "said after the convention he would not accept"
                return self.content_from(m).map(|s| (s, false));
            }
            if self.w(m) != "that" {
                m = k;
            }
        }
        if self.w(m) == "that" && (tags.clause || tags.that || tags.object) {
            return self.content_from(m + 1).map(|s| (s, true));
        }
        if (tags.clause || tags.that || tags.object) && self.is(k, Word::Wh) {
            return self.content_from(k).map(|s| (s, true));
        }
        if tags.that && self.opens_clause(k) {
            // "insisted he has", "knows there are": a clause with a pronoun subject.
            return self.content_from(k).map(|s| (s, false));
        }
        if self.w(k) == "about" && k + 1 < n && self.t[k + 1].is_wordlike() {
            // "complained about his mic", "wondering about his ability": the topic.
            return self.content_from(k + 1).map(|s| (s, false));
        }
        let refusal = k > 0 && self.is(k - 1, Word::Refusal);
        if tags.infinitive && self.w(k) == "to" && self.infinitive_after(k + 1, refusal) {
            return self.content_from(k).map(|s| (s, false));
        }
        if tags.infinitive {
            // "urged voters to …", "called on Congress to …": a hearer, then the infinitive.
            if let Some((_, he)) = self.hearer(k) {
                if self.w(he) == "to" && self.infinitive_verb(he + 1) {
                    return self.content_from(k).map(|s| (s, false));
                }
            }
        }
        // "said Tuesday it would …", "said on Monday the attack …": a day, then the clause.
        let day = self.is(k, Word::Day);
        let skip = if day {
            1
        } else if self.w(k) == "on" && self.is(k + 1, Word::Day) {
            2
        } else {
            0
        };
        if skip > 0 && tags.clause {
            let next = k + skip;
            if next < n
                && self.t[next].is_word()
                && !self.is(next, Word::Adjunct)
                && !self.is(next, Word::NoComplement)
            {
                return self.content_from(next).map(|s| (s, false));
            }
        }
        let tok = &self.t[k];
        // A qualified figure opens a noun phrase too: "reporting over 1,200 casualties".
        let figure = (k..(k + 3).min(n)).any(|m| self.t[m].is_number());
        let possessive_day = self.is(k, Word::Day) && self.w(k + 1) == "'s";
        let starts_np = (tok.is_word()
            && !self.is(k, Word::Reflexive)
            && (!self.is(k, Word::Adjunct) || possessive_day)
            && !self.is(k, Word::NoComplement)
            && !self.is(k, Word::Preposition))
            || tok.is_number()
            || (tok.is_word() && figure && !self.is(k, Word::Conjunction));
        if starts_np && (tags.clause || tags.object) {
            return self.content_from(k).map(|s| (s, false));
        }
        None
    }

    /// Whether token `m` opens a clause by its subject: a subject pronoun or "there" ("he has",
    /// "there are").
    fn opens_clause(&self, m: usize) -> bool {
        (self.is(m, Word::Pronoun) && self.w(m) != "you") || self.w(m) == "there"
    }

    /// Whether token `m` (after "to") reads as a verb: a lower-case word that is no function
    /// word and has no noun or adjective ending ("to military service", "to the talks"), and
    /// that does not announce speech itself (a refusal "to comment" or "to say" attributes
    /// nothing).
    fn infinitive_verb(&self, m: usize) -> bool {
        self.infinitive_after(m, false)
    }

    /// As [`Sentence::infinitive_verb`]; after a verb of refusal (`refusal`), a verb of speech
    /// does not count ("declined to comment").
    fn infinitive_after(&self, m: usize, refusal: bool) -> bool {
        let Some(tok) = self.t.get(m).filter(|t| t.is_word() && !t.cap) else {
            return false;
        };
        let w = tok.norm.as_str();
        let nominal = LEX.noun_suffix(w) && !w.ends_with("ss");
        let function = LEX.is(w, Word::Determiner)
            || LEX.is(w, Word::Preposition)
            || LEX.is(w, Word::Pronoun)
            || LEX.is(w, Word::ObjectPronoun)
            || LEX.is(w, Word::Conjunction);
        let speech = LEX.is(w, Word::Speech)
            || LEX
                .verbs(w)
                .iter()
                .any(|v| v.tags.inverts && v.particle.is_none());
        !(nominal || function || (refusal && speech))
    }

    /// Content before a trailing cue: the quotation closing at `b` (or just before the comma at
    /// `b`), else the clause up to the comma.
    fn backward(&self, b: usize) -> Option<Span> {
        let mut p = b;
        if self.punct(p, ',') && p > 0 && self.kind(p - 1) == Some(TokenKind::CloseQuote) {
            p -= 1;
        }
        if self.kind(p) == Some(TokenKind::CloseQuote) {
            return match self.pair[p] {
                Some(o) => self.quote(o),
                // The quotation opened in an earlier sentence: its part in this one.
                None => self.span_of_checked(p.saturating_sub(CONTENT_MAX), p),
            };
        }
        if self.punct(p, ',') {
            let start = self.clause_start[p].max(p.saturating_sub(CONTENT_MAX));
            return self.span_of_checked(start, p);
        }
        None
    }

    /// The clause starting at token `k`, up to the next clause boundary (at most
    /// [`CONTENT_MAX`] tokens).
    fn content_from(&self, k: usize) -> Option<Span> {
        if k >= self.t.len() {
            return None;
        }
        let end = self.clause_end[k].min(k + CONTENT_MAX);
        self.span_of_checked(k, end)
    }

    /// Everything from token `k` to the end of the sentence (at most [`CONTENT_MAX`] tokens).
    fn content_to_end(&self, k: usize) -> Option<Span> {
        let end = self.t.len().min(k + CONTENT_MAX);
        self.span_of_checked(k, end)
    }

    /// The quotation opened at token `o`, without its marks and trailing commas; an unclosed
    /// quotation runs to the end of the sentence.
    fn quote(&self, o: usize) -> Option<Span> {
        let c = self.pair[o]
            .unwrap_or(self.t.len())
            .min(o + 1 + CONTENT_MAX);
        let first = (o + 1..c).find(|&m| self.t[m].kind != TokenKind::Punct)?;
        let last = (first..c)
            .rev()
            .find(|&m| !matches!(self.w(m), "," | ";" | ":" | "-" | "—" | "–" | "--"))?;
        Some(Span::new(self.t[first].span.start, self.t[last].span.end))
    }

    /// The noun phrase ending just before token `j` (at most [`NP_MAX`] tokens).
    fn np_left(&self, j: usize) -> Option<(usize, usize)> {
        if j > 0 && self.is(j - 1, Word::Pronoun) {
            return Some((j - 1, j)); // "the target it pledged": the subject is "it"
        }
        let mut k = j;
        while k > 0 {
            let tok = &self.t[k - 1];
            let ok = match tok.kind {
                TokenKind::Word => {
                    let w = tok.norm.as_str();
                    let breaker = LEX.is(w, Word::Conjunction)
                        || LEX.is(w, Word::Relative)
                        || LEX.is(w, Word::Auxiliary)
                        || LEX.is(w, Word::Be)
                        || LEX.is(w, Word::Negation)
                        || LEX.is(w, Word::ObjectPronoun) && !LEX.is(w, Word::Pronoun)
                        || (LEX.is(w, Word::Preposition)
                            && !matches!(w, "of" | "for" | "at")
                            && !self.modifies_head(k - 1))
                        || (LEX.is_verb(w)
                            && !tok.cap
                            && !self.nominal(k - 1)
                            && !self.document_noun(k - 1));
                    let named_and = w == "and" && k >= 2 && self.looks_named(k - 2);
                    (!breaker
                        || named_and
                        || self.idiom_inside_np(k - 1)
                        || self.possessive_clitic(k - 1))
                        && !self.cue_start[k - 1]
                        && !LEX.is(w, Word::Wh)
                        && !LEX.is(w, Word::Pronoun)
                }
                TokenKind::Number => true,
                TokenKind::Punct => {
                    tok.is('&')
                        || (tok.is('-') && tok.glued)
                        || (tok.is('.') && tok.glued && k >= 2 && self.abbreviation(k - 2))
                        || (tok.is('\'') && tok.glued)
                        || (tok.is(')') && self.paren_open(k - 1).is_some())
                }
                _ => false,
            };
            if !ok {
                break;
            }
            if tok.is(')') {
                k = self.paren_open(k - 1).unwrap_or(k - 1);
                continue;
            }
            k -= 1;
            if j - k > NP_MAX {
                return None;
            }
        }
        let mut s = k;
        if self.is(s, Word::Preposition) {
            // "In May the ministry said": the phrase starts at the determiner or pronoun.
            s = (s + 1..j).find(|&m| self.is(m, Word::Determiner) || self.is(m, Word::Pronoun))?;
        }
        self.trim_np(s, j)
    }

    /// Whether the reporting word at `i` is a document or role noun after a determiner,
    /// adjective or name ("the report", "Ukrainian intelligence reports", "these claims").
    fn nominal(&self, i: usize) -> bool {
        let w = strip_possessive(self.w(i));
        (LEX.is_document(w) || LEX.is_role(w))
            && i > 0
            && (self.t[i - 1].is_word() || self.t[i - 1].is_number())
            && !self.is(i - 1, Word::Pronoun)
            && !self.is(i - 1, Word::Auxiliary)
    }

    /// Whether token `i` is an initial or an abbreviation before its period ("J.", "Rep.").
    fn abbreviation(&self, i: usize) -> bool {
        let tok = &self.t[i];
        tok.is_word() && (tok.norm.chars().count() == 1 || crate::text::is_abbreviation(&tok.norm))
    }

    /// Whether the preposition at `m` attaches to a source or document noun just before it
    /// ("a study by Harvard", "officials in Kyiv", "sources with knowledge of").
    fn modifies_head(&self, m: usize) -> bool {
        m > 0
            && matches!(self.w(m), "by" | "in" | "from" | "at" | "with")
            && self.t[m - 1].is_word()
            && {
                let head = strip_possessive(self.w(m - 1));
                LEX.is_role(head) || LEX.is_document(head)
            }
    }

    /// The opening parenthesis of the parenthesised acronym or affiliation closing at `c`
    /// ("(HUR)", "(R-Wis.)").
    fn paren_open(&self, c: usize) -> Option<usize> {
        (c.saturating_sub(8)..c).rev().find(|&m| self.punct(m, '('))
    }

    /// The noun phrase starting at token `k` (at most [`NP_MAX`] tokens).
    fn np_right(&self, k: usize) -> Option<(usize, usize)> {
        let mut m = k;
        while m < self.t.len() && m - k < NP_MAX {
            let tok = &self.t[m];
            let ok = match tok.kind {
                TokenKind::Word => {
                    let w = tok.norm.as_str();
                    let reduced_relative = w == "by" && m > k && self.w(m - 1).ends_with("ed");
                    let breaker = LEX.is(w, Word::Conjunction)
                        || LEX.is(w, Word::Relative)
                        || LEX.is(w, Word::Auxiliary)
                        || LEX.is(w, Word::Be)
                        || LEX.is(w, Word::Negation)
                        || (LEX.is(w, Word::Preposition) && !matches!(w, "of" | "for" | "at"))
                        || (m > k
                            && LEX.is_verb(w)
                            && !tok.cap
                            && !tok.norm.ends_with("ed")
                            && !self.nominal(m));
                    (!breaker
                        || reduced_relative
                        || self.idiom_inside_np(m)
                        || self.possessive_clitic(m))
                        && !(m > k && LEX.is(w, Word::Pronoun) && w != "it" && w != "you")
                        && !(m > k && LEX.is(w, Word::SourceEnd))
                        && !self.cue_start[m]
                        && !(w == "in" && matches!(self.w(m + 1), "a" | "an"))
                        && !(m > k && LEX.is(w, Word::Wh))
                }
                TokenKind::Number => true,
                TokenKind::Punct => {
                    tok.is('&')
                        || (tok.is('-') && tok.glued)
                        || (tok.is('.') && tok.glued && m > k && self.abbreviation(m - 1))
                        || (tok.is('\'') && tok.glued)
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

    /// Whether token `m` is the possessive "'s" of a name or noun written apart ("NBC 's Dante
    /// Chinni"), not "is" or "has" after a pronoun ("he 's said").
    fn possessive_clitic(&self, m: usize) -> bool {
        self.w(m) == "'s"
            && m > 0
            && self.t[m - 1].is_word()
            && !self.is(m - 1, Word::Pronoun)
            && self.t.get(m + 1).is_some_and(Token::is_wordlike)
    }

    /// Whether the word at `m` is part of a source idiom ("people familiar with the matter",
    /// "sources close to the talks").
    fn idiom_inside_np(&self, m: usize) -> bool {
        m > 0
            && matches!(
                (self.w(m - 1), self.w(m)),
                ("familiar", "with") | ("close", "to") | ("briefed", "on")
            )
    }

    /// Drops function words at the end of a noun phrase.
    fn trim_np(&self, s: usize, mut e: usize) -> Option<(usize, usize)> {
        while e > s {
            let dangling = self.is(e - 1, Word::Determiner)
                || self.is(e - 1, Word::Preposition)
                || self.w(e - 1) == "and";
            if !dangling || self.is(e - 1, Word::Pronoun) {
                break;
            }
            e -= 1;
        }
        (e > s).then_some((s, e))
    }

    /// Whether the word at `i` looks like part of a name or role (for "X and Y").
    fn looks_named(&self, i: usize) -> bool {
        let tok = &self.t[i];
        tok.is_word() && (tok.cap || LEX.is_role(strip_possessive(&tok.norm)))
    }

    /// Whether tokens `s..e` can be credited with a claim: a pronoun, a capitalised name, or a
    /// phrase containing a role or document noun.
    fn is_source(&self, s: usize, e: usize, object_ok: bool) -> bool {
        if e - s == 1 {
            let w = self.w(s);
            if self.is(s, Word::Pronoun) || (object_ok && self.is(s, Word::ObjectPronoun)) {
                return true;
            }
            if LEX.is(w, Word::Determiner) || LEX.is(w, Word::Preposition) {
                return false;
            }
        }
        (s..e).any(|i| {
            let tok = &self.t[i];
            if !tok.is_word() {
                return false;
            }
            let bare = strip_possessive(&tok.norm);
            if LEX.is_role(bare) || LEX.is_document(bare) {
                return true;
            }
            let sentence_initial = i == 0
                || matches!(self.kind(i - 1), Some(TokenKind::OpenQuote))
                || self.t[i - 1].is('(')
                || self.t[i - 1].is(':')
                || self.t[i - 1].is_dash();
            tok.cap
                && !self.title_case_function_word(i)
                && !(sentence_initial
                    && (self.is(i, Word::Determiner)
                        || self.is(i, Word::Conjunction)
                        || self.is(i, Word::Pronoun)
                        || self.is(i, Word::Preposition)
                        || self.is(i, Word::Adverb)))
        })
    }

    /// In a title-case headline, a capitalised function word says nothing about names.
    fn title_case_function_word(&self, i: usize) -> bool {
        self.title_case
            && (self.is(i, Word::Determiner)
                || self.is(i, Word::Preposition)
                || self.is(i, Word::Conjunction))
    }

    /// The source span of tokens `s..e`: for a document with an author, the author ("reports
    /// from Ukrainian intelligence", "the ministry's estimate", "Ukrainian intelligence reports").
    fn source_span(&self, s: usize, e: usize) -> Span {
        let doc = |i: usize| self.t[i].is_word() && LEX.is_document(strip_possessive(self.w(i)));
        if let Some(d) = (s..e).find(|&d| doc(d)) {
            if d + 2 < e && self.is(d + 1, Word::DocumentPreposition) {
                return self.span_of(s.max(d + 2), e);
            }
        }
        let head = e - 1;
        if head > s && doc(head) {
            let p = &self.t[head - 1];
            if p.is_word() && p.norm == "'s" && head >= s + 2 {
                return self.span_of(s, head - 1);
            }
            if p.is_word() && is_possessive(&p.norm) {
                let bare = strip_possessive(&p.norm).len();
                let cut = if p.norm.len() == p.span.len() {
                    p.span.start + bare
                } else {
                    p.span.end
                };
                return Span::new(self.t[s].span.start, cut);
            }
            let named = (s..head).any(|i| {
                let tok = &self.t[i];
                (tok.cap && !(i == s && self.is(i, Word::Determiner)))
                    || LEX.is_role(strip_possessive(&tok.norm))
            });
            if named {
                return self.span_of(s, head);
            }
        }
        self.span_of(s, e)
    }

    /// The span from the start of token `s` to the end of token `e - 1`, without trailing
    /// punctuation or an unpaired quotation mark.
    fn span_of(&self, s: usize, e: usize) -> Span {
        self.span_of_checked(s, e)
            .unwrap_or_else(|| self.t[s.min(self.t.len() - 1)].span)
    }

    /// As [`Sentence::span_of`], or `None` if nothing is left.
    fn span_of_checked(&self, mut s: usize, mut e: usize) -> Option<Span> {
        let e0 = e.min(self.t.len());
        e = e0;
        while e > s + 1 {
            let tok = &self.t[e - 1];
            let dangling_quote =
                tok.kind == TokenKind::CloseQuote && self.pair[e - 1].is_none_or(|o| o < s);
            let trailing = tok.kind == TokenKind::Punct
                && matches!(
                    tok.norm.as_str(),
                    "." | "," | ";" | ":" | "—" | "–" | "-" | "--"
                );
            if trailing || dangling_quote {
                e -= 1;
            } else {
                break;
            }
        }
        while s + 1 < e
            && self.t[s].kind == TokenKind::OpenQuote
            && self.pair[s].is_none_or(|c| c >= e)
        {
            s += 1;
        }
        if s >= e {
            return None;
        }
        let span = Span::new(self.t[s].span.start, self.t[e - 1].span.end);
        (!span.is_empty() && !span.slice(self.text).trim().is_empty()).then_some(span)
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
        let truncated = content.is_some_and(|c| {
            let first = self.t.partition_point(|t| t.span.start < c.start);
            let past = self.t.partition_point(|t| t.span.start < c.end);
            past - first >= CONTENT_MAX
        });
        Found {
            attr: Attribution {
                span,
                cue,
                source,
                content,
                truncated,
            },
            source_end,
        }
    }
}
