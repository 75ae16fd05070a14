//! Sentence splitting on the English Golden Rules sets: a case is right when the list of
//! sentences is exactly the expected one after trimming (pySBD's scoring).

use crate::report::Row;
use std::path::Path;

pub fn rows(dir: &Path, verbose: bool) -> Vec<Row> {
    let mut out = Vec::new();
    for (file, name, anchor) in [
        (
            "pysbd_golden_rules_en_48.json",
            "sentence splitting, pySBD Golden Rules (cases fully right)",
            "pySBD 47/48; best Rust crate tried 44/48",
        ),
        (
            "pragmatic_segmenter_golden_rules_en_52.json",
            "sentence splitting, Pragmatic Segmenter Golden Rules (cases fully right)",
            "Pragmatic Segmenter 51/52",
        ),
    ] {
        let Some(rules) = read_json(&dir.join(file)) else {
            continue;
        };
        let rules = rules.as_array().cloned().unwrap_or_default();
        let mut right = 0;
        for rule in &rules {
            let input = unescape(rule["input"].as_str().unwrap_or_default());
            let input = input.as_str();
            let expected: Vec<&str> = rule["expected"]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str()).map(str::trim).collect())
                .unwrap_or_default();
            let got: Vec<&str> = claimlens::text::sentences(input)
                .iter()
                .map(|s| s.slice(input))
                .collect();
            if got == expected {
                right += 1;
            } else if verbose {
                eprintln!(
                    "SENTENCES {file} #{} {}:\n  want {expected:?}\n  got  {got:?}",
                    rule["id"], rule["title"]
                );
            }
        }
        let goal = format!("{0}/{0}", rules.len());
        out.push(Row::new(
            name,
            &format!("**{right}/{}**", rules.len()),
            anchor,
            &goal,
        ));
    }
    out
}

pub fn read_json(path: &Path) -> Option<serde_json::Value> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("skipping {}: {e}", path.display());
            return None;
        }
    };
    match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(v) => Some(v),
        Err(e) => {
            eprintln!("skipping {}: {e}", path.display());
            None
        }
    }
}

/// The Pragmatic Segmenter cases come from Ruby string literals in its README; a few inputs kept
/// the literal's escapes (`\n`, `\"`) while their expected sentences hold the characters. Read
/// them as Ruby reads them.
fn unescape(input: &str) -> String {
    input
        .replace("\\n", "\n")
        .replace("\\r", "\r")
        .replace("\\t", "\t")
        .replace("\\\"", "\"")
}
