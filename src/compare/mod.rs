//! Comparison of findings with the reference corpus: verdicts and explanations.

mod certainty;
mod diff;
mod figures;
mod sources;

pub use diff::{diff, Mark};
pub use figures::Figure;

use certainty::{certainty_detail, negations, Cue};
pub use sources::{is_specific, same_source};

use crate::corpus::{terms, Corpus, Hit};
use crate::detect::{Attribution, Detections, Hedge, Statistic};
use crate::finding::{Detail, Finding, Kind};
use crate::text::Span;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The result of comparing a finding with the corpus (shared by CLI JSON, cards and tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The corpus says the same thing.
    Corroborated,
    /// The corpus gives another figure for the same quantity.
    NumberDiffers,
    /// Hedged on one side, stated flatly on the other.
    CertaintyDiffers,
    /// The same content is credited to another source (or none).
    SourceDiffers,
    /// Nothing in the corpus speaks of it.
    NotInCorpus,
    /// No corpus was given.
    NotCompared,
}

impl Verdict {
    /// How much a reader needs to know of it: the verdict of a finding is its most important
    /// difference.
    fn importance(self) -> u8 {
        match self {
            Verdict::NumberDiffers => 5,
            Verdict::CertaintyDiffers => 4,
            Verdict::SourceDiffers => 3,
            Verdict::Corroborated => 2,
            Verdict::NotInCorpus => 1,
            Verdict::NotCompared => 0,
        }
    }

    /// The kebab-case name used in JSON and `data-verdict`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Corroborated => "corroborated",
            Verdict::NumberDiffers => "number-differs",
            Verdict::CertaintyDiffers => "certainty-differs",
            Verdict::SourceDiffers => "source-differs",
            Verdict::NotInCorpus => "not-in-corpus",
            Verdict::NotCompared => "not-compared",
        }
    }

    /// The verdict in words, for a card.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Corroborated => "Corroborated",
            Verdict::NumberDiffers => "Different number",
            Verdict::CertaintyDiffers => "Different certainty",
            Verdict::SourceDiffers => "Different source",
            Verdict::NotInCorpus => "Not in the corpus",
            Verdict::NotCompared => "Not compared",
        }
    }
}

/// One way in which a finding differs from its reference passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    /// The verdict this difference alone would give.
    pub verdict: Verdict,
    /// What differs, in words.
    pub detail: String,
}

/// The reference passage a finding was compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    /// The document's identifier (its file name in the corpus).
    pub doc: String,
    /// The document's title.
    pub title: String,
    /// Who published it, if known.
    pub outlet: Option<String>,
    /// When it was published, if known.
    pub date: Option<String>,
    /// The passage compared with.
    pub text: String,
    /// Weighted share of the finding's sentence found in the passage, 0–1.
    pub score: f64,
    /// The words of `text` that differ from the page passage (`Finding::page_passage`), as
    /// byte spans into `text` (JSON: `[{"start", "end"}]`).
    pub marks: Vec<Mark>,
}

/// The part of the page a finding was compared with (its sentence, or a window of it around
/// the finding), shown beside the reference passage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PagePassage {
    /// Byte offset of the passage's first byte in the analysed text.
    pub start: usize,
    /// Byte offset one past the passage's last byte.
    pub end: usize,
    /// The passage.
    pub text: String,
    /// The words of `text` that differ from the reference passage, as byte spans into `text`
    /// (not into the analysed text; JSON: `[{"start", "end"}]`).
    pub marks: Vec<Mark>,
}

/// A date as a reader writes it: "2024-06" → "June 2024", "2024-06-01" → "1 June 2024"; other
/// text is returned as it is.
///
/// ```
/// use claimlens::compare::format_date;
/// assert_eq!(format_date("2024-06"), "June 2024");
/// assert_eq!(format_date("2024-06-01"), "1 June 2024");
/// assert_eq!(format_date("2024"), "2024");
/// assert_eq!(format_date("spring"), "spring");
/// ```
pub fn format_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let number = |s: &str| {
        s.parse::<usize>()
            .ok()
            .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
    };
    let year = parts
        .first()
        .copied()
        .filter(|y| y.len() == 4 && number(y).is_some());
    let month = parts
        .get(1)
        .and_then(|m| number(m))
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = parts
        .get(2)
        .and_then(|d| number(d))
        .filter(|d| (1..=31).contains(d));
    match (year, month, day, parts.len()) {
        (Some(y), None, None, 1) => y.to_string(),
        (Some(y), Some(m), None, 2) => format!("{m} {y}"),
        (Some(y), Some(m), Some(d), 3) => format!("{d} {m} {y}"),
        _ => iso.to_string(),
    }
}

