//! Whether two figures speak of the same quantity — the same counted thing, of the same
//! participants, at the same rate, over the same time — and how their values relate given their
//! qualifiers, read as intervals (see [`super::interval`]).
//!
//! What a figure counts is read from its own noun and the words next to it, with the general
//! equivalences of `counted.txt` ("killed" counts deaths, "soldiers" are troops); nothing here
//! knows any one story. Participants are the names of the figure's clause (see
//! [`super::names`]), the sources credited for it left out: "Russia lost 1,200" and "Ukraine
//! lost 1,200" are two quantities.

use super::claims::compound_terms;
use super::interval::{relate, Interval, Relation};
use super::names::names_in;
use super::when::{calendar_days, clock_times, dated_alike, months, same_moment, scope};
use crate::corpus::{canonical, is_place, is_stopword, terms};
use crate::detect::{lexicon, Statistic};
use crate::text::{stem, tokens, Span, Token};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

/// Reads `word = value` lines of a lexicon.
fn pairs(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    lexicon::entries(data).filter_map(|e| {
        let (k, v) = e.split_once('=')?;
        Some((k.trim(), v.trim()))
    })
}

/// What a counted word says: a measure ("deaths"), a thing ("troops"), a unit of time
/// ("years"), or nothing about what is measured ("reached").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Counted {
    Measure(&'static str),
    Thing(&'static str),
    Span,
    Generic,
}

/// Stemmed word → what it counts (`counted.txt`).
static COUNTED: LazyLock<HashMap<String, Counted>> = LazyLock::new(|| {
    pairs(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/compare/counted.txt"
    )))
    .map(|(word, class)| {
        let counted = match class.split_once(':') {
            Some(("measure", m)) => Counted::Measure(m),
            Some(("thing", t)) => Counted::Thing(t),
            None if class == "generic" => Counted::Generic,
            None if class == "span" => Counted::Span,
            _ => panic!("counted.txt: unknown class {class:?}"),
        };
        (stem(word), counted)
    })
    .collect()
});

/// The units the statistic detector normalises to (`src/detect/lexicons/units.txt`, read, not
/// copied): a figure in one of these ("8 percent", "$5 million", "40 km") measures whatever its
/// clause speaks of, so it is compared on that subject too.
static UNITS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    pairs(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/units.txt"
    )))
    .map(|(_, unit)| unit)
    .collect()
});

/// Normalised rate → days it spans (`rates.txt`).
static RATE_DAYS: LazyLock<HashMap<&'static str, f64>> = LazyLock::new(|| {
    pairs(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/compare/rates.txt"
    )))
    .filter_map(|(r, d)| Some((r, d.parse().ok()?)))
    .collect()
});

/// Rate phrase (as words) → normalised rate: the statistic detector's own list
/// (`src/detect/lexicons/rates.txt`), read, not copied; longest first.
static RATE_PHRASES: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    let mut list: Vec<(Vec<&str>, &str)> = pairs(include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/rates.txt"
    )))
    .map(|(phrase, rate)| (phrase.split_whitespace().collect(), rate))
    .collect();
    list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    list
});

/// How many words on each side of a figure are read for what it counts and for its rate.
const NEAR_WORDS: usize = 4;
/// How many words before a figure without a noun are read for what it counts ("troop losses
/// in May reached 38,940").
const BEFORE_WORDS: usize = 8;

/// What a figure counts: the measure said of it (deaths, casualties…) and the thing counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quantity {
    /// The measure ("deaths", "casualties"), if one is said.
    pub measure: Option<String>,
    /// The thing counted, normalised ("troops", "migrant", "percent"), if said.
    pub thing: Option<String>,
}

impl Quantity {
    /// Whether anything is known of what the figure counts.
    pub fn is_known(&self) -> bool {
        self.measure.is_some() || self.thing.is_some()
    }

    /// Whether two figures count the same: equal measures and things, a thing unsaid on one
    /// side allowed when both say the measure.
    pub fn same_as(&self, other: &Quantity) -> bool {
        if !self.is_known() || self.measure != other.measure {
            return false;
        }
        match (&self.thing, &other.thing) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.measure.is_some(),
            _ => self.measure.is_some(),
        }
    }
}

