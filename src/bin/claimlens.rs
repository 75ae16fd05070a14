//! `claimlens`: the ClaimLens core over files, for scripting and for checking results.
//!
//! ```text
//! claimlens analyze FILE [--json | --jsonl] [--no-corpus]
//! ```
//! FILE is a `.txt` or `.html` article, or `-` for standard input (HTML when it starts with `<`).

use claimlens::compare::Verdict;
use claimlens::page::{analyze_page, parse_html};
use claimlens::{analyze, Corpus, Finding, Kind};
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

/// Inputs larger than this are refused rather than analysed slowly.
const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

const USAGE: &str = "\
usage: claimlens analyze FILE [--json | --jsonl] [--no-corpus]

  FILE         a .txt or .html article, or - for standard input
  --json       print {\"findings\": [...]} (byte offsets into the analysed text)
  --jsonl      batch mode: read lines of {\"id\",\"text\"}, write lines of {\"id\",\"findings\"}
  --no-corpus  do not compare with the reference corpus
";

/// What the command line asks for.
struct Options {
    input: String,
    format: Format,
    corpus: bool,
}

#[derive(PartialEq)]
enum Format {
    Human,
    Json,
    JsonLines,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("claimlens: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("analyze") => analyze_command(parse_options(&args[1..])?),
        Some("-h") | Some("--help") | Some("help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some("-V") | Some("--version") => {
            println!("claimlens {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(format!("no command given\n{USAGE}")),
    }
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut input = None;
    let mut format = Format::Human;
    let mut corpus = true;
    for arg in args {
        match arg.as_str() {
            "--json" => format = Format::Json,
            "--jsonl" => format = Format::JsonLines,
            "--no-corpus" => corpus = false,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    let input = input.ok_or_else(|| format!("analyze needs a FILE (or - for stdin)\n{USAGE}"))?;
    Ok(Options {
        input,
        format,
        corpus,
    })
}

/// Reads the whole input, refusing what is not text.
fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let read = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{path} is larger than {} MiB; split it into articles",
            MAX_INPUT_BYTES >> 20
        ));
    }
    if bytes.contains(&0) {
        return Err(format!(
            "{path} looks binary (it contains NUL bytes), not an article"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path} is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("{path} is empty: there is nothing to analyse"));
    }
    Ok(text)
}

fn is_html(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".html")
        || lower.ends_with(".htm")
        || (path == "-" && text.trim_start().starts_with('<'))
}

fn analyze_command(opts: Options) -> Result<(), String> {
    let corpus = opts.corpus.then(Corpus::bundled);
    if opts.format == Format::JsonLines {
        return analyze_lines(&opts.input, corpus.as_ref());
    }
    let text = read_input(&opts.input)?;
    let findings = if is_html(&opts.input, &text) {
        let analysis = analyze_page(&parse_html(&text, &opts.input), corpus.as_ref());
        if !analysis.is_article {
            eprintln!("claimlens: no article found in {}", opts.input);
        }
        analysis.findings.into_iter().map(|f| f.finding).collect()
    } else {
        analyze(&text, corpus.as_ref()).findings
    };
    let mut out = std::io::stdout().lock();
    let written = match opts.format {
        Format::Json => {
            serde_json::to_writer(&mut out, &serde_json::json!({ "findings": findings }))
                .map_err(|e| e.to_string())
                .and_then(|()| writeln!(out).map_err(|e| e.to_string()))
        }
        _ => print_for_people(&mut out, &opts.input, &findings).map_err(|e| e.to_string()),
    };
    written.or_else(ignore_broken_pipe)
}

fn ignore_broken_pipe(e: String) -> Result<(), String> {
    if e.contains("Broken pipe") {
        Ok(())
    } else {
        Err(format!("cannot write output: {e}"))
    }
}

/// Batch mode: one `{"id","text"}` object per input line, one `{"id","findings"}` per output line.
fn analyze_lines(path: &str, corpus: Option<&Corpus>) -> Result<(), String> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut out = std::io::stdout().lock();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("{path}:{}: not a JSON object: {e}", n + 1))?;
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| format!("{path}:{}: no \"text\" string", n + 1))?;
        let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let findings = analyze(text, corpus).findings;
        let record = serde_json::json!({ "id": id, "findings": findings });
        writeln!(out, "{record}")
            .map_err(|e| e.to_string())
            .or_else(ignore_broken_pipe)?;
    }
    Ok(())
}

fn print_for_people(out: &mut impl Write, name: &str, findings: &[Finding]) -> std::io::Result<()> {
    let count = |k: Kind| findings.iter().filter(|f| f.kind == k).count();
    writeln!(
        out,
        "{name}: {} findings — {} attributions, {} hedges, {} statistics",
        findings.len(),
        count(Kind::Attribution),
        count(Kind::Hedge),
        count(Kind::Statistic)
    )?;
    for f in findings {
        writeln!(out, "\n[{}] “{}”", f.kind.as_str(), f.text)?;
        if f.verdict != Verdict::NotCompared {
            writeln!(out, "  {}: {}", f.verdict.label(), f.explanation)?;
        }
        if let Some(r) = &f.reference {
            writeln!(out, "  reference ({}): “{}”", r.title, r.text)?;
        }
    }
    Ok(())
}
