#![cfg(not(target_arch = "wasm32"))]
//! Printed, not asserted: how many Microsoft Recognizers-Text English number and percent cases
//! (`/work/shared/evaldata/recognizers_text_en`) get exactly the expected values from
//! `find_statistics`. Run with `cargo test --test eval_numbers -- --nocapture`.

use claimlens::detect::find_statistics;
use claimlens::text::sentences;
use std::path::Path;

const DIR: &str = "/work/shared/evaldata/recognizers_text_en";

fn expected_values(case: &serde_json::Value) -> Vec<f64> {
    let results = case["Results"].as_array().cloned().unwrap_or_default();
    let mut values: Vec<f64> = results
        .iter()
        .filter_map(|r| r["Resolution"]["value"].as_str())
        .filter_map(|v| v.trim_end_matches('%').trim().parse().ok())
        .collect();
    values.sort_by(f64::total_cmp);
    values
}

fn found_values(text: &str) -> Vec<f64> {
    let mut values: Vec<f64> = find_statistics(text, &sentences(text))
        .iter()
        .map(|s| s.value)
        .collect();
    values.sort_by(f64::total_cmp);
    values
}

fn same(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| (x - y).abs() <= 1e-6 * x.abs().max(1.0))
}

#[test]
fn recognizers_text_numbers() {
    if !Path::new(DIR).exists() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{DIR} is missing"
        );
        eprintln!("skipping: {DIR} is absent");
        return;
    }
    for file in [
        "Number_English_NumberModel.json",
        "Number_English_PercentModel.json",
    ] {
        let json = std::fs::read_to_string(Path::new(DIR).join(file)).unwrap();
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(json.trim_start_matches('\u{feff}')).unwrap();
        let mut right = 0;
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or_default();
            if same(&expected_values(case), &found_values(input)) {
                right += 1;
            }
        }
        println!(
            "recognizers-text {file}: {right}/{} cases with exactly the expected values",
            cases.len()
        );
    }
}
