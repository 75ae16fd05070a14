//! The words: verdict and kind labels, the sentence that explains a comparison, a difference
//! in words, card facts, numbers, dates and plurals.

use crate::compare::{Agreement, Comparison, Difference, Side, Verdict};
use crate::corpus::Corpus;
use crate::detect::{LeftOut, MAX_PER_SENTENCE};
use crate::finding::{Detail, Kind};

/// The verdict in words, for a card and a summary chip.
///
/// ```
/// use claimlens::{view::verdict_label, Verdict};
/// assert_eq!(verdict_label(Verdict::NumberDiffers), "Different number");
/// ```
pub fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Corroborated => "Corroborated",
        Verdict::NumberDiffers => "Different number",
        Verdict::CertaintyDiffers => "Different certainty",
        Verdict::SourceDiffers => "Different source",
        Verdict::NotInCorpus => "Not in the corpus",
        Verdict::NotCompared => "Not compared",
    }
}

/// The kind in words, capitalised, for a card.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Attribution => "Attribution",
        Kind::Hedge => "Hedge",
        Kind::Statistic => "Statistic",
    }
}

/// One line on what was left out of run-on sentences, if anything (see
/// [`crate::detect::MAX_PER_SENTENCE`]).
///
/// ```
/// use claimlens::analyze;
/// use claimlens::view::left_out_note;
/// let report = analyze(&"thousands of ".repeat(200), None);
/// assert_eq!(
///     left_out_note(&report.left_out).as_deref(),
///     Some("Not marked: 68 more statistics in 1 run-on passage (at most 32 of a kind per sentence).")
/// );
/// assert_eq!(left_out_note(&[]), None);
/// ```
pub fn left_out_note(left_out: &[LeftOut]) -> Option<String> {
    if left_out.is_empty() {
        return None;
    }
    let kinds: Vec<String> = ["attribution", "hedge", "statistic"]
        .into_iter()
        .filter_map(|kind| {
            let n: usize = left_out
                .iter()
                .filter(|l| l.kind == kind)
                .map(|l| l.count)
                .sum();
            (n > 0).then(|| {
                let counted = plural(n, kind);
                let (number, word) = counted.split_once(' ').unwrap_or(("", &counted));
                format!("{number} more {word}")
            })
        })
        .collect();
    let mut passages: Vec<usize> = left_out.iter().map(|l| l.start).collect();
    passages.dedup();
    Some(format!(
        "Not marked: {} in {} (at most {MAX_PER_SENTENCE} of a kind per sentence).",
        kinds.join(", "),
        plural(passages.len(), "run-on passage")
    ))
}

/// "1 hedge", "3 hedges", "0 statistics".
///
/// ```
/// use claimlens::view::plural;
/// assert_eq!(plural(1, "hedge"), "1 hedge");
/// assert_eq!(plural(0, "statistic"), "0 statistics");
/// assert_eq!(plural(2, "finding"), "2 findings");
/// ```
pub fn plural(n: usize, word: &str) -> String {
    let count = format_number(n as f64);
    match (n, word.strip_suffix('y')) {
        (1, _) => format!("1 {word}"),
        (_, Some(stem)) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{count} {stem}ies"),
        _ => format!("{count} {word}s"),
    }
}

/// A difference in words, naming the words that decided.
///
/// ```
/// use claimlens::compare::{Difference, Side};
/// use claimlens::view::describe_difference;
/// let d = Difference::Certainty { side: Side::Page, cue: "purportedly".into(), denial: false };
/// assert_eq!(describe_difference(&d), "This page hedges it (“purportedly”); the reference states it flatly.");
/// let d = Difference::Source { page: None, reference: Some("The UK Ministry of Defence".into()) };
/// assert_eq!(describe_difference(&d), "This page credits no source; the reference credits the UK Ministry of Defence.");
/// ```
pub fn describe_difference(difference: &Difference) -> String {
    match difference {
        Difference::Number {
            page,
            reference,
            contradicts: true,
        } => format!("This page says “{page}”; the reference says “{reference}” for the same quantity."),
        Difference::Number {
            page, reference, ..
        } => format!(
            "This page says “{page}”; the reference says “{reference}” for the same quantity — both can be true, but the reference does not support this page's figure."
        ),
        Difference::Certainty {
            side: Side::Page,
            cue,
            denial: true,
        } => format!("This page denies it (“{cue}”); the reference states it."),
        Difference::Certainty {
            side: Side::Reference,
            cue,
            denial: true,
        } => format!("The reference denies it (“{cue}”); this page states it."),
        Difference::Certainty {
            side: Side::Page,
            cue,
            ..
        } => format!("This page hedges it (“{cue}”); the reference states it flatly."),
        Difference::Certainty {
            side: Side::Reference,
            cue,
            ..
        } => format!("The reference hedges it (“{cue}”); this page states it flatly."),
        Difference::Source {
            page: Some(m),
            reference: Some(t),
        } => format!(
            "This page credits {}; the reference credits {}.",
            mid_sentence(m),
            mid_sentence(t)
        ),
        Difference::Source {
            page: Some(m),
            reference: None,
        } => format!(
            "This page credits {}; the reference credits no source.",
            mid_sentence(m)
        ),
        Difference::Source {
            page: None,
            reference: Some(t),
        } => format!(
            "This page credits no source; the reference credits {}.",
            mid_sentence(t)
        ),
        Difference::Source {
            page: None,
            reference: None,
        } => "The sources credited differ.".to_string(),
    }
}

