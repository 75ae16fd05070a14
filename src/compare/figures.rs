//! Whether two figures speak of the same quantity (the same counted thing, of the same actor, at
//! the same rate, over the same time), and whether their values agree given their qualifiers.
//!
//! Word lists are data files with a rationale per line: `quantities.txt` (counted things that
//! name one quantity: "casualties" ~ "killed or wounded" ~ "personnel lost"), `actors.txt`
//! ("Kremlin" ~ "Moscow" ~ "Russia") and `rates.txt` (days per rate).

use crate::detect::{lexicon, Qualifier, Statistic};
use crate::text::{stem, tokens, Span};
use regex::Regex;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// Reads `word = value` lines of a lexicon.
fn pairs(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    lexicon::entries(data).filter_map(|e| {
        let (k, v) = e.split_once('=')?;
        Some((k.trim(), v.trim()))
    })
}

/// Counted word (stemmed) → canonical quantity (`quantities.txt`).
static QUANTITIES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    pairs(include_str!("quantities.txt"))
        .map(|(w, q)| (stem(w), q.to_string()))
        .collect()
});

/// Actor word → canonical actor (`actors.txt`; every word of a line is read as the first).
static ACTORS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("actors.txt"))
        .flat_map(|line| {
            let first = line.split_whitespace().next().unwrap_or("");
            line.split_whitespace().map(move |w| (w, first))
        })
        .collect()
});

/// Normalised rate → days it spans (`rates.txt`).
static RATE_DAYS: LazyLock<HashMap<&'static str, f64>> = LazyLock::new(|| {
    pairs(include_str!("rates.txt"))
        .filter_map(|(r, d)| Some((r, d.parse().ok()?)))
        .collect()
});

/// Month names, years and "since …" phrases that bound the time a figure covers.
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:in|during|for|of|by|throughout)\s+(january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)\b|\bsince\s+(the\s+(?:start|beginning|outbreak)\b|the\s+(?:war|invasion)\s+began|(?:19|20)\d\d|[a-z]+\s+(?:19|20)\d\d)",
    )
    .expect("scope pattern")
});

/// How many words after a figure, and before it, are looked at for its counted thing.
const COUNTED_AFTER: usize = 4;
const COUNTED_BEFORE: usize = 10;
/// How many words after a figure are looked at for its rate, when the detector gave none
/// ("1,200 killed or wounded per day").
const RATE_AFTER: usize = 7;

/// Rate phrase (as words) → normalised rate: the statistic detector's own list
/// (`src/detect/lexicons/rates.txt`, `phrase = rate  # rationale`), read, not copied.
static RATE_PHRASES: LazyLock<Vec<(Vec<&'static str>, &'static str)>> = LazyLock::new(|| {
    let mut list: Vec<(Vec<&str>, &str)> = pairs(include_str!("../detect/lexicons/rates.txt"))
        .map(|(phrase, rate)| (phrase.split_whitespace().collect(), rate))
        .collect();
    list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    list
});

/// A figure with what it counts, whose it is, and the time it covers, ready to be compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Lowest value the figure allows.
    pub low: f64,
    /// Highest value the figure allows.
    pub high: f64,
    /// Canonical counted thing, if known.
    pub quantity: Option<String>,
    /// Normalised rate ("per day"), if any.
    pub rate: Option<String>,
    /// Normalised time scope ("may", "since start"), if any.
    pub scope: Option<String>,
    /// Canonical actors the clause names ("russia"), credited sources left out.
    pub actors: BTreeSet<&'static str>,
}

impl Figure {
    /// Reads the statistic `stat` of `text` in its clause `clause` (a span of `text`):
    /// its counted thing (its own noun, else a counted word next to it), its time scope (the
    /// nearest, after it first), and the actors of the clause outside `credited` (the spans of
    /// the sources credited, which say who reports, not whose figure it is).
    ///
    /// ```
    /// use claimlens::compare::Figure;
    /// use claimlens::detect::find_statistics;
    /// use claimlens::Span;
    /// let text = "Moscow lost 35,000-37,000 killed or wounded in May.";
    /// let whole = Span::new(0, text.len());
    /// let stat = &find_statistics(text, &[whole])[0];
    /// let f = Figure::read(stat, text, whole, &[]);
    /// assert_eq!(f.quantity.as_deref(), Some("casualties"));
    /// assert_eq!(f.scope.as_deref(), Some("may"));
    /// assert!(f.actors.contains("russia"));
    /// ```
    pub fn read(stat: &Statistic, text: &str, clause: Span, credited: &[Span]) -> Figure {
        let (low, high) = interval(stat);
        let clause = Span::new(
            clause.start.min(stat.span.start),
            clause.end.max(stat.span.end),
        );
        let quantity = stat
            .unit
            .as_deref()
            .and_then(canonical_quantity)
            .or_else(|| counted_nearby(text, clause, stat.span))
            .or_else(|| stat.unit.as_deref().map(|u| stem(&u.to_lowercase())));
        Figure {
            low,
            high,
            quantity,
            rate: stat
                .rate
                .clone()
                .or_else(|| rate_nearby(text, clause, stat.span)),
            scope: scope(text, clause, stat.span),
            actors: actors(text, clause, credited),
        }
    }

