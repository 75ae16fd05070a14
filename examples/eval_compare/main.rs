//! The comparison's evaluation (issue 8), on data nobody on this team wrote, read in place from
//! `../shared/evaldata` (never copied into the project):
//!
//! - **unrelated pages**: the saved Readability pages analysed against the bundled corpus (they
//!   have nothing to do with it): every verdict other than not-in-corpus is false;
//! - **ECB+ leave-one-out**: each of the 451 development documents analysed against a corpus of
//!   the other 450; a finding's reference is the same event (same subtopic), the same kind of
//!   event (same topic, other subtopic) or unrelated;
//! - **ECB+ figure test**: a figure stated with the same value and counted thing in two
//!   documents of one event, one analysed against the other: it should be corroborated; with
//!   the page's figure changed (×1.5, written the same way) it should be flagged.
//!
//! Each set is split in two by a hash of its document key (half A, half B), so that a rule built
//! while looking at one half can be checked on the other.
//!
//! ```text
//! cargo run --release --example eval_compare              # print the table
//! cargo run --release --example eval_compare -- --write   # and rewrite its section of EVALUATION.md
//! cargo run --release --example eval_compare -- --verbose # and list the false verdicts on stderr
//! cargo run --release --example eval_compare -- --check   # and fail if a share breaks its bound
//! ```
//! Without the data the program says so and exits 0, or 1 when `CI=true`. Under `--check`
//! (`make test`), each share must hold a bound on both halves ([`halves::Bound`]: a regression
//! floor a little below the figures measured when it was set), and a missing set fails.

#[cfg(not(target_arch = "wasm32"))]
mod ecbplus;
#[cfg(not(target_arch = "wasm32"))]
mod halves;
#[cfg(not(target_arch = "wasm32"))]
mod unrelated;

/// Where the generated table starts and ends in `EVALUATION.md`.
#[cfg(not(target_arch = "wasm32"))]
const BEGIN: &str = "<!-- eval-compare:begin -->";
#[cfg(not(target_arch = "wasm32"))]
const END: &str = "<!-- eval-compare:end -->";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let check = args.iter().any(|a| a == "--check");
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/evaldata");
    if !data.is_dir() {
        eprintln!("evaluation data not found at {}", data.display());
        let ci = std::env::var("CI").as_deref() == Ok("true");
        return std::process::ExitCode::from(u8::from(ci));
    }
    let started = Instant::now();
    let mut results = halves::Table::default();
    let mut missing = false;
    for part in [
        unrelated::rows(&data.join("readability_pages"), verbose),
        ecbplus::rows(&data.join("ecbplus_dev/docs.jsonl"), verbose),
    ] {
        match part {
            Some(t) => results.extend(t),
            None => missing = true,
        }
    }
    let mut table =
        String::from("| measure | half A | half B | all | goal |\n|---|---|---|---|---|\n");
    for row in &results.rows {
        table += row;
        table.push('\n');
    }
    println!("{table}");
    eprintln!("evaluated in {:.1} s", started.elapsed().as_secs_f64());
    if check {
        for failure in &results.failures {
            eprintln!("below its floor: {failure}");
        }
        if missing || !results.failures.is_empty() {
            return std::process::ExitCode::FAILURE;
        }
        eprintln!("every share holds its bound on both halves");
    }
    if write {
        let path = root.join("EVALUATION.md");
        if let Err(e) = write_section(&path, &table) {
            eprintln!("could not write {}: {e}", path.display());
            return std::process::ExitCode::FAILURE;
        }
        eprintln!("wrote the comparison section of {}", path.display());
    }
    std::process::ExitCode::SUCCESS
}

/// Replaces the text between the markers with `table`; appends a marked section if absent.
#[cfg(not(target_arch = "wasm32"))]
fn write_section(path: &std::path::Path, table: &str) -> std::io::Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let block = format!("{BEGIN}\n{table}{END}");
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if b < e => format!("{}{block}{}", &old[..b], &old[e + END.len()..]),
        _ => format!("{}\n\n## Comparison\n\n{block}\n", old.trim_end()),
    };
    std::fs::write(path, new)
}

/// The evaluation reads files; in the browser build there is nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
