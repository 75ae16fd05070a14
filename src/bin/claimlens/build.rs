//! `claimlens corpus build`: a corpus file from a folder of articles or a JSON Lines file.

use crate::input::{self, check_text};
use claimlens::corpus::{ArticleFile, Document};
use claimlens::page::{extract_article, parse_html};
use claimlens::Corpus;
use regex::Regex;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::LazyLock;

/// How often progress is reported, in documents.
const PROGRESS_EVERY: usize = 1000;
/// The name of a corpus folder's catalog.
const CATALOG: &str = "catalog.tsv";

struct Options {
    input: String,
    output: String,
    progress: bool,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut input = None;
    let mut output = None;
    let mut progress = std::io::stderr().is_terminal();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--output" => output = Some(crate::value_of(arg, &mut args)?.clone()),
            "--progress" => progress = true,
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag}"))
            }
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    let usage = "usage: claimlens corpus build INPUT -o CORPUS [--progress]";
    Ok(Options {
        input: input.ok_or_else(|| format!("corpus build needs an INPUT\n{usage}"))?,
        output: output.ok_or_else(|| format!("corpus build needs -o CORPUS\n{usage}"))?,
        progress,
    })
}

/// Counts documents read and reports every [`PROGRESS_EVERY`] when asked to.
struct Progress {
    on: bool,
    count: usize,
}

impl Progress {
    fn tick(&mut self) {
        self.count += 1;
        if self.on && self.count.is_multiple_of(PROGRESS_EVERY) {
            eprintln!("claimlens: read {} documents", self.count);
        }
    }
}

/// Runs `claimlens corpus build` with the arguments after `build`.
pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse_options(args)?;
    let mut progress = Progress {
        on: opts.progress,
        count: 0,
    };
    let path = Path::new(&opts.input);
    let corpus = if path.is_dir() {
        let (files, catalog) = read_folder(path, &mut progress)?;
        if files.is_empty() {
            return Err(format!(
                "{}: no .txt, .html or .md articles found",
                opts.input
            ));
        }
        if progress.on {
            eprintln!("claimlens: indexing {} documents", files.len());
        }
        Corpus::from_folder(files, catalog.as_deref())
    } else {
        let documents = read_json_lines(&opts.input, &mut progress)?;
        if progress.on {
            eprintln!("claimlens: indexing {} documents", documents.len());
        }
        Corpus::new(documents)
    };
    let bytes = corpus.to_bytes();
    std::fs::write(&opts.output, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", opts.output))?;
    eprintln!(
        "claimlens: wrote {} documents, {} passages ({} bytes) to {}",
        corpus.documents().len(),
        corpus.passages().len(),
        bytes.len(),
        opts.output
    );
    Ok(())
}

/// The article files of a folder (converted to text) and its catalog, if any. Files that
/// cannot be used are skipped with a warning.
fn read_folder(
    dir: &Path,
    progress: &mut Progress,
) -> Result<(Vec<ArticleFile>, Option<String>), String> {
    let shown = dir.display();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {shown}: {e}"))?;
        paths.push(entry.path());
    }
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let kind = Kind::of(name);
        if kind.is_none() || !path.is_file() {
            continue;
        }
        let shown = path.display().to_string();
        match input::read_text(&shown).and_then(|text| article(&shown, name, kind, text)) {
            Ok(file) => {
                files.push(file);
                progress.tick();
            }
            Err(message) => eprintln!("claimlens: skipped: {message}"),
        }
    }
    let catalog_path = dir.join(CATALOG);
    let catalog = if catalog_path.is_file() {
        let shown = catalog_path.display().to_string();
        let bytes =
            std::fs::read(&catalog_path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        Some(check_text(&shown, bytes)?)
    } else {
        None
    };
    Ok((files, catalog))
}

/// The kinds of article file a folder may hold.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Html,
    Markdown,
}

impl Kind {
    fn of(name: &str) -> Option<Kind> {
        let lower = name.to_ascii_lowercase();
        let (_, ext) = lower.rsplit_once('.')?;
        match ext {
            "txt" => Some(Kind::Text),
            "html" | "htm" => Some(Kind::Html),
            "md" | "markdown" => Some(Kind::Markdown),
            _ => None,
        }
    }
}

/// An article file's text and own title.
fn article(
    path: &str,
    name: &str,
    kind: Option<Kind>,
    text: String,
) -> Result<ArticleFile, String> {
    let (title, text) = match kind {
        Some(Kind::Html) => {
            let page = parse_html(&text, path);
            let article =
                extract_article(&page).ok_or_else(|| format!("{path}: no article found"))?;
            (Some(page.title).filter(|t| !t.is_empty()), article.text)
        }
        Some(Kind::Markdown) => markdown_text(&text),
        _ => (None, text),
    };
    Ok(ArticleFile {
        name: name.to_string(),
        title,
        text,
    })
}

/// Markdown link or image: keep the label.
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("valid link pattern"));
/// Markdown line markup: headings, quotes, list bullets.
static MD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)").expect("valid line pattern")
});
/// Markdown emphasis and code marks.
static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*|__|\*|`").expect("valid emphasis pattern"));

/// The plain text of a Markdown article and its first heading.
fn markdown_text(markdown: &str) -> (Option<String>, String) {
    let title = markdown
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("# "))
        .map(|t| t.trim().to_string());
    let text = MD_LINK.replace_all(markdown, "$1");
    let text = MD_LINE.replace_all(&text, "");
    let text = MD_EMPHASIS.replace_all(&text, "");
    (title, text.into_owned())
}

/// The documents of a JSON Lines file: `{"id","title","text"}` with optional `source`, `date`
/// and `url`.
fn read_json_lines(path: &str, progress: &mut Progress) -> Result<Vec<Document>, String> {
    let lower = path.to_ascii_lowercase();
    let lines = input::json_lines(path)?;
    if lower.ends_with(".gz") {
        return Err(format!(
            "{path} is compressed: decompress it first (gunzip -k {path})"
        ));
    }
    let mut documents = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for item in lines {
        let (n, line) = item.map_err(|e| format!("{path}: {e}"))?;
        // A corpus is built whole or not at all: a bad line stops the build.
        let line = line.map_err(|(reason, _)| match reason.starts_with("not valid UTF-8") {
            true => format!("{path}:{n}: not UTF-8 text (is this a JSON Lines file?)"),
            false => format!("{path}:{n}: {reason}"),
        })?;
        let Some(value) = input::record(&line).map_err(|e| format!("{path}:{n}: {e}"))? else {
            continue;
        };
        let field = |k: &str| {
            value
                .get(k)
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let id = match value.get("id") {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => return Err(format!("{path}:{n}: no \"id\" (a string or a number)")),
        };
        if !ids.insert(id.clone()) {
            return Err(format!("{path}:{n}: duplicate id {id:?}"));
        }
        documents.push(Document {
            title: field("title").unwrap_or_else(|| id.clone()),
            outlet: field("source"),
            date: field("date"),
            url: field("url"),
            text: value
                .get("text")
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .to_string(),
            id,
        });
        progress.tick();
    }
    if documents.is_empty() {
        return Err(format!("{path}: no documents"));
    }
    Ok(documents)
}
