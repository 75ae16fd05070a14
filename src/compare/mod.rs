//! Comparison of a page's detections with the reference corpus: a pure function from
//! (text, detections, corpus) to one typed [`Comparison`] per detection.
//!
//! 1. **The story** ([`same_story`]): the corpus documents that tell the page's story. None:
//!    every detection is not-in-corpus, and the sidebar can say so in one line.
//! 2. **The claim** ([`claims`]): each detection belongs to a claim — the content of the
//!    attribution that holds it, else its clause. A claim's counterpart is the claim of a
//!    story document that shares most of its words ([`CLAIM_MATCH`]); a figure's counterpart is
//!    a figure of a story document that counts the same quantity (`figures.rs`; its values in
//!    `interval.rs`, its times in `when.rs`) in a sentence about the same thing. Below that:
//!    not-in-corpus.
//! 3. **The differences**: the figures' values as intervals; the hedges and negations that
//!    govern each claim; the sources credited for it. Each is typed ([`Difference`],
//!    [`Agreement`]); the words a card shows are made from them in [`crate::view`].

mod certainty;
mod claims;
mod diff;
mod figures;
mod interval;
mod names;
mod outcome;
mod sources;
mod story;
mod when;

pub use diff::{diff, Mark};
pub use figures::{Figure, Quantity};
pub use interval::{Interval, Relation, Shape, ABOUT};
pub use names::{name_set, names_in};
pub use outcome::{Agreement, Comparison, Difference, PagePassage, Reference, Side, Verdict};
pub use sources::{is_specific, same_source, source_comparison, OneSidedCredit};
pub use story::{same_story, StoryMatch};
pub use when::{calendar_days, clock_times};

use crate::corpus::{is_passage, term_counts, terms, Corpus, TermCounts};
use crate::detect::{Detections, Statistic};
use crate::text::Span;
use certainty::certainty_difference;
use claims::{clip, compound_set, term_set, window, within, Side as Text, MAX_CLAIM_BYTES};
use std::collections::{HashMap, HashSet};
use when::LeadClock;

/// A claim's counterpart must share at least this Dice coefficient of terms with it…
pub const CLAIM_MATCH: f64 = 0.3;
/// …and at least this many terms.
pub const CLAIM_SHARED: usize = 2;
/// A figure with the same value is its counterpart's in any sentence of the story (the same
/// value of the same quantity in one story is the same figure)…
pub const FIGURE_AGREES: f64 = 0.0;
/// …one that a looser figure allows ("612" for "at least 40") only when their sentences say
/// this much of the same thing (see `context_overlap`: the share of the shorter sentence's
/// terms the other holds, the figures' own words left out)…
pub const FIGURE_CONSISTENT: f64 = 0.2;
/// …and one that differs when they say this much of the same thing; a difference also needs
/// the same time, names in common and, for units, a subject in common (see
/// [`Figure::relation`]).
pub const FIGURE_DIFFERS: f64 = 0.1;
/// The statistics of one page compared at most (a bound for hostile pages).
const MAX_FIGURES_PER_DOCUMENT: usize = 200;
/// At most this many figures of one attributed claim or hedged claim are checked against its
/// counterpart (a claim is at most [`MAX_CLAIM_BYTES`] long; a list of figures needs no more).
const MAX_FIGURES_PER_CLAIM: usize = 4;

/// The comparisons of every detection of a page, in the order of the detections' lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compared {
    /// The corpus documents that tell the page's story, best first (empty: the corpus has
    /// nothing on this page).
    pub story: Vec<StoryMatch>,
    /// One comparison per attribution.
    pub attributions: Vec<Comparison>,
    /// One comparison per hedge.
    pub hedges: Vec<Comparison>,
    /// One comparison per statistic.
    pub statistics: Vec<Comparison>,
}

/// The claim each detection belongs to (see [`claims`]), in the order of the detections' lists:
/// findings of one claim share one comparison and one card.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Claims {
    /// The claim of each attribution.
    pub attributions: Vec<Span>,
    /// The claim of each hedge.
    pub hedges: Vec<Span>,
    /// The claim of each statistic.
    pub statistics: Vec<Span>,
}

