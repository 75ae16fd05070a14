//! `claimlens`: the ClaimLens core over files, for scripting and for checking results.
//!
//! ```text
//! claimlens analyze FILE [--json | --jsonl] [--no-corpus | --corpus CORPUS]
//! claimlens corpus build INPUT -o CORPUS [--progress]
//! claimlens extract FILE [--jsonl]
//! claimlens match [--corpus CORPUS] [--top K] [--jsonl] [QUERY_FILE | -]
//! ```
//! Every error prints one clear message on standard error and exits with status 2. In a JSON
//! Lines batch a line that cannot be used is reported where it stands (`{"id", "error"}` on
//! standard output, a message on standard error) and the batch goes on; it then exits with 1.

// The tool reads files and parses HTML natively; under `wasm-pack test` (which builds every
// target for wasm32) it compiles to an empty program.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

#[cfg(not(target_arch = "wasm32"))]
mod analyze;
#[cfg(not(target_arch = "wasm32"))]
mod build;
#[cfg(not(target_arch = "wasm32"))]
mod extract;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod matching;

use std::process::ExitCode;

const USAGE: &str = "\
usage: claimlens analyze FILE [--json | --jsonl] [--no-corpus | --corpus CORPUS]
       claimlens corpus build INPUT -o CORPUS [--progress]
       claimlens extract FILE [--jsonl]
       claimlens match [--corpus CORPUS] [--top K] [--jsonl] [QUERY_FILE | -]

analyze: mark attributions, hedges and statistics and compare them with a corpus
  FILE           a .txt or .html article, or - for standard input
  --json         print {\"findings\": [...]} (byte offsets into the analysed text)
  --jsonl        batch mode: read lines of {\"id\",\"text\"}, write lines of {\"id\",\"findings\"};
                 a line that cannot be used (not JSON, no text, not UTF-8, over 64 MiB)
                 gives {\"id\",\"error\"} (id when it can be read) and a message on stderr,
                 and the batch goes on
  --no-corpus    do not compare with the reference corpus
  --corpus FILE  compare with this corpus file instead of the bundled corpus

corpus build: write a corpus file
  INPUT          a folder of .txt/.html/.md articles (with an optional catalog.tsv of
                 file, title, outlet, date), or a JSON Lines file of
                 {\"id\",\"title\",\"text\"} with optional \"source\", \"date\", \"url\"
  -o FILE        the corpus file to write
  --progress     report progress on stderr (default: only when stderr is a terminal)

extract: the article of an HTML page, as corpus build sees it: {\"id\",\"title\",\"text\"}
  FILE           an HTML page, or - for standard input
  --jsonl        batch mode: read lines of {\"id\",\"text\"} (text: the HTML; optional \"url\"),
                 write lines of {\"id\",\"title\",\"text\"} (text null: no article found)

match: the corpus documents that best match each query, one JSON line per query:
       {\"id\",\"matches\":[{\"doc\",\"score\",\"text\"}]} (text: the document's best passage)
  QUERY_FILE     one query text (the id is the file name), or - for standard input (default)
  --jsonl        the input holds lines of {\"id\",\"text\"}; a line that cannot be used gives
                 {\"id\",\"error\"}, as in analyze --jsonl
  --corpus FILE  the corpus file to search (default: the bundled corpus)
  --top K        how many documents per query (default 5)

Inputs (files and each JSON Lines line) are limited to 64 MiB. Exit status: 0 done; 1 a batch
finished with lines refused; 2 an error (a message on stderr).
";

#[cfg(target_arch = "wasm32")]
fn main() {}

/// Why a command did not fully succeed.
pub enum Failure {
    /// Nothing (more) could be done: exit status 2.
    Fatal(String),
    /// A batch finished, with lines refused: exit status 1.
    Partial(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Fatal(message)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Partial(message)) => {
            eprintln!("claimlens: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Fatal(message)) => {
            eprintln!("claimlens: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: &[String]) -> Result<(), Failure> {
    match args.first().map(String::as_str) {
        Some("analyze") => analyze::run(&args[1..]),
        Some("corpus") => match args.get(1).map(String::as_str) {
            Some("build") => Ok(build::run(&args[2..])?),
            Some(other) => Err(format!("unknown corpus command {other:?}\n{USAGE}").into()),
            None => Err(format!("corpus needs a command: build\n{USAGE}").into()),
        },
        Some("extract") => extract::run(&args[1..]),
        Some("match") => matching::run(&args[1..]),
        Some("-h") | Some("--help") | Some("help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some("-V") | Some("--version") => {
            println!("claimlens {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}").into()),
        None => Err(format!("no command given\n{USAGE}").into()),
    }
}

/// The value following option `flag`.
fn value_of<'a>(
    flag: &str,
    args: &mut impl Iterator<Item = &'a String>,
) -> Result<&'a String, String> {
    args.next()
        .filter(|v| !v.starts_with("--") || v.as_str() == "-")
        .ok_or_else(|| format!("{flag} needs a value"))
}
