//! Whether two figures speak of the same quantity, and whether their values agree given their
//! qualifiers.

use crate::detect::{lexicon, Qualifier, Statistic};
use crate::text::stem;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Counted noun → canonical quantity word (`quantities.txt`).
static QUANTITIES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    lexicon::entries(include_str!("quantities.txt"))
        .flat_map(|line| {
            let first = stem(line.split_whitespace().next().unwrap_or(""));
            line.split_whitespace()
                .map(move |w| (stem(w), first.clone()))
        })
        .collect()
});

/// Month names and "since …" phrases that bound the time a figure covers.
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:in|during|for|of|by)\s+(january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)\b|\bsince\s+(the\s+(?:start|beginning|outbreak)\b|the\s+war\s+began|(?:19|20)\d\d|[a-z]+\s+(?:19|20)\d\d)",
    )
    .expect("scope pattern")
});

/// A figure with what it counts and the time it covers, ready to be compared.
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
}

impl Figure {
    /// Reads a statistic in the clause of text around it.
    pub fn new(stat: &Statistic, clause: &str) -> Figure {
        let (low, high) = interval(stat);
        Figure {
            low,
            high,
            quantity: stat.unit.as_deref().map(canonical_quantity),
            rate: stat.rate.clone(),
            scope: scope(clause),
        }
    }

    /// Whether both figures count the same thing over the same time at the same rate.
    pub fn same_quantity(&self, other: &Figure) -> bool {
        self.quantity.is_some()
            && self.quantity == other.quantity
            && self.rate == other.rate
            && self.scope == other.scope
    }

    /// Whether the figures can be compared: the same counted thing at the same rate, over the
    /// same time or with the time unsaid on one side.
    pub fn comparable(&self, other: &Figure) -> bool {
        self.quantity.is_some()
            && self.quantity == other.quantity
            && self.rate == other.rate
            && (self.scope == other.scope || self.scope.is_none() || other.scope.is_none())
    }

    /// Whether the two value intervals overlap.
    pub fn agrees_with(&self, other: &Figure) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

fn canonical_quantity(unit: &str) -> String {
    let last = unit
        .split_whitespace()
        .last()
        .unwrap_or(unit)
        .to_lowercase();
    let s = stem(&last);
    QUANTITIES.get(&s).cloned().unwrap_or(s)
}

/// The time scope named in a clause, normalised.
fn scope(clause: &str) -> Option<String> {
    let caps = SCOPE.captures(clause)?;
    let found = caps.get(1).or_else(|| caps.get(2))?.as_str().to_lowercase();
    if found.starts_with("the") {
        Some("since start".to_string())
    } else if caps.get(2).is_some() {
        Some(format!("since {found}"))
    } else {
        Some(found)
    }
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
    use crate::text::Span;

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
        let a = Figure::new(
            &stat(1200.0, Some(Qualifier::Over), "casualties", Some("per day")),
            "reporting over 1,200 casualties per day in May",
        );
        let b = Figure::new(
            &stat(1200.0, Some(Qualifier::Over), "personnel", Some("per day")),
            "Russia lost over 1,200 personnel per day in May",
        );
        assert!(a.same_quantity(&b));
        assert!(a.agrees_with(&b));
        let total = Figure::new(
            &stat(500000.0, None, "casualties", None),
            "with a total of 500,000 casualties since the start of the invasion",
        );
        assert!(!a.same_quantity(&total));
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
            let a = Figure::new(&stat(v1, q1, "troops", None), "");
            let b = Figure::new(&stat(v2, q2, "troops", None), "");
            assert_eq!(a.agrees_with(&b), agree, "{v1} {q1:?} vs {v2} {q2:?}");
        }
    }
}