    /// Whether both figures count the same thing of the same actors at a rate or both in total,
    /// over the same time.
    pub fn same_quantity(&self, other: &Figure) -> bool {
        self.comparable(other) && self.scope == other.scope
    }

    /// Whether the figures can be set side by side: the same counted thing, of actors that
    /// overlap (or unsaid on one side), both rates or both totals. Time is judged in
    /// [`Figure::relation`].
    pub fn comparable(&self, other: &Figure) -> bool {
        self.quantity.is_some()
            && self.quantity == other.quantity
            && self.rate.is_some() == other.rate.is_some()
            && self.per_day_factor().is_some() == other.per_day_factor().is_some()
            && (self.actors.is_empty()
                || other.actors.is_empty()
                || !self.actors.is_disjoint(&other.actors))
    }

    /// Whether the two value intervals overlap (rates compared per day).
    pub fn agrees_with(&self, other: &Figure) -> bool {
        let (a, b) = (self.per_day(), other.per_day());
        a.0 <= b.1 * (1.0 + 1e-9) && b.0 <= a.1 * (1.0 + 1e-9)
    }

    /// How `other` bears on this figure: `Some(true)` if it gives the same value for the same
    /// quantity (the time unsaid on one side is allowed), `Some(false)` if it gives an
    /// incompatible value for the same quantity over the same time, `None` if it speaks of
    /// something else.
    pub fn relation(&self, other: &Figure) -> Option<bool> {
        if !self.comparable(other) {
            return None;
        }
        let agree = self.agrees_with(other);
        let same_time = self.scope == other.scope;
        let time_unsaid = self.scope.is_none() || other.scope.is_none();
        match (agree, same_time, time_unsaid) {
            (true, true, _) | (true, _, true) => Some(true),
            (false, true, _) => Some(false),
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

    /// The interval per day (totals and unknown rates as they are).
    fn per_day(&self) -> (f64, f64) {
        let days = self.per_day_factor().unwrap_or(1.0);
        (self.low / days, self.high / days)
    }
}

/// The canonical quantity of a counted noun ("killed or wounded" → its first known word).
fn canonical_quantity(unit: &str) -> Option<String> {
    unit.split_whitespace()
        .rev()
        .chain(unit.split_whitespace())
        .find_map(|w| QUANTITIES.get(&stem(&w.to_lowercase())).cloned())
}

/// A counted word next to a figure without one: the first after it, else the nearest before.
fn counted_nearby(text: &str, clause: Span, stat: Span) -> Option<String> {
    let lookup = |t: &crate::text::Token| QUANTITIES.get(&stem(&t.norm)).cloned();
    let after = Span::new(stat.end.min(clause.end), clause.end).slice(text);
    let before = Span::new(clause.start, stat.start.max(clause.start)).slice(text);
    tokens(after)
        .iter()
        .take(COUNTED_AFTER)
        .find_map(lookup)
        .or_else(|| {
            tokens(before)
                .iter()
                .rev()
                .take(COUNTED_BEFORE)
                .find_map(lookup)
        })
}

/// A rate phrase among the few words after a figure, before any other number.
fn rate_nearby(text: &str, clause: Span, stat: Span) -> Option<String> {
    let after = Span::new(stat.end.min(clause.end), clause.end).slice(text);
    let words: Vec<String> = tokens(after)
        .into_iter()
        .take(RATE_AFTER)
        .take_while(|t| !t.norm.starts_with(|c: char| c.is_ascii_digit()))
        .map(|t| t.norm)
        .collect();
    (0..words.len()).find_map(|i| {
        RATE_PHRASES
            .iter()
            .find(|(phrase, _)| {
                words.len() >= i + phrase.len()
                    && phrase.iter().zip(&words[i..]).all(|(p, w)| p == w)
            })
            .map(|(_, rate)| rate.to_string())
    })
}

/// The time scope nearest the figure in its clause (after it first), normalised.
fn scope(text: &str, clause: Span, stat: Span) -> Option<String> {
    let s = clause.slice(text);
    let at = stat.start.saturating_sub(clause.start);
    let found: Vec<regex::Captures> = SCOPE.captures_iter(s).collect();
    let caps = found
        .iter()
        .find(|c| c.get(0).is_some_and(|m| m.start() >= at))
        .or_else(|| found.last())?;
    let phrase = caps.get(1).or_else(|| caps.get(2))?.as_str().to_lowercase();
    let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    if phrase.starts_with("the") {
        Some("since start".to_string())
    } else if caps.get(2).is_some() {
        Some(format!("since {phrase}"))
    } else {
        Some(phrase)
    }
}

/// The canonical actors named in the clause outside the credited spans.
fn actors(text: &str, clause: Span, credited: &[Span]) -> BTreeSet<&'static str> {
    tokens(clause.slice(text))
        .into_iter()
        .filter(|t| {
            let at = Span::new(clause.start + t.span.start, clause.start + t.span.end);
            !credited.iter().any(|c| c.overlaps(at))
        })
        .filter_map(|t| {
            let word = t.norm.trim_end_matches("’s").trim_end_matches("'s");
            ACTORS.get(word).copied()
        })
        .collect()
}

/// The values a figure allows, given its qualifier: exact figures allow rounding (±2%),
/// "about" ±15%, "over"/"under" up to half again, vague magnitudes ("thousands") up to ten
/// times the magnitude.
fn interval(stat: &Statistic) -> (f64, f64) {
    let v = stat.value;
    if let Some(max) = stat.value_max {
        return (v.min(max), v.max(max));
    }
    if stat.vague {
        return (v, v * 10.0);
    }
    match stat.qualifier {
        // "over 1,200" is read as a figure a little above 1,200, not as any larger number:
        // that is how a reader compares "over 1,200" with "over 2,500".
        Some(Qualifier::Over) | Some(Qualifier::AtLeast) => (v, v * 1.5),
        Some(Qualifier::Under) | Some(Qualifier::AtMost) | Some(Qualifier::UpTo) => (v / 1.5, v),
        Some(Qualifier::About) => (v * 0.85, v * 1.15),
        Some(Qualifier::Nearly) => (v * 0.85, v),
        Some(Qualifier::Exactly) => (v, v),
        None => (v * 0.98, v * 1.02),
    }
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
        Figure::read(stat, clause, whole, &[])
    }