/// A figure with what it counts, whose it is, and the time it covers, ready to be compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The values the figure allows.
    pub interval: Interval,
    /// What it counts.
    pub quantity: Quantity,
    /// Normalised rate ("per day"), if any.
    pub rate: Option<String>,
    /// Normalised time scope ("may", "2023", "since start"), if any.
    pub scope: Option<String>,
    /// The states and places named in the figure's clause outside the sources credited
    /// (canonical forms: "russia" for "Kremlin"): "Russia lost 1,200" and "Ukraine lost 1,200"
    /// are two quantities, whatever their values.
    pub participants: BTreeSet<String>,
    /// Every name of the figure's clause outside the sources credited. Two outlets name
    /// different people and bodies around one figure, so these only bar a difference, and only
    /// when neither figure's clause names anything the other's sentence names (see
    /// [`Figure::with_sentence_names`]).
    pub names: BTreeSet<String>,
    /// Every name of the figure's sentence (empty unless given).
    pub sentence_names: BTreeSet<String>,
    /// The times of day its sentence states ("at 2:09 a.m."), minutes after midnight (empty
    /// unless given): two figures stated at different moments are of different events.
    pub sentence_clocks: Vec<u16>,
    /// The calendar days its sentence names ("on Dec. 30"; see [`super::when::calendar_days`]).
    pub sentence_days: Vec<u16>,
    /// The months its sentence names ("in September").
    pub sentence_months: Vec<u16>,
    /// The calendar days its whole document names.
    pub document_days: Vec<u16>,
    /// For a figure in a unit ("8 percent"): what its clause speaks of, as retrieval terms
    /// (names, the figure's own words and words of change such as "reached" left out); empty
    /// for counted things, whose noun says what they are.
    pub subject: BTreeSet<String>,
    /// The retrieval terms of the figure's own words, numbers left out, in order ("fully
    /// loaded magazines" of "13 fully loaded magazines"), and the noun a unit describes ("a
    /// 3.2-megapixel camera": "megapixel camera").
    pub described: Vec<String>,
    /// Whether the last of `described` names the thing counted or described, not a unit
    /// ("merchant vessels", "megapixel camera"; not "nautical miles").
    pub names_thing: bool,
    /// Whether a place the figure is measured from follows it ("26 miles north of Santa
    /// Rosa"): such a distance differs only from another measured from a place.
    pub measured_from: bool,
}

/// Two figures whose own words end in at least this many of the same terms count one thing
/// described alike ("13 fully loaded magazines", "five merchant vessels" and "8 Indian
/// merchant vessels"), whoever their clauses name.
const DESCRIBED_ALIKE: usize = 2;