/// How large and how recent the corpus is, for the sidebar's footer: "Reference corpus: 2
/// articles, June 2024" (the latest document date; "undated" when none has one).
///
/// ```
/// use claimlens::{compare::describe_corpus, Corpus};
/// assert_eq!(describe_corpus(&Corpus::bundled()), "Reference corpus: 2 articles, June 2024");
/// assert_eq!(describe_corpus(&Corpus::default()), "Reference corpus: 0 articles");
/// ```
pub fn describe_corpus(corpus: &Corpus) -> String {
    let docs = corpus.documents();
    let count = match docs.len() {
        1 => "1 article".to_string(),
        n => format!("{} articles", crate::format_number(n as f64)),
    };
    // ISO 8601 dates sort as text; only well-formed ones take part.
    let latest = docs
        .iter()
        .filter_map(|d| d.date.as_deref())
        .filter(|d| d.len() >= 4 && d.as_bytes()[..4].iter().all(u8::is_ascii_digit))
        .max();
    match (docs.is_empty(), latest) {
        (true, _) => format!("Reference corpus: {count}"),
        (false, Some(date)) => format!("Reference corpus: {count}, {}", format_date(date)),
        (false, None) => format!("Reference corpus: {count}, undated"),
    }
}

/// A passage is about the same thing as a page sentence when it holds at least this share of
/// the sentence's weighted terms.
const SAME_TOPIC: f64 = 0.35;
/// Figures are looked for in passages holding at least this share.
const RELATED: f64 = 0.2;
/// How many passages are considered per sentence.
const CANDIDATES: usize = 5;

/// A claim is a clause: queries longer than this are cut, so that a run-on "sentence" of a
/// hostile page costs linear time, not quadratic.
const MAX_QUERY_BYTES: usize = 600;

/// The first `max` bytes of `span` (cut back to a char boundary).
fn clip(text: &str, span: Span, max: usize) -> Span {
    let mut end = span.end.min(span.start + max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(span.start, end)
}

/// The part of `sentence` within `max / 2` bytes of `inner` on either side.
fn window(text: &str, sentence: Span, inner: Span, max: usize) -> Span {
    let mut start = sentence.start.max(inner.start.saturating_sub(max / 2));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = sentence.end.min(inner.end + max / 2).max(start);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start.min(end), end)
}

/// The items among `items` (sorted by start) that lie within `span`, found by binary search.
fn within<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|i| span_of(i).start < span.start);
    let to = items.partition_point(|i| span_of(i).start < span.end);
    &items[from..to.max(from)]
}

/// One side of a comparison: a text and what the detectors found in it.
#[derive(Clone, Copy)]
struct Side<'a> {
    text: &'a str,
    det: &'a Detections,
}

/// How far back among the attributions (sorted by start) a finding looks for the one whose
/// content holds it: bounded, so that a run of thousands of attributions stays linear.
const ATTRIBUTION_LOOKBACK: usize = 16;

impl<'a> Side<'a> {
    /// The certainty cues within `span` that bear on `about`: hedges (those that are
    /// attribution cues, such as "estimates", left out) and negations, each kept when its
    /// clause shares terms with `about`.
    fn cues(&self, span: Span, about: &Terms) -> Vec<Cue> {
        let hedges: Vec<&Hedge> = within(&self.det.hedges, span, |h| h.span)
            .iter()
            .filter(|h| span.contains(h.span))
            .filter(|h| !self.is_attribution_cue(h.span))
            .collect();
        let mut cues: Vec<Cue> = hedges
            .iter()
            .map(|h| Cue {
                span: h.span,
                negation: false,
            })
            .collect();
        cues.extend(
            negations(self.text, span)
                .into_iter()
                .filter(|n| !hedges.iter().any(|h| h.span.overlaps(*n)))
                .map(|n| Cue {
                    span: n,
                    negation: true,
                }),
        );
        // A cue bears on the content when its clause shares terms with it, or when its clause
        // says nothing else ("…, which could not be independently verified"): then it
        // qualifies the clause before it.
        cues.retain(|c| {
            let clause = self.clause(span, c.span);
            let own: HashSet<String> = terms(c.span.slice(self.text)).into_iter().collect();
            about.shares(clause) || terms(clause).iter().filter(|t| !own.contains(*t)).count() <= 1
        });
        cues.sort_by_key(|c| c.span);
        cues
    }

