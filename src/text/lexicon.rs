//! The one lexicon reader: every word list of ClaimLens is a data file read through here.
//!
//! A lexicon file has one entry per line, `entry  # rationale`; lines that start with `#` and
//! blank lines are comments. A rationale starts at a `#` that begins the line or follows a blank,
//! so an entry may hold a `#` inside it ("c#"). What an entry may hold is the lexicon's
//! [`Format`]: a word or phrase alone, a phrase with a value (`phrase = value`), a phrase with one
//! of a closed set of kinds (`phrase = kind`), or a word with a number and a kind
//! (`word = number kind`). [`Lexicon::check_source`] rejects entries that do not fit their
//! format, unknown kinds and entries without a rationale; a test runs it on every lexicon file of
//! the crate, so a bad line fails `cargo test`. The build script (`build.rs`) compiles the files
//! in without their comments and rationales (they cost the `.wasm` and say nothing to the code);
//! [`Lexicon::load`] checks the format again and panics with the file and line if a bad entry
//! ever slips through.

use std::fmt;

/// What the entries of a lexicon hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A word or phrase alone: `allegedly  # rationale`.
    Phrases,
    /// A phrase and a free value: `per day = per day  # rationale`.
    Mapped,
    /// A phrase and one of the kinds listed: `mr = title  # rationale`.
    Kinds(&'static [&'static str]),
    /// A word, a number and one of the kinds listed: `twenty = 20 unit  # rationale`.
    Valued(&'static [&'static str]),
    /// A phrase and one or more of the tags listed, separated by blanks:
    /// `announce = clause object  # rationale`.
    Tags(&'static [&'static str]),
}

/// A lexicon: its file name (for messages), its text and its format.
#[derive(Clone, Copy, Debug)]
pub struct Lexicon {
    /// The file's path under `src/`, for messages and the test ("detect/lexicons/hedges.txt").
    pub name: &'static str,
    /// The file's entries (`include_str!` of the copy `build.rs` writes without comments).
    pub data: &'static str,
    /// What its entries hold.
    pub format: Format,
}

/// One entry of a lexicon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry<'a> {
    /// Line number in the file, from 1.
    pub line: usize,
    /// The word or phrase, trimmed (the part before `=`).
    pub phrase: &'a str,
    /// The value after `=` ([`Format::Mapped`]), the kind ([`Format::Kinds`],
    /// [`Format::Valued`]) or the tags ([`Format::Tags`], blank-separated); empty for
    /// [`Format::Phrases`].
    pub value: &'a str,
    /// The number of a [`Format::Valued`] entry; 0 otherwise.
    pub number: f64,
    /// The rationale after `#`, trimmed (empty in the compiled-in copy).
    pub rationale: &'a str,
}

/// Why a lexicon line was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// The file name.
    pub name: &'static str,
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.name, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// Splits a line into its entry and rationale (`None` for a comment or blank line).
fn split_line(line: &str) -> Option<(&str, &str)> {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let hash = trimmed
        .char_indices()
        .find(|&(i, c)| c == '#' && trimmed[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| i);
    Some(match hash {
        Some(i) => (trimmed[..i].trim(), trimmed[i + 1..].trim()),
        None => (trimmed, ""),
    })
}

/// The entries of a lexicon text as written (`word = value` kept whole), in file order, without
/// rationales: the reader for files whose callers split entries themselves.
///
/// ```
/// use claimlens::text::lexicon::entries;
/// let data = "# header\n\nallegedly  # distancing adverb\n per day = per day #rate\n";
/// assert_eq!(entries(data).collect::<Vec<_>>(), ["allegedly", "per day = per day"]);
/// ```
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter_map(split_line)
        .map(|(entry, _)| entry)
        .filter(|e| !e.is_empty())
}

impl Lexicon {
    /// A lexicon of `format` named `name` with the text `data`.
    pub const fn new(name: &'static str, data: &'static str, format: Format) -> Lexicon {
        Lexicon { name, data, format }
    }

    /// Every entry of the compiled-in data, or the first line that does not fit the format.
    ///
    /// ```
    /// use claimlens::text::lexicon::{Format, Lexicon};
    /// let ok = Lexicon::new("t.txt", "mr = title  # before a name\n", Format::Kinds(&["title"]));
    /// assert_eq!(ok.check().unwrap()[0].value, "title");
    /// let bad = Lexicon::new("t.txt", "mr = titel  # typo\n", Format::Kinds(&["title"]));
    /// assert_eq!(bad.check().unwrap_err().to_string(), "t.txt:1: unknown kind \"titel\" (known: title)");
    /// ```
    pub fn check(&self) -> Result<Vec<Entry<'static>>, LexiconError> {
        parse(self.name, self.data, self.format, false)
    }

    /// Checks the source file's text of this lexicon (with its comments): every entry fits the
    /// format and has a rationale. Returns the number of entries.
    ///
    /// ```
    /// use claimlens::text::lexicon::{Format, Lexicon};
    /// let lexicon = Lexicon::new("t.txt", "allegedly\n", Format::Phrases);
    /// assert_eq!(lexicon.check_source("allegedly  # distancing adverb\n"), Ok(1));
    /// assert!(lexicon.check_source("allegedly\n").is_err());
    /// ```
    pub fn check_source(&self, source: &str) -> Result<usize, LexiconError> {
        parse(self.name, source, self.format, true).map(|e| e.len())
    }

    /// Every entry; panics with the file and line when one does not fit the format (a test
    /// checks every lexicon, so this never fires in a tested build).
    pub fn load(&self) -> Vec<Entry<'static>> {
        self.check()
            .unwrap_or_else(|e| panic!("bad lexicon line: {e}"))
    }

    /// The phrases of every entry, in file order (see [`Lexicon::load`]).
    pub fn phrases(&self) -> impl Iterator<Item = &'static str> {
        self.load().into_iter().map(|e| e.phrase)
    }
}

