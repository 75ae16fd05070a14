//! `claimlens corpus build`: a corpus file from a folder of articles or a JSON Lines file.

use crate::input::{self, check_text};
use claimlens::corpus::{
    article_file, ArticleFile, ArticleSource, CorpusRecord, Document, FileKind, RecordReader,
};
use claimlens::page::parse_html;
use claimlens::Corpus;
use std::io::IsTerminal;
use std::path::Path;

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
        let Some(kind) = FileKind::of(name).filter(|_| path.is_file()) else {
            continue;
        };
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

/// An article file's text and own title (the reading is the core's: `corpus::article_file`).
fn article(path: &str, name: &str, kind: FileKind, text: String) -> Result<ArticleFile, String> {
    let source = match kind {
        FileKind::Html => ArticleSource::Page(parse_html(&text, path)),
        FileKind::Markdown => ArticleSource::Markdown(text),
        FileKind::Text => ArticleSource::Text(text),
    };
    // The core names the file; the CLI names its path.
    article_file(name, source).map_err(|e| e.reason().replacen(name, path, 1))
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
    // The records are read here; what makes a document is the core's (`RecordReader`).
    let mut reader = RecordReader::new();
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
        let record: CorpusRecord =
            serde_json::from_value(value).map_err(|e| format!("{path}:{n}: {e}"))?;
        reader
            .push(n, record)
            .map_err(|e| format!("{path}:{n}: {}", e.reason()))?;
        progress.tick();
    }
    reader.finish().map_err(|e| format!("{path}: {e}"))
}