    /// Whether `span` overlaps the cue of an attribution starting near it.
    fn is_attribution_cue(&self, span: Span) -> bool {
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

    fn statistics(self, span: Span) -> impl Iterator<Item = &'a Statistic> + 'a {
        let det: &'a Detections = self.det;
        within(&det.statistics, span, |s| s.span)
            .iter()
            .filter(move |s| span.contains(s.span))
    }

    /// The attributions that credit the claim `claim`: those whose span or content overlaps it
    /// (looked for among the attributions starting near it).
    fn crediting(&self, claim: Span) -> Vec<&'a Attribution> {
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

    /// The sources credited within `span` for content that bears on `about`.
    fn sources(&self, span: Span, about: &Terms) -> Vec<&'a str> {
        self.det
            .attributions
            .iter()
            .filter(|a| span.overlaps(a.span))
            .filter(|a| about.shares(a.content.unwrap_or(a.span).slice(self.text)))
            .filter_map(|a| a.source.map(|s| s.slice(self.text)))
            .collect()
    }

    /// The claim a finding belongs to: the content of the attribution that holds it (or of the
    /// attribution it is), else its clause. Findings with one claim share one comparison.
    fn claim_of(&self, f: &Finding) -> Span {
        let span = f.span();
        if let Detail::Attribution {
            content: Some(c), ..
        } = &f.detail
        {
            if c.end > c.start {
                return Span::new(c.start, c.end);
            }
        }
        if f.kind == Kind::Attribution {
            return span;
        }
        let to = self
            .det
            .attributions
            .partition_point(|a| a.span.start <= span.start);
        let holder = self.det.attributions[..to]
            .iter()
            .rev()
            .take(ATTRIBUTION_LOOKBACK)
            .find(|a| a.content.unwrap_or(a.span).contains(span) || a.cue.contains(span));
        match holder {
            Some(a) => a.content.filter(|c| c.end > c.start).unwrap_or(a.span),
            None => self.clause_span(f.sentence, span),
        }
    }

    /// The clause of `sentence` around `inner`: between the nearest clause punctuation marks
    /// outside it (a comma between digits, as in "1,200", is no clause break).
    fn clause_span(&self, sentence: Span, inner: Span) -> Span {
        // Within a bounded window, so that run-on sentences cost linear time overall.
        let sentence = window(self.text, sentence, inner, MAX_QUERY_BYTES);
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
            _ => false,
        };
        let from = (0..=from)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        let to = (to..=s.len())
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(s.len());
        let start = s[..from]
            .char_indices()
            .rev()
            .find(|&(i, c)| is_break(i, c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = s[to..]
            .char_indices()
            .find(|&(i, c)| is_break(to + i, c))
            .map_or(s.len(), |(i, _)| to + i);
        Span::new(sentence.start + start, sentence.start + end.max(start))
    }

    /// The text of [`Side::clause_span`].
    fn clause(&self, sentence: Span, inner: Span) -> &'a str {
        self.clause_span(sentence, inner).slice(self.text)
    }

    /// The figure of `stat`, read in its clause of `sentence`, credited sources left out.
    fn figure(&self, stat: &Statistic, sentence: Span) -> Figure {
        let clause = self.clause_span(sentence, stat.span);
        let credited: Vec<Span> = self
            .crediting(clause)
            .iter()
            .filter_map(|a| a.source)
            .collect();
        Figure::read(stat, self.text, clause, &credited)
    }
}