/// A source as quoted from the start of its sentence, set inside another: "The UK Ministry
/// of Defence" reads "the UK Ministry of Defence", as prose sets a name mid-sentence.
fn mid_sentence(source: &str) -> String {
    for article in ["The ", "A ", "An "] {
        if let Some(rest) = source.strip_prefix(article) {
            return format!("{}{rest}", article.to_lowercase());
        }
    }
    source.to_string()
}

/// An agreement in words.
fn describe_agreement(agreement: &Agreement) -> String {
    match agreement {
        Agreement::Figure { reference } => {
            format!("The reference gives the same figure: “{reference}”.")
        }
        Agreement::Source { source } => {
            format!("The reference credits the same source: {source}.")
        }
        Agreement::Credited { source } => {
            format!("The reference credits it to {}.", mid_sentence(source))
        }
        Agreement::Hedged { cue, denial: true } => {
            format!("The reference denies it too (“{cue}”).")
        }
        Agreement::Hedged { cue, .. } => format!("The reference hedges it too (“{cue}”)."),
        Agreement::Claim => "The reference says the same.".to_string(),
    }
}

/// The one sentence that explains a comparison: its most important difference, else what
/// agrees; for no counterpart, what was looked for. Made from the same typed facts the card
/// shows, so the two cannot disagree.
///
/// ```
/// use claimlens::compare::Comparison;
/// use claimlens::view::explain;
/// use claimlens::Kind;
/// assert_eq!(explain(Kind::Statistic, &Comparison::not_in_corpus()),
///     "No figure for the same quantity in the reference corpus.");
/// ```
pub fn explain(kind: Kind, comparison: &Comparison) -> String {
    match comparison.verdict {
        Verdict::NotCompared => String::new(),
        Verdict::NotInCorpus => match kind {
            Kind::Statistic => "No figure for the same quantity in the reference corpus.",
            _ => "Nothing in the reference corpus speaks of this.",
        }
        .to_string(),
        _ => match comparison.differences.first() {
            Some(d) => describe_difference(d),
            None => {
                let mut words = comparison.agreements.first().map_or_else(
                    || "The reference says the same.".to_string(),
                    describe_agreement,
                );
                // Whose figure it is, when only the reference says so.
                let credit = comparison.agreements.iter().skip(1);
                if let Some(c) = credit
                    .clone()
                    .find(|a| matches!(a, Agreement::Credited { .. }))
                {
                    words.push(' ');
                    words.push_str(&describe_agreement(c));
                }
                words
            }
        },
    }
}

/// The kind-specific facts a card lists, as (term, value) pairs in reading order.
///
/// ```
/// use claimlens::{view::facts, Detail};
/// let d = Detail::Statistic { value: 1000.0, value_max: None, qualifier: None,
///     unit: Some("migrants".into()), rate: None, vague: true };
/// assert_eq!(facts(&d), [("Value", "thousands of migrants".to_string())]);
/// ```
pub fn facts(detail: &Detail) -> Vec<(&'static str, String)> {
    match detail {
        Detail::Attribution { source, cue, .. } => [("Source", source), ("Cue", cue)]
            .into_iter()
            .filter_map(|(term, part)| part.as_ref().map(|p| (term, p.text.clone())))
            .collect(),
        Detail::Hedge { cue } => vec![("Cue", cue.clone())],
        Detail::Statistic {
            value,
            value_max,
            qualifier,
            unit,
            rate,
            vague,
        } => {
            let mut words: Vec<String> = Vec::new();
            if let Some(q) = qualifier {
                words.push(q.as_str().replace('-', " "));
            }
            if *vague {
                words.push(format!("{} of", magnitude_word(*value)));
            } else {
                words.push(match value_max {
                    Some(max) => format!("{} – {}", format_number(*value), format_number(*max)),
                    None => format_number(*value),
                });
            }
            words.extend([unit, rate].into_iter().flatten().cloned());
            let mut text = words.join(" ");
            if *vague && unit.is_none() {
                text.truncate(text.len() - " of".len());
            }
            vec![("Value", text)]
        }
    }
}

/// "hundreds", "thousands", "tens of thousands", … for a vague magnitude.
fn magnitude_word(value: f64) -> String {
    const NAMES: &[(f64, &str)] = &[
        (1e9, "billions"),
        (1e8, "hundreds of millions"),
        (1e7, "tens of millions"),
        (1e6, "millions"),
        (1e5, "hundreds of thousands"),
        (1e4, "tens of thousands"),
        (1e3, "thousands"),
        (1e2, "hundreds"),
        (12.0, "dozens"),
    ];
    NAMES
        .iter()
        .find(|(v, _)| value >= *v)
        .map_or_else(|| format_number(value), |(_, name)| name.to_string())
}

