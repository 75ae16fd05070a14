//! Shared by the detector test binaries: reading the case tables in `tests/data/` and checking
//! every case at once.

use std::fmt::Debug;

/// The rows of a tab-separated case table as (line number, cells), leaving out blank lines and
/// `#` comments. `\n`, `\r` and `\t` in a cell stand for a line break, a carriage return and a tab.
pub fn rows(data: &str) -> Vec<(usize, Vec<String>)> {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let cells = l.split('\t').map(|c| {
                c.replace("\\n", "\n")
                    .replace("\\r", "\r")
                    .replace("\\t", "\t")
            });
            (n + 1, cells.collect())
        })
        .collect()
}

/// Runs every case `(line, input, expected)` through `run` and fails once, listing every case
/// whose result differs from what the table expects.
pub fn check_table<T: PartialEq + Debug>(
    table: &str,
    cases: impl IntoIterator<Item = (usize, String, T)>,
    run: impl Fn(&str) -> T,
) {
    let mut failures = Vec::new();
    for (line, input, expected) in cases {
        let got = run(&input);
        if got != expected {
            failures.push(format!(
                "{table}:{line}: {input:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