impl Figure {
    /// Reads the statistic `stat` of `text` in its clause `clause` (a span of `text`): what it
    /// counts (its own noun, the measure said next to it), its rate and time scope, and the
    /// names of the clause outside `credited` (the spans of the sources credited, which say who
    /// reports, not whose figure it is); `known` are the text's names (see [`super::name_set`]).
    ///
    /// ```
    /// use claimlens::compare::{name_set, Figure};
    /// use claimlens::detect::find_statistics;
    /// use claimlens::Span;
    /// let text = "Moscow lost 35,000-37,000 troops in May.";
    /// let whole = Span::new(0, text.len());
    /// let stat = &find_statistics(text, &[whole])[0];
    /// let f = Figure::read(stat, text, whole, &[], &name_set(text));
    /// assert_eq!(f.quantity.measure.as_deref(), Some("casualties"));
    /// assert_eq!(f.scope.as_deref(), Some("may"));
    /// assert!(f.participants.contains("russia"));
    /// ```
    pub fn read(
        stat: &Statistic,
        text: &str,
        clause: Span,
        credited: &[Span],
        known: &HashSet<String>,
    ) -> Figure {
        let clause = Span::new(
            clause.start.min(stat.span.start),
            clause.end.max(stat.span.end),
        );
        let before_text = Span::new(clause.start, stat.span.start).slice(text);
        let after_text = Span::new(stat.span.end, clause.end).slice(text);
        let (before, after) = (tokens(before_text), tokens(after_text));
        // A conversion in brackets right after the figure ("300 kilometers (190 miles)").
        let aside = after_text
            .strip_prefix(" (")
            .and_then(|rest| rest.find(')'))
            .filter(|&close| close < 40)
            .map(|close| Span::new(0, close + 3));
        let names = names_in(text, clause, known);
        let uncredited: Vec<&(Span, String)> = names
            .iter()
            .filter(|(span, _)| !credited.iter().any(|c| c.overlaps(*span)))
            .collect();
        // Where it happened ("in Sonoma County", "north of Santa Rosa") is said differently
        // by each outlet; who it happened to is not.
        // …except the place a distance is measured from ("26 miles north of Santa Rosa"): the
        // first place right after the figure.
        let measured_from = after
            .iter()
            .find(|w| !aside.is_some_and(|a| a.contains(w.span)))
            .is_some_and(|w| is_origin(&w.norm));
        let distance_from = measured_from
            && stat
                .unit
                .as_deref()
                .is_some_and(|u| LENGTHS.contains(&u) || u.ends_with("miles"));
        let mut places = locatives(text, clause);
        if measured_from {
            places.retain(|p| p.start < stat.span.end);
            let next = locatives(text, Span::new(stat.span.end, clause.end))
                .into_iter()
                .skip(1);
            places.extend(next);
        }
        let participant_names: BTreeSet<String> = uncredited
            .iter()
            .filter(|(span, _)| !places.iter().any(|p| p.contains(*span)))
            .map(|(_, name)| name.clone())
            .collect();
        let uncredited: BTreeSet<String> = uncredited.iter().map(|(_, n)| n.clone()).collect();
        // A figure in a unit ("8 percent") or a span of time ("25 years") measures whatever its
        // clause speaks of.
        let in_unit = stat.unit.as_deref().is_some_and(|u| {
            UNITS.contains(u)
                || u.split_whitespace().last().is_some_and(|head| {
                    COUNTED.get(&stem(&head.to_lowercase())) == Some(&Counted::Span)
                })
        });
        let subject = if in_unit {
            let named: BTreeSet<String> = names.iter().map(|(_, n)| n.clone()).collect();
            compound_terms(before_text)
                .into_iter()
                .chain(compound_terms(after_text))
                .filter(|t| !named.contains(t) && !t.starts_with(|c: char| c.is_ascii_digit()))
                .filter(|t| COUNTED.get(t).is_none())
                .collect()
        } else {
            BTreeSet::new()
        };
        let head = adjective_head(stat.span.slice(text), &after);
        let names_thing = head.is_some();
        Figure {
            interval: Interval::of(stat, stat.span.slice(text)),
            quantity: quantity(stat, &before, &after),
            rate: stat.rate.clone().or_else(|| rate_after(&after)),
            scope: scope(&before, &after),
            participants: uncredited.iter().filter(|n| is_place(n)).cloned().collect(),
            names: participant_names,
            sentence_names: BTreeSet::new(),
            sentence_clocks: Vec::new(),
            sentence_days: Vec::new(),
            sentence_months: Vec::new(),
            document_days: Vec::new(),
            subject,
            described: terms(stat.span.slice(text))
                .into_iter()
                .filter(|t| !t.starts_with(|c: char| c.is_ascii_digit()))
                .chain(head)
                .collect(),
            names_thing,
            measured_from: distance_from,
        }
    }

    /// Whether the two figures' own words end in at least [`DESCRIBED_ALIKE`] of the same terms.
    fn described_alike(&self, other: &Figure) -> bool {
        self.described
            .iter()
            .rev()
            .zip(other.described.iter().rev())
            .take_while(|(a, b)| a == b)
            .count()
            >= DESCRIBED_ALIKE
    }

    /// Whether the two figures say, in their own words, that they count or describe the same
    /// thing ("five merchant vessels" and "8 Indian merchant vessels", "a 3.2-megapixel camera"
    /// and "a 4.8-megapixel camera"); a unit alike ("150 nautical miles", "13 nautical
    /// miles") is not enough.
    pub fn same_thing(&self, other: &Figure) -> bool {
        self.names_thing && other.names_thing && self.described_alike(other)
    }

    /// The figure with the names of its whole sentence, which a difference is checked against.
    pub fn with_sentence_names(mut self, names: impl IntoIterator<Item = String>) -> Figure {
        self.sentence_names = names.into_iter().collect();
        self
    }

    /// The figure with the times of day its whole sentence states (see [`clock_times`]).
    pub fn with_sentence_clocks(mut self, sentence: &str) -> Figure {
        self.sentence_clocks = clock_times(sentence);
        self
    }

    /// The figure with the times of day of its event (its sentence's, or for a headline and
    /// lead the first its document states).
    pub fn with_clocks(mut self, clocks: Vec<u16>) -> Figure {
        self.sentence_clocks = clocks;
        self
    }

