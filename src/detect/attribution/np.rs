//! Noun phrases (subjects, sources, hearers) to the left and right of a cue, whether they can be credited with a claim, and the spans reported for them.

use super::lex::{is_possessive, strip_possessive, Word, LEX};
use super::{Sentence, NP_MAX};
use crate::text::{Span, Token, TokenKind};

impl Sentence<'_> {
    /// The noun phrase ending just before token `j` (at most [`NP_MAX`] tokens).
    pub(super) fn np_left(&self, j: usize) -> Option<(usize, usize)> {
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
                            && !self.document_noun(k - 1)
                            && !self.verb_as_modifier(k - 1, j));
                    let named_and = w == "and" && k >= 2 && self.looks_named(k - 2);
                    (!breaker
                        || named_and
                        || self.idiom_inside_np(k - 1)
                        || self.possessive_clitic(k - 1))
                        && (!self.cue_start[k - 1] || self.verb_as_modifier(k - 1, j))
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

    /// Whether the verb's base form at `i` modifies the common noun after it inside the phrase
    /// that ends before `j`, opening it or after a determiner ("…, state media said", "the
    /// state news agency reported"): a verb there would have no subject. Not before a name
    /// ("said Mr. Kamin") nor capitalised ("Say Mexico demanded").
    fn verb_as_modifier(&self, i: usize, j: usize) -> bool {
        let w = self.w(i);
        let opens = i == 0 || !self.t[i - 1].is_word() || self.is(i - 1, Word::Determiner);
        i + 1 < j
            && opens
            && !self.t[i].cap
            && !self.t[i + 1].cap
            && !w.ends_with('s')
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && self.t[i + 1].is_word()
            && !LEX.is_verb(self.w(i + 1))
            && !self.is(i + 1, Word::Determiner)
            && !self.is(i + 1, Word::Preposition)
            && !self.is(i + 1, Word::Pronoun)
    }

    /// Whether the reporting word at `i` is a document or role noun after a determiner,
    /// adjective or name ("the report", "Ukrainian intelligence reports", "these claims").
    pub(super) fn nominal(&self, i: usize) -> bool {
        let w = strip_possessive(self.w(i));
        (LEX.is_document(w) || LEX.is_role(w))
            && i > 0
            && (self.t[i - 1].is_word() || self.t[i - 1].is_number())
            && !self.is(i - 1, Word::Pronoun)
            && !self.is(i - 1, Word::Auxiliary)
    }

    /// Whether token `i` is an initial or an abbreviation before its period ("J.", "Rep.").
    pub(super) fn abbreviation(&self, i: usize) -> bool {
        let tok = &self.t[i];
        tok.is_word() && (tok.norm.chars().count() == 1 || crate::text::is_abbreviation(&tok.norm))
    }

    /// Whether the preposition at `m` attaches to a source or document noun just before it
    /// ("a study by Harvard", "officials in Kyiv", "sources with knowledge of").
    pub(super) fn modifies_head(&self, m: usize) -> bool {
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
    pub(super) fn paren_open(&self, c: usize) -> Option<usize> {
        (c.saturating_sub(8)..c).rev().find(|&m| self.punct(m, '('))
    }

    /// The noun phrase starting at token `k` (at most [`NP_MAX`] tokens).
    pub(super) fn np_right(&self, k: usize) -> Option<(usize, usize)> {
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
    pub(super) fn possessive_clitic(&self, m: usize) -> bool {
        self.w(m) == "'s"
            && m > 0
            && self.t[m - 1].is_word()
            && !self.is(m - 1, Word::Pronoun)
            && self.t.get(m + 1).is_some_and(Token::is_wordlike)
    }

    /// Whether the word at `m` is part of a source idiom ("people familiar with the matter",
    /// "sources close to the talks").
    pub(super) fn idiom_inside_np(&self, m: usize) -> bool {
        m > 0
            && matches!(
                (self.w(m - 1), self.w(m)),
                ("familiar", "with") | ("close", "to") | ("briefed", "on")
            )
    }

    /// Drops function words at the end of a noun phrase.
    pub(super) fn trim_np(&self, s: usize, mut e: usize) -> Option<(usize, usize)> {
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
    pub(super) fn looks_named(&self, i: usize) -> bool {
        let tok = &self.t[i];
        tok.is_word() && (tok.cap || LEX.is_role(strip_possessive(&tok.norm)))
    }

    /// Whether tokens `s..e` can be credited with a claim: a pronoun, a capitalised name, or a
    /// phrase containing a role or document noun.
    pub(super) fn is_source(&self, s: usize, e: usize, object_ok: bool) -> bool {
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
    pub(super) fn title_case_function_word(&self, i: usize) -> bool {
        self.title_case
            && (self.is(i, Word::Determiner)
                || self.is(i, Word::Preposition)
                || self.is(i, Word::Conjunction))
    }

    /// The source span of tokens `s..e`: for a document with an author, the author ("reports
    /// from Ukrainian intelligence", "the ministry's estimate", "Ukrainian intelligence reports"),
    /// unless the document word ends a name ("the U.S. Geological Survey").
    pub(super) fn source_span(&self, s: usize, e: usize) -> Span {
        let doc = |i: usize| self.t[i].is_word() && LEX.is_document(strip_possessive(self.w(i)));
        if let Some(d) = (s..e).find(|&d| doc(d)) {
            if d + 2 < e && self.is(d + 1, Word::DocumentPreposition) {
                return self.span_of(s.max(d + 2), e);
            }
        }
        let head = e - 1;
        // A capitalised document word after a capitalised one ends a name ("the U.S. Geological
        // Survey", "a Gallup Poll"), unless the whole sentence is in title case.
        let in_name = |i: usize| {
            !self.title_case
                && i > s
                && self.t[i].cap
                && self.t[i - 1].cap
                && self.t[i - 1].is_word()
        };
        if head > s && doc(head) && !in_name(head) {
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
    pub(super) fn span_of(&self, s: usize, e: usize) -> Span {
        self.span_of_checked(s, e)
            .unwrap_or_else(|| self.t[s.min(self.t.len() - 1)].span)
    }

    /// As [`Sentence::span_of`], or `None` if nothing is left.
    pub(super) fn span_of_checked(&self, mut s: usize, mut e: usize) -> Option<Span> {
        let e0 = e.min(self.t.len());
        e = e0;
        while e > s + 1 {
            let tok = &self.t[e - 1];
            let dangling_quote = self.kinds[e - 1] == TokenKind::CloseQuote
                && self.pair[e - 1].is_none_or(|o| o < s);
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
            && self.kinds[s] == TokenKind::OpenQuote
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
}