/// The claim of every detection of `text`: the content of the attribution that holds it, else
/// its clause.
///
/// ```
/// use claimlens::compare::claims;
/// use claimlens::detect::detect;
/// use claimlens::text::sentences;
/// let text = "Russia lost 500 troops, according to the ministry.";
/// let sents = sentences(text);
/// let c = claims(text, &sents, &detect(text, &sents));
/// assert_eq!(c.attributions[0].slice(text), "Russia lost 500 troops");
/// assert_eq!(c.statistics[0], c.attributions[0]);
/// ```
pub fn claims(text: &str, sentences: &[Span], det: &Detections) -> Claims {
    let side = Text {
        text,
        sentences,
        det,
    };
    Claims {
        attributions: det
            .attributions
            .iter()
            .map(|a| side.claim_of(a.span))
            .collect(),
        hedges: det.hedges.iter().map(|h| side.claim_of(h.span)).collect(),
        statistics: det
            .statistics
            .iter()
            .map(|s| side.claim_of(s.span))
            .collect(),
    }
}

/// Compares every detection of `text` (split into `sentences`, with detections `det`) with
/// `corpus`.
///
/// ```
/// use claimlens::compare::compare;
/// use claimlens::detect::detect;
/// use claimlens::text::sentences;
/// use claimlens::{Corpus, Verdict};
/// let corpus = Corpus::bundled();
/// let text = "The weather in Paris was mild on Sunday, officials said, with 12 degrees.";
/// let sents = sentences(text);
/// let compared = compare(text, &sents, &detect(text, &sents), &corpus);
/// assert!(compared.story.is_empty());
/// assert!(compared.statistics.iter().all(|c| c.verdict == Verdict::NotInCorpus));
/// ```
pub fn compare(text: &str, sentences: &[Span], det: &Detections, corpus: &Corpus) -> Compared {
    let page_names = name_set(text);
    // The page's terms as the corpus indexes a document's: its body sentences only.
    let body: TermCounts = term_counts(
        sentences
            .iter()
            .map(|s| s.slice(text))
            .filter(|s| is_passage(s))
            .flat_map(terms),
    );
    let story = same_story(corpus, text, &body, &page_names);
    let page = Text {
        text,
        sentences,
        det,
    };
    let references: Vec<RefDoc> = story.iter().map(|m| RefDoc::new(corpus, m)).collect();
    let mut run = Run {
        page,
        corpus,
        references,
        page_names,
        page_lead_clock: match story.is_empty() {
            true => LeadClock::default(),
            false => LeadClock::of(sentences.iter().map(|s| s.slice(text))),
        },
        page_days: match story.is_empty() {
            true => Vec::new(),
            false => calendar_days(text),
        },
        claim_matches: HashMap::new(),
        figure_matches: HashMap::new(),
    };
    let attributions = det
        .attributions
        .iter()
        .map(|a| run.claim_finding(a.span))
        .collect();
    let hedges = det
        .hedges
        .iter()
        .map(|h| run.claim_finding(h.span))
        .collect();
    let statistics = det
        .statistics
        .iter()
        .map(|s| run.statistic_finding(s))
        .collect();
    Compared {
        story,
        attributions,
        hedges,
        statistics,
    }
}

/// A claim of a reference document with its terms.
struct RefClaim {
    sentence: Span,
    span: Span,
    terms: HashSet<String>,
    sentence_terms: usize,
}

/// A figure of a reference document, read once, with the terms of its sentence but its own
/// (what it is said about).
struct RefFigure<'c> {
    stat: &'c Statistic,
    figure: Figure,
    context: HashSet<String>,
}

/// The terms of `sentence` without those of the figure `stat`: what the figure is said about,
/// so that a figure written or changed differently is compared on the same footing.
fn figure_context(text: &str, sentence: Span, stat: Span) -> HashSet<String> {
    let own = compound_set(stat.slice(text));
    let mut context = compound_set(sentence.slice(text));
    context.retain(|t| !own.contains(t));
    context
}