    /// The figure with the calendar days of its sentence and of its whole document.
    pub fn with_days(mut self, sentence: &str, document_days: &[u16]) -> Figure {
        self.sentence_days = calendar_days(sentence);
        self.sentence_months = months(sentence);
        self.document_days = document_days.to_vec();
        self
    }

    /// Whether the figures' sentences could speak of one moment: times of day alike (see
    /// [`same_moment`]), and days alike (see [`dated_alike`]).
    fn same_moment(&self, other: &Figure) -> bool {
        same_moment(&self.sentence_clocks, &other.sentence_clocks)
            && dated_alike(
                &self.sentence_days,
                &other.document_days,
                &other.sentence_months,
            )
            && dated_alike(
                &other.sentence_days,
                &self.document_days,
                &self.sentence_months,
            )
    }

    /// Whether the figures can be set side by side: the same quantity, of participants that
    /// overlap (or unsaid on one side), both rates or both totals.
    pub fn comparable(&self, other: &Figure) -> bool {
        self.quantity.same_as(&other.quantity)
            && self.rate.is_some() == other.rate.is_some()
            && self.per_day_factor().is_some()
            && other.per_day_factor().is_some()
            && (self.participants.is_empty()
                || other.participants.is_empty()
                || !self.participants.is_disjoint(&other.participants))
    }

    /// How `other` bears on this figure: `None` if it speaks of something else; else how the
    /// values relate. Values that agree need the same quantity (a time unsaid on one side is
    /// allowed); values that differ — a strong claim — also need the same time, names that
    /// overlap (or are unsaid on one side) and, for a figure in a unit ("8 percent"), a
    /// subject in common.
    pub fn relation(&self, other: &Figure) -> Option<Relation> {
        if !self.comparable(other) {
            return None;
        }
        let relation = relate(&self.per_day(), &other.per_day());
        let same_time = self.scope == other.scope;
        let time_unsaid = self.scope.is_none() || other.scope.is_none();
        let same_subject = self.subject.is_empty() == other.subject.is_empty()
            && (self.subject.is_empty() || !self.subject.is_disjoint(&other.subject));
        let named_elsewhere = |a: &Figure, b: &Figure| {
            !a.names.is_disjoint(&b.names) || !a.names.is_disjoint(&b.sentence_names)
        };
        let described_alike = self.described_alike(other);
        // A distance from a named place differs only from another from a named place.
        let same_origin = self.measured_from == other.measured_from;
        let same_names = self.names.is_empty()
            || other.names.is_empty()
            || named_elsewhere(self, other)
            || named_elsewhere(other, self)
            || described_alike;
        match relation {
            Relation::Agrees | Relation::Consistent if same_time || time_unsaid => Some(relation),
            _ if same_time
                && same_subject
                && same_names
                && same_origin
                && self.same_moment(other) =>
            {
                Some(relation)
            }
            _ => None,
        }
    }

    /// Days per rate unit, 1 for totals; `None` for an unknown rate.
    fn per_day_factor(&self) -> Option<f64> {
        match &self.rate {
            None => Some(1.0),
            Some(r) => RATE_DAYS.get(r.as_str()).copied(),
        }
    }

    /// The interval per day (totals as they are).
    fn per_day(&self) -> Interval {
        self.interval.scaled(self.per_day_factor().unwrap_or(1.0))
    }
}

/// Units of length (as the statistic detector normalises them): a figure in one followed by a
/// place is a distance from it.
const LENGTHS: [&str; 6] = ["km", "mi", "m", "ft", "yd", "cm"];

/// Prepositions and directions that open a place: "in", "near", "north of".
const LOCATIVES: [&str; 18] = [
    "in",
    "near",
    "at",
    "from",
    "across",
    "outside",
    "off",
    "around",
    "throughout",
    "inside",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Whether a word opens a place: a locative word, or two directions joined ("south-west").
fn is_locative(word: &str) -> bool {
    LOCATIVES.contains(&word)
        || word
            .split_once('-')
            .is_some_and(|(a, b)| LOCATIVES[10..].contains(&a) && LOCATIVES[10..].contains(&b))
}

/// Whether a word after a distance says where it is measured from ("from", "off", "north of"),
/// not where something happened ("near", "in", "at").
fn is_origin(word: &str) -> bool {
    matches!(word, "from" | "off" | "outside")
        || (is_locative(word) && LOCATIVES[10..].iter().any(|d| word.starts_with(d)))
}

/// The places of `clause`: each run of capitalised words (with "the", "of", "and" between)
/// after a locative word ("in the North Bay", "north of Santa Rosa", "from San Francisco").
fn locatives(text: &str, clause: Span) -> Vec<Span> {
    let words = tokens(clause.slice(text));
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let opens = is_locative(&words[i].norm);
        i += 1;
        if !opens {
            continue;
        }
        let mut run: Option<Span> = None;
        while let Some(w) = words.get(i) {
            if w.cap {
                run = Some(run.map_or(w.span, |r| r.cover(w.span)));
            } else if !matches!(w.norm.as_str(), "the" | "of" | "and") {
                break;
            }
            i += 1;
        }
        out.extend(run.map(|r| r.shift(clause.start)));
    }
    out
}

