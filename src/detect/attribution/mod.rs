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

mod content;
pub(crate) mod lex;
mod np;
mod phrase;
mod verb;

use super::Attribution;
use crate::text::{Span, Text, Token, TokenKind};
use lex::{PhraseKind, Verb, Word, LEX};

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
    let (inside, kinds) = quoted(doc.text, &doc.tokens);
    let mut out = Vec::new();
    let mut last_quote: Option<(usize, Span)> = None;
    for s in &doc.sentences {
        let (lo, hi) = s.tokens;
        if lo < hi {
            let mut sentence = Sentence::new(
                doc.text,
                &doc.tokens[lo..hi],
                &inside[lo..hi],
                &kinds[lo..hi],
            );
            sentence.prev_quote = last_quote.filter(|&(end, _)| end == lo).map(|(_, q)| q);
            last_quote = sentence.final_quote().map(|q| (hi, q));
            sentence.detect(&mut out);
        }
    }
    out.sort_by_key(|a| (a.cue.start, a.cue.end));
    out.dedup_by_key(|a| a.cue);
    out
}

/// Per token: whether it stands inside a quotation, and its kind with ambiguous quotation marks
/// read in context ([`read_straight_quotes`]). Quotation marks pair across sentences of one
/// line; a line break closes any open quotation, and a closing mark with no opening one on its
/// line closes a quotation that started before the line.
fn quoted(text: &str, toks: &[Token]) -> (Vec<bool>, Vec<TokenKind>) {
    let kinds = read_straight_quotes(text, toks);
    let mut inside = vec![false; toks.len()];
    let mut line_start = 0;
    let mut open = false;
    // Whether the line so far had an opening mark or a quoted token.
    let mut line_quoted = false;
    for i in 0..toks.len() {
        if i > 0 && line_break(text, &toks[i - 1], &toks[i]) {
            line_start = i;
            open = false;
            line_quoted = false;
        }
        match kinds[i] {
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
    (inside, kinds)
}

/// The kind of every token, straight double apostrophes (`''`) read in context: some texts use
/// them to open a quotation too. On a line whose only quotation marks are `''`, the marks
/// alternate from the last one, which closes: "… , '' he said . '' It 's over . ''" reads
/// close, open, close (the first closes a quotation opened before the line), "'' It 's over ,
/// '' he said" open, close.
fn read_straight_quotes(text: &str, toks: &[Token]) -> Vec<TokenKind> {
    let mut kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
    if !text.contains("''") {
        return kinds;
    }
    let mut marks: Vec<usize> = Vec::new();
    let mut other = false;
    for i in 0..=toks.len() {
        if i == toks.len() || (i > 0 && line_break(text, &toks[i - 1], &toks[i])) {
            if !other {
                for &m in marks.iter().rev().skip(1).step_by(2) {
                    kinds[m] = TokenKind::OpenQuote;
                }
            }
            marks.clear();
            other = false;
        }
        let Some(tok) = toks.get(i) else { break };
        if matches!(tok.kind, TokenKind::OpenQuote | TokenKind::CloseQuote) {
            if tok.span.slice(text) == "''" {
                marks.push(i);
            } else {
                other = true;
            }
        }
    }
    kinds
}

/// Whether a line break stands between tokens `a` and `b`.
fn line_break(text: &str, a: &Token, b: &Token) -> bool {
    text[a.span.end..b.span.start].contains('\n')
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
    /// "the claim that …": a noun of statement or belief before its that-clause.
    Noun,
}

/// The contents of a sentence's attributions, sorted by start with the furthest end so far, to
/// answer "inside some content?" in O(log n) per cue.
struct Nesting {
    contents: Vec<Span>,
    furthest: Vec<usize>,
}

impl Nesting {
    fn of(found: &[Attribution]) -> Nesting {
        let mut contents: Vec<Span> = found.iter().filter_map(|a| a.content).collect();
        contents.sort_unstable();
        let furthest = contents
            .iter()
            .scan(0, |end, c| {
                *end = (*end).max(c.end);
                Some(*end)
            })
            .collect();
        Nesting { contents, furthest }
    }

    /// Whether `cue` lies inside some content.
    fn has(&self, cue: Span) -> bool {
        let n = self.contents.partition_point(|c| c.start <= cue.start);
        n > 0 && self.furthest[n - 1] >= cue.end
    }
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
    /// Per token: its kind, ambiguous quotation marks read in context ([`quoted`]).
    kinds: &'a [TokenKind],
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
    fn new(
        text: &'a str,
        t: &'a [Token],
        inside: &'a [bool],
        kinds: &'a [TokenKind],
    ) -> Sentence<'a> {
        let mut pair = vec![None; t.len()];
        let mut open: Option<usize> = None;
        for (i, kind) in kinds.iter().enumerate() {
            match kind {
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
            kinds,
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
        let o = self.pair[c].filter(|_| self.kinds[c] == TokenKind::CloseQuote)?;
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
        self.kinds.get(i).copied()
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
                CandKind::Noun => self.noun(c),
            };
            if let Some(f) = found {
                found_here.push(f.attr.clone());
                prev = Some(f);
            }
        }
        // An attribution inside what another one reports is part of that content ("Flynn said
        // Trump was right when he said …"): each word belongs to one attribution. A trailing
        // cue (its content before it) inside another content goes first: its content would
        // cross that attribution's cue, so it reads the clause wrongly and must not hide others.
        let nested = Nesting::of(&found_here);
        found_here
            .retain(|a| !(a.content.is_some_and(|c| c.end <= a.cue.start) && nested.has(a.cue)));
        let nested = Nesting::of(&found_here);
        out.extend(found_here.into_iter().filter(|a| !nested.has(a.cue)));
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
            if let Some(c) = self.support_cue(i) {
                out.push(c);
                i = c.end;
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
                if v.particle.is_none() && self.w(i + 1) == "up" {
                    i += 1;
                    continue; // a phrasal verb of another sense: "failed to show up"
                }
                if v.tags.as_ && !self.as_after(end) {
                    i += 1;
                    continue; // "saw the city", unlike "saw the comment as a dig"
                }
                if v.tags.be && !self.is_be_before(i) {
                    i += 1;
                    continue; // "make sure that": an adjective is a cue after "be" only
                }
                if self.not_a_verb(i, g, aux, v.ing) || self.document_noun(i) {
                    // A noun: "the report", "reports from Kyiv"; a cue if a that-clause follows.
                    out.extend(self.noun_cue(i));
                    i += 1;
                    continue;
                }
                out.push(Cand {
                    start: i,
                    end,
                    kind: CandKind::Verb(v),
                });
                i = end;
                continue;
            }
            out.extend(self.noun_cue(i));
            i += 1;
        }
        out
    }

    /// Whether "as" follows the noun phrase that starts at token `k` ("the comment as a dig"),
    /// within [`NP_MAX`] words.
    fn as_after(&self, k: usize) -> bool {
        (k..(k + NP_MAX).min(self.t.len()))
            .take_while(|&m| self.t[m].is_wordlike() && !self.cue_start[m])
            .any(|m| self.w(m) == "as")
    }

    /// Whether a form of "be" stands just before token `i` (adverbs skipped, with or without
    /// "-ly": "be independently verified by").
    fn is_be_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && (self.is(k - 1, Word::Adverb) || self.ly_adverb(k - 1)) {
            k -= 1;
        }
        k > 0 && self.is(k - 1, Word::Be)
    }

    /// Whether token `i` is a lower-case adverb in "-ly" ("independently"), as the verb group
    /// reads it.
    fn ly_adverb(&self, i: usize) -> bool {
        let t = &self.t[i];
        t.is_word() && !t.cap && t.norm.len() > 4 && t.norm.ends_with("ly") && !LEX.is_verb(&t.norm)
    }

    /// A colon after one to four capitalised words opening the sentence (after an optional
    /// opening quotation mark), followed by words of a sentence — at least one in lower case:
    /// "PENCE: …", "Poll: …"; not a label's value ("Posted: 03/14/2013 06:37:46 AM PDT",
    /// "Photo: Getty Images").
    fn speaker_colon(&self, i: usize) -> bool {
        let start = usize::from(self.kind(0) == Some(TokenKind::OpenQuote));
        let n = i.saturating_sub(start);
        (1..=4).contains(&n)
            && self.t[i + 1..]
                .iter()
                .any(|t| t.is_word() && !t.cap && t.norm.starts_with(char::is_alphabetic))
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

    /// Whether "and" or "but" at `i` joins a new reporting verb, with or without a subject of
    /// its own ("says X and said Y", "… -- and he noted that", "… and Democrats accused"), so
    /// that the first content ends there.
    fn conjoins_cue(&self, i: usize) -> bool {
        matches!(self.w(i), "and" | "but")
            && (i + 1..(i + 5).min(self.t.len()))
                .take_while(|&m| {
                    self.cue_start[m]
                        || self.is(m, Word::Adverb)
                        || self.is(m, Word::Auxiliary)
                        || (m == i + 1 && self.opens_clause(m))
                        || (self.t[m].cap && self.t[m].is_word() && !self.title_case)
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
        // A cue within seven tokens, a name's abbreviation ("Mr .") or parenthesis ("Sen.
        // Lindsey Graham ( R-S.C . ) told") skipped.
        let mut m = n;
        let mut words = 0;
        while m < self.t.len() && words < 7 {
            if self.cue_start[m] {
                return true;
            }
            if self.t[m].is('(') {
                match (m + 1..(m + 8).min(self.t.len())).find(|&c| self.t[c].is(')')) {
                    Some(close) => m = close + 1,
                    None => break,
                }
                continue;
            }
            if !self.t[m].is_wordlike() && !self.abbreviation_period(m) {
                break;
            }
            words += 1;
            m += 1;
        }
        false
    }

    /// Whether token `m` is the period of an abbreviation or initial written apart ("Mr .",
    /// "Sen .", "J ."), which belongs to the name it opens.
    fn abbreviation_period(&self, m: usize) -> bool {
        self.t[m].is('.') && m > 0 && self.abbreviation(m - 1) && m + 1 < self.t.len()
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