    fn stat(value: f64, qualifier: Option<Qualifier>, unit: &str, rate: Option<&str>) -> Statistic {
        Statistic {
            span: Span::new(0, 1),
            value,
            value_max: None,
            qualifier,
            unit: Some(unit.to_string()),
            rate: rate.map(str::to_string),
            vague: false,
        }
    }

    #[test]
    fn casualties_and_personnel_per_day_in_may_are_one_quantity() {
        let a = figure("reporting over 1,200 casualties per day in May", "1,200");
        let b = figure("Russia lost over 1,200 personnel per day in May", "1,200");
        assert!(a.same_quantity(&b));
        assert_eq!(a.relation(&b), Some(true));
        let total = figure(
            "with a total of 500,000 casualties since the start of the invasion",
            "500,000",
        );
        assert!(!a.same_quantity(&total));
        assert_eq!(a.relation(&total), None);
    }

    #[test]
    fn counted_things_that_mean_the_same_match() {
        let casualties = figure("Russia suffered 36,000 casualties in May", "36,000");
        for (clause, marked) in [
            ("Russia had 36,000 killed or wounded in May", "36,000"),
            ("Russian personnel lost in May numbered 36,000", "36,000"),
            ("Russian troop losses in May reached 36,000", "36,000"),
        ] {
            let other = figure(clause, marked);
            assert_eq!(
                casualties.relation(&other),
                Some(true),
                "{clause}: {other:?}"
            );
        }
        let migrants = figure("Russia recruited 36,000 migrants in May", "36,000");
        assert_eq!(casualties.relation(&migrants), None);
    }