/// The noun a figure in a unit describes when it is written as an adjective ("3.2-megapixel"
/// of "a 3.2-megapixel camera", "15-metre dhow"), as a retrieval term: the first word after it.
fn adjective_head(written: &str, after: &[Token]) -> Option<String> {
    let adjective = written
        .char_indices()
        .any(|(i, c)| c == '-' && written[..i].ends_with(|d: char| d.is_ascii_digit()));
    let next = after.first().filter(|t| t.is_word() && !t.glued)?;
    (adjective && !is_stopword(&next.norm)).then(|| canonical(&next.norm))
}

/// What a figure counts: its own noun (a measure or a thing), and for people (or a figure
/// without a noun) the measure said next to it ("lost 1,200 troops", "40 people were killed").
fn quantity(stat: &Statistic, before: &[Token], after: &[Token]) -> Quantity {
    let lookup = |word: &str| COUNTED.get(&stem(word)).copied();
    let mut q = Quantity::default();
    match stat.unit.as_deref() {
        Some(unit) => {
            let head = unit
                .split_whitespace()
                .last()
                .unwrap_or(unit)
                .to_lowercase();
            match lookup(&head) {
                Some(Counted::Measure(m)) => q.measure = Some(m.to_string()),
                Some(Counted::Thing(t)) => q.thing = Some(t.to_string()),
                Some(Counted::Generic) | Some(Counted::Span) | None => q.thing = Some(stem(&head)),
            }
            // "killed or wounded": both measures said of the figure are casualties.
            let measures: BTreeSet<&str> = unit
                .split_whitespace()
                .filter_map(|w| match lookup(&w.to_lowercase()) {
                    Some(Counted::Measure(m)) => Some(m),
                    _ => None,
                })
                .collect();
            if measures.len() > 1 {
                q.measure = Some("casualties".to_string());
            }
        }
        None => {
            // No noun: the counted words right after the figure ("36,000 killed or wounded"),
            // else the nearest before it ("troop losses … reached 38,940").
            let after_measures: BTreeSet<&str> = after
                .iter()
                .take(NEAR_WORDS)
                .filter_map(|t| match lookup(&t.norm) {
                    Some(Counted::Measure(m)) => Some(m),
                    _ => None,
                })
                .collect();
            match after_measures.len() {
                0 => {}
                1 => q.measure = after_measures.into_iter().next().map(str::to_string),
                _ => q.measure = Some("casualties".to_string()),
            }
            for t in before.iter().rev().take(BEFORE_WORDS) {
                match lookup(&t.norm) {
                    Some(Counted::Measure(m)) if q.measure.is_none() => {
                        q.measure = Some(m.to_string())
                    }
                    Some(Counted::Thing(th)) if q.thing.is_none() => q.thing = Some(th.to_string()),
                    Some(Counted::Generic) | Some(_) | None => {}
                }
            }
            return q;
        }
    }
    let people = matches!(q.thing.as_deref(), Some("people" | "troops"));
    if people && q.measure.is_none() {
        q.measure = nearest_measure(before, after, lookup);
    }
    q
}

