//! Comparison verdicts on the sample articles read against each other, and on perturbed copies
//! (cases in `tests/data/verdicts.tsv`).
#![cfg(not(target_arch = "wasm32"))]

use claimlens::{analyze, Corpus};

struct Case {
    line: usize,
    page: String,
    perturbation: Option<(String, String)>,
    kind: String,
    text: String,
    verdict: String,
}

fn cases() -> Vec<Case> {
    include_str!("data/verdicts.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 5, "verdicts.tsv:{}: five columns", i + 1);
            let perturbation = (cols[1] != "-").then(|| {
                let (old, new) = cols[1].split_once(" => ").expect("old => new");
                (old.to_string(), new.to_string())
            });
            Case {
                line: i + 1,
                page: cols[0].into(),
                perturbation,
                kind: cols[2].into(),
                text: cols[3].into(),
                verdict: cols[4].into(),
            }
        })
        .collect()
}

/// The text with every run of white space (no-break spaces included) as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn verdicts_on_samples_and_perturbed_copies() {
    let corpus = Corpus::bundled();
    let mut failures = Vec::new();
    let all = cases();
    for case in &all {
        let mut text = std::fs::read_to_string(format!(
            "{}/corpus/{}",
            env!("CARGO_MANIFEST_DIR"),
            case.page
        ))
        .unwrap();
        if let Some((old, new)) = &case.perturbation {
            assert!(
                text.contains(old.as_str()),
                "verdicts.tsv:{}: {old:?} not in the page",
                case.line
            );
            text = text.replacen(old.as_str(), new, 1);
        }
        let report = analyze(&text, Some(&corpus));
        let found = report
            .findings
            .iter()
            .find(|f| f.kind.as_str() == case.kind && collapse(&f.text).contains(&case.text));
        match found {
            None => failures.push(format!(
                "verdicts.tsv:{}: no {} finding containing {:?}",
                case.line, case.kind, case.text
            )),
            Some(f) if f.verdict.as_str() != case.verdict => failures.push(format!(
                "verdicts.tsv:{}: {:?} is {} ({}), expected {}",
                case.line,
                f.text,
                f.verdict.as_str(),
                f.explanation,
                case.verdict
            )),
            Some(_) => {}
        }
    }
    eprintln!(
        "verdicts: {}/{} right",
        all.len() - failures.len(),
        all.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