/// A value as a reader writes it: "1,200", "38,940", "2.5".
///
/// ```
/// use claimlens::view::format_number;
/// assert_eq!(format_number(38940.0), "38,940");
/// assert_eq!(format_number(-1200.0), "-1,200");
/// assert_eq!(format_number(2.5), "2.5");
/// ```
pub fn format_number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 || !v.is_finite() {
        return v.to_string();
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Dates this many months apart (or more) are far apart: a reader should know a figure was
/// compared with one said half a year earlier or later.
pub const FAR_APART_MONTHS: i32 = 6;

/// The months since year 0 of an ISO date ("2024-06-01", "2024-06"), and whether the month was
/// given (a bare year counts as its middle).
fn months(iso: &str) -> Option<(i32, bool)> {
    let mut parts = iso.trim().split('-');
    let year: i32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    match parts.next() {
        Some(m) => {
            let month: i32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            Some((year * 12 + month - 1, true))
        }
        None => Some((year * 12 + 6, false)),
    }
}

/// When the reference (dated `reference`) is far from the page (dated `page`), one line that
/// says so: "The reference is from June 2024, 9 years after this page (10 July 2015)." `None`
/// when either date is unknown or they are under [`FAR_APART_MONTHS`] apart.
///
/// ```
/// use claimlens::view::dates_apart;
/// assert_eq!(
///     dates_apart("2015-07-10", "2024-06").as_deref(),
///     Some("The reference is from June 2024, 9 years after this page (10 July 2015).")
/// );
/// assert_eq!(
///     dates_apart("2024-12-01", "2024-06").as_deref(),
///     Some("The reference is from June 2024, 6 months before this page (1 December 2024).")
/// );
/// assert_eq!(dates_apart("2024-07-02", "2024-06"), None);
/// assert_eq!(dates_apart("2024-07-02", "undated"), None);
/// ```
pub fn dates_apart(page: &str, reference: &str) -> Option<String> {
    let (p, p_month) = months(page)?;
    let (r, r_month) = months(reference)?;
    let apart = (r - p).abs();
    let far = if p_month && r_month {
        apart >= FAR_APART_MONTHS
    } else {
        p / 12 != r / 12
    };
    if !far {
        return None;
    }
    let span = if apart >= 24 || !(p_month && r_month) {
        plural(((apart + 6) / 12).max(1) as usize, "year")
    } else if apart >= 12 {
        "over a year".to_string()
    } else {
        plural(apart as usize, "month")
    };
    let side = if r > p { "after" } else { "before" };
    Some(format!(
        "The reference is from {}, {span} {side} this page ({}).",
        format_date(reference),
        format_date(page)
    ))
}

/// A date as a reader writes it: "2024-06" → "June 2024", "2024-06-01" → "1 June 2024"; other
/// text is returned as it is.
///
/// ```
/// use claimlens::view::format_date;
/// assert_eq!(format_date("2024-06"), "June 2024");
/// assert_eq!(format_date("2024-06-01"), "1 June 2024");
/// assert_eq!(format_date("2024"), "2024");
/// assert_eq!(format_date("spring"), "spring");
/// ```
pub fn format_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let number = |s: &str| {
        s.parse::<usize>()
            .ok()
            .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
    };
    let year = parts
        .first()
        .copied()
        .filter(|y| y.len() == 4 && number(y).is_some());
    let month = parts
        .get(1)
        .and_then(|m| number(m))
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = parts
        .get(2)
        .and_then(|d| number(d))
        .filter(|d| (1..=31).contains(d));
    match (year, month, day, parts.len()) {
        (Some(y), None, None, 1) => y.to_string(),
        (Some(y), Some(m), None, 2) => format!("{m} {y}"),
        (Some(y), Some(m), Some(d), 3) => format!("{d} {m} {y}"),
        _ => iso.to_string(),
    }
}

/// How large and how recent the corpus is, for the sidebar's footer: "Reference corpus: 2
/// articles, June 2024" (the latest document date; "undated" when none has one).
///
/// ```
/// use claimlens::{view::describe_corpus, Corpus};
/// assert_eq!(describe_corpus(&Corpus::bundled()), "Reference corpus: 2 articles, June 2024");
/// assert_eq!(describe_corpus(&Corpus::default()), "Reference corpus: 0 articles");
/// ```
pub fn describe_corpus(corpus: &Corpus) -> String {
    let docs = corpus.documents();
    let count = plural(docs.len(), "article");
    // ISO 8601 dates sort as text; only well-formed ones take part.
    let latest = docs
        .iter()
        .filter_map(|d| d.date.as_deref())
        .filter(|d| d.len() >= 4 && d.as_bytes()[..4].iter().all(u8::is_ascii_digit))
        .max();
    match (docs.is_empty(), latest) {
        (true, _) => format!("Reference corpus: {count}"),
        (false, Some(date)) => format!("Reference corpus: {count}, {}", format_date(date)),
        (false, None) => format!("Reference corpus: {count}, undated"),
    }
}
