//! Sentence segmentation for news text.
//!
//! A line break always ends a sentence (headlines, captions and paragraphs are separate lines).
//! Inside a line, `.`, `!`, `?` and ellipses end a sentence when followed by white space and a word
//! that does not start in lower case, except after abbreviations (`abbreviations.txt`), initials,
//! list markers ("1.", "a)", "•") and three-dot ellipses. Closing quotes and brackets stay with
//! the sentence they close, also when written apart as tokenised text has them ("( D-Mass . )
//! said", "stop . '' he said").

use super::lexicon::{Format, Lexicon};
use super::Span;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How an abbreviation's period behaves (see `abbreviations.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbrev {
    /// Never ends a sentence when text follows ("Mr.", "e.g.").
    Title,
    /// Does not end a sentence before a digit ("No. 5", "Jan. 6").
    Numeric,
    /// Ends a sentence only before a common sentence starter ("Co.", "a.m.").
    Ambiguous,
}

/// Abbreviations and how their period behaves.
pub(crate) const ABBREVIATIONS: Lexicon = Lexicon::new(
    "text/abbreviations.txt",
    include_str!(concat!(env!("OUT_DIR"), "/src/text/abbreviations.txt")),
    Format::Kinds(&["title", "numeric", "ambiguous"]),
);

/// Capitalised words that commonly open a sentence.
pub(crate) const SENTENCE_STARTERS: Lexicon = Lexicon::new(
    "text/sentence_starters.txt",
    include_str!(concat!(env!("OUT_DIR"), "/src/text/sentence_starters.txt")),
    Format::Phrases,
);

static ABBREVIATION_KINDS: LazyLock<HashMap<&'static str, Abbrev>> = LazyLock::new(|| {
    ABBREVIATIONS
        .load()
        .into_iter()
        .map(|e| {
            let kind = match e.value {
                "title" => Abbrev::Title,
                "numeric" => Abbrev::Numeric,
                _ => Abbrev::Ambiguous,
            };
            (e.phrase, kind)
        })
        .collect()
});

static STARTERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SENTENCE_STARTERS.phrases().collect());

/// Whether `word` (any case, without its final period) is an abbreviation whose period need
/// not end a sentence ("Mr", "Rep", "Gen", "U.S"; `abbreviations.txt`).
///
/// ```
/// assert!(claimlens::text::is_abbreviation("Rep"));
/// assert!(!claimlens::text::is_abbreviation("Kyiv"));
/// ```
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATION_KINDS.contains_key(word.to_lowercase().as_str())
}

/// Bullets that start a list item.
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '◦' | '‣')
}

/// A sentence is at most this long: a longer run (a phrase repeated without a full stop, a
/// page's text with its punctuation stripped) is cut at the last blank before the limit. The
/// longest sentence of the 505 ECB+ development documents and saved pages has 1,482 bytes; what
/// reads a sentence (the detectors, the comparison) then costs bounded memory per sentence.
pub const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// Splits `text` into sentences, returned as trimmed, non-empty byte spans in order, none
/// longer than [`MAX_SENTENCE_BYTES`].
///
/// ```
/// use claimlens::text::sentences;
/// let text = "Mr. Smith arrived in the U.S. on Jan. 5. He paid $3.5 million.\nNext line";
/// let s: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
/// assert_eq!(s, ["Mr. Smith arrived in the U.S. on Jan. 5.", "He paid $3.5 million.", "Next line"]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for line in lines(text) {
        let line_text = line.slice(text);
        let (mut cuts, markers) = list_cuts(line_text);
        cuts.extend(punctuation_cuts(line_text, &markers));
        cuts.sort_unstable();
        cuts.dedup();
        let mut start = 0;
        for cut in cuts.into_iter().chain([line_text.len()]) {
            push_trimmed(text, line.start + start, line.start + cut, &mut out);
            start = cut;
        }
    }
    out
}

/// The lines of `text` (any of `\n`, `\r`, U+2028, U+2029 ends a line).
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            out.push(Span::new(start, i));
            start = i + c.len_utf8();
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}')
}

/// Pushes `text[start..end]` without surrounding blanks, if anything is left, in pieces of at
/// most [`MAX_SENTENCE_BYTES`] cut at a blank (or a character boundary, in a run without one).
fn push_trimmed(text: &str, mut start: usize, end: usize, out: &mut Vec<Span>) {
    while end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[start..cut]
            .rfind(is_blank)
            .map(|i| start + i)
            .filter(|&i| i > start)
            .unwrap_or(cut);
        push_piece(text, start, cut, out);
        start = cut;
    }
    push_piece(text, start, end, out);
}