/// A story document prepared for comparison: its passages as sentences, its claims, figures.
struct RefDoc<'c> {
    doc: usize,
    /// Whether the page is this document edited ([`StoryMatch::is_copy`]).
    copy: bool,
    text: &'c str,
    det: &'c Detections,
    sentences: Vec<Span>,
    sentence_terms: Vec<HashSet<String>>,
    claims: Vec<RefClaim>,
    figures: Vec<RefFigure<'c>>,
}

impl<'c> RefDoc<'c> {
    fn new(corpus: &'c Corpus, story: &StoryMatch) -> RefDoc<'c> {
        let doc = story.doc;
        let text = corpus.documents()[doc].text.as_str();
        let det = corpus.detections(doc);
        let sentences: Vec<Span> = corpus.passages()[corpus.passage_range(doc)]
            .iter()
            .map(|p| p.span)
            .collect();
        let sentence_terms: Vec<HashSet<String>> =
            sentences.iter().map(|s| term_set(s.slice(text))).collect();
        let side = Text {
            text,
            sentences: &sentences,
            det,
        };
        let names = name_set(text);
        let mut claims = Vec::new();
        let mut figures = Vec::new();
        let lead_clock = LeadClock::of(sentences.iter().map(|s| s.slice(text)));
        let days = calendar_days(text);
        for (i, &sentence) in sentences.iter().enumerate() {
            for span in side.claims_in(sentence) {
                claims.push(RefClaim {
                    sentence,
                    span,
                    terms: term_set(span.slice(text)),
                    sentence_terms: i,
                });
            }
            let stats: &'c [Statistic] = within(&det.statistics, sentence, |s| s.span);
            for stat in stats
                .iter()
                .filter(|s| sentence.contains(s.span))
                .take(MAX_FIGURES_PER_DOCUMENT)
            {
                let clause = side.clause(sentence, stat.span);
                let sentence_names = names_in(text, sentence, &names).into_iter().map(|(_, n)| n);
                figures.push(RefFigure {
                    stat,
                    figure: Figure::read(stat, text, clause, &side.source_spans(stat.span), &names)
                        .with_sentence_names(sentence_names)
                        .with_clocks(lead_clock.event_clocks(i, sentence.slice(text)))
                        .with_days(sentence.slice(text), &days),
                    context: figure_context(text, sentence, stat.span),
                });
            }
        }
        RefDoc {
            doc,
            copy: story.is_copy(),
            text,
            det,
            sentences,
            sentence_terms,
            claims,
            figures,
        }
    }

    fn side(&self) -> Text<'_> {
        Text {
            text: self.text,
            sentences: &self.sentences,
            det: self.det,
        }
    }
}

/// Dice coefficient of two term sets and the number of terms they share.
fn dice(a: &HashSet<String>, b: &HashSet<String>) -> (f64, usize) {
    let shared = a.intersection(b).count();
    let total = a.len() + b.len();
    if total == 0 {
        return (0.0, 0);
    }
    (2.0 * shared as f64 / total as f64, shared)
}

/// How much two figures' sentences say of the same thing: the share of the shorter one's terms
/// the other holds (a short sentence, "The car dragged her 10 feet.", is judged on its few
/// words), 0 when they share fewer than two terms and the shorter has more than three.
fn context_overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let shorter = a.len().min(b.len());
    if shorter == 0 || (shared < 2 && shorter > 3) {
        return 0.0;
    }
    shared as f64 / shorter as f64
}

/// A counterpart found: reference document, its sentence and claim, the part whose certainty
/// is compared (the claim, or a figure's clause), and how well they match.
#[derive(Clone, Copy)]
struct Match {
    reference: usize,
    sentence: Span,
    claim: Span,
    scope: Span,
    score: f64,
}

