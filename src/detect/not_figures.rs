//! Numbers that are no figure a reader weighs, refused after the statistic detector has read
//! them: someone's age ("a 93-year-old", "aged 47") and the numbering of a list ("1. Finland").
//! An age says how old one person is, not how many of something there are, and whose age it
//! is cannot be compared across reports; list numbers only order the list.

use crate::text::Span;

/// The text within `before` bytes ahead of `span` and `after` bytes past it (on char
/// boundaries), so that the cost per number stays constant.
fn around(text: &str, span: Span, before: usize, after: usize) -> (&str, &str) {
    let mut from = span.start.saturating_sub(before);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + after).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (&text[from..span.start], &text[span.end..to])
}

/// Whether the figure at `span` is someone's age: "38-year-old", "47 years old", "aged 47",
/// "ages 47 and 48".
pub(crate) fn is_age(text: &str, span: Span) -> bool {
    let (before, after) = around(text, span, 12, 16);
    let written = span.slice(text).to_lowercase();
    let after = after
        .trim_start_matches(['-', ' ', '\u{2011}'])
        .to_lowercase();
    let before = before.trim_end().to_lowercase();
    after.starts_with("old")
        || after.starts_with("year-old")
        || after.starts_with("years old")
        || after.starts_with("years-old")
        || written.ends_with("years old")
        || written.ends_with("year-old")
        || before.ends_with("aged")
        || before.ends_with("ages")
}

/// Whether the figure at `span` numbers a list item: a bare number opening its line, followed
/// by "." or ")" and a space ("1. Finland", "10) United States").
pub(crate) fn is_list_number(text: &str, span: Span) -> bool {
    let (before, after) = around(text, span, 8, 3);
    let line_start = before.rsplit('\n').next().is_some_and(|b| {
        b.trim_matches(|c: char| c.is_whitespace() || "•-*–".contains(c))
            .is_empty()
    });
    let bare = span.slice(text).chars().all(|c| c.is_ascii_digit());
    line_start && bare && (after.starts_with(". ") || after.starts_with(") "))
}

/// Whether a number found as a figure is refused: an age or a list number.
pub(crate) fn refused(text: &str, span: Span) -> bool {
    is_age(text, span) || is_list_number(text, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_and_list_numbers_are_refused() {
        const CASES: &[(&str, &str, bool)] = &[
            ("a 93-year-old woman", "93", true),
            ("a 93-year-old woman", "93-year", true),
            ("two men, aged 47 and 48", "47", true),
            ("he is 47 years old", "47", true),
            ("1. Finland\n2. Denmark", "1", true),
            ("ranked\n10) United States", "10", true),
            ("a 6-foot wall", "6", false),
            ("over 1,200 casualties", "1,200", false),
            ("in 1. the first", "1", false),
            ("the war lasted 40 years.", "40", false),
        ];
        for (text, number, refused_expected) in CASES {
            let start = text.find(number).unwrap();
            let span = Span::new(start, start + number.len());
            assert_eq!(
                refused(text, span),
                *refused_expected,
                "{text:?} {number:?}"
            );
        }
    }
}
