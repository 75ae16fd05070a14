//! What a cue attributes: the quotation, that-clause, embedded question, infinitive, clause or noun phrase after it, or the quotation or clause before a trailing cue; every content ends with its clause and never runs past `CONTENT_MAX` tokens.

use super::lex::{Verb, Word, LEX};
use super::{Sentence, ADJUNCT_MAX, CONTENT_MAX};
use crate::text::{Span, TokenKind};

impl Sentence<'_> {
    /// Content after a verb: a quotation, a that-clause (possibly after an adjunct), an
    /// embedded question, an infinitive, a clause or a noun phrase, as the verb takes them. The
    /// flag tells whether a that-clause or a quotation was found.
    pub(super) fn forward(&self, k: usize, v: Verb) -> Option<(Span, bool)> {
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
        let refusal = k > 0 && self.is(k - 1, Word::Refusal);
        let infinitive_at = |m: usize| tags.infinitive && self.infinitive_at(m, refusal);
        if self.is(k, Word::Adjunct) && !(tags.infinitive && self.w(k) == "to") {
            while m < n
                && m < k + ADJUNCT_MAX
                && self.t[m].is_wordlike()
                && self.w(m) != "that"
                && !(m > k && (self.opens_clause(m) || infinitive_at(m)))
            {
                m += 1;
            }
            if m > k && infinitive_at(m) {
                // "decided after a lengthy investigation not to recommend charges"
                return self.content_from(m).map(|s| (s, false));
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
        if tags.that && (self.opens_clause(k) || self.bare_clause(k)) {
            // "insisted he has", "knows there are": a clause with a pronoun subject; "suggests
            // the government will act": a noun phrase and its auxiliary.
            return self.content_from(k).map(|s| (s, false));
        }
        let topic = self.w(k) == "about"
            || (tags.topic && matches!(self.w(k), "over" | "of" | "on" | "against" | "regarding"));
        if topic && k + 1 < n && self.t[k + 1].is_wordlike() {
            // "complained about his mic", "wondering about his ability": the topic.
            return self.content_from(k + 1).map(|s| (s, false));
        }
        if infinitive_at(k) {
            return self.content_from(k).map(|s| (s, false));
        }
        if tags.infinitive {
            // "urged voters to …", "called on Congress to …": a hearer, then the infinitive;
            // "told his supporters at a rally to …": an adjunct between.
            if let Some((_, he)) = self.hearer(k) {
                if infinitive_at(he) {
                    return self.content_from(k).map(|s| (s, false));
                }
                if let Some(to) = self.infinitive_after_adjunct(he) {
                    return self.content_from(to).map(|s| (s, false));
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
        if skip > 0 && infinitive_at(k + skip) {
            // "voted Thursday to hold him in contempt"
            return self.content_from(k + skip).map(|s| (s, false));
        }
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
        if starts_np && tags.clause {
            return self.content_from(k).map(|s| (s, false));
        }
        if starts_np && tags.object {
            return self.object_from(k).map(|s| (s, false));
        }
        None
    }

    /// A noun phrase object starting at token `k`: its clause, but not past a dash, a relative
    /// clause after a comma ("unveiled a list of endorsements -- most of whom had announced …")
    /// or an adverbial clause ("had called the hearing because they felt …"), where another
    /// attribution may start.
    pub(super) fn object_from(&self, k: usize) -> Option<Span> {
        let end = self.clause_end[k].min(k + CONTENT_MAX);
        let cut = (k + 1..end)
            .find(|&m| {
                self.t[m].is_dash()
                    || (self.punct(m, ',') && self.is(m + 1, Word::Relative))
                    || self.adverbial_clause(m)
            })
            .unwrap_or(end);
        self.span_of_checked(k, cut)
    }

    /// Whether an adverbial clause opens at token `m`: a subordinating conjunction ("because",
    /// "although", "when", "after" …) before a clause's subject.
    fn adverbial_clause(&self, m: usize) -> bool {
        self.is(m, Word::Subordinator)
            && (self.opens_clause(m + 1) || self.is(m + 1, Word::Determiner) || {
                let t = self.t.get(m + 1);
                t.is_some_and(|t| t.cap && t.is_word())
            })
    }

    /// Whether a clause without "that" starts at token `k`: a noun phrase opened by a
    /// determiner, a name or a figure, then an auxiliary or a form of "be" within a few words
    /// ("the government will act", "Clinton was the winner").
    pub(super) fn bare_clause(&self, k: usize) -> bool {
        let opens = self.is(k, Word::Determiner)
            || self
                .t
                .get(k)
                .is_some_and(|t| t.is_number() || (t.cap && t.is_word()));
        opens
            && (k + 1..(k + 6).min(self.t.len()))
                .take_while(|&m| self.t[m].is_wordlike() && !self.cue_start[m])
                .any(|m| self.is(m, Word::Auxiliary) || self.is(m, Word::Be))
    }

    /// Whether token `m` opens a clause by its subject: a subject pronoun or "there" ("he has",
    /// "there are").
    pub(super) fn opens_clause(&self, m: usize) -> bool {
        (self.is(m, Word::Pronoun) && self.w(m) != "you") || self.w(m) == "there"
    }

    /// Whether token `m` (after "to") reads as a verb: a lower-case word that is no function
    /// word and has no noun or adjective ending ("to military service", "to the talks"), and
    /// that does not announce speech itself (a refusal "to comment" or "to say" attributes
    /// nothing).
    pub(super) fn infinitive_verb(&self, m: usize) -> bool {
        self.infinitive_after(m, false)
    }

    /// Whether an infinitive starts at token `m`: "to" and a verb, "not to" or "never to" and a
    /// verb, or "to" and a quotation ("to `` check out '' …").
    pub(super) fn infinitive_at(&self, m: usize, refusal: bool) -> bool {
        let to = if matches!(self.w(m), "not" | "never") {
            m + 1
        } else {
            m
        };
        if self.w(to) != "to" {
            return false;
        }
        let verb = if self.kind(to + 1) == Some(TokenKind::OpenQuote) {
            to + 2
        } else {
            to + 1
        };
        self.infinitive_after(verb, refusal)
    }

    /// Where an infinitive starts after an adjunct that opens at token `e` ("at a rally in
    /// Michigan to …"), within [`ADJUNCT_MAX`] words.
    fn infinitive_after_adjunct(&self, e: usize) -> Option<usize> {
        if !self.is(e, Word::Adjunct) {
            return None;
        }
        (e + 1..(e + ADJUNCT_MAX).min(self.t.len()))
            .take_while(|&m| self.t[m].is_wordlike())
            .find(|&m| self.infinitive_at(m, false))
    }

    /// As [`Sentence::infinitive_verb`]; after a verb of refusal (`refusal`), a verb of speech
    /// does not count ("declined to comment").
    pub(super) fn infinitive_after(&self, m: usize, refusal: bool) -> bool {
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
    pub(super) fn backward(&self, b: usize) -> Option<Span> {
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
    pub(super) fn content_from(&self, k: usize) -> Option<Span> {
        if k >= self.t.len() {
            return None;
        }
        let end = self.clause_end[k].min(k + CONTENT_MAX);
        self.span_of_checked(k, end)
    }

    /// Everything from token `k` to the end of the sentence (at most [`CONTENT_MAX`] tokens).
    pub(super) fn content_to_end(&self, k: usize) -> Option<Span> {
        let end = self.t.len().min(k + CONTENT_MAX);
        self.span_of_checked(k, end)
    }

    /// The quotation opened at token `o`, without its marks and trailing commas; an unclosed
    /// quotation runs to the end of the sentence.
    pub(super) fn quote(&self, o: usize) -> Option<Span> {
        let c = self.pair[o]
            .unwrap_or(self.t.len())
            .min(o + 1 + CONTENT_MAX);
        let first = (o + 1..c).find(|&m| self.t[m].kind != TokenKind::Punct)?;
        let last = (first..c)
            .rev()
            .find(|&m| !matches!(self.w(m), "," | ";" | ":" | "-" | "—" | "–" | "--"))?;
        Some(Span::new(self.t[first].span.start, self.t[last].span.end))
    }
}
