//! Scoring shared by every evaluation: precision/recall/F1 counts, span overlap, token F1.

use claimlens::Span;
use std::collections::HashMap;

/// Counts behind precision, recall and F1: right predictions of all predictions, gold items
/// found of all gold items.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub struct Prf {
    /// Predictions that are right.
    pub tp_predicted: usize,
    /// All predictions.
    pub predicted: usize,
    /// Gold items found.
    pub tp_gold: usize,
    /// All gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision, recall, F1.
    pub fn scores(&self) -> (f64, f64, f64) {
        let p = self.tp_predicted as f64 / self.predicted.max(1) as f64;
        let r = self.tp_gold as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// F1 alone.
    pub fn f1(&self) -> f64 {
        self.scores().2
    }

    /// Precision alone.
    pub fn precision(&self) -> f64 {
        self.scores().0
    }

    /// "P 0.81 / R 0.62 / F1 **0.70**".
    pub fn cell(&self) -> String {
        let (p, r, f) = self.scores();
        format!("P {p:.2} / R {r:.2} / F1 **{f:.2}**")
    }

    /// Adds another count.
    pub fn add(&mut self, other: Prf) {
        self.tp_predicted += other.tp_predicted;
        self.predicted += other.predicted;
        self.tp_gold += other.tp_gold;
        self.gold += other.gold;
    }
}

impl super::Pooled for Prf {
    fn pooled(&self, other: &Self) -> Self {
        let mut out = *self;
        out.add(*other);
        out
    }
}

/// Dice coefficient of two byte ranges.
pub fn dice(a: Span, b: Span) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    2.0 * inter as f64 / (a.len() + b.len()).max(1) as f64
}

/// Overlap matching: identical predictions count once; each prediction is matched, in order, to
/// the first unmatched gold span it shares a byte with; a gold span is matched at most once.
pub fn overlap(predicted: &[Span], gold: &[Span]) -> Prf {
    let mut predicted = predicted.to_vec();
    predicted.sort_unstable();
    predicted.dedup();
    let mut used = vec![false; gold.len()];
    let mut tp = 0;
    for p in &predicted {
        if let Some(g) = (0..gold.len()).find(|&g| !used[g] && gold[g].overlaps(*p)) {
            used[g] = true;
            tp += 1;
        }
    }
    Prf {
        tp_predicted: tp,
        predicted: predicted.len(),
        tp_gold: tp,
        gold: gold.len(),
    }
}

/// Exact matching: a prediction is right when a gold span has the same bytes.
pub fn exact(predicted: &[Span], gold: &[Span]) -> Prf {
    let mut predicted = predicted.to_vec();
    predicted.sort_unstable();
    predicted.dedup();
    let tp = predicted.iter().filter(|p| gold.contains(p)).count();
    Prf {
        tp_predicted: tp,
        predicted: predicted.len(),
        tp_gold: tp,
        gold: gold.len(),
    }
}

/// The bag of word tokens of a text.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in claimlens::text::tokens(text) {
        *bag.entry(w.norm).or_insert(0) += 1;
    }
    bag
}

/// Token F1 of two texts' bags of words (article extraction's measure).
pub fn token_f1(ours: &str, expected: &str) -> f64 {
    let (a, b) = (bag(ours), bag(expected));
    let shared: usize = a
        .iter()
        .map(|(w, n)| (*n).min(*b.get(w).unwrap_or(&0)))
        .sum();
    let (na, nb): (usize, usize) = (a.values().sum(), b.values().sum());
    if shared == 0 {
        return 0.0;
    }
    let (p, r) = (shared as f64 / na as f64, shared as f64 / nb as f64);
    2.0 * p * r / (p + r)
}

/// The median of some figures (NaN when there are none).
pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}