/// The retrieval terms of the text a finding is compared with.
struct Terms(HashSet<String>);

impl Terms {
    fn of(text: &str) -> Terms {
        Terms(terms(text).into_iter().collect())
    }

    /// Whether `text` shares at least two terms with these: enough to be about the same thing.
    fn shares(&self, text: &str) -> bool {
        terms(text)
            .into_iter()
            .collect::<HashSet<_>>()
            .intersection(&self.0)
            .count()
            >= 2
    }
}

/// What the comparison of one finding found.
struct Outcome {
    differences: Vec<Difference>,
    reference: Option<(usize, Hit)>,
    agreement: String,
}

/// The comparison of one claim, shared by every finding in it: the reference passage, how
/// certainty and sources differ, and which figure of the reference each page figure meets.
#[derive(Clone)]
struct ClaimOutcome {
    reference: Option<(usize, Hit)>,
    differences: Vec<Difference>,
    agreement: String,
}

/// Compares every finding with the corpus, filling in verdicts, differences, explanations and
/// references. Findings are grouped into claims (the content of an attribution, or a clause):
/// the findings of one claim share one comparison — who is credited, how certain it is stated,
/// which passage it is set against — and each statistic adds its own figure's comparison. A
/// page that is one of the corpus documents is compared with the others only.
pub fn compare_all(
    text: &str,
    _sentences: &[Span],
    det: &Detections,
    findings: &mut [Finding],
    corpus: &Corpus,
) {
    let exclude = corpus.same_documents(text);
    let page = Side { text, det };
    let mut searches: HashMap<Span, Vec<Hit>> = HashMap::new();
    let mut claims: HashMap<Span, ClaimOutcome> = HashMap::new();
    for f in findings.iter_mut() {
        let claim = page.claim_of(f);
        let query = match f.kind {
            Kind::Attribution => claim,
            _ if claim.start >= f.sentence.start && claim.end <= f.sentence.end => f.sentence,
            _ => claim,
        };
        let query = clip(text, query, MAX_QUERY_BYTES);
        // The window is around the claim's first bytes, so that a run-on claim stays bounded.
        let near = window(
            text,
            f.sentence.cover(claim),
            clip(text, claim, MAX_QUERY_BYTES),
            MAX_QUERY_BYTES,
        );
        let hits = searches
            .entry(query)
            .or_insert_with(|| corpus.search(query.slice(text), CANDIDATES, &exclude));
        let shared = claims
            .entry(claim)
            .or_insert_with(|| compare_claim(page, f.sentence, claim, near, query, hits, corpus))
            .clone();
        let outcome = match f.kind {
            Kind::Statistic => compare_statistic(page, f, &shared, hits, corpus),
            _ => Outcome {
                differences: shared.differences,
                reference: shared.reference,
                agreement: shared.agreement,
            },
        };
        apply(f, outcome, corpus, text, near);
    }
}

fn reference_side(corpus: &Corpus, passage: usize) -> (Side<'_>, Span) {
    let p = corpus.passages()[passage];
    let side = Side {
        text: &corpus.documents()[p.doc].text,
        det: corpus.detections(p.doc),
    };
    (side, p.span)
}

/// The statistics of a claim compared (a bounded number, for hostile run-on text).
const CLAIM_FIGURES: usize = 8;

/// The first related passage (and its figure) that gives a figure for the same quantity as
/// `mine`, with whether the values agree.
fn counterpart<'c>(
    mine: &Figure,
    hits: &[Hit],
    corpus: &'c Corpus,
) -> Option<(Hit, &'c Statistic, bool)> {
    hits.iter()
        .filter(|h| h.coverage >= RELATED)
        .find_map(|hit| {
            let (reference, passage) = reference_side(corpus, hit.passage);
            reference.statistics(passage).find_map(|other| {
                let theirs = reference.figure(other, passage);
                mine.relation(&theirs).map(|agree| (*hit, other, agree))
            })
        })
}