    #[test]
    fn actors_are_aliases_of_one_state() {
        let russia = figure("Russia lost 1,200 troops in May", "1,200");
        let kremlin = figure("the Kremlin lost 1,200 soldiers in May", "1,200");
        let moscow = figure("Moscow’s 1,500 troops lost in May", "1,500");
        let ukraine = figure("Ukraine lost 1,500 troops in May", "1,500");
        assert_eq!(russia.relation(&kremlin), Some(true));
        assert_eq!(russia.relation(&moscow), Some(false));
        // Another actor's figure is never a different number for this one.
        assert_eq!(russia.relation(&ukraine), None);
    }

    #[test]
    fn time_scope_must_be_the_same_for_a_different_number() {
        let may = figure("Russia lost 38,940 troops in May", "38,940");
        let june = figure("Russia lost 30,000 troops in June", "30,000");
        let since = figure(
            "Russia has lost 500,000 troops since the start of the invasion",
            "500,000",
        );
        let began = figure(
            "Russia has lost 500,000 troops since the war began",
            "500,000",
        );
        let unsaid = figure("Russia lost 38,900 troops", "38,900");
        assert_eq!(may.relation(&june), None);
        assert_eq!(may.relation(&since), None);
        assert_eq!(since.scope.as_deref(), Some("since start"));
        assert_eq!(since.relation(&began), Some(true));
        // The time unsaid on one side: the same value agrees, another says nothing.
        assert_eq!(may.relation(&unsaid), Some(true));
        assert_eq!(june.relation(&unsaid), None);
    }

    #[test]
    fn rates_are_compared_per_day() {
        let per_day = figure("Russia lost over 1,200 troops per day", "1,200");
        let a_day = figure("Russia lost 1,300 soldiers a day", "1,300");
        let daily = figure("Russia lost more than 1,200 troops daily", "1,200");
        let monthly = figure("Russia lost 40,000 troops monthly", "40,000");
        let total = figure("Russia lost 1,300 troops", "1,300");
        assert_eq!(per_day.relation(&a_day), Some(true));
        assert_eq!(per_day.relation(&daily), Some(true));
        assert_eq!(per_day.relation(&monthly), Some(true), "{monthly:?}");
        let few = figure("Russia lost 10,000 troops monthly", "10,000");
        assert_eq!(per_day.relation(&few), Some(false));
        // A rate and a total are different quantities.
        assert_eq!(per_day.relation(&total), None);
    }

    #[test]
    fn figures_written_differently_are_one_value() {
        let base = figure("Russia lost 1,200 troops in May", "1,200");
        for (clause, marked) in [
            ("Russia lost 1.2 thousand troops in May", "1.2"),
            ("Russia lost 1.2k troops in May", "1.2k"),
            ("Russia lost more than 1,200 troops in May", "1,200"),
            ("Russia lost about 1,250 troops in May", "1,250"),
        ] {
            assert_eq!(
                base.relation(&figure(clause, marked)),
                Some(true),
                "{clause}"
            );
        }
        let half = figure("Russia lost half a million troops", "half");
        let exact = figure("Russia lost 500,000 soldiers", "500,000");
        assert_eq!(half.relation(&exact), Some(true));
    }

    #[test]
    fn qualifiers_widen_the_values_allowed() {
        type Case = (f64, Option<Qualifier>, f64, Option<Qualifier>, bool);
        let cases: &[Case] = &[
            (1200.0, Some(Qualifier::Over), 1500.0, None, true),
            (
                1200.0,
                Some(Qualifier::Over),
                2500.0,
                Some(Qualifier::Over),
                false,
            ),
            (1200.0, None, 1500.0, None, false),
            (1200.0, None, 1210.0, None, true),
            (21.0, Some(Qualifier::AtLeast), 15.0, None, false),
            (500.0, Some(Qualifier::About), 540.0, None, true),
            (500.0, Some(Qualifier::UpTo), 600.0, None, false),
        ];
        for &(v1, q1, v2, q2, agree) in cases {
            let text = "x";
            let whole = Span::new(0, 1);
            let a = Figure::read(&stat(v1, q1, "troops", None), text, whole, &[]);
            let b = Figure::read(&stat(v2, q2, "troops", None), text, whole, &[]);
            assert_eq!(a.agrees_with(&b), agree, "{v1} {q1:?} vs {v2} {q2:?}");
        }
    }
}
