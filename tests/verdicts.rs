//! Comparison verdicts on the sample articles read against each other, and on perturbed copies
//! (cases in `tests/data/verdicts.tsv`).
#![cfg(not(target_arch = "wasm32"))]

use claimlens::view::explain;
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

/// The bundled corpus without document `page`: a sample (or a copy of it) is read against the
/// other sample, as the table's header says. (Against the whole bundled corpus a perturbed copy
/// is compared with its own original: `near_copies.tsv`.)
fn other_samples(page: &str) -> Corpus {
    let bundled = Corpus::bundled();
    Corpus::new(
        bundled
            .documents()
            .iter()
            .filter(|d| d.id != page)
            .cloned()
            .collect(),
    )
}

#[test]
fn verdicts_on_samples_and_perturbed_copies() {
    let mut failures = Vec::new();
    // Cases whose expected verdict ends in `?` wait on a detector (`src/detect/`): reported,
    // not failed.
    let mut pending = Vec::new();
    let all = cases();
    for case in &all {
        let mut text = std::fs::read_to_string(format!(
            "{}/corpus/{}",
            env!("CARGO_MANIFEST_DIR"),
            case.page
        ))
        .unwrap();
        if let Some((old, new)) = &case.perturbation {
            // A space in `old` stands for any run of white space (the samples use no-break
            // spaces after short words).
            let pattern = old
                .split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let re = regex::Regex::new(&pattern).unwrap();
            assert!(
                re.is_match(&text),
                "verdicts.tsv:{}: {old:?} not in the page",
                case.line
            );
            text = re.replacen(&text, 1, regex::NoExpand(new)).into_owned();
        }
        let report = analyze(&text, Some(&other_samples(&case.page)));
        let found = report
            .findings
            .iter()
            .find(|f| f.kind().as_str() == case.kind && collapse(f.text()).contains(&case.text));
        let (expected, waiting) = match case.verdict.strip_suffix('?') {
            Some(v) => (v, true),
            None => (case.verdict.as_str(), false),
        };
        let failures = if waiting { &mut pending } else { &mut failures };
        match found {
            None => failures.push(format!(
                "verdicts.tsv:{}: no {} finding containing {:?}",
                case.line, case.kind, case.text
            )),
            Some(f) if f.verdict().as_str() != expected => failures.push(format!(
                "verdicts.tsv:{}: {:?} is {} ({}), expected {}",
                case.line,
                f.text(),
                f.verdict().as_str(),
                explain(f.kind(), &f.comparison),
                expected
            )),
            Some(_) => {}
        }
    }
    eprintln!(
        "verdicts: {}/{} right, {} pending on a detector",
        all.len() - failures.len() - pending.len(),
        all.len(),
        pending.len()
    );
    for p in &pending {
        eprintln!("pending: {p}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
