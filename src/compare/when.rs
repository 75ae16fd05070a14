//! When a figure holds: the time scope of its clause ("in May", "since 2022", "since the war
//! began") and the times of day its sentence states ("at 2:09 a.m."), which tell two events of
//! one kind apart.

use crate::text::Token;

/// Months: a time scope names one.
const MONTHS: [&str; 12] = [
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
];

/// Prepositions that bound the time a figure covers ("in May", "during 2023").
const SCOPE_PREPOSITIONS: [&str; 6] = ["in", "during", "for", "of", "by", "throughout"];

/// Conjunctions that join another clause to a figure's: a time said beyond one is not the
/// figure's.
const CLAUSE_JOINS: [&str; 6] = ["and", "but", "while", "whereas", "who", "which"];

/// Words after "since the" that name the start of what is counted ("since the start of the
/// invasion", "since the war began").
const START_WORDS: [&str; 7] = [
    "start",
    "beginning",
    "outbreak",
    "war",
    "invasion",
    "conflict",
    "pandemic",
];

/// Two times of day at most this far apart (minutes) may be one moment told by two outlets
/// ("at 9:27 a.m." and "at about 9:30 a.m."); further apart, they are two events.
const SAME_MOMENT_MINUTES: u16 = 60;

/// The times of day `text` states with "a.m." or "p.m." ("2:09 a.m.", "9 pm"), as minutes
/// after midnight, in order.
///
/// ```
/// use claimlens::compare::clock_times;
/// assert_eq!(clock_times("It struck at 2:09 a.m., and again at 9 PM."), vec![129, 1260]);
/// assert!(clock_times("Chapter 2:09 and 3 am-ended").is_empty());
/// ```
pub fn clock_times(text: &str) -> Vec<u16> {
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts_number = b[i].is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b".:,".contains(&b[i - 1])));
        if !starts_number {
            i += 1;
            continue;
        }
        let hour_len = digits(i);
        let hour: u16 = text[i..i + hour_len].parse().unwrap_or(0);
        let mut end = i + hour_len;
        let mut minute = 0;
        if b.get(end) == Some(&b':') && digits(end + 1) == 2 {
            minute = text[end + 1..end + 3].parse().unwrap_or(60);
            end += 3;
        }
        i = end;
        let mut j = end + usize::from(b.get(end) == Some(&b' '));
        let Some(half) = b
            .get(j)
            .map(u8::to_ascii_lowercase)
            .filter(|c| b"ap".contains(c))
        else {
            continue;
        };
        j += 1;
        j += usize::from(b.get(j) == Some(&b'.'));
        let says_m = b.get(j).map(u8::to_ascii_lowercase) == Some(b'm');
        let bounded = !b
            .get(j + 1)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-');
        if hour_len <= 2 && (1..=12).contains(&hour) && minute < 60 && says_m && bounded {
            let afternoon = if half == b'p' { 12 * 60 } else { 0 };
            out.push((hour % 12) * 60 + minute + afternoon);
        }
    }
    out
}

/// The time scope nearest the figure in its clause (after it first), normalised: a month or
/// year after a preposition ("in May", "during 2023"), or a "since" phrase ("since 2022",
/// "since the start of …", "since the war began" → "since start").
pub(super) fn scope(before: &[Token], after: &[Token]) -> Option<String> {
    let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    let read = |words: &[&str], i: usize| -> Option<String> {
        let w = words[i];
        let next = words.get(i + 1).copied().unwrap_or("");
        if w == "since" {
            return match next {
                "the" => words
                    .get(i + 2)
                    .filter(|w| START_WORDS.contains(w))
                    .map(|_| "since start".to_string()),
                n if year(n) => Some(format!("since {n}")),
                n if MONTHS.contains(&n) => {
                    let y = words.get(i + 2).copied().filter(|y| year(y));
                    Some(y.map_or(format!("since {n}"), |y| format!("since {n} {y}")))
                }
                _ => None,
            };
        }
        (SCOPE_PREPOSITIONS.contains(&w) && (MONTHS.contains(&next) || year(next)))
            .then(|| next.to_string())
    };
    // A time said in another clause joined by a conjunction is that clause's ("spent 19
    // seasons with the 76ers and was promoted … in 2003").
    let after_words: Vec<&str> = after
        .iter()
        .map(|t| t.norm.as_str())
        .take_while(|w| !CLAUSE_JOINS.contains(w))
        .collect();
    let joined_before = before
        .iter()
        .rposition(|t| CLAUSE_JOINS.contains(&t.norm.as_str()))
        .map_or(0, |i| i + 1);
    let before_words: Vec<&str> = before[joined_before..]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    (0..after_words.len())
        .find_map(|i| read(&after_words, i))
        .or_else(|| {
            (0..before_words.len())
                .rev()
                .find_map(|i| read(&before_words, i))
        })
}

/// Whether two sentences' times of day could be one moment: unsaid on one side, or two within
/// [`SAME_MOMENT_MINUTES`] of each other (across midnight too).
pub(super) fn same_moment(a: &[u16], b: &[u16]) -> bool {
    let near = |x: u16, y: u16| {
        let gap = x.abs_diff(y);
        gap.min(24 * 60 - gap) <= SAME_MOMENT_MINUTES
    };
    a.is_empty() || b.is_empty() || a.iter().any(|&x| b.iter().any(|&y| near(x, y)))
}