/// Pushes `text[start..end]` without surrounding blanks, if anything is left.
fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let trimmed = piece.trim_start_matches(is_blank);
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end_matches(is_blank);
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Cuts before bullets and before the items of a numbered or lettered list that starts the line;
/// also returns the byte offsets of list-marker periods, which must not end a sentence.
fn list_cuts(line: &str) -> (Vec<usize>, HashSet<usize>) {
    let mut cuts = bullet_cuts(line);
    let mut periods = HashSet::new();
    let mut expected: Option<u32> = None;
    for m in list_markers(line) {
        let value = marker_value(&line[m.label.0..m.label.1]);
        let at_line_start = line[..m.start].trim().is_empty();
        if at_line_start && expected.is_none() {
            expected = value.map(|v| v + 1);
        } else if value.is_some() && value == expected {
            cuts.push(m.start);
            expected = value.map(|v| v + 1);
        } else {
            continue;
        }
        if line[m.close..].starts_with('.') {
            periods.insert(m.close);
        }
    }
    (cuts, periods)
}

/// Byte offsets of bullets that follow a blank (each blank-and-bullet pair read once).
fn bullet_cuts(line: &str) -> Vec<usize> {
    // Every bullet is encoded with a leading 0xE2 byte.
    if !line.as_bytes().contains(&0xe2) {
        return Vec::new();
    }
    blanks(line)
        .filter_map(|after| {
            let b = line[after..].chars().next().filter(|&c| is_bullet(c))?;
            Some((after, b))
        })
        .scan(0, |next, (at, b)| {
            let take = at >= *next;
            if take {
                *next = at + b.len_utf8();
            }
            Some(take.then_some(at))
        })
        .flatten()
        .collect()
}

/// The byte offsets just after each blank of `line`, in order (ASCII read byte by byte).
fn blanks(line: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = line.as_bytes();
    (0..bytes.len()).filter_map(move |i| match bytes[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Some(i + 1),
        b if b < 0xc0 => None,
        _ => {
            let c = line[i..].chars().next()?;
            c.is_whitespace().then_some(i + c.len_utf8())
        }
    })
}

/// A list marker: an optional bullet and blanks, a label of 1–3 digits or one lower-case
/// letter, then `.`, `.)` or `)` and a blank.
struct Marker {
    /// Where the marker (its bullet, if any) starts.
    start: usize,
    /// The label's byte range.
    label: (usize, usize),
    /// Where the closing `.`/`)` starts.
    close: usize,
}

/// The list markers of a line, left to right, each starting the line or after a blank; a
/// marker's closing blank is its own, so it does not also open the next marker (as a regular
/// expression `(?:^|\s)(bullet? label close)\s` reads them, without overlaps).
fn list_markers(line: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut next = 0;
    if let Some((m, end)) = marker_at(line, 0) {
        out.push(m);
        next = end;
    }
    for after in blanks(line) {
        let blank_start = line[..after]
            .chars()
            .next_back()
            .map_or(0, |c| after - c.len_utf8());
        if blank_start < next {
            continue;
        }
        if let Some((m, end)) = marker_at(line, after) {
            out.push(m);
            next = end;
        }
    }
    out
}

/// The marker starting at `at` and the byte offset just past its closing blank.
fn marker_at(line: &str, at: usize) -> Option<(Marker, usize)> {
    let mut j = at;
    if let Some(b) = line[j..].chars().next().filter(|&c| is_bullet(c)) {
        j += b.len_utf8();
        j += line[j..].len() - line[j..].trim_start().len();
    }
    let rest = &line[j..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let label_len = match digits {
        1..=3 => digits,
        0 if rest.starts_with(|c: char| c.is_ascii_lowercase()) => 1,
        _ => return None,
    };
    let label = (j, j + label_len);
    let close = label.1;
    let after = &line[close..];
    let close_len = if after.starts_with(".)") {
        2
    } else if after.starts_with('.') || after.starts_with(')') {
        1
    } else {
        return None;
    };
    let blank = line[close + close_len..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())?;
    let end = close + close_len + blank.len_utf8();
    Some((
        Marker {
            start: at,
            label,
            close,
        },
        end,
    ))
}

fn marker_value(label: &str) -> Option<u32> {
    match label.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => label.chars().next().map(|c| c as u32 - 'a' as u32 + 1),
    }
}

/// A run of sentence-final punctuation: terminators, spaced ellipsis dots, closing quotes.
struct Run {
    /// Byte offset (in the line) just past the run.
    end: usize,
    /// Number of dots (an ellipsis character counts three).
    dots: usize,
    /// Whether the run holds `!` or `?`.
    exclaims: bool,
    /// Whether the first dot is followed by a space and more dots (". . .").
    spaced: bool,
}

/// The character at byte offset `i` of `line`, if any.
fn char_at(line: &str, i: usize) -> Option<char> {
    line.get(i..)?.chars().next()
}

