//! Query cleanup for claim matching: social-media text carries links, handles, hashtags and
//! signature lines that say nothing about the claim. Hand-written scanners (no regular
//! expressions: the engine costs a quarter of the `.wasm`), each one pass over the text.

use super::days::{day_number, month_number, valid};

/// Whether `text[at..]` starts a link: "http://", "https://", "www." or "pic.twitter.com/",
/// in any case.
fn link_at(text: &str, at: usize) -> bool {
    let rest = text.as_bytes().get(at..).unwrap_or(&[]);
    ["http://", "https://", "www.", "pic.twitter.com/"]
        .iter()
        .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// `text` with every link (up to the next blank) replaced by one blank.
fn remove_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if link_at(text, i) {
            let end = text[i..]
                .find(char::is_whitespace)
                .map_or(text.len(), |n| i + n);
            out.push(' ');
            i = end;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || matches!(c, '\u{300}'..='\u{36f}')
}

/// `text` with every mention or hashtag ("@JoeBiden", "#RepublicDay") turned into its words.
fn expand_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['@', '#']) {
        let name_len: usize = rest[at + 1..]
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum();
        out.push_str(&rest[..at]);
        if name_len == 0 {
            out.push_str(&rest[at..at + 1]);
        } else {
            out.push_str(&split_name(&rest[at + 1..at + 1 + name_len]));
        }
        rest = &rest[at + 1 + name_len..];
    }
    out.push_str(rest);
    out
}

/// The signature closing an embedded tweet, "— Name (@handle) January 26, 2021".
struct Signature<'a> {
    /// Where its dash stands in the text.
    dash: usize,
    /// The author's name.
    name: &'a str,
    /// The day it was posted ([`super::days::day_number`]), if its month is a month's name.
    day: Option<i64>,
}

/// The signature closing an embedded tweet at the end of `text` (only non-word characters
/// after the year).
fn signature(text: &str) -> Option<Signature<'_>> {
    // The date: a capitalised month-like word of 3–9 letters (a period may follow), a 1–2
    // digit day, a comma, a blank and a four-digit year, then nothing but non-word characters.
    let trimmed = text.trim_end_matches(|c: char| !is_word_char(c));
    let year_start = trimmed.len().checked_sub(4)?;
    let year = trimmed.get(year_start..)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let before_year = trimmed[..year_start].strip_suffix(", ")?;
    let day_len = before_year
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    if !(1..=2).contains(&day_len) {
        return None;
    }
    let before_day = before_year[..before_year.len() - day_len].strip_suffix(' ')?;
    let before_day = before_day.strip_suffix('.').unwrap_or(before_day);
    let month_len = before_day
        .chars()
        .rev()
        .take_while(char::is_ascii_lowercase)
        .count();
    let month_start = before_day.len().checked_sub(month_len + 1)?;
    let capital = before_day[month_start..].chars().next()?;
    if !capital.is_ascii_uppercase() || !(2..=8).contains(&month_len) {
        return None;
    }
    // The handle: "(@handle)" of 1–30 word characters, blanks around.
    let before_month = before_day[..month_start].trim_end();
    let handle_end = before_month.strip_suffix(')')?;
    let open = handle_end.rfind("(@")?;
    let handle = &handle_end[open + 2..];
    let handle_chars = handle.chars().count();
    if !(1..=30).contains(&handle_chars) || !handle.chars().all(is_word_char) {
        return None;
    }
    // The name: up to 80 characters after the last dash, without dashes or line breaks.
    let before_handle = &handle_end[..open];
    let dash = before_handle.rfind(['—', '–'])?;
    let name = before_handle[dash..].trim_start_matches(['—', '–']).trim();
    let clean = !name.contains(['—', '–', '\n']) && name.chars().count() <= 80;
    let day = month_number(&before_day[month_start..])
        .zip(before_year[before_year.len() - day_len..].parse().ok())
        .filter(|&(month, day)| valid(month, day))
        .map(|(month, day)| day_number(year.parse().unwrap_or(0), month, day));
    clean.then_some(Signature { dash, name, day })
}

/// The day a post was written, read from its closing signature (see [`clean_query`]), as a
/// day number ([`super::days::day_number`]).
pub(crate) fn query_day(text: &str) -> Option<i64> {
    signature(text)?.day
}

/// The words of a camel-case name: "RepublicDay" → "Republic Day", "COVID19Vaccine" →
/// "COVID 19 Vaccine".
fn split_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied();
            let lower_to_upper = prev.is_lowercase() && c.is_uppercase();
            let acronym_end =
                prev.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase);
            let digit_edge = prev.is_ascii_digit() != c.is_ascii_digit();
            if lower_to_upper || acronym_end || digit_edge || c == '_' {
                out.push(' ');
            }
        }
        if c != '_' {
            out.push(c);
        }
    }
    out
}

/// A claim-matching query from a post: links removed, a signature line reduced to the
/// author's name, mentions and hashtags turned into words.
///
/// ```
/// use claimlens::corpus::clean_query;
/// let tweet = "Our flag replaced at #RedFort pic.twitter.com/Bfp1 — Rahul (@RShiv) January 26, 2021";
/// assert_eq!(clean_query(tweet), "Our flag replaced at Red Fort Rahul");
/// ```
pub fn clean_query(text: &str) -> String {
    let text = match signature(text) {
        Some(Signature { dash, name, .. }) => format!("{} {name}", &text[..dash]),
        None => text.to_string(),
    };
    let text = remove_links(&text);
    let text = expand_tags(&text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_case_and_digit_changes() {
        for (name, words) in [
            ("RepublicDay", "Republic Day"),
            ("COVID19Vaccine", "COVID 19 Vaccine"),
            ("JoeBiden", "Joe Biden"),
            ("tomselliott", "tomselliott"),
            ("stop_the_steal", "stop the steal"),
        ] {
            assert_eq!(split_name(name), words, "{name}");
        }
    }

    #[test]
    fn a_signature_dates_its_post() {
        let tweet = "Flag replaced — Rahul (@RShiv) January 26, 2021";
        assert_eq!(query_day(tweet), Some(day_number(2021, 1, 26)));
        assert_eq!(
            query_day("— Rahul (@RShiv) Sept. 2, 2020"),
            Some(day_number(2020, 9, 2))
        );
        assert_eq!(query_day("— Rahul (@RShiv) Someday 2, 2020"), None);
        assert_eq!(query_day("Flag replaced on January 26, 2021"), None);
    }

    #[test]
    fn signatures_and_links_go() {
        let tweet =
            "Biden signed an order. https://t.co/xyz — Glen Keys (@glen_keys) January 27, 2021";
        assert_eq!(clean_query(tweet), "Biden signed an order. Glen Keys");
        assert_eq!(
            clean_query(". @JoeBiden in October"),
            ". Joe Biden in October"
        );
    }
}
