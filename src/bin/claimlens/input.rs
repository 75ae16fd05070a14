//! Reading inputs: articles, query files and corpus files, refusing what cannot be used.

use claimlens::Corpus;
use std::io::{BufRead, Read};

/// Inputs larger than this are refused rather than analysed slowly.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Corpus files larger than this are refused.
const MAX_CORPUS_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Reads at most `limit` bytes (and one more, to tell that there were more) of a file or of
/// standard input (`-`).
fn read_bytes(path: &str, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().take(limit + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(bytes)
}

/// Why a text input cannot be used, if it cannot: too large, binary, not UTF-8 or empty.
pub fn check_text(path: &str, bytes: Vec<u8>) -> Result<String, String> {
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

/// Reads the whole input (a file or `-`), refusing what is not text.
pub fn read_text(path: &str) -> Result<String, String> {
    check_text(path, read_bytes(path, MAX_INPUT_BYTES as u64)?)
}

/// Whether an input is HTML: by its name, or for standard input by its first character.
pub fn is_html(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".html")
        || lower.ends_with(".htm")
        || (path == "-" && text.trim_start().starts_with('<'))
}

/// Loads a corpus file.
pub fn load_corpus(path: &str) -> Result<Corpus, String> {
    let bytes = read_bytes(path, MAX_CORPUS_BYTES)?;
    Corpus::from_bytes(&bytes).map_err(|e| format!("{path}: {e}"))
}

/// The lines of a file or of standard input.
pub fn lines(path: &str) -> Result<Box<dyn BufRead>, String> {
    if path == "-" {
        Ok(Box::new(std::io::stdin().lock()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        Ok(Box::new(std::io::BufReader::new(file)))
    }
}

/// One JSON Lines record: `{"id", "text", …}` with `text` a string; `None` for a blank line.
pub fn record(path: &str, n: usize, line: &str) -> Result<Option<serde_json::Value>, String> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("{path}:{n}: not a JSON object: {e}"))?;
    if !value.is_object() {
        return Err(format!("{path}:{n}: not a JSON object"));
    }
    if !value.get("text").is_some_and(serde_json::Value::is_string) {
        return Err(format!("{path}:{n}: no \"text\" string"));
    }
    Ok(Some(value))
}

/// Turns an output error into success when the reader went away (`| head`).
pub fn ignore_broken_pipe(e: std::io::Error) -> Result<(), String> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("cannot write output: {e}"))
    }
}