/// A figure's counterpart: the match and the reference's figure with how it relates.
#[derive(Clone, Copy)]
struct FigureMatch<'c> {
    at: Match,
    stat: &'c Statistic,
    relation: Relation,
}

/// One comparison run: the page, the story documents, and what was already matched (claims
/// and figures of the same text are matched once, so repetitive pages stay cheap).
struct Run<'a, 'c> {
    page: Text<'a>,
    corpus: &'c Corpus,
    references: Vec<RefDoc<'c>>,
    /// The page's names (see [`name_set`]).
    page_names: HashSet<String>,
    /// The time of day of the page's lead event.
    page_lead_clock: LeadClock,
    /// The calendar days the page names (see [`calendar_days`]).
    page_days: Vec<u16>,
    claim_matches: HashMap<&'a str, Option<Match>>,
    figure_matches: HashMap<(&'a str, &'a str), Option<FigureMatch<'c>>>,
}

impl<'a, 'c> Run<'a, 'c> {
    /// The counterpart of the page's claim `claim`, if a story document states it.
    fn claim_match(&mut self, claim: Span) -> Option<Match> {
        let key = claim.slice(self.page.text);
        if let Some(found) = self.claim_matches.get(key) {
            return *found;
        }
        let mine = term_set(key);
        let mut best: Option<Match> = None;
        for (r, reference) in self.references.iter().enumerate() {
            for c in &reference.claims {
                let (score, shared) = dice(&mine, &c.terms);
                let (whole, whole_shared) =
                    dice(&mine, &reference.sentence_terms[c.sentence_terms]);
                let (score, shared) = if whole * 0.9 > score {
                    (whole * 0.9, whole_shared)
                } else {
                    (score, shared)
                };
                if shared >= CLAIM_SHARED
                    && score >= CLAIM_MATCH
                    && best.is_none_or(|b| score > b.score)
                {
                    best = Some(Match {
                        reference: r,
                        sentence: c.sentence,
                        claim: c.span,
                        scope: c.span,
                        score,
                    });
                }
            }
        }
        self.claim_matches.insert(key, best);
        best
    }

    /// The times of day of the event the page's sentence `sentence` speaks of.
    fn page_clocks(&self, sentence: Span) -> Vec<u16> {
        let i = self
            .page
            .sentences
            .partition_point(|s| s.start < sentence.start);
        self.page_lead_clock
            .event_clocks(i, sentence.slice(self.page.text))
    }