/// The entries of `data` in `format`; with `need_rationale`, an entry without one is an error.
fn parse<'a>(
    name: &'static str,
    data: &'a str,
    format: Format,
    need_rationale: bool,
) -> Result<Vec<Entry<'a>>, LexiconError> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        let Some((entry, rationale)) = split_line(line) else {
            continue;
        };
        let fail = |message: String| LexiconError {
            name,
            line: n + 1,
            message,
        };
        if need_rationale && rationale.is_empty() {
            return Err(fail(format!("entry {entry:?} has no rationale (`# why`)")));
        }
        let (phrase, rest) = match entry.split_once('=') {
            Some((p, r)) => (p.trim(), Some(r.trim())),
            None => (entry, None),
        };
        if phrase.is_empty() {
            return Err(fail("empty entry".into()));
        }
        let known = |kinds: &[&str], kind: &str| -> Result<(), LexiconError> {
            if kinds.contains(&kind) {
                Ok(())
            } else {
                Err(fail(format!(
                    "unknown kind {kind:?} (known: {})",
                    kinds.join(", ")
                )))
            }
        };
        let (value, number) = match (format, rest) {
            (Format::Phrases, None) => ("", 0.0),
            (Format::Phrases, Some(_)) => {
                return Err(fail(format!("{entry:?}: this lexicon takes no `= value`")))
            }
            (Format::Mapped, Some(v)) if !v.is_empty() => (v, 0.0),
            (Format::Kinds(kinds), Some(kind)) => {
                known(kinds, kind)?;
                (kind, 0.0)
            }
            (Format::Tags(tags), Some(rest)) if !rest.is_empty() => {
                for tag in rest.split_whitespace() {
                    known(tags, tag)?;
                }
                (rest, 0.0)
            }
            (Format::Valued(kinds), Some(rest)) => {
                let mut parts = rest.split_whitespace();
                let number = parts
                    .next()
                    .and_then(|v| v.parse::<f64>().ok())
                    .ok_or_else(|| fail(format!("{entry:?}: expected `= number kind`")))?;
                let kind = parts.next().unwrap_or("");
                known(kinds, kind)?;
                if parts.next().is_some() {
                    return Err(fail(format!("{entry:?}: text after the kind")));
                }
                (kind, number)
            }
            _ => return Err(fail(format!("{entry:?}: expected `{phrase} = …`"))),
        };
        out.push(Entry {
            line: n + 1,
            phrase,
            value,
            number,
            rationale,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_enforced() {
        const KINDS: &[&str] = &["unit", "scale"];
        /// A parsed entry (phrase, value, number) or a part of the error message.
        type Want = Result<(&'static str, &'static str, f64), &'static str>;
        let cases: &[(Format, &str, Want)] = &[
            (
                Format::Phrases,
                "could not  # x",
                Ok(("could not", "", 0.0)),
            ),
            (
                Format::Phrases,
                "c# lang  # a '#' inside",
                Ok(("c# lang", "", 0.0)),
            ),
            (Format::Phrases, "a = b  # x", Err("takes no")),
            (Format::Phrases, "allegedly", Err("no rationale")),
            (
                Format::Mapped,
                "per day = per day  # x",
                Ok(("per day", "per day", 0.0)),
            ),
            (Format::Mapped, "per day =  # x", Err("expected")),
            (
                Format::Kinds(KINDS),
                "x = unit  # y",
                Ok(("x", "unit", 0.0)),
            ),
            (Format::Kinds(KINDS), "x = unti  # y", Err("unknown kind")),
            (
                Format::Valued(KINDS),
                "ten = 10 unit  # y",
                Ok(("ten", "unit", 10.0)),
            ),
            (
                Format::Valued(KINDS),
                "ten = ten unit  # y",
                Err("number kind"),
            ),
            (Format::Valued(KINDS), "ten = 10  # y", Err("unknown kind")),
            (
                Format::Tags(KINDS),
                "x = unit scale  # y",
                Ok(("x", "unit scale", 0.0)),
            ),
            (
                Format::Tags(KINDS),
                "x = unit sacle  # y",
                Err("unknown kind"),
            ),
            (Format::Tags(KINDS), "x  # y", Err("expected")),
        ];
        for (format, line, want) in cases {
            let got = Lexicon::new("t.txt", line, *format)
                .check_source(line)
                .and_then(|_| Lexicon::new("t.txt", line, *format).check());
            match (got, want) {
                (Ok(e), Ok((phrase, value, number))) => {
                    assert_eq!(
                        (e[0].phrase, e[0].value, e[0].number),
                        (*phrase, *value, *number)
                    )
                }
                (Err(e), Err(part)) => assert!(e.message.contains(part), "{line}: {e}"),
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn comments_and_blanks_are_skipped() {
        let data = "# header\n\nallegedly  # reporting verb adverb\n could potentially #modal\n";
        assert_eq!(
            entries(data).collect::<Vec<_>>(),
            ["allegedly", "could potentially"]
        );
    }
}
