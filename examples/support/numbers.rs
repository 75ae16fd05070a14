//! The number suites: Microsoft Recognizers-Text (English Number, Percent, NumberRange,
//! Currency, Dimension), quantulum3 and Duckling, as cases of an input and its expected values.
//!
//! Scoring: an expected value is right when a finding of `find_statistics` has that `value`
//! (relative tolerance 1e-6); an expected range `lo..hi` needs `value` = lo and `value_max` = hi
//! (a degenerate range `x..x`, as NumberRange writes "equal to x", is the value x).
//! Each finding is used once. Units are not compared (their names differ per suite); values
//! are. A false alarm is any finding on a case that expects none. Results that carry no value
//! (a unit word alone, "the % of increase") are no expected value. Every other case counts,
//! including the ones a suite marks as not supported on some platform.

use super::{read_json, Half, Halves};
use claimlens::detect::{find_statistics, Statistic};
use std::path::Path;

/// One expected quantity: value and optional upper bound.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Want {
    /// The value (the lower bound of a range).
    pub value: f64,
    /// The upper bound of a range.
    pub max: Option<f64>,
}

/// One input and what it should yield (nothing, for a negative case).
#[derive(Clone, Debug)]
pub struct Case {
    /// The text given to the detector as one text.
    pub input: String,
    /// The expected values.
    pub wants: Vec<Want>,
}

/// One suite of cases.
#[derive(Clone, Debug)]
pub struct Suite {
    /// Short name ("Number", "quantulum3").
    pub name: &'static str,
    /// The row's measure.
    pub measure: &'static str,
    /// The row's anchor (who else is measured on it).
    pub anchor: &'static str,
    /// The cases.
    pub cases: Vec<Case>,
}

/// The counts of one suite.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    /// Expected values.
    pub expected: usize,
    /// Expected values found with the right value.
    pub right: usize,
    /// Cases that expect no value.
    pub negatives: usize,
    /// Negative cases with a finding.
    pub false_alarms: usize,
}

impl super::Pooled for Tally {
    fn pooled(&self, other: &Self) -> Self {
        Tally {
            expected: self.expected + other.expected,
            right: self.right + other.right,
            negatives: self.negatives + other.negatives,
            false_alarms: self.false_alarms + other.false_alarms,
        }
    }
}

impl Tally {
    /// Share of expected values found with the right value, in percent.
    pub fn percent(&self) -> f64 {
        100.0 * self.right as f64 / self.expected.max(1) as f64
    }

