//! `claimlens analyze`: findings of an article (or of JSON Lines records), compared with a corpus.

use crate::input::{self, ignore_broken_pipe};
use claimlens::page::parse_html;
use claimlens::view::{explain, left_out_note, report_json, verdict_label, FindingJson};
use claimlens::{analyze, analyze_page, Corpus, Kind, Report, Verdict};
use std::io::Write;

/// What the command line asks for.
struct Options {
    input: String,
    format: Format,
    corpus: CorpusChoice,
}

#[derive(PartialEq)]
enum Format {
    Human,
    Json,
    JsonLines,
}

enum CorpusChoice {
    Bundled,
    None,
    File(String),
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut input = None;
    let mut format = Format::Human;
    let mut corpus = CorpusChoice::Bundled;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => format = Format::Json,
            "--jsonl" => format = Format::JsonLines,
            "--no-corpus" | "--corpus" if !matches!(corpus, CorpusChoice::Bundled) => {
                return Err("give either --no-corpus or --corpus FILE, once".to_string())
            }
            "--no-corpus" => corpus = CorpusChoice::None,
            "--corpus" => corpus = CorpusChoice::File(crate::value_of(arg, &mut args)?.clone()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    let input =
        input.ok_or_else(|| format!("analyze needs a FILE (or - for stdin)\n{}", crate::USAGE))?;
    Ok(Options {
        input,
        format,
        corpus,
    })
}

/// Runs `claimlens analyze` with the arguments after `analyze`.
pub fn run(args: &[String]) -> Result<(), crate::Failure> {
    let opts = parse_options(args)?;
    let corpus = match &opts.corpus {
        CorpusChoice::Bundled => Some(Corpus::bundled()),
        CorpusChoice::None => None,
        CorpusChoice::File(path) => Some(input::load_corpus(path)?),
    };
    if opts.format == Format::JsonLines {
        return analyze_lines(&opts.input, corpus.as_ref());
    }
    let text = input::read_text(&opts.input)?;
    let report = if input::is_html(&opts.input, &text) {
        let analysis = analyze_page(&parse_html(&text, &opts.input), corpus.as_ref());
        if !analysis.is_article {
            eprintln!("claimlens: no article found in {}", opts.input);
        }
        analysis.report
    } else {
        analyze(&text, corpus.as_ref())
    };
    let mut out = std::io::stdout().lock();
    let written = match opts.format {
        Format::Json => serde_json::to_writer(&mut out, &report_json(&report))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        _ => print_for_people(&mut out, &opts.input, &report),
    };
    Ok(written.or_else(ignore_broken_pipe)?)
}

/// Batch mode: one `{"id","text"}` object per input line, one `{"id","findings"}` per output
/// line (with `"left_out"` as in `--json` when a run-on sentence held too many findings); a
/// line that cannot be used gives `{"id","error"}` and the batch goes on.
fn analyze_lines(path: &str, corpus: Option<&Corpus>) -> Result<(), crate::Failure> {
    input::batch(path, |out, value| {
        let text = value.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let report = analyze(text, corpus);
        let findings: Vec<FindingJson> = report.findings.iter().map(FindingJson::of).collect();
        let mut line = serde_json::json!({ "id": id, "findings": findings });
        if !report.left_out.is_empty() {
            line["left_out"] = serde_json::json!(report.left_out);
        }
        writeln!(out, "{line}")
    })
}

fn print_for_people(out: &mut impl Write, name: &str, report: &Report) -> std::io::Result<()> {
    let findings = &report.findings;
    let count = |k: Kind| findings.iter().filter(|f| f.kind() == k).count();
    writeln!(
        out,
        "{name}: {} findings — {} attributions, {} hedges, {} statistics",
        findings.len(),
        count(Kind::Attribution),
        count(Kind::Hedge),
        count(Kind::Statistic)
    )?;
    if let Some(note) = left_out_note(&report.left_out) {
        writeln!(out, "{note}")?;
    }
    for f in findings {
        writeln!(out, "\n[{}] “{}”", f.kind().as_str(), f.text())?;
        if f.verdict() != Verdict::NotCompared {
            let why = explain(f.kind(), &f.comparison);
            writeln!(out, "  {}: {why}", verdict_label(f.verdict()))?;
        }
        if let Some(r) = &f.comparison.reference {
            writeln!(out, "  reference ({}): “{}”", r.title, r.text)?;
        }
    }
    Ok(())
}
