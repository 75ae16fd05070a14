//! When a figure holds: the time scope of its clause ("in May", "since 2022", "since the war
//! began") and the times of day its sentence states ("at 2:09 a.m."), which tell two events of
//! one kind apart.

use crate::corpus::month_number;
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

/// The calendar days `text` names ("Dec. 30", "March 14th", "30 December"), as `month * 32 +
/// day`, in order; a month without a day names none.
///
/// ```
/// use claimlens::compare::calendar_days;
/// assert_eq!(calendar_days("It occurred on Dec. 30 and on 2 May."), vec![12 * 32 + 30, 5 * 32 + 2]);
/// assert!(calendar_days("In March, 30 people may 12 times…").is_empty());
/// ```
pub fn calendar_days(text: &str) -> Vec<u16> {
    // Each word with the characters between it and the word before.
    let mut words: Vec<(&str, &str)> = Vec::new();
    let mut gap_start = 0;
    let mut word_start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                words.push((&text[gap_start..start], &text[start..i]));
                (gap_start, word_start) = (i, None);
            }
            _ => {}
        }
    }
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| !c.is_ascii_digit());
        let ordinal = matches!(&w[digits.len()..], "" | "st" | "nd" | "rd" | "th");
        let d: u16 = digits
            .parse()
            .ok()
            .filter(|_| ordinal && digits.len() <= 2)?;
        (1..=31).contains(&d).then_some(d)
    };
    // "Dec. 30", "December 30", "30 December": blanks between, or an abbreviation's period.
    let blank = |gap: &str| !gap.is_empty() && gap.trim_start_matches('.').trim().is_empty();
    let mut out = Vec::new();
    for (i, &(gap, w)) in words.iter().enumerate() {
        let Some(m) = month_of(w) else { continue };
        let after = words
            .get(i + 1)
            .filter(|(gap, _)| blank(gap))
            .and_then(|(_, w)| day(w));
        let before = i
            .checked_sub(1)
            .filter(|_| !gap.is_empty() && gap.trim().is_empty())
            .and_then(|k| day(words[k].1));
        if let Some(d) = after.or(before) {
            out.push(m * 32 + d);
        }
    }
    out
}

/// Two calendar days at most this many days apart may be one event's, told by reports
/// written on different days ("on Thursday, Nov. 10" and a dateline of Nov. 12).
const SAME_EVENT_DAYS: u16 = 7;

/// The months `text` names, capitalised ("in September", "Dec. 30").
pub(super) fn months(text: &str) -> Vec<u16> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(month_of)
        .collect()
}

/// The month a capitalised word names ("December", "Dec", "Sept"); a month is capitalised in
/// English, and "may" is a verb.
fn month_of(word: &str) -> Option<u16> {
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    let month = month_number(word).filter(|_| capitalised)?;
    u16::try_from(month).ok()
}

/// Whether a figure dated to calendar days `days` by its sentence can be of the event another
/// report speaks of: it names no day, the other report names none, or the other names a day
/// within [`SAME_EVENT_DAYS`] or the same month in the figure's sentence ("The last earthquake
/// … occurred on Dec. 30" is no earthquake of a report dated March 14; "hijacked on September
/// 15" is the hijacking "in September" of another report).
pub(super) fn dated_alike(days: &[u16], other_days: &[u16], other_months: &[u16]) -> bool {
    let day_of_year = |d: u16| (d / 32 - 1) * 31 + d % 32;
    let near = |a: u16, b: u16| {
        let gap = day_of_year(a).abs_diff(day_of_year(b));
        gap.min(12 * 31 - gap) <= SAME_EVENT_DAYS
    };
    days.is_empty()
        || other_days.is_empty()
        || days
            .iter()
            .any(|&d| other_days.iter().any(|&e| near(d, e)) || other_months.contains(&(d / 32)))
}

/// The time of day of a document's lead event: the times of the first sentence that states
/// any (datelines aside), which the sentences before it — the headline, the lead — speak of
/// ("4.6 magnitude quake recorded in Sonoma County. An earthquake … was recorded this morning.
/// The quake occurred at 2:09 a.m.").
#[derive(Clone, Debug, Default)]
pub(super) struct LeadClock {
    /// Index of the first sentence stating a time of day (the document's length if none does).
    first: usize,
    clocks: Vec<u16>,
}

impl LeadClock {
    /// The lead clock of a document's sentences.
    pub(super) fn of<'s>(sentences: impl IntoIterator<Item = &'s str>) -> LeadClock {
        let mut first = 0;
        for s in sentences {
            if !is_dateline(s) {
                let clocks = clock_times(s);
                if !clocks.is_empty() {
                    return LeadClock { first, clocks };
                }
            }
            first += 1;
        }
        LeadClock {
            first,
            clocks: Vec::new(),
        }
    }

    /// The times of day of the event sentence `i` (text `sentence`) speaks of: its own, else,
    /// before the document's first stated time, that time.
    pub(super) fn event_clocks(&self, i: usize, sentence: &str) -> Vec<u16> {
        let own = clock_times(sentence);
        if own.is_empty() && i < self.first {
            return self.clocks.clone();
        }
        own
    }
}

/// Whether a sentence is a dateline or a timestamp ("March 14, 2013 at 11:51 AM"), whose time
/// of day is when the report was published, not when its event happened: it states a year.
fn is_dateline(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_days_are_read_as_news_writes_them() {
        #[rustfmt::skip]
        let cases: &[(&str, &[u16])] = &[
            ("It occurred on Dec. 30, 2012.", &[12 * 32 + 30]),
            ("on March 14th and 2 May", &[3 * 32 + 14, 5 * 32 + 2]),
            ("in September this year", &[]),
            ("March 40 and Dec 0", &[]),
            ("they may 12 times", &[]),
            ("In March, 30 people; 30, March", &[]),
        ];
        for &(text, expected) in cases {
            assert_eq!(calendar_days(text), expected, "{text:?}");
        }
    }

    #[test]
    fn headline_and_lead_take_the_first_stated_time() {
        let doc = [
            "4.6 magnitude quake recorded in Sonoma County",
            "March 14, 2013 at 11:51 AM",
            "An earthquake of magnitude 4.6 was recorded this morning.",
            "The quake occurred at 2:09 a.m. about 14 miles north of Healdsburg.",
            "It was followed by an aftershock.",
        ];
        let lead = LeadClock::of(doc);
        let clocks: Vec<Vec<u16>> = (0..doc.len())
            .map(|i| lead.event_clocks(i, doc[i]))
            .collect();
        assert_eq!(clocks, [vec![129], vec![711], vec![129], vec![129], vec![]]);
    }
}