/// Compares one claim: chooses its reference passage (the one giving a figure for the same
/// quantity as one of the claim's figures, else the passage most about the same thing), then
/// its certainty and its sources against that passage.
fn compare_claim(
    page: Side,
    sentence: Span,
    claim: Span,
    near: Span,
    query: Span,
    hits: &[Hit],
    corpus: &Corpus,
) -> ClaimOutcome {
    let by_figure = page
        .statistics(near)
        .filter(|s| claim.contains(s.span))
        .take(CLAIM_FIGURES)
        .find_map(|s| counterpart(&page.figure(s, sentence), hits, corpus));
    let Some(hit) = by_figure
        .map(|(hit, _, _)| hit)
        .or_else(|| hits.iter().find(|h| h.coverage >= SAME_TOPIC).copied())
    else {
        return ClaimOutcome {
            reference: None,
            differences: Vec::new(),
            agreement: String::new(),
        };
    };
    let (reference, passage) = reference_side(corpus, hit.passage);
    let about_reference = Terms::of(passage.slice(reference.text));
    let mut about_page = Terms::of(query.slice(page.text));
    if let Some((_, stat, _)) = by_figure {
        // The clause of the matching figure is about the same thing, whatever its wording.
        about_page
            .0
            .extend(terms(reference.clause(passage, stat.span)));
    }
    let page_cues = page.cues(near, &about_reference);
    let ref_cues = reference.cues(passage, &about_page);
    let mut differences = Vec::new();
    if let Some(detail) = certainty_detail(&page_cues, &ref_cues, page.text, reference.text) {
        differences.push(Difference {
            verdict: Verdict::CertaintyDiffers,
            detail,
        });
    }
    let mut agreement = match (page_cues.first(), ref_cues.first()) {
        (Some(_), Some(c)) => format!(
            "The reference hedges it too (“{}”).",
            c.span.slice(reference.text)
        ),
        _ => "The reference says the same.".to_string(),
    };
    let mine: Vec<&str> = page
        .crediting(claim)
        .iter()
        .filter(|a| a.span.overlaps(near))
        .filter_map(|a| a.source.map(|s| s.slice(page.text)))
        .collect();
    let theirs = match by_figure {
        // The figure met is credited to the sources of its clause, else to those of its
        // sentence ("X estimates that …, with a total of …").
        Some((_, stat, _)) => {
            let clause = reference.clause_span(passage, stat.span);
            let of = |span: Span| -> Vec<&str> {
                reference
                    .crediting(span)
                    .iter()
                    .filter(|a| passage.overlaps(a.span))
                    .filter_map(|a| a.source.map(|s| s.slice(reference.text)))
                    .collect()
            };
            let own = of(clause);
            if own.is_empty() {
                of(passage)
            } else {
                own
            }
        }
        None => reference.sources(passage, &about_page),
    };
    // A source the detectors missed on the page ("the UK Ministry of Defence “reporting”")
    // still counts when the page's passage names it.
    let mine: Vec<&str> = if mine.is_empty() {
        let passage_text = near.slice(page.text);
        theirs
            .iter()
            .copied()
            .filter(|t| is_specific(t) && same_source(t, passage_text))
            .collect()
    } else {
        mine
    };
    match source_difference(&mine, &theirs) {
        Ok(Some(same)) => {
            agreement = format!("The reference credits the same source: {same}.");
        }
        Ok(None) => {}
        Err(detail) => differences.push(Difference {
            verdict: Verdict::SourceDiffers,
            detail,
        }),
    }
    ClaimOutcome {
        reference: Some((hit.passage, hit)),
        differences,
        agreement,
    }
}

