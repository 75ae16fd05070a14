//! Names in news text — the capitalised words that name people, places and organisations —
//! read as the participants of a claim and as the signature of a story.
//!
//! A word is a name when it starts with a capital letter and does not have to: not after an
//! opening quotation mark, and not in a line set in title case (a headline capitalises every
//! word). A sentence's first word must be capitalised, so it is a name only when the text uses
//! it as a name elsewhere (mid-sentence), or when it is a country, demonym or capital
//! ([`crate::corpus::canonical`]'s gazetteer). Function words ("The", "In") never are; months
//! and days are dates, not participants. Names are compared in their canonical form
//! ([`crate::corpus::canonical`]: "Kremlin" and "Russian" → "russia", "Ministries" →
//! "ministri").

use crate::corpus::{canonical, is_place, is_stopword, is_title_case};
use crate::text::{sentences, tokens, Span};
use std::collections::HashSet;

/// Months and days of the week: capitalised, but dates rather than participants.
const CALENDAR: [&str; 19] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The names standing in `span` of `text` (read within their sentences), with their byte spans
/// in `text` and canonical forms, in text order. `known` are the names the whole text uses
/// mid-sentence (its [`name_set`]): a sentence's first word is a name if it is one of them.
///
/// ```
/// use claimlens::compare::{name_set, names_in};
/// use claimlens::Span;
/// let text = "Officials said the Kremlin and Bloomberg disagreed in May. Bloomberg stood by it.";
/// let known = name_set(text);
/// let names: Vec<String> = names_in(text, Span::new(0, text.len()), &known).into_iter().map(|(_, n)| n).collect();
/// assert_eq!(names, ["russia", "bloomberg", "bloomberg"]);
/// ```
pub fn names_in(text: &str, span: Span, known: &HashSet<String>) -> Vec<(Span, String)> {
    let span = Span::new(span.start.min(text.len()), span.end.min(text.len()));
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for sentence in sentences(span.slice(text)) {
        let sentence = sentence.shift(span.start);
        names_of_sentence(text, sentence, known, &mut out);
    }
    out
}

/// The names `text` uses mid-sentence and the places it names, each once, in canonical form
/// (a document's story signature, and what makes a sentence's first word a name).
pub fn name_set(text: &str) -> HashSet<String> {
    names_in(text, Span::new(0, text.len()), &HashSet::new())
        .into_iter()
        .map(|(_, n)| n)
        .collect()
}

fn names_of_sentence(
    text: &str,
    sentence: Span,
    known: &HashSet<String>,
    out: &mut Vec<(Span, String)>,
) {
    let s = sentence.slice(text);
    if is_title_case(s) {
        return;
    }
    let words = tokens(s);
    let capitalised = |t: &crate::text::Token| s[t.span.start..].starts_with(char::is_uppercase);
    for (i, t) in words.iter().enumerate() {
        if !capitalised(t) || !t.norm.starts_with(char::is_alphabetic) {
            continue;
        }
        let bare = t.norm.trim_end_matches("’s").trim_end_matches("'s");
        if bare.chars().count() < 2
            || is_stopword(bare)
            || CALENDAR.contains(&bare)
            || is_plural_acronym(t.span.slice(s))
        {
            continue;
        }
        let name = canonical(bare);
        let before = s[..t.span.start].trim_end();
        let opens = i == 0 || before.ends_with(['“', '"', '‘', '(', '—', ':']);
        if opens && !is_place(bare) && !known.contains(&name) {
            continue;
        }
        out.push((t.span.shift(sentence.start), name));
    }
}

/// Whether a word is the plural of an acronym ("TDs", "CEOs", "MPs"): a common noun — four
/// TDs are touchdowns, not someone named TD.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitals_that_need_not_be() {
        const CASES: &[(&str, &[&str])] = &[
            (
                "The UK Ministry of Defence said Russia lost 1,200 troops.",
                &["uk", "ministri", "defence", "russia"],
            ),
            (
                "Russians and Ukrainians met in Kyiv.",
                &["russia", "ukraine", "ukraine"],
            ),
            ("Officials said Tesla lost 1,500 jobs.", &["tesla"]),
            (
                "Tesla lost 1,500 jobs. Shares of Tesla fell.",
                &["tesla", "tesla"],
            ),
            ("Unemployment in France reached 8 percent.", &["france"]),
            ("He said “The war is over” on Monday.", &[]),
            ("Kremlin Recruits African Migrants and Students", &[]),
            (
                "A quake struck Indonesia's Aceh province.",
                &["indonesia", "aceh"],
            ),
            ("He had 52 catches and four TDs for the Saints.", &["saint"]),
            ("Two MPs and the CEOs of BP met.", &["bp"]),
        ];
        for (text, want) in CASES {
            let got: Vec<String> = names_in(text, Span::new(0, text.len()), &name_set(text))
                .into_iter()
                .map(|(_, n)| n)
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