/// The measure said nearest a figure of people, within [`NEAR_WORDS`] words on either side
/// and before any other number ("killing 10 people and injuring 80" counts deaths); two
/// measures joined by "or"/"and" ("killed or wounded") are casualties.
fn nearest_measure(
    before: &[Token],
    after: &[Token],
    lookup: impl Fn(&str) -> Option<Counted>,
) -> Option<String> {
    let measure = |t: &Token| match lookup(&t.norm) {
        Some(Counted::Measure(m)) => Some(m),
        _ => None,
    };
    let is_number = |t: &Token| t.norm.starts_with(|c: char| c.is_ascii_digit());
    // Words by distance from the figure: after first at each distance.
    let after: Vec<&Token> = after
        .iter()
        .take(NEAR_WORDS)
        .take_while(|t| !is_number(t))
        .collect();
    let before: Vec<&Token> = before
        .iter()
        .rev()
        .take(NEAR_WORDS)
        .take_while(|t| !is_number(t))
        .collect();
    let pairs = |side: &[&Token], i: usize| -> Option<&'static str> {
        let m = measure(side[i])?;
        let joined = side
            .get(i + 1)
            .is_some_and(|t| t.norm == "or" || t.norm == "and")
            && side
                .get(i + 2)
                .and_then(|t| measure(t))
                .is_some_and(|n| n != m);
        Some(if joined { "casualties" } else { m })
    };
    // Before first at each distance: the verb governs its object ("killing 10 people,
    // injuring dozens" counts deaths).
    (0..NEAR_WORDS)
        .find_map(|i| {
            (i < before.len())
                .then(|| pairs(&before, i))
                .flatten()
                .or_else(|| (i < after.len()).then(|| pairs(&after, i)).flatten())
        })
        .map(str::to_string)
}