/// Whether the sources credited on the page (`mine`) and in the reference (`theirs`) for one
/// claim differ: `Ok(Some(source))` when one is the same (aliases allowed), `Err(detail)` when
/// they differ — other specific sources, or a specific source on one side and none at all on
/// the other — and `Ok(None)` when there is nothing to set against each other ("the report",
/// "he" or "officials" name no one in particular).
///
/// ```
/// use claimlens::compare::source_difference;
/// assert!(source_difference(&["the UK"], &["British defence officials"]).is_ok_and(|s| s.is_some()));
/// assert!(source_difference(&["inside sources"], &["European officials"]).is_err());
/// assert!(source_difference(&[], &["the UK Ministry of Defence"]).is_err());
/// assert_eq!(source_difference(&["the report"], &["Ukrainian intelligence"]), Ok(None));
/// ```
pub fn source_difference<'s>(mine: &[&'s str], theirs: &[&str]) -> Result<Option<&'s str>, String> {
    if let Some(same) = mine
        .iter()
        .find(|m| theirs.iter().any(|t| same_source(m, t)))
    {
        return Ok(Some(same));
    }
    let specific = |list: &[&'s str]| list.iter().copied().find(|s| is_specific(s));
    let their_specific = theirs.iter().copied().find(|s| is_specific(s));
    match (specific(mine), their_specific) {
        (Some(m), Some(t)) => Err(format!("This page credits {m}; the reference credits {t}.")),
        (Some(m), None) if theirs.is_empty() => Err(format!(
            "This page credits {m}; the reference credits no source."
        )),
        (None, Some(t)) if mine.is_empty() => Err(format!(
            "This page credits no source; the reference credits {t}."
        )),
        _ => Ok(None),
    }
}

/// A figure is compared with the figures of the claim's reference passage first, then with
/// those of other related passages; certainty and sources come from its claim.
fn compare_statistic(
    page: Side,
    f: &Finding,
    claim: &ClaimOutcome,
    hits: &[Hit],
    corpus: &Corpus,
) -> Outcome {
    let Some(stat) = page.det.statistics.iter().find(|s| s.span == f.span()) else {
        return not_found();
    };
    let mine = page.figure(stat, f.sentence);
    let own: Vec<Hit> = claim.reference.iter().map(|(_, h)| *h).collect();
    let found = counterpart(&mine, &own, corpus).or_else(|| counterpart(&mine, hits, corpus));
    let Some((hit, other, agree)) = found else {
        return not_found();
    };
    let (reference, _) = reference_side(corpus, hit.passage);
    let their_text = other.span.slice(reference.text);
    let mut differences = Vec::new();
    if !agree {
        differences.push(Difference {
            verdict: Verdict::NumberDiffers,
            detail: format!(
                "This page says “{}”; the reference says “{}” for the same quantity.",
                f.text, their_text
            ),
        });
    }
    if claim.reference.map(|(p, _)| p) == Some(hit.passage) {
        differences.extend(claim.differences.iter().cloned());
    }
    Outcome {
        differences,
        reference: Some((hit.passage, hit)),
        agreement: format!("The reference gives the same figure: “{their_text}”."),
    }
}

fn not_found() -> Outcome {
    Outcome {
        differences: Vec::new(),
        reference: None,
        agreement: String::new(),
    }
}

/// Writes an outcome into the finding: the verdict is the most important difference; the page
/// passage `near` and the reference passage are set side by side with their differing words
/// marked.
fn apply(f: &mut Finding, outcome: Outcome, corpus: &Corpus, text: &str, near: Span) {
    let Some((passage, hit)) = outcome.reference else {
        f.verdict = Verdict::NotInCorpus;
        f.differences.clear();
        f.explanation = match f.kind {
            Kind::Statistic => "No figure for the same quantity in the reference corpus.",
            _ => "Nothing in the reference corpus speaks of this.",
        }
        .to_string();
        f.reference = None;
        f.page_passage = None;
        return;
    };
    let top = outcome
        .differences
        .iter()
        .max_by_key(|d| d.verdict.importance());
    f.verdict = top.map_or(Verdict::Corroborated, |d| d.verdict);
    f.explanation = top.map_or(outcome.agreement.clone(), |d| d.detail.clone());
    f.differences = outcome.differences;
    let doc = &corpus.documents()[corpus.passages()[passage].doc];
    let ref_text = corpus.passage_text(passage);
    let page_text = near.slice(text).to_string();
    let (page_marks, ref_marks) = diff(&page_text, ref_text);
    f.page_passage = Some(PagePassage {
        start: near.start,
        end: near.end,
        text: page_text,
        marks: page_marks,
    });
    f.reference = Some(Reference {
        doc: doc.id.clone(),
        title: doc.title.clone(),
        outlet: doc.outlet.clone(),
        date: doc.date.clone(),
        text: ref_text.to_string(),
        score: (hit.coverage * 100.0).round() / 100.0,
        marks: ref_marks,
    });
}
