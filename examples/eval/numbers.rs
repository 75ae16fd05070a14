//! Numbers: expected values found by `find_statistics` with the right value, and findings on the
//! cases that expect none (false alarms). A finding matches an expected value when its `value`
//! is that value (relative tolerance 1e-6); an expected range `lo..hi` needs `value` = lo and
//! `value_max` = hi. Each finding is used once. Units are not compared (their names differ per
//! suite); values are.

use crate::report::Row;
use crate::sentences::read_json;
use claimlens::detect::{find_statistics, Statistic};
use regex::Regex;

use std::path::Path;

/// One expected quantity: value and optional upper bound.
#[derive(Clone, Copy, Debug)]
struct Want {
    value: f64,
    max: Option<f64>,
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    negatives: usize,
    false_alarms: usize,
}

impl Tally {
    fn row(&self, name: &str, anchor: &str) -> Row {
        let share = 100.0 * self.found as f64 / self.expected.max(1) as f64;
        let ours = if self.negatives > 0 {
            format!(
                "**{share:.0}%** found ({}/{}); false alarms on {}/{} negative cases",
                self.found, self.expected, self.false_alarms, self.negatives
            )
        } else {
            format!("**{share:.0}%** found ({}/{})", self.found, self.expected)
        };
        Row::new(name, &ours, anchor, "≥ 95% found; no false alarms")
    }

    /// Scores one input against its expected values.
    fn case(&mut self, input: &str, wants: &[Want], verbose: bool, tag: &str) {
        let found = find_statistics(input, &claimlens::text::sentences(input));
        if wants.is_empty() {
            self.negatives += 1;
            if !found.is_empty() {
                self.false_alarms += 1;
                if verbose {
                    eprintln!(
                        "NUMBERS {tag} FALSE ALARM {input:?}: {}",
                        show(input, &found)
                    );
                }
            }
            return;
        }
        let mut used = vec![false; found.len()];
        for w in wants {
            self.expected += 1;
            let hit = found
                .iter()
                .enumerate()
                .position(|(i, s)| !used[i] && matches(s, w));
            match hit {
                Some(i) => {
                    used[i] = true;
                    self.found += 1;
                }
                None if verbose => eprintln!(
                    "NUMBERS {tag} MISS {:?}{} in {input:?}: {}",
                    w.value,
                    w.max.map(|m| format!("..{m}")).unwrap_or_default(),
                    show(input, &found)
                ),
                None => {}
            }
        }
    }
}

fn show(input: &str, found: &[Statistic]) -> String {
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

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn matches(s: &Statistic, w: &Want) -> bool {
    match w.max {
        Some(max) => close(s.value, w.value) && s.value_max.is_some_and(|m| close(m, max)),
        None => close(s.value, w.value) || s.value_max.is_some_and(|m| close(m, w.value)),
    }
}

pub fn rows(data: &Path, verbose: bool) -> Vec<Row> {
    let mut out = Vec::new();
    out.extend(recognizers(&data.join("recognizers_text_en"), verbose));
    out.extend(quantulum(&data.join("quantulum3_en"), verbose));
    out.extend(duckling(&data.join("duckling_en_corpus"), verbose));
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

fn recognizers(dir: &Path, verbose: bool) -> Vec<Row> {
    let mut out = Vec::new();
    for (model, file) in [
        ("Number", "Number_English_NumberModel.json"),
        ("Percent", "Number_English_PercentModel.json"),
        ("NumberRange", "Number_English_NumberRangeModel.json"),
        ("Currency", "NumberWithUnit_English_CurrencyModel.json"),
        ("Dimension", "NumberWithUnit_English_DimensionModel.json"),
    ] {
        let Some(cases) = read_json(&dir.join(file)) else {
            continue;
        };
        let mut tally = Tally::default();
        for case in cases.as_array().into_iter().flatten() {
            let input = case["Input"].as_str().unwrap_or_default();
            let wants: Vec<Want> = case["Results"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| {
                    let v = r["Resolution"]["value"].as_str()?;
                    if model == "NumberRange" {
                        return range(v);
                    }
                    let value = v.trim().trim_end_matches('%').trim().parse().ok()?;
                    Some(Want { value, max: None })
                })
                .collect();
            let has_results = case["Results"].as_array().is_some_and(|r| !r.is_empty());
            if has_results && wants.is_empty() {
                continue; // results without a numeric value (a unit alone): nothing to check
            }
            tally.case(input, &wants, verbose, model);
        }
        out.push(tally.row(
            &format!("numbers, Recognizers-Text {model}"),
            "Recognizers-Text itself (its own spec; some cases marked NotSupported on some platforms)",
        ));
    }
    out
}

fn quantulum(dir: &Path, verbose: bool) -> Vec<Row> {
    let mut tally = Tally::default();
    let mut any = false;
    for file in ["quantities.json", "quantities.ambiguity.json"] {
        let Some(cases) = read_json(&dir.join(file)) else {
            continue;
        };
        any = true;
        for case in cases.as_array().into_iter().flatten() {
            let input = case["req"].as_str().unwrap_or_default();
            let wants: Vec<Want> = case["res"]
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
            tally.case(input, &wants, verbose, "quantulum3");
        }
    }
    if !any {
        return Vec::new();
    }
    vec![tally.row(
        "numbers, quantulum3 (quantities + ambiguity)",
        "quantulum3 itself (its own test file)",
    )]
}

/// Numbers in a Haskell value expression, outside quoted strings.
fn haskell_values(expr: &str) -> Option<Want> {
    static NUM: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"-?\d+(?:\.\d+)?(?:e-?\d+)?").expect("valid regex")
    });
    let unquoted: String = expr.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    let unquoted = unquoted.replace("(-", "-").replace("( -", "-");
    let nums: Vec<f64> = NUM
        .find_iter(&unquoted)
        .filter_map(|m| m.as_str().parse().ok())
        .collect();
    let value = *nums.first()?;
    let max = unquoted
        .starts_with("between")
        .then(|| nums.get(1).copied())
        .flatten();
    Some(Want { value, max })
}

fn duckling(dir: &Path, verbose: bool) -> Vec<Row> {
    let Some(corpus) = read_json(&dir.join("duckling_en_corpus.json")) else {
        return Vec::new();
    };
    let mut tally = Tally::default();
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
                let input = input.as_str().unwrap_or_default();
                tally.case(input, &[want], verbose, dim);
            }
        }
        for input in d["negative"].as_array().into_iter().flatten() {
            tally.case(input.as_str().unwrap_or_default(), &[], verbose, dim);
        }
    }
    vec![tally.row(
        "numbers, Duckling corpus (Numeral, AmountOfMoney, Quantity, Distance, Temperature, Volume; whole inputs)",
        "Duckling itself (its own corpus)",
    )]
}
