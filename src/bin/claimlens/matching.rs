//! `claimlens match`: the corpus documents that best match each query text.

use crate::input::{self, ignore_broken_pipe};
use claimlens::Corpus;
use serde_json::{json, Value};
use std::io::Write;

/// Documents per query unless `--top` says otherwise.
const DEFAULT_TOP: usize = 5;

struct Options {
    input: String,
    corpus: Option<String>,
    top: usize,
    json_lines: bool,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut opts = Options {
        input: "-".to_string(),
        corpus: None,
        top: DEFAULT_TOP,
        json_lines: false,
    };
    let mut input = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => opts.json_lines = true,
            "--corpus" => opts.corpus = Some(crate::value_of(arg, &mut args)?.clone()),
            "--top" => {
                let value = crate::value_of(arg, &mut args)?;
                opts.top =
                    value.parse().ok().filter(|&k| k > 0).ok_or_else(|| {
                        format!("--top needs a positive whole number, not {value:?}")
                    })?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    if let Some(input) = input {
        opts.input = input;
    }
    Ok(opts)
}

/// Runs `claimlens match` with the arguments after `match`.
pub fn run(args: &[String]) -> Result<(), crate::Failure> {
    let opts = parse_options(args)?;
    let corpus = match &opts.corpus {
        Some(path) => input::load_corpus(path)?,
        None => Corpus::bundled(),
    };
    if !opts.json_lines {
        let text = input::read_text(&opts.input)?;
        let record = matches(&corpus, Value::String(opts.input.clone()), &text, opts.top);
        return Ok(writeln!(std::io::stdout().lock(), "{record}").or_else(ignore_broken_pipe)?);
    }
    input::batch(&opts.input, |out, value| {
        let text = value.get("text").and_then(Value::as_str).unwrap_or("");
        let id = value.get("id").cloned().unwrap_or(Value::Null);
        writeln!(out, "{}", matches(&corpus, id, text, opts.top))
    })
}

/// `{"id","matches":[{"doc","score","text"}]}` for one query.
fn matches(corpus: &Corpus, id: Value, text: &str, top: usize) -> Value {
    let found: Vec<Value> = corpus
        .match_documents(text, top)
        .into_iter()
        .map(|m| {
            json!({
                "doc": corpus.documents()[m.doc].id,
                "score": (m.score * 1e4).round() / 1e4,
                "text": m.passage.map_or(corpus.documents()[m.doc].title.as_str(), |p| corpus.passage_text(p)),
            })
        })
        .collect();
    json!({ "id": id, "matches": found })
}
