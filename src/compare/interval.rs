//! The values a figure allows, read as an interval from its qualifier and how precisely it is
//! written ("more than N" is (N, ∞), "nearly N" just below N, "about N" within [`ABOUT`] of N,
//! "6.1" 6.051–6.149), and how two such intervals relate.

use crate::detect::{Qualifier, Statistic};

/// The tolerance of "about N": N ± 10 %.
pub const ABOUT: f64 = 0.10;
/// The tolerance of an unqualified whole figure: N ± 1 %; one written with decimals allows
/// just under half a unit of its last decimal ("6.1" allows 6.051–6.149, so "6.0" differs).
const ROUNDING: f64 = 0.01;
/// Two bounds are the same bound within this share (a rate converted from another, "36,000 a
/// month" against "1,200 a day", is not exact).
const SAME_BOUND: f64 = 0.02;
/// Words before "over"/"under" that keep the figure close to its bound ("just over 10").
const CLOSE_TO: [&str; 4] = ["just", "slightly", "barely", "a little"];

/// The values a figure allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lowest value allowed.
    pub low: f64,
    /// Highest value allowed (infinite for "more than N").
    pub high: f64,
    /// What the qualifier makes of the figure.
    pub shape: Shape,
}

/// The shape of a figure's interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A value (rounded, "about", "nearly", a range, a vague magnitude): bounded both ways.
    Bounded,
    /// "more than", "at least": a lower bound.
    Lower,
    /// "less than", "up to", "at most": an upper bound.
    Upper,
}

impl Interval {
    /// The interval of a statistic's value given its qualifier and how it is `written` (its
    /// words in the text: the precision of its decimals, "just over").
    ///
    /// ```
    /// use claimlens::compare::{Interval, Shape};
    /// use claimlens::detect::{Qualifier, Statistic};
    /// use claimlens::Span;
    /// let over = Statistic { span: Span::new(0, 1), value: 1000.0, value_max: None,
    ///     qualifier: Some(Qualifier::Over), unit: None, rate: None, vague: false };
    /// let i = Interval::of(&over, "more than 1,000");
    /// assert_eq!((i.low, i.high, i.shape), (1000.0, f64::INFINITY, Shape::Lower));
    /// let just = Interval::of(&over, "just over 1,000");
    /// assert_eq!(just.shape, Shape::Bounded);
    /// ```
    pub fn of(stat: &Statistic, written: &str) -> Interval {
        let v = stat.value;
        let bounded = |low: f64, high: f64| Interval {
            low: low.min(high),
            high: low.max(high),
            shape: Shape::Bounded,
        };
        if let Some(max) = stat.value_max {
            return bounded(v, max);
        }
        if stat.vague {
            // "thousands": at least one thousand, fewer than ten.
            return bounded(v, v * 10.0);
        }
        let lower = written.trim_start().to_lowercase();
        let close = CLOSE_TO.iter().any(|w| lower.starts_with(&format!("{w} ")));
        match stat.qualifier {
            Some(Qualifier::Over) | Some(Qualifier::AtLeast) if close => {
                bounded(v, v * (1.0 + ABOUT))
            }
            Some(Qualifier::Under) | Some(Qualifier::AtMost) if close => {
                bounded(v * (1.0 - ABOUT), v)
            }
            Some(Qualifier::Over) | Some(Qualifier::AtLeast) => Interval {
                low: v,
                high: f64::INFINITY,
                shape: Shape::Lower,
            },
            Some(Qualifier::Under) | Some(Qualifier::AtMost) | Some(Qualifier::UpTo) => Interval {
                low: f64::NEG_INFINITY,
                high: v,
                shape: Shape::Upper,
            },
            Some(Qualifier::About) => bounded(v * (1.0 - ABOUT), v * (1.0 + ABOUT)),
            Some(Qualifier::Nearly) => bounded(v * (1.0 - ABOUT), v),
            Some(Qualifier::Exactly) => bounded(v, v),
            None => {
                // A figure written with decimals is as precise as its last decimal.
                let half = half_unit(written, v);
                let tolerance = if half > 0.0 { half } else { v.abs() * ROUNDING };
                bounded(v - tolerance, v + tolerance)
            }
        }
    }

    pub(super) fn scaled(self, by: f64) -> Interval {
        Interval {
            low: self.low / by,
            high: self.high / by,
            ..self
        }
    }

    fn overlaps(&self, other: &Interval) -> bool {
        let slack = 1e-9;
        self.low <= other.high * (1.0 + slack) && other.low <= self.high * (1.0 + slack)
    }

    /// The same shape with bounds equal up to rounding. A stated value's interval already
    /// holds its rounding, so two of them are the same only when they overlap.
    fn same(&self, other: &Interval) -> bool {
        if self.shape == Shape::Bounded && other.shape == Shape::Bounded && !self.overlaps(other) {
            return false;
        }
        let close = |a: f64, b: f64| a == b || (a - b).abs() <= SAME_BOUND * a.abs().max(b.abs());
        self.shape == other.shape && close(self.low, other.low) && close(self.high, other.high)
    }
}

/// How the values of two figures of one quantity relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same value, as precisely as both are written ("1,200" and "1.2 thousand", "about
    /// 500" and "520").
    Agrees,
    /// A value the other allows, stated more loosely on one side ("1,600" and "more than
    /// 1,000", "612" and "hundreds"): consistent, though the words differ.
    Consistent,
    /// Values that cannot both be true ("900" and "over 1,200").
    Contradicts,
    /// Different bounds that can both be true ("more than 50", "more than 75"): the figures
    /// differ, without contradicting each other.
    DiffersWithoutContradiction,
}

/// Half a unit of the last decimal written in a figure's first numeral, scaled to its value
/// ("6.1" → 0.05; "1.25 million" → 5,000); 0 for whole numbers and numbers in words.
fn half_unit(written: &str, value: f64) -> f64 {
    let Some(start) = written.find(|c: char| c.is_ascii_digit()) else {
        return 0.0;
    };
    let numeral: String = written[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .filter(|c| *c != ',')
        .collect();
    let numeral = numeral.trim_end_matches('.');
    let Some((_, decimals)) = numeral.split_once('.') else {
        return 0.0;
    };
    let Ok(written_value) = numeral.parse::<f64>() else {
        return 0.0;
    };
    if written_value == 0.0 {
        return 0.0;
    }
    let scale = (value / written_value).abs();
    HALF_UNIT * 10f64.powi(-(decimals.len() as i32)) * scale
}

/// A hair under half a unit, so that neighbouring written values ("1.1" and "1.2") do not
/// touch at their shared rounding bound and agree.
const HALF_UNIT: f64 = 0.49;

/// An interval this narrow (relative to its value) states a value, not a range.
const NARROW: f64 = 0.25;

/// How two intervals relate: the same (or two narrow overlapping values) agrees; a value the
/// other's bound or range allows is consistent; disjoint contradicts; two different bounds
/// that overlap ("more than 50", "more than 75") differ without contradicting.
pub(super) fn relate(a: &Interval, b: &Interval) -> Relation {
    if a.same(b) {
        return Relation::Agrees;
    }
    if !a.overlaps(b) {
        return Relation::Contradicts;
    }
    let narrow = |i: &Interval| {
        i.shape == Shape::Bounded && (i.high - i.low) <= NARROW * i.high.abs().max(i.low.abs())
    };
    match (narrow(a), narrow(b)) {
        (true, true) => Relation::Agrees,
        _ if a.shape == Shape::Bounded || b.shape == Shape::Bounded => Relation::Consistent,
        _ => Relation::DiffersWithoutContradiction,
    }
}
