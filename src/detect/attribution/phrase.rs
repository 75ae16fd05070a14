//! Cue phrases whose source follows them ("according to X", "as reported by X", "citing X"), channels ("in a statement") and speaker colons ("PENCE: …").

use super::lex::{is_possessive, strip_possessive, Tags, Verb, Word, LEX};
use super::{Cand, CandKind, Found, Sentence, CONTENT_MAX};
use crate::text::{Span, TokenKind};

impl Sentence<'_> {
    /// "according to X", "as reported by X", "citing X", "noted by X".
    pub(super) fn prepositional(&self, c: &Cand, prev: Option<&Found>) -> Option<Found> {
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
    pub(super) fn channel(&self, c: &Cand, cands: &[Cand]) -> Option<Found> {
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
    pub(super) fn colon(&self, c: &Cand) -> Option<Found> {
        let start = usize::from(self.kind(0) == Some(TokenKind::OpenQuote));
        let content = self.content_to_end(c.end)?;
        let cue = self.t[c.start].span;
        Some(self.found(cue, Some((start, c.start)), Some(content)))
    }
}

impl Sentence<'_> {
    /// A noun of statement or belief at `i` before a that-clause ("the claim that he lied").
    pub(super) fn noun_cue(&self, i: usize) -> Option<Cand> {
        let tok = &self.t[i];
        let cue = tok.is_word()
            && !tok.cap
            && LEX.is_statement(&tok.norm)
            && ((self.w(i + 1) == "that" && self.clause_subject(i + 2))
                || (self.possessed(i)
                    && (matches!(self.w(i + 1), "about" | "over")
                        || self.infinitive_at(i + 1, false))));
        cue.then_some(Cand {
            start: i,
            end: i + 1,
            kind: CandKind::Noun,
        })
    }

    /// Whether a possessive stands before the noun at `i`, adjectives between ("Korea's claims",
    /// "his repeated warnings").
    fn possessed(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).rev().any(|m| {
            self.possessor(m) && (m + 1..i).all(|a| self.t[a].is_word() && !LEX.is_verb(self.w(a)))
        })
    }

    /// Whether token `m` marks a possessor: "Trump's", a split "'s", or a possessive pronoun.
    fn possessor(&self, m: usize) -> bool {
        let w = self.w(m);
        is_possessive(w) || w == "'s" || POSSESSIVE_PRONOUNS.contains(&w)
    }

    /// Whether token `m` opens a clause by its subject (a pronoun, "there", a determiner, a
    /// name or a figure), so that the "that" before it is a conjunction, not a relative
    /// pronoun ("the claim that he lied", not "the claim that was made").
    fn clause_subject(&self, m: usize) -> bool {
        self.opens_clause(m)
            || self.is(m, Word::Determiner)
            || self
                .t
                .get(m)
                .is_some_and(|t| t.is_number() || (t.cap && t.is_word()))
    }

    /// "the claim that …": the content is the that-clause; the source is the possessive
    /// before the noun ("Trump's claim", "his warning"), if any. After a possessed noun, the
    /// topic ("his warnings about …") or the infinitive ("her promise to …") is the content.
    pub(super) fn noun(&self, c: &Cand) -> Option<Found> {
        let from = if self.w(c.end) == "to" {
            c.end
        } else {
            c.end + 1
        };
        let content = self.content_from(from)?;
        if self.w(c.end) != "that" {
            return self.possessed_noun(c, content);
        }
        let cue = self.span_of(c.start, c.end);
        let source = c
            .start
            .checked_sub(1)
            .filter(|&p| is_possessive(self.w(p)) || self.w(p) == "'s")
            .and_then(|_| self.np_left(c.start))
            .filter(|&(s, e)| self.is_source(s, e, false));
        Some(self.found(cue, source, Some(content)))
    }
}

/// Possessive pronouns: the possessor of a statement is its source ("his warnings about").
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// What a light verb with a noun of statement takes: a that-clause, a quotation, a topic or an
/// infinitive ("expressed concern that …", "raised questions about …", "filed a motion to …").
const SUPPORT: Tags = Tags {
    clause: false,
    that: true,
    object: false,
    infinitive: true,
    hearer: false,
    inverts: false,
    trails: false,
    be: false,
    state: false,
    topic: true,
    as_: false,
};

impl Sentence<'_> {
    /// A light verb at `i` and a noun of statement after it, at most three words apart
    /// (determiners, adjectives, adverbs): "expressed deep concern", "issued a statement",
    /// "made a strong condemnation". The cue runs from the verb to the noun.
    pub(super) fn support_cue(&self, i: usize) -> Option<Cand> {
        let tok = &self.t[i];
        if !self.is(i, Word::SupportVerb) || (tok.cap && !self.title_case) {
            return None;
        }
        let n = (i + 1..(i + 5).min(self.t.len()))
            .take_while(|&m| {
                let t = &self.t[m];
                t.is_word()
                    && !self.is(m, Word::Preposition)
                    && !self.is(m, Word::Conjunction)
                    && (!LEX.is_verb(&t.norm) || LEX.is_statement(&t.norm))
            })
            .find(|&m| LEX.is_statement(&self.t[m].norm))?;
        let verb = Verb {
            tags: SUPPORT,
            ing: tok.norm.ends_with("ing"),
            past: false,
            particle: None,
        };
        Some(Cand {
            start: i,
            end: n + 1,
            kind: CandKind::Verb(verb),
        })
    }
}

impl Sentence<'_> {
    /// "Korea's claims about …": the possessor is the source, the topic the content.
    fn possessed_noun(&self, c: &Cand, content: Span) -> Option<Found> {
        let p = (c.start.saturating_sub(3)..c.start)
            .rev()
            .find(|&m| self.possessor(m))?;
        let end = if self.w(p) == "'s" { p } else { p + 1 };
        let source = self
            .np_left(end)
            .filter(|&(s, e)| e > s && self.is_source(s, e, false));
        let source = source.or_else(|| self.is(p, Word::Determiner).then_some((p, p + 1)));
        let cue = self.span_of(c.start, c.end);
        Some(self.found(cue, source, Some(content)))
    }
}
