//! `make eval`: every detector against public test sets made by others, read in place from
//! `../shared/evaldata` (never copied into the project), each development set split in two
//! halves by document (rules are built on the build half and must hold on the check half).
//!
//! ```text
//! cargo run --release --example eval             # print the table
//! cargo run --release --example eval -- --write  # and rewrite the figures section of EVALUATION.md
//! cargo run --release --example eval -- --verbose # and list the misses on stderr
//! cargo run --release --example eval -- --only attribution --verbose   # one set
//! ```
//!
//! Without the data the program says so and exits 0, or 1 when `CI=true`.

#[cfg(not(target_arch = "wasm32"))]
mod report;
#[cfg(not(target_arch = "wasm32"))]
mod rows;
#[cfg(not(target_arch = "wasm32"))]
#[path = "../support/mod.rs"]
mod support;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/evaldata");
    if !data.is_dir() {
        eprintln!("evaluation data not found at {}", data.display());
        let ci = std::env::var("CI").as_deref() == Ok("true");
        return std::process::ExitCode::from(u8::from(ci));
    }
    let wanted = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let started = Instant::now();
    let mut table = Vec::new();
    type Rows = fn(&Path, bool) -> Vec<report::Row>;
    let sets: [(&str, &str, Rows); 6] = [
        ("sentences", "golden_rules_en", rows::sentences),
        ("hedges", "szeged_uncertainty_wiki", rows::hedges),
        ("numbers", "", rows::numbers),
        ("extraction", "readability_pages", rows::extraction),
        ("attribution", "polnear_valid_en", rows::attribution),
        ("retrieval", "checkthat2022_task2a_en", rows::retrieval),
    ];
    for (name, dir, rows) in sets {
        if wanted(name) {
            table.extend(rows(&data.join(dir), verbose));
        }
    }
    let table = report::table(&table);
    println!("{table}");
    eprintln!("evaluated in {:.1} s", started.elapsed().as_secs_f64());
    if write {
        if only.is_some() {
            eprintln!("--write needs every set: not written");
            return std::process::ExitCode::FAILURE;
        }
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
