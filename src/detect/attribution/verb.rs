//! Reporting verbs: the verb group, the verb reading, the subject (or the source after an inverted verb), passives, participles and coordinated verbs.

use super::lex::{is_possessive, strip_possessive, Verb, Word, LEX};
use super::{Cand, Found, Sentence, ADJUNCT_MAX, APPOSITIVE_MAX};
use crate::text::{Span, TokenKind};

/// Whether `w` reads as a participle: "-ed", "-en", "-ing" or an irregular past of the lexicon.
fn is_participle(w: &str) -> bool {
    w.ends_with("ed")
        || w.ends_with("en")
        || w.ends_with("ing")
        || LEX.verbs(w).iter().any(|v| v.past || v.ing)
}

impl Sentence<'_> {
    /// The start of the verb group ending at the verb `i`: auxiliaries, adverbs and negations
    /// before it. Returns (start, passive, negated, has auxiliary).
    pub(super) fn verb_group(&self, i: usize, v: Verb) -> (usize, bool, bool, bool) {
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
    pub(super) fn not_a_verb(&self, i: usize, g: usize, aux: bool, ing: bool) -> bool {
        let tok = &self.t[i];
        let after_opening = g == 0
            || matches!(self.kind(g - 1), Some(TokenKind::OpenQuote))
            || self.t[g - 1].is(':')
            || self.t[g - 1].is('(')
            || self.t[g - 1].is_dash();
        if tok.cap && !self.title_case && !(after_opening && i == g) {
            return true; // a proper name ("Islamic State", "Fox News Sunday")
        }
        if i > 0 && self.w(i - 1) == "'s" && !self.t[i - 1].cap && !is_participle(&tok.norm) {
            return true; // "the candidate's call": "'s" is "is" or "has" only before a participle
        }
        let finite_next = self.is(i + 1, Word::Be) || self.is(i + 1, Word::Auxiliary);
        if finite_next && !is_participle(&tok.norm) {
            return true; // a noun before its verb: "interest rates are low", "the tax rate is"
        }
        if aux || g == 0 || (self.lone_quantifier(g - 1) && !tok.norm.ends_with('s')) {
            return false; // "all agreed that", "many say": a quantifier as subject
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
    pub(super) fn verb(&self, c: &Cand, v: Verb, prev: Option<&Found>) -> Option<Found> {
        let i = c.start;
        let (mut g, passive, negated, aux) = self.verb_group(i, v);
        // A negated verb of speech attributes nothing ("did not say when"): ClaimLens marks
        // claims. A negated state is still a view of the source ("does not believe that …"):
        // the cue then spans the negation, so that the reader sees it.
        if (negated && !v.tags.state) || self.not_a_verb(i, g, aux, v.ing) || self.document_noun(i)
        {
            return None;
        }
        let cue = if negated {
            self.span_of(g, c.end)
        } else {
            self.span_of(c.start, c.end)
        };
        if g > 0 && self.w(g - 1) == "to" {
            // A refusal "to comment on" or "to discuss" attributes nothing.
            if g >= 2 && self.is(g - 2, Word::Refusal) && self.is(i, Word::Speech) {
                return None;
            }
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
        if v.past && !aux && g == i && self.opens_sentence(g) {
            return self.initial_participle(cue, v, k);
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
    pub(super) fn with_subject(
        &self,
        cue: Span,
        v: Verb,
        k: usize,
        s: usize,
        e: usize,
    ) -> Option<Found> {
        let k = self.after_hearer(k, v)?;
        if let Some((content, _)) = self.forward(k, v) {
            return Some(self.found(cue, Some((s, e)), Some(content)));
        }
        if !(v.tags.trails || v.tags.inverts) {
            return None;
        }
        if self.is(k, Word::Reflexive) {
            // "many individuals find themselves compelled": the verb's object is its own
            // subject; it reports nothing, before it or after.
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
    pub(super) fn participle(
        &self,
        c: &Cand,
        v: Verb,
        g: usize,
        prev: Option<&Found>,
    ) -> Option<Found> {
        let cue = self.span_of(c.start, c.end);
        let after_comma = g > 0 && self.punct(g - 1, ',');
        let after_preposition = g > 0 && self.is(g - 1, Word::Preposition);
        let (content, strong) = self.forward(self.after_hearer(c.end, v)?, v)?;
        let with_subject = self
            .np_left(g)
            .filter(|&(s, e)| s > 0 && self.w(s - 1) == "with" && self.is_source(s, e, false));
        if let Some(subject) = with_subject.or_else(|| self.document_before(g)) {
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

    /// Whether token `g` opens the sentence (after an opening quotation mark, if any).
    fn opens_sentence(&self, g: usize) -> bool {
        g == usize::from(self.kind(0) == Some(TokenKind::OpenQuote))
    }

    /// A past participle opening the sentence, its clause ended by a comma: "Asked about the
    /// explosion, Clinton said …", "Asked to describe the device, O'Neill said …". What was
    /// asked is content; who asked is not said.
    fn initial_participle(&self, cue: Span, v: Verb, k: usize) -> Option<Found> {
        let end = *self.clause_end.get(k)?;
        if !self.punct(end, ',') {
            return None;
        }
        let (content, _) = self.forward(self.after_hearer(k, v)?, v)?;
        Some(self.make(cue, None, None, Some(content)))
    }

    /// The document or statement that a participle at `g` describes ("a statement calling the
    /// test a violation", "tweets saying that"): the noun phrase ending in it.
    fn document_before(&self, g: usize) -> Option<(usize, usize)> {
        let w = strip_possessive(self.w(g.checked_sub(1)?));
        if !(LEX.is_document(w) || LEX.is_statement(w)) {
            return None;
        }
        self.np_left(g)
    }

    /// A passive verb: "Clinton was supported by 42 percent" (source after "by", content the
    /// subject), "It was reported that …" (no source).
    pub(super) fn passive(&self, cue: Span, v: Verb, g: usize, k: usize) -> Option<Found> {
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
            if let Some(found) = self.stance(cue, v, subject, k) {
                return Some(found);
            }
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

    /// A participle or adjective after "be" with a that-clause and no agent: the subject's
    /// belief or feeling ("protesters were frustrated that …", "she was sure that …"). After a
    /// verb that takes a hearer the subject is the one told ("he was told that"), not a source.
    fn stance(&self, cue: Span, v: Verb, subject: (usize, usize), k: usize) -> Option<Found> {
        let (content, strong) = self.forward(k, v)?;
        if !strong || self.kind(k) == Some(TokenKind::OpenQuote) {
            return None;
        }
        let (s, e) = subject;
        let source = (!v.tags.hearer && (self.is_source(s, e, false) || self.is_subject(s, e)))
            .then_some((s, e));
        Some(self.found(cue, source, Some(content)))
    }

    /// The start of the group of the verb whose infinitive "to" stands at `to`, when that verb
    /// reads as a verb of aspect, intention or need ("continued to", "refused to", "needs to").
    pub(super) fn infinitive_of(&self, to: usize) -> Option<usize> {
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
    pub(super) fn initial_subject(&self) -> Option<Span> {
        let (s, e) = self.np_right(0)?;
        self.is_source(s, e, false).then(|| self.source_span(s, e))
    }

    /// Whether the reporting word at `i` is a document noun here: before a preposition naming
    /// its author or topic, a participle or another reporting verb, or after "a"/"an" ("reports
    /// from Kyiv", "reports suggest", "a UN report released on Thursday").
    pub(super) fn document_noun(&self, i: usize) -> bool {
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
    pub(super) fn plural_noun(&self, i: usize, s: usize, e: usize) -> bool {
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
    pub(super) fn after_hearer(&self, k: usize, v: Verb) -> Option<usize> {
        if !v.tags.hearer {
            return Some(k);
        }
        self.hearer(k).map(|(_, he)| he)
    }

    /// The source of a verb coordinated with an earlier one of the sentence ("… and said",
    /// "…, but pledged", "… or decline to appeal"): the earlier cue's source.
    pub(super) fn coordinated(&self, g: usize, prev: Option<&Found>) -> Option<Span> {
        let mut p = g.checked_sub(1)?;
        if !matches!(self.w(p), "and" | "but" | "or") {
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
    pub(super) fn is_reduced_relative(&self, g: usize, k: usize) -> bool {
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
    pub(super) fn subject(&self, g: usize) -> Option<(usize, usize)> {
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
        if self.t[p].is_dash() {
            return self.subject_before_dash(p);
        }
        if self.lone_quantifier(p) {
            return Some((p, g)); // "all agreed that", "many say"
        }
        let (s, e) = self.np_left(g)?;
        (self.is_source(s, e, false) || self.is_subject(s, e)).then_some((s, e))
    }

    /// Whether token `p` is a quantifier standing alone at the start of a clause ("all" in "To
    /// varying degrees, all agreed"), so that it is the subject of the verb after it.
    fn lone_quantifier(&self, p: usize) -> bool {
        self.is(p, Word::Quantifier) && (p == 0 || !self.t[p - 1].is_wordlike())
    }

    /// Whether tokens `s..e` can be a subject at all: not a lone function word.
    pub(super) fn is_subject(&self, s: usize, e: usize) -> bool {
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
    pub(super) fn subject_before_comma(&self, c: usize) -> Option<(usize, usize)> {
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

    /// The subject before a parenthesis between dashes that closes at `d` ("The transcript --
    /// published by The Washington Post -- shows"): the noun phrase before the opening dash.
    pub(super) fn subject_before_dash(&self, d: usize) -> Option<(usize, usize)> {
        let open = (d.saturating_sub(APPOSITIVE_MAX)..d)
            .rev()
            .find(|&m| self.t[m].is_dash())?;
        let (s, e) = self.np_left(open)?;
        (e == open && (self.is_source(s, e, false) || self.is_subject(s, e))).then_some((s, e))
    }

    /// Whether an adjunct starting at token `e` leads to "that" within [`ADJUNCT_MAX`] words
    /// ("told a crowd in Cleveland that …").
    fn that_after_adjunct(&self, e: usize) -> bool {
        self.is(e, Word::Adjunct)
            && (e + 1..(e + ADJUNCT_MAX).min(self.t.len()))
                .take_while(|&m| self.t[m].is_wordlike())
                .any(|m| self.w(m) == "that")
    }

    /// A hearer after a verb: an object pronoun or a noun phrase that can be a source.
    pub(super) fn hearer(&self, k: usize) -> Option<(usize, usize)> {
        if self.is(k, Word::ObjectPronoun) || self.is(k, Word::Reflexive) {
            return Some((k, k + 1));
        }
        let (s, e) = self.np_right(k)?;
        // Any noun phrase can be told something ("told the forum", "told a crowd in Cleveland
        // that"), if a content follows it.
        let content_next = self.w(e) == "that"
            || self.infinitive_at(e, false)
            || self.w(e) == "to"
            || self.opens_clause(e)
            || self.kind(e) == Some(TokenKind::OpenQuote)
            || self.punct(e, ':')
            || self.that_after_adjunct(e);
        if !(self.is_source(s, e, false) || (content_next && self.is_subject(s, e))) {
            return None;
        }
        // "told CNN the plan was scrapped": the hearer ends before a determiner.
        let e = (s + 1..e)
            .find(|&m| self.is(m, Word::Determiner))
            .unwrap_or(e);
        Some((s, e))
    }
}
