//! Reading inputs: articles, query files and corpus files, refusing what cannot be used.

use claimlens::Corpus;
use std::io::{BufRead, Read, Write};

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
fn reader(path: &str) -> Result<Box<dyn BufRead>, String> {
    if path == "-" {
        Ok(Box::new(std::io::stdin().lock()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        Ok(Box::new(std::io::BufReader::new(file)))
    }
}

/// The lines of a JSON Lines input (a file or `-`), each held to the size limit of files
/// ([`MAX_INPUT_BYTES`]): a longer line is skipped without being held in memory and reported
/// as an error of that line. Items: `(line number, line)`, or for a line that cannot be used
/// `(line number, (why, what of it can be read))`; reading errors end the input.
pub struct JsonLines {
    reader: Box<dyn BufRead>,
    number: usize,
    limit: usize,
}

/// Opens a JSON Lines input.
pub fn json_lines(path: &str) -> Result<JsonLines, String> {
    Ok(JsonLines {
        reader: reader(path)?,
        number: 0,
        limit: MAX_INPUT_BYTES,
    })
}

impl Iterator for JsonLines {
    type Item = std::io::Result<(usize, Result<String, (String, String)>)>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        let mut length = 0usize;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            if buf.is_empty() {
                if length == 0 {
                    return None; // the end (after a final newline, or of an empty input)
                }
                break;
            }
            let (part, ends) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], true),
                None => (buf, false),
            };
            length = length.saturating_add(part.len());
            if length <= self.limit {
                line.extend_from_slice(part);
            }
            let used = part.len() + usize::from(ends);
            self.reader.consume(used);
            if ends {
                break;
            }
        }
        self.number += 1;
        let line = if length > self.limit {
            let reason = format!(
                "the line is larger than {} MiB; split it into articles",
                self.limit >> 20
            );
            // Its start may still name its id.
            let start = &line[..line.len().min(4096)];
            Err((reason, String::from_utf8_lossy(start).into_owned()))
        } else {
            String::from_utf8(line)
                .map(|l| l.trim_end_matches('\r').to_string())
                .map_err(|e| {
                    let reason = format!(
                        "not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    );
                    (reason, String::from_utf8_lossy(e.as_bytes()).into_owned())
                })
        };
        Some(Ok((self.number, line)))
    }
}

/// One JSON Lines record: `{"id", "text", …}` with `text` a string; `None` for a blank line;
/// the reason otherwise.
pub fn record(line: &str) -> Result<Option<serde_json::Value>, String> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    if !value.is_object() {
        return Err("not a JSON object".to_string());
    }
    if !value.get("text").is_some_and(serde_json::Value::is_string) {
        return Err("no \"text\" string".to_string());
    }
    Ok(Some(value))
}

/// The id of a record that could not be used, when it can still be read: the `"id"` of a
/// JSON object, or in a malformed line the string or number after its first `"id":`.
pub fn salvage_id(line: &str) -> serde_json::Value {
    use serde_json::Value;
    let usable = |v: Value| matches!(v, Value::String(_) | Value::Number(_)).then_some(v);
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(line) {
        return map
            .get("id")
            .cloned()
            .and_then(usable)
            .unwrap_or(Value::Null);
    }
    let Some(at) = line.find("\"id\"") else {
        return Value::Null;
    };
    let rest = line[at + 4..].trim_start();
    let Some(rest) = rest.strip_prefix(':') else {
        return Value::Null;
    };
    serde_json::Deserializer::from_str(rest.trim_start())
        .into_iter::<Value>()
        .next()
        .and_then(Result::ok)
        .and_then(usable)
        .unwrap_or(Value::Null)
}

/// Runs a JSON Lines batch from `path`: `each` writes the output line of every usable record;
/// a line that cannot be used gets `{"id", "error"}` (the id when it can be read) on standard
/// output and a message on standard error, and the batch goes on. Returns a partial failure
/// (exit status 1) when lines were refused.
pub fn batch(
    path: &str,
    mut each: impl FnMut(&mut dyn std::io::Write, serde_json::Value) -> std::io::Result<()>,
) -> Result<(), crate::Failure> {
    let mut out = std::io::stdout().lock();
    let mut refused = 0usize;
    for item in json_lines(path)? {
        let (n, line) = item.map_err(|e| format!("{path}: {e}"))?;
        let result = match line {
            Err((reason, readable)) => Err((reason, salvage_id(&readable))),
            Ok(line) => match record(&line) {
                Ok(None) => continue,
                Ok(Some(value)) => Ok(value),
                Err(reason) => Err((reason, salvage_id(&line))),
            },
        };
        let written = match result {
            Ok(value) => each(&mut out, value),
            Err((reason, id)) => {
                refused += 1;
                eprintln!("claimlens: {path}:{n}: {reason}");
                writeln!(out, "{}", serde_json::json!({ "id": id, "error": reason }))
            }
        };
        if let Err(e) = written {
            return Ok(ignore_broken_pipe(e)?);
        }
    }
    match refused {
        0 => Ok(()),
        n => Err(crate::Failure::Partial(format!(
            "{path}: {n} line{} refused (reported in the output)",
            if n == 1 { "" } else { "s" }
        ))),
    }
}

/// Turns an output error into success when the reader went away (`| head`).
pub fn ignore_broken_pipe(e: std::io::Error) -> Result<(), String> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("cannot write output: {e}"))
    }
}
