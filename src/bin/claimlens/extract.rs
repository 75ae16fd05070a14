//! `claimlens extract`: the article text of HTML pages, as `corpus build` and `analyze` see it.

use crate::input::{self, ignore_broken_pipe};
use claimlens::page::{extract_article, parse_html};
use serde_json::{json, Value};
use std::io::Write;

/// The title and article text of one HTML page (`url` names it for the parser); `text` is
/// `None` when the page has no article.
fn article_of(html: &str, url: &str) -> (String, Option<String>) {
    let page = parse_html(html, url);
    let text = extract_article(&page).map(|a| a.text);
    (page.title, text)
}

/// Runs `claimlens extract` with the arguments after `extract`.
pub fn run(args: &[String]) -> Result<(), crate::Failure> {
    let mut path = None;
    let mut jsonl = false;
    for arg in args {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}").into()),
            p if path.is_none() => path = Some(p.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}").into()),
        }
    }
    let path =
        path.ok_or_else(|| format!("extract needs a FILE (or - for stdin)\n{}", crate::USAGE))?;
    if jsonl {
        return extract_lines(&path);
    }
    let html = input::read_text(&path)?;
    let (title, text) = article_of(&html, &path);
    let text = text.ok_or_else(|| format!("no article found in {path}"))?;
    let record = json!({ "id": path, "title": title, "text": text });
    Ok(writeln!(std::io::stdout().lock(), "{record}").or_else(ignore_broken_pipe)?)
}

/// Batch mode: one `{"id","text"}` object per input line (`text` is the HTML, an optional `url`
/// names the page), one `{"id","title","text"}` per output line; `text` is null when the page
/// has no article.
fn extract_lines(path: &str) -> Result<(), crate::Failure> {
    input::batch(path, |out, value| {
        let html = value.get("text").and_then(Value::as_str).unwrap_or("");
        let url = value.get("url").and_then(Value::as_str).unwrap_or("");
        let (title, text) = article_of(html, url);
        let id = value.get("id").cloned().unwrap_or(Value::Null);
        writeln!(out, "{}", json!({ "id": id, "title": title, "text": text }))
    })
}
