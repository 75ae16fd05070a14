//! Comparison verdicts, as a careful reader signs them:
//! - `tests/data/verdicts.tsv`: the sample articles read against each other, and perturbed
//!   copies;
//! - `tests/data/verdicts_ecbplus.tsv`: stories nobody here wrote (ECB+ development documents,
//!   read in place from `../shared/evaldata`), each row with its reason.
//!
//! A verdict ending in `?` is one the engine does not give yet: reported, not failed.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::corpus::Document;
use claimlens::view::explain;
use claimlens::{analyze, Corpus};
use std::collections::HashMap;
use std::path::Path;

/// One row of a verdict table.
struct Case {
    /// Where the row is, for messages ("verdicts.tsv:12").
    at: String,
    /// The page: a sample file name or an ECB+ document id.
    page: String,
    /// The corpus documents (ECB+ tables only).
    references: Vec<String>,
    perturbation: Option<(String, String)>,
    kind: String,
    text: String,
    verdict: String,
}

/// The rows of a table whose columns are `columns` (`references` present or not).
fn cases(name: &str, table: &str, with_references: bool) -> Vec<Case> {
    let columns = if with_references { 7 } else { 5 };
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), columns, "{name}:{}: {columns} columns", i + 1);
            let rest = if with_references {
                &cols[2..]
            } else {
                &cols[1..]
            };
            let perturbation = (rest[0] != "-").then(|| {
                let (old, new) = rest[0].split_once(" => ").expect("old => new");
                (old.to_string(), new.to_string())
            });
            Case {
                at: format!("{name}:{}", i + 1),
                page: cols[0].into(),
                references: if with_references {
                    cols[1].split(',').map(str::to_string).collect()
                } else {
                    Vec::new()
                },
                perturbation,
                kind: rest[1].into(),
                text: rest[2].into(),
                verdict: rest[3].into(),
            }
        })
        .collect()
}

/// The text with every run of white space (no-break spaces included) as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with the case's perturbation applied once (a space in `old` matches any white space).
fn perturbed(case: &Case, text: String) -> String {
    let Some((old, new)) = &case.perturbation else {
        return text;
    };
    let pattern = old
        .split(' ')
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let re = regex::Regex::new(&pattern).unwrap();
    assert!(re.is_match(&text), "{}: {old:?} not in the page", case.at);
    re.replacen(&text, 1, regex::NoExpand(new)).into_owned()
}

/// Checks every case (page text and corpus given by `setup`); fails on wrong verdicts, reports
/// pending ones.
fn check(all: &[Case], setup: impl Fn(&Case) -> (String, Corpus)) {
    let mut failures = Vec::new();
    let mut pending = Vec::new();
    for case in all {
        let (text, corpus) = setup(case);
        let text = perturbed(case, text);
        let report = analyze(&text, Some(&corpus));
        // The finding that is exactly the text, else the first that contains it.
        let of_kind = || {
            report
                .findings
                .iter()
                .filter(|f| f.kind().as_str() == case.kind)
        };
        let found = of_kind()
            .find(|f| collapse(f.text()) == case.text)
            .or_else(|| of_kind().find(|f| collapse(f.text()).contains(&case.text)));
        let (expected, waiting) = match case.verdict.strip_suffix('?') {
            Some(v) => (v, true),
            None => (case.verdict.as_str(), false),
        };
        let list = if waiting { &mut pending } else { &mut failures };
        match found {
            None => list.push(format!(
                "{}: no {} finding containing {:?}",
                case.at, case.kind, case.text
            )),
            Some(f) if f.verdict().as_str() != expected => list.push(format!(
                "{}: {:?} is {} ({}), expected {}; compared with {}",
                case.at,
                f.text(),
                f.verdict().as_str(),
                explain(f.kind(), &f.comparison),
                expected,
                f.comparison
                    .reference
                    .as_ref()
                    .map_or("nothing".to_string(), |r| format!(
                        "{}: {:?}",
                        r.doc, r.text
                    )),
            )),
            Some(_) if waiting => eprintln!("{}: now right; drop its `?`", case.at),
            Some(_) => {}
        }
    }
    eprintln!(
        "verdicts: {}/{} right, {} pending",
        all.len() - failures.len() - pending.len(),
        all.len(),
        pending.len()
    );
    for p in &pending {
        eprintln!("pending: {p}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The bundled corpus without document `page`: a sample (or a copy of it) is read against the
/// other sample, as the table's header says. (Against the whole bundled corpus a perturbed copy
/// would be compared with its own original, as `verdicts_ecbplus.tsv` shows for near-copies.)
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
    let all = cases("verdicts.tsv", include_str!("data/verdicts.tsv"), false);
    check(&all, |case| {
        let text = std::fs::read_to_string(format!(
            "{}/corpus/{}",
            env!("CARGO_MANIFEST_DIR"),
            case.page
        ))
        .unwrap();
        (text, other_samples(&case.page))
    });
}

#[test]
fn verdicts_on_stories_nobody_here_wrote() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/evaldata/ecbplus_dev/docs.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{} is missing",
            path.display()
        );
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let docs: HashMap<String, Document> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            let doc = Document {
                id: field("id"),
                title: field("title"),
                outlet: None,
                date: None,
                url: None,
                text: field("text"),
            };
            (doc.id.clone(), doc)
        })
        .collect();
    let all = cases(
        "verdicts_ecbplus.tsv",
        include_str!("data/verdicts_ecbplus.tsv"),
        true,
    );
    check(&all, |case| {
        let page = docs
            .get(&case.page)
            .unwrap_or_else(|| panic!("{}: no document {}", case.at, case.page));
        let references = case
            .references
            .iter()
            .map(|r| {
                docs.get(r)
                    .unwrap_or_else(|| panic!("{}: no document {r}", case.at))
                    .clone()
            })
            .collect();
        (page.text.clone(), Corpus::new(references))
    });
}