    /// "**56%** right value (69/124); false alarms on 2/10 negative cases".
    pub fn cell(&self) -> String {
        let mut out = format!(
            "**{:.0}%** ({}/{})",
            self.percent(),
            self.right,
            self.expected
        );
        if self.negatives > 0 {
            out += &format!("; false alarms {}/{}", self.false_alarms, self.negatives);
        }
        out
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Whether a finding has the expected value. A degenerate range (`[5000,5000]`, "equal to 5000")
/// is the single value.
pub fn matches(s: &Statistic, w: &Want) -> bool {
    match w.max {
        Some(max) if close(max, w.value) && s.value_max.is_none() => close(s.value, w.value),
        Some(max) => close(s.value, w.value) && s.value_max.is_some_and(|m| close(m, max)),
        None => close(s.value, w.value) || s.value_max.is_some_and(|m| close(m, w.value)),
    }
}

/// The findings of a case shown briefly ("[\"12%\" = 12]").
pub fn show(input: &str, found: &[Statistic]) -> String {
    let parts: Vec<String> = found
        .iter()
        .map(|s| {
            let max = s.value_max.map(|m| format!("..{m}")).unwrap_or_default();
            format!("[{:?} = {}{max}]", s.span.slice(input), s.value)
        })
        .collect();
    if parts.is_empty() {
        "nothing".into()
    } else {
        parts.join(" ")
    }
}

impl Suite {
    /// Scores every case, per half (a case's half is that of its input); misses and false alarms
    /// go to stderr when `verbose`.
    pub fn evaluate(&self, verbose: bool) -> Halves<Tally> {
        let mut out = Halves::<Tally>::default();
        for case in &self.cases {
            let tally = out.get_mut(Half::of(&case.input));
            let input = case.input.as_str();
            let found = find_statistics(input, &claimlens::text::sentences(input));
            if case.wants.is_empty() {
                tally.negatives += 1;
                if !found.is_empty() {
                    tally.false_alarms += 1;
                    if verbose {
                        let tag = self.name;
                        eprintln!(
                            "NUMBERS {tag} FALSE ALARM {input:?}: {}",
                            show(input, &found)
                        );
                    }
                }
                continue;
            }
            let mut used = vec![false; found.len()];
            for w in &case.wants {
                tally.expected += 1;
                let hit = (0..found.len()).find(|&i| !used[i] && matches(&found[i], w));
                match hit {
                    Some(i) => {
                        used[i] = true;
                        tally.right += 1;
                    }
                    None if verbose => eprintln!(
                        "NUMBERS {} MISS {:?}{} in {input:?}: {}",
                        self.name,
                        w.value,
                        w.max.map(|m| format!("..{m}")).unwrap_or_default(),
                        show(input, &found)
                    ),
                    None => {}
                }
            }
        }
        out
    }
}

/// Every suite found in `data` (the `evaldata` folder).
pub fn suites(data: &Path) -> Vec<Suite> {
    let mut out = recognizers(&data.join("recognizers_text_en"));
    out.extend(quantulum(&data.join("quantulum3_en")));
    out.extend(duckling(&data.join("duckling_en_corpus")));
    out
}

/// "[20,30)", "(,20]", "[5,)" → bounds.
fn range(value: &str) -> Option<Want> {
    let inner = value
        .trim()
        .trim_matches(|c| matches!(c, '[' | ']' | '(' | ')'));
    let (lo, hi) = inner.split_once(',')?;
    let (lo, hi) = (lo.trim().parse().ok(), hi.trim().parse().ok());
    match (lo, hi) {
        (Some(value), Some(max)) => Some(Want {
            value,
            max: Some(max),
        }),
        (Some(value), None) | (None, Some(value)) => Some(Want { value, max: None }),
        (None, None) => None,
    }
}

const RECOGNIZERS_ANCHOR: &str =
    "Recognizers-Text itself (its own spec; some cases marked NotSupported on some platforms)";

fn recognizers(dir: &Path) -> Vec<Suite> {
    let mut out = Vec::new();
    for (name, measure, file) in [
        (
            "Number",
            "numbers, Recognizers-Text Number",
            "Number_English_NumberModel.json",
        ),
        (
            "Percent",
            "numbers, Recognizers-Text Percent",
            "Number_English_PercentModel.json",
        ),
        (
            "NumberRange",
            "numbers, Recognizers-Text NumberRange (both bounds)",
            "Number_English_NumberRangeModel.json",
        ),
        (
            "Currency",
            "numbers, Recognizers-Text Currency",
            "NumberWithUnit_English_CurrencyModel.json",
        ),
        (
            "Dimension",
            "numbers, Recognizers-Text Dimension",
            "NumberWithUnit_English_DimensionModel.json",
        ),
    ] {
        let Some(json) = read_json(&dir.join(file)) else {
            continue;
        };
        let mut cases = Vec::new();
        for case in json.as_array().into_iter().flatten() {
            let input = case["Input"].as_str().unwrap_or_default().to_string();
            let results = case["Results"].as_array().cloned().unwrap_or_default();
            let wants: Vec<Want> = results
                .iter()
                .filter_map(|r| {
                    let v = r["Resolution"]["value"].as_str()?;
                    if name == "NumberRange" {
                        return range(v);
                    }
                    let value = v.trim().trim_end_matches('%').trim().parse().ok()?;
                    Some(Want { value, max: None })
                })
                .collect();
            if !results.is_empty() && wants.is_empty() {
                continue; // results without a value (a unit word alone): nothing to check
            }
            cases.push(Case { input, wants });
        }
        out.push(Suite {
            name,
            measure,
            anchor: RECOGNIZERS_ANCHOR,
            cases,
        });
    }
    out
}

fn quantulum(dir: &Path) -> Vec<Suite> {
    let mut cases = Vec::new();
    for file in ["quantities.json", "quantities.ambiguity.json"] {
        let Some(json) = read_json(&dir.join(file)) else {
            continue;
        };
        for case in json.as_array().into_iter().flatten() {
            let input = case["req"].as_str().unwrap_or_default().to_string();
            let wants = case["res"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| {
                    let value = r["value"].as_f64()?;
                    match r["uncertainty"].as_f64() {
                        // quantulum writes "8- to 16-meter" as 12 ± 4
                        Some(u) if u > 0.0 => Some(Want {
                            value: value - u,
                            max: Some(value + u),
                        }),
                        _ => Some(Want { value, max: None }),
                    }
                })
                .collect();
            cases.push(Case { input, wants });
        }
    }
    if cases.is_empty() {
        return Vec::new();
    }
    vec![Suite {
        name: "quantulum3",
        measure: "numbers, quantulum3 (quantities + ambiguity)",
        anchor: "quantulum3 itself (its own test file)",
        cases,
    }]
}

/// The numbers of a Haskell value expression outside quoted strings ("between" gives a range).
fn haskell_values(expr: &str) -> Option<Want> {
    let unquoted: String = expr.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    let unquoted = unquoted.replace("(-", "-").replace("( -", "-");
    let bytes = unquoted.as_bytes();
    let digits = |mut j: usize| {
        while bytes.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    // `-?\d+(\.\d+)?(e-?\d+)?`, leftmost first, without overlaps.
    let mut nums = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let sign = usize::from(bytes[i] == b'-');
        let int_end = digits(i + sign);
        if int_end == i + sign {
            i += 1;
            continue;
        }
        let mut end = int_end;
        if bytes.get(end) == Some(&b'.') && digits(end + 1) > end + 1 {
            end = digits(end + 1);
        }
        if bytes.get(end) == Some(&b'e') {
            let s = end + 1 + usize::from(bytes.get(end + 1) == Some(&b'-'));
            if digits(s) > s {
                end = digits(s);
            }
        }
        nums.extend(unquoted[i..end].parse::<f64>().ok());
        i = end;
    }
    let value = *nums.first()?;
    let max = unquoted
        .starts_with("between")
        .then(|| nums.get(1).copied())
        .flatten();
    Some(Want { value, max })
}

fn duckling(dir: &Path) -> Vec<Suite> {
    let Some(corpus) = read_json(&dir.join("duckling_en_corpus.json")) else {
        return Vec::new();
    };
    let mut cases = Vec::new();
    // Ordinals are not figures in ClaimLens ("the third day" is no statistic): left out.
    for dim in [
        "Numeral",
        "AmountOfMoney",
        "Quantity",
        "Distance",
        "Temperature",
        "Volume",
    ] {
        let d = &corpus[dim];
        for group in d["groups"].as_array().into_iter().flatten() {
            let Some(want) = group["value_haskell"].as_str().and_then(haskell_values) else {
                continue;
            };
            for input in group["inputs"].as_array().into_iter().flatten() {
                cases.push(Case {
                    input: input.as_str().unwrap_or_default().to_string(),
                    wants: vec![want],
                });
            }
        }
        for input in d["negative"].as_array().into_iter().flatten() {
            cases.push(Case {
                input: input.as_str().unwrap_or_default().to_string(),
                wants: Vec::new(),
            });
        }
    }
    vec![Suite {
        name: "Duckling",
        measure: "numbers, Duckling corpus (Numeral, AmountOfMoney, Quantity, Distance, Temperature, Volume; whole inputs)",
        anchor: "Duckling itself (its own corpus)",
        cases,
    }]
}
