//! The accuracy evaluation of issue 4: every detector against public test sets made by others,
//! read in place from `../shared/evaldata` (never copied into the project).
//!
//! ```text
//! cargo run --release --example eval             # print the table
//! cargo run --release --example eval -- --write  # and rewrite the figures section of EVALUATION.md
//! cargo run --release --example eval -- --verbose # and list the misses on stderr
//! ```
//!
//! Without the data the program says so and exits 0, or 1 when `CI=true`.

#[cfg(not(target_arch = "wasm32"))]
mod attribution;
#[cfg(not(target_arch = "wasm32"))]
mod extraction;
#[cfg(not(target_arch = "wasm32"))]
mod hedges;
#[cfg(not(target_arch = "wasm32"))]
mod numbers;
#[cfg(not(target_arch = "wasm32"))]
mod report;
#[cfg(not(target_arch = "wasm32"))]
mod sentences;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/evaldata");
    if !data.is_dir() {
        eprintln!("evaluation data not found at {}", data.display());
        let ci = std::env::var("CI").as_deref() == Ok("true");
        return std::process::ExitCode::from(u8::from(ci));
    }
    let started = Instant::now();
    let mut rows = Vec::new();
    rows.extend(sentences::rows(&data.join("golden_rules_en"), verbose));
    rows.extend(hedges::rows(&data.join("szeged_uncertainty_wiki"), verbose));
    rows.extend(numbers::rows(&data, verbose));
    rows.extend(extraction::rows(&data.join("readability_pages"), verbose));
    rows.extend(attribution::rows(verbose));
    rows.push(report::Row::new(
        "claim retrieval MAP@5 (CheckThat! 2022 2A dev-test)",
        "0.897 (see below)",
        "organisers' BM25 0.818",
        "≥ 0.90",
    ));
    let table = report::table(&rows);
    println!("{table}");
    let elapsed = started.elapsed().as_secs_f64();
    eprintln!("evaluated in {elapsed:.1} s");
    if write {
        let path = root.join("EVALUATION.md");
        match report::write_section(&path, &table) {
            Ok(()) => eprintln!("wrote the figures section of {}", path.display()),
            Err(e) => {
                eprintln!("could not write {}: {e}", path.display());
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    std::process::ExitCode::SUCCESS
}

/// The evaluation reads files; in the browser build there is nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
