//! The English Golden Rules of sentence splitting (pySBD's 48, Pragmatic Segmenter's 52): a case
//! is right when the list of sentences is exactly the expected one after trimming (pySBD's
//! scoring).

use super::{read_json, Half, Halves};
use std::path::Path;

/// The two sets: file, measure, anchor.
pub const SETS: &[(&str, &str, &str)] = &[
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
];

/// One rule: its id, title, input and expected sentences.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The rule's id in its file.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The input text.
    pub input: String,
    /// The expected sentences, trimmed.
    pub expected: Vec<String>,
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

/// The rules of one file (`None` when it cannot be read).
pub fn load(dir: &Path, file: &str) -> Option<Vec<Rule>> {
    let json = read_json(&dir.join(file))?;
    Some(
        json.as_array()?
            .iter()
            .map(|r| Rule {
                id: r["id"].to_string(),
                title: r["title"].as_str().unwrap_or_default().to_string(),
                input: unescape(r["input"].as_str().unwrap_or_default()),
                expected: r["expected"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                    .map(|s| s.trim().to_string())
                    .collect(),
            })
            .collect(),
    )
}

impl Rule {
    /// The sentences ClaimLens splits the input into.
    pub fn split(&self) -> Vec<&str> {
        claimlens::text::sentences(&self.input)
            .iter()
            .map(|s| s.slice(&self.input))
            .collect()
    }

    /// Whether ClaimLens splits it exactly as expected.
    pub fn right(&self) -> bool {
        self.split() == self.expected
    }
}

/// Rules fully right of all rules, per half (by rule id); misses on stderr when `verbose`.
pub fn evaluate(file: &str, rules: &[Rule], verbose: bool) -> Halves<(usize, usize)> {
    let mut out = Halves::<(usize, usize)>::default();
    for rule in rules {
        let (right, all) = out.get_mut(Half::of(&format!("{file}#{}", rule.id)));
        *all += 1;
        if rule.right() {
            *right += 1;
        } else if verbose {
            eprintln!(
                "SENTENCES {file} #{} {}:\n  want {:?}\n  got  {:?}",
                rule.id,
                rule.title,
                rule.expected,
                rule.split()
            );
        }
    }
    out
}