/// A rate phrase among the few words after a figure, before any other number; its words in
/// lower case (a capitalised "Daily" is a name's: "the Anchorage Daily News reported").
fn rate_after(after: &[Token]) -> Option<String> {
    let words: Vec<&Token> = after
        .iter()
        .take(NEAR_WORDS + 3)
        .take_while(|t| !t.norm.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    (0..words.len()).find_map(|i| {
        RATE_PHRASES
            .iter()
            .find(|(phrase, _)| {
                words.len() >= i + phrase.len()
                    && phrase
                        .iter()
                        .zip(&words[i..])
                        .all(|(p, w)| *p == w.norm && !w.cap)
            })
            .map(|(_, rate)| rate.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::find_statistics;

    /// The figure of the statistic whose text contains `marked`, read in the whole `clause`.
    fn figure(clause: &str, marked: &str) -> Figure {
        let whole = Span::new(0, clause.len());
        let stats = find_statistics(clause, &[whole]);
        let stat = stats
            .iter()
            .find(|s| s.span.slice(clause).contains(marked))
            .unwrap_or_else(|| panic!("no statistic {marked:?} in {clause:?}: {stats:?}"));
        Figure::read(stat, clause, whole, &[], &crate::compare::name_set(clause))
            .with_sentence_clocks(clause)
            .with_days(clause, &calendar_days(clause))
    }

    /// (page clause, its figure, reference clause, its figure, expected relation).
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<Relation>,
    );
    const AGREE: Option<Relation> = Some(Relation::Agrees);
    const CONSISTENT: Option<Relation> = Some(Relation::Consistent);
    const CONTRADICT: Option<Relation> = Some(Relation::Contradicts);
    const BOUNDS: Option<Relation> = Some(Relation::DiffersWithoutContradiction);

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // One quantity written differently.
        ("reporting over 1,200 casualties per day in May", "1,200", "Russia lost over 1,200 personnel per day in May", "1,200", AGREE),
        ("Russia lost 1,200 troops in May", "1,200", "Russia lost 1.2 thousand soldiers in May", "1.2", AGREE),
        ("Russia lost 1,200 troops in May", "1,200", "Russia lost about 1,250 troops in May", "1,250", AGREE),
        ("Russia lost half a million troops", "half", "Russia lost 500,000 soldiers", "500,000", AGREE),
        ("Russia lost over 1,200 troops per day", "1,200", "Russia lost 1,300 soldiers a day", "1,300", CONSISTENT),
        ("Russia lost over 1,200 troops per day", "1,200", "Russia lost 40,000 troops monthly", "40,000", CONSISTENT),
        ("Russia had 36,000 killed or wounded in May", "36,000", "Russia suffered 36,000 casualties in May", "36,000", AGREE),
        ("the fire killed 1,600 people", "1,600", "the fire killed more than 1,000 people", "1,000", CONSISTENT),
        ("40 people were killed in the blast", "40", "the blast killed 40 people", "40", AGREE),
        ("Russia lost over 36,000 casualties monthly in May", "36,000", "Russia lost over 1,200 personnel per day in May", "1,200", AGREE),
        ("with the UK Ministry of Defence reporting over 36,000 casualties monthly in May", "36,000", "The UK Ministry of Defence estimates that Russia lost over 1,200 personnel per day in May", "1,200", AGREE),
        ("the quake killed 10 people and injured 80", "10", "10 people were killed and 50 hurt", "10", AGREE),
        ("a 6.1-magnitude quake struck", "6.1", "a 6.12-magnitude quake struck", "6.12", AGREE),
        ("the quake struck Qeshm island, home to 120,000 people", "120,000", "Qeshm, an island of 120,000 people, was jolted", "120,000", AGREE),
        ("the tremor lasted more than 10 seconds", "10", "the tremor lasted 30 seconds", "30", CONSISTENT),
        ("the fire caused $1 million in damages", "1", "the fire caused more than $1 million in damages, the Anchorage Daily News reported", "1", CONSISTENT),
        // The same quantity, another value.
        ("Russia lost 1,200 troops in May", "1,200", "Russia lost 1,500 troops in May", "1,500", CONTRADICT),
        ("the fire killed 900 people", "900", "the fire killed more than 1,000 people", "1,000", CONTRADICT),
        ("Russia lost over 1,200 troops per day", "1,200", "Russia lost 10,000 troops monthly", "10,000", CONTRADICT),
        ("more than 75 firefighters fought the blaze", "75", "more than 50 firefighters fought the blaze", "50", BOUNDS),
        ("at least 21 countries", "21", "at least 15 countries", "15", BOUNDS),
        ("a 6.1-magnitude quake struck", "6.1", "a 5.9-magnitude quake struck", "5.9", CONTRADICT),
        ("a 6.1-magnitude quake struck", "6.1", "a 6.0-magnitude quake struck", "6.0", CONTRADICT),
        ("the quake had a depth of 1.2 miles", "1.2", "the quake had a depth of 1.1 miles", "1.1", CONTRADICT),
        ("The quake struck at 9:27 a.m. and had a depth of 1.2 miles", "1.2", "The earthquake struck at about 9:30 a.m. and had a depth of 2.7 miles", "2.7", CONTRADICT),
        ("the tremor lasted just over 10 seconds", "10", "the tremor lasted 30 seconds", "30", CONTRADICT),
        // Named differently around one thing described alike: still one quantity.
        ("Police said Lanza carried 20 fully loaded magazines", "20", "Officers found 13 fully loaded magazines at the Newtown school", "13", CONTRADICT),
        // A unit written as an adjective describes its noun: the same thing.
        ("It packs a 4.8-megapixel camera that records video", "4.8", "the device has a 3.2-megapixel camera and a music player", "3.2", CONTRADICT),
        ("a 15-metre dhow", "15", "a 10-metre craft", "10", CONTRADICT),
        // Where it happened is said differently by each outlet; where a distance is measured
        // from is part of the distance.
        ("A 6.9-magnitude earthquake rattled Northern California, shaking residents from San Francisco", "6.9", "an earthquake with a preliminary magnitude of 4.6 was recorded in the North Bay", "4.6", CONTRADICT),
        ("The quake was centered 75 miles north of San Francisco", "75", "the quake was centered 2 miles east of The Geysers", "2", None),
        ("The quake was centered 75 miles north of San Francisco", "75", "the quake was centered 26 miles north of San Francisco", "26", CONTRADICT),
        ("The quake was centered 75 miles (120 km) north of San Francisco", "75", "the quake had a depth of 1.2 miles", "1.2", None),
        ("the camp, less than 50 km (30 miles) from the border with Sudan", "50", "The camp is less than 25 kilometres from the border with Sudan", "25", BOUNDS),
        // A span of time is compared on what lasted, as a unit is.
        ("he was sentenced to 20 years in prison", "20", "a judge sentenced him to 30 years in prison", "30", CONTRADICT),
        ("the area has not been hit by a quake in more than 25 years", "25", "the island was hit almost two years after Bam was destroyed", "two", None),
        // …but not a thing named in one word: two people's seasons.
        ("Coach Cheeks spent his first 11 seasons in Philadelphia", "11", "Coach DiLeo spent 19 seasons in Sacramento", "19", None),
        // Not one quantity: another thing, measure, participant, rate or time.
        ("Russia lost 40 tanks per day in May", "40", "Russia lost over 1,200 personnel per day in May", "1,200", None),
        ("Unemployment in France reached 8 percent", "8", "Inflation in France reached 5 percent", "5", None),
        ("Russia lost 1,200 troops in May", "1,200", "Ukraine lost 1,500 troops in May", "1,500", None),
        ("Russia lost 38,940 troops in May", "38,940", "Russia lost 30,000 troops in June", "30,000", None),
        ("The quake occurred at 2:09 a.m. and had a depth of 1.2 miles", "1.2", "The earthquake struck at about 9:30 a.m. and had a depth of 2.7 miles", "2.7", None),
        ("On March 14 the quake had a depth of 1.2 miles", "1.2", "The last earthquake occurred on Dec. 30 at a depth of 1.1 miles", "1.1", None),
        ("Pirates hijacked it on September 15 with 18 Indian sailors on board", "18", "Pirates hijacked it on Oct. 23 with 27 Indian sailors on board", "27", None),
        // Days a week apart may be one event told on two days.
        ("On Nov. 10 the navy caught 26 pirates", "26", "The navy caught 39 pirates on Nov. 12", "39", CONTRADICT),
        ("Russia lost over 1,200 troops per day", "1,200", "Russia lost 1,300 troops", "1,300", None),
        ("Russia recruited 36,000 migrants in May", "36,000", "Russia suffered 36,000 casualties in May", "36,000", None),
        ("40 people were killed", "40", "40 people were injured", "40", None),
        ("the quake struck Qeshm island, home to 120,000 people", "120,000", "Bandar Abbas, a city of 500,000 people, was jolted", "500,000", None),
        ("the quake hit, killing at least 40 people, injuring dozens more", "40", "612 people were injured", "612", None),
    ];

    #[test]
    fn figures_relate_as_a_careful_reader_reads_them() {
        let mut failures = Vec::new();
        for &(page, marked, reference, theirs, expected) in CASES {
            let a = figure(page, marked);
            let b = figure(reference, theirs);
            let got = a.relation(&b);
            if got != expected {
                failures.push(format!(
                    "{page:?} vs {reference:?}: {got:?}, expected {expected:?}\n  {a:?}\n  {b:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_unit_written_as_an_adjective_names_its_noun() {
        for (a, a_marked, b, b_marked, same) in [
            (
                "a 4.8-megapixel camera",
                "4.8",
                "a 3.2-megapixel camera",
                "3.2",
                true,
            ),
            (
                "a 4.8-megapixel camera",
                "4.8",
                "a 3.2-megapixel sensor",
                "3.2",
                false,
            ),
            (
                "about 150 nautical miles off Aden",
                "150",
                "13 nautical miles away",
                "13",
                false,
            ),
            (
                "8 Indian merchant vessels",
                "8",
                "five merchant vessels",
                "five",
                false,
            ),
        ] {
            let got = figure(a, a_marked).same_thing(&figure(b, b_marked));
            assert_eq!(got, same, "{a} / {b}");
        }
    }

    #[test]
    fn a_distance_is_measured_from_the_place_after_it() {
        for (clause, marked, from) in [
            (
                "the quake was centered 75 miles north of San Francisco",
                "75",
                true,
            ),
            (
                "the camp, 50 km (30 miles) from the border with Sudan",
                "50",
                true,
            ),
            (
                "the quake struck seven km (4 miles) south-west of Dargahan",
                "seven",
                true,
            ),
            (
                "the man fell 2000ft (609 metres) near the Mount Sefton Bivvy",
                "2000",
                false,
            ),
            ("the quake had a depth of 1.2 miles", "1.2", false),
            ("Russia lost 1,200 troops in May", "1,200", false),
        ] {
            assert_eq!(figure(clause, marked).measured_from, from, "{clause}");
        }
    }

    #[test]
    fn time_scopes_are_read_near_the_figure() {
        for (clause, marked, scope) in [
            ("Russia lost 38,940 troops in May", "38,940", Some("may")),
            (
                "Russia has lost 500,000 troops since the start of the invasion",
                "500,000",
                Some("since start"),
            ),
            (
                "Russia has lost 500,000 troops since the war began",
                "500,000",
                Some("since start"),
            ),
            ("prices rose 5 percent since the election", "5", None),
            (
                "since 2022, Russia has lost 500,000 troops",
                "500,000",
                Some("since 2022"),
            ),
            ("Russia lost 38,900 troops", "38,900", None),
            (
                "DiLeo has spent 19 seasons with the 76ers and was promoted in 2003",
                "19",
                None,
            ),
            (
                "killing a mother of 12 in 2011 and wounding two others",
                "two",
                None,
            ),
            (
                "the son sold the field for $30 million in 1957",
                "30",
                Some("1957"),
            ),
        ] {
            assert_eq!(figure(clause, marked).scope.as_deref(), scope, "{clause}");
        }
    }
}