/// The run of punctuation starting at byte `k` of `line`. The line is read where it stands,
/// never copied: a line as long as the input costs no memory here.
fn scan_run(line: &str, k: usize) -> Run {
    let mut run = Run {
        end: k,
        dots: 0,
        exclaims: false,
        spaced: false,
    };
    let first_len = char_at(line, k).map_or(1, char::len_utf8);
    while let Some(c) = char_at(line, run.end) {
        match c {
            '.' => run.dots += 1,
            '…' => run.dots += 3,
            '!' | '?' | '‼' | '⁇' => run.exclaims = true,
            ' ' if run.dots > 0 && char_at(line, run.end + 1) == Some('.') => {
                run.spaced |= run.end == k + first_len;
            }
            _ => break,
        }
        run.end += c.len_utf8();
    }
    while let Some(c @ ('”' | '"' | '’' | '\'' | '»' | ')' | ']' | '}')) = char_at(line, run.end)
    {
        run.end += c.len_utf8();
    }
    // A closing bracket or quotation mark written apart, as tokenised text has it
    // ("( D-Mass . ) said", "stop . '' Trump said"), still closes the sentence's last part.
    loop {
        let after = char_at(line, run.end + 1);
        let closer = match (char_at(line, run.end), after) {
            (Some(' '), Some(c @ (')' | ']' | '}' | '”' | '»'))) => c.len_utf8(),
            (Some(' '), Some('\'')) if char_at(line, run.end + 2) == Some('\'') => 2,
            _ => break,
        };
        let past = run.end + 1 + closer;
        if !matches!(char_at(line, past), None | Some(' ')) {
            break;
        }
        run.end = past;
    }
    run
}

/// Byte offsets inside `line` where a new sentence starts because of punctuation.
fn punctuation_cuts(line: &str, markers: &HashSet<usize>) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut k = 0;
    while let Some(c) = char_at(line, k) {
        if !matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇') || markers.contains(&k) {
            k += c.len_utf8();
            continue;
        }
        let run = scan_run(line, k);
        if let Some(cut) = decide(line, k, &run) {
            cuts.push(cut);
        }
        k = run.end.max(k + c.len_utf8());
    }
    cuts
}

/// Where the sentence ends for the run starting at byte `k`, if it ends there.
fn decide(line: &str, k: usize, run: &Run) -> Option<usize> {
    let run_end = run.end.min(line.len());
    if !line[run_end..].starts_with(char::is_whitespace) {
        return None;
    }
    let next = line[run_end..].trim_start();
    let next_word = next.split(char::is_whitespace).next().unwrap_or("");
    // No sentence starts with a comma, a semicolon or a colon ("( Vt. ) , who lost").
    if next.starts_with([',', ';', ':']) {
        return None;
    }
    if next.is_empty()
        || next_word
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase)
    {
        return None;
    }
    if run.exclaims {
        return Some(run_end);
    }
    let pos = k;
    let first = char_at(line, k).unwrap_or('.');
    let attached = line[..k]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    if run.dots >= 3 {
        return match (attached && run.spaced, run.dots >= 4) {
            (true, true) => Some(pos + first.len_utf8()),
            (_, true) => Some(run_end),
            _ => None,
        };
    }
    let prev = line[..pos].rsplit(char::is_whitespace).next().unwrap_or("");
    let prev = prev.trim_start_matches(|c: char| !c.is_alphanumeric());
    ends_sentence(prev, next_word).then_some(run_end)
}

/// Whether a period after `prev` ends the sentence when `next` follows (not lower case).
fn ends_sentence(prev: &str, next: &str) -> bool {
    let lower = prev.to_lowercase();
    let starts_with_digit = next
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(|c: char| c.is_ascii_digit());
    match ABBREVIATION_KINDS.get(lower.as_str()) {
        Some(Abbrev::Title) => false,
        Some(Abbrev::Numeric) if starts_with_digit => false,
        Some(Abbrev::Ambiguous) => is_starter(next),
        _ if is_initialism(prev) => is_starter(next),
        _ => true,
    }
}

/// A single letter ("E") or letters joined by periods ("U.S", "a.m").
fn is_initialism(word: &str) -> bool {
    let mut chars = word.chars();
    let mut expect_letter = true;
    let mut letters = 0;
    for c in chars.by_ref() {
        match (expect_letter, c) {
            (true, c) if c.is_alphabetic() => letters += 1,
            (false, '.') => {}
            _ => return false,
        }
        expect_letter = !expect_letter;
    }
    letters > 0 && !expect_letter && (letters > 1 || word.chars().all(char::is_uppercase))
}

/// Whether `word` is a capitalised common sentence opener ("The", "How", "It").
fn is_starter(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let head: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    head.starts_with(char::is_uppercase) && STARTERS.contains(head.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initialisms() {
        for w in ["E", "U.S", "a.m", "U.S.A"] {
            assert!(is_initialism(w), "{w}");
        }
        for w in ["e", "US", "example.com", "", "U.", "1.2"] {
            assert!(!is_initialism(w), "{w}");
        }
    }

    #[test]
    fn spans_are_on_char_boundaries_for_odd_input() {
        for text in [
            "…",
            "“”",
            ". . .",
            "😀. 😀!",
            "a\u{a0}. B",
            "\u{2028}x.\u{200B}",
            "1. 2.",
        ] {
            for s in sentences(text) {
                assert!(!s.is_empty());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}