    /// The counterpart of a page figure among the figures of the story documents: one with the
    /// same value, else the one whose sentence says most of the same thing among those a
    /// looser figure allows and those that differ (each above its floor).
    fn figure_match(&mut self, stat: &Statistic, sentence: Span) -> Option<FigureMatch<'c>> {
        let key = (
            stat.span.slice(self.page.text),
            sentence.slice(self.page.text),
        );
        if let Some(found) = self.figure_matches.get(&key) {
            return *found;
        }
        let clause = self.page.clause(sentence, stat.span);
        let mine = Figure::read(
            stat,
            self.page.text,
            clause,
            &self.page.source_spans(stat.span),
            &self.page_names,
        )
        .with_sentence_names(
            names_in(self.page.text, sentence, &self.page_names)
                .into_iter()
                .map(|(_, n)| n),
        )
        .with_clocks(self.page_clocks(sentence))
        .with_days(sentence.slice(self.page.text), &self.page_days);
        let context = figure_context(self.page.text, sentence, stat.span);
        let mut agreeing: Option<FigureMatch> = None;
        let mut consistent: Option<FigureMatch> = None;
        let mut differing: Option<FigureMatch> = None;
        for (r, reference) in self.references.iter().enumerate() {
            for f in &reference.figures {
                let Some(relation) = mine.relation(&f.figure) else {
                    continue;
                };
                let score = context_overlap(&context, &f.context);
                let side = reference.side();
                let sentence = side.sentence_of(f.stat.span);
                let found = FigureMatch {
                    at: Match {
                        reference: r,
                        sentence,
                        claim: side.claim_of(f.stat.span),
                        scope: side.clause(sentence, f.stat.span),
                        score,
                    },
                    stat: f.stat,
                    relation,
                };
                let (slot, floor) = match relation {
                    Relation::Agrees => (&mut agreeing, FIGURE_AGREES),
                    Relation::Consistent => (&mut consistent, FIGURE_CONSISTENT),
                    _ if mine.same_thing(&f.figure) => (&mut differing, FIGURE_AGREES),
                    _ => (&mut differing, FIGURE_DIFFERS),
                };
                if score >= floor && slot.is_none_or(|b| score > b.at.score) {
                    *slot = Some(found);
                }
            }
        }
        // The same value wins; a looser figure's agreement only over a difference in a sentence
        // less about the same thing ("at least 40 killed" is no agreement with another quake's
        // "612 killed" when this quake's "10 killed" is there).
        let found = agreeing.or(match (consistent, differing) {
            (Some(c), Some(d)) if d.at.score > c.at.score => Some(d),
            (c, d) => c.or(d),
        });
        self.figure_matches.insert(key, found);
        found
    }

    /// The comparison of an attribution or hedge: its claim's.
    fn claim_finding(&mut self, span: Span) -> Comparison {
        let claim = self.page.claim_of(span);
        match self.claim_match(claim) {
            Some(m) => {
                let (mut differences, mut agreements) =
                    self.claim_differences(claim, claim, &m, OneSidedCredit::Either);
                differences.extend(self.figure_difference(claim, &m));
                agreements.retain(|a| *a != Agreement::Claim || differences.is_empty());
                self.found(claim, &m, differences, agreements)
            }
            None => Comparison::not_in_corpus(),
        }
    }

    /// A figure of the page's claim that the counterpart's sentence gives another value
    /// ("estimated at $2 million, authorities said" against "… at $1 million"): the claim is
    /// not the same, whatever else agrees, and its card must not say otherwise than the
    /// figure's. The first [`MAX_FIGURES_PER_CLAIM`] figures of the claim are read.
    fn figure_difference(&mut self, claim: Span, m: &Match) -> Option<Difference> {
        let statistics = &self.page.det.statistics;
        let first = statistics.partition_point(|s| s.span.start < claim.start);
        let inside: Vec<&'a Statistic> = statistics[first..]
            .iter()
            .take_while(|s| s.span.start < claim.end)
            .filter(|s| s.span.end <= claim.end)
            .take(MAX_FIGURES_PER_CLAIM)
            .collect();
        inside.into_iter().find_map(|stat| {
            let sentence = self.page.sentence_near(stat.span);
            let found = self.figure_match(stat, sentence)?;
            let same_passage = found.at.reference == m.reference && found.at.sentence == m.sentence;
            let differs = !matches!(found.relation, Relation::Agrees | Relation::Consistent);
            (same_passage && differs).then(|| Difference::Number {
                page: stat.span.slice(self.page.text).to_string(),
                reference: found
                    .stat
                    .span
                    .slice(self.references[m.reference].text)
                    .to_string(),
                contradicts: found.relation == Relation::Contradicts,
            })
        })
    }

    /// The comparison of a statistic: its figure's, with its claim's certainty and sources.
    fn statistic_finding(&mut self, stat: &Statistic) -> Comparison {
        let sentence = self.page.sentence_near(stat.span);
        let Some(m) = self.figure_match(stat, sentence) else {
            return Comparison::not_in_corpus();
        };
        let claim = self.page.claim_of(stat.span);
        let clause = self.page.clause(sentence, stat.span);
        // A figure credited in one report only is the same figure, unless the page is the
        // other report edited: a copy that drops or adds a credit changed what it reports.
        let one_sided = if self.references[m.at.reference].copy {
            OneSidedCredit::Either
        } else {
            OneSidedCredit::Neither
        };
        let (mut differences, mut agreements) =
            self.claim_differences(claim, clause, &m.at, one_sided);
        let reference = &self.references[m.at.reference];
        let theirs = m.stat.span.slice(reference.text).to_string();
        match m.relation {
            Relation::Agrees | Relation::Consistent => {
                agreements.insert(0, Agreement::Figure { reference: theirs })
            }
            relation => differences.push(Difference::Number {
                page: stat.span.slice(self.page.text).to_string(),
                reference: theirs,
                contradicts: relation == Relation::Contradicts,
            }),
        }
        agreements.retain(|a| *a != Agreement::Claim || differences.is_empty());
        self.found(claim, &m.at, differences, agreements)
    }

    /// How the page's claim and its counterpart differ in certainty (within `scope`: the
    /// claim, or a figure's clause) and in the sources credited (a source on one side only
    /// as `one_sided` says; see [`source_comparison`]).
    fn claim_differences(
        &self,
        claim: Span,
        scope: Span,
        m: &Match,
        one_sided: OneSidedCredit,
    ) -> (Vec<Difference>, Vec<Agreement>) {
        let reference = &self.references[m.reference];
        let theirs = reference.side();
        let page_terms = term_set(scope.slice(self.page.text));
        let ref_terms = term_set(m.scope.slice(reference.text));
        let page_cues = self.page.cues(scope, &ref_terms);
        let ref_cues = theirs.cues(m.scope, &page_terms);
        let mut differences = Vec::new();
        let mut agreements = Vec::new();
        match certainty_difference(&page_cues, &ref_cues, self.page.text, reference.text) {
            Some(d) => differences.push(d),
            None => {
                if let (Some(mine), Some(c)) = (page_cues.first(), ref_cues.first()) {
                    agreements.push(Agreement::Hedged {
                        cue: c.span.slice(reference.text).to_string(),
                        denial: mine.negation && c.negation,
                    });
                }
            }
        }
        let theirs_sources = theirs.sources(m.claim);
        let mut mine = self.page.sources(claim);
        if mine.is_empty() {
            // A source the detectors missed on the page ("the UK Ministry of Defence
            // “reporting”") still counts when the page's passage names it.
            let passage = self.page_passage_span(claim).slice(self.page.text);
            mine = theirs_sources
                .iter()
                .copied()
                .filter(|t| is_specific(t) && same_source(t, passage))
                .collect();
        }
        match source_comparison(&mine, &theirs_sources, one_sided) {
            Some(Ok(agreement)) => agreements.push(agreement),
            Some(Err(difference)) => differences.push(difference),
            None => {}
        }
        if differences.is_empty() && agreements.is_empty() {
            agreements.push(Agreement::Claim);
        }
        (differences, agreements)
    }

    /// The page passage set beside the reference: the claim's sentence, or a window of it.
    fn page_passage_span(&self, claim: Span) -> Span {
        let sentence = self.page.sentence_of(claim);
        window(
            self.page.text,
            sentence.cover(claim),
            clip(self.page.text, claim, MAX_CLAIM_BYTES),
            MAX_CLAIM_BYTES,
        )
    }

    /// The comparison with a counterpart: both passages side by side with their differing
    /// words marked.
    fn found(
        &self,
        claim: Span,
        m: &Match,
        differences: Vec<Difference>,
        agreements: Vec<Agreement>,
    ) -> Comparison {
        let reference = &self.references[m.reference];
        let doc = &self.corpus.documents()[reference.doc];
        let near = self.page_passage_span(claim);
        let page_text = near.slice(self.page.text);
        let ref_text = m.sentence.slice(reference.text);
        let (page_marks, ref_marks) = diff(page_text, ref_text);
        Comparison::found(
            differences,
            agreements,
            Reference {
                doc: doc.id.clone(),
                title: doc.title.clone(),
                outlet: doc.outlet.clone(),
                date: doc.date.clone(),
                text: ref_text.to_string(),
                score: (m.score * 100.0).round() / 100.0,
                marks: ref_marks,
            },
            PagePassage {
                start: near.start,
                end: near.end,
                text: page_text.to_string(),
                marks: page_marks,
            },
        )
    }
}
