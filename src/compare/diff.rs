//! Word-level differences between a page passage and a reference passage, for the card that
//! shows both side by side with the differing words marked.
//!
//! Both passages are split into words (letters and digits, with inner `,` `.` `'` `’` `-`); the
//! words are compared case-insensitively with thousands separators ignored ("1,200" = "1200"),
//! aligned by a longest common subsequence, and the words outside it are returned as byte spans
//! of each passage, adjacent ones merged. The alignment is quadratic in the words compared, so
//! only the first [`MAX_WORDS`] words of each side take part; words beyond are never marked.

use serde::Serialize;

/// Words of each passage that take part in the alignment (the rest is left unmarked), so that
/// the cost stays bounded on long passages: at most `MAX_WORDS²` steps.
pub const MAX_WORDS: usize = 160;

/// A marked stretch of a passage: byte offsets into that passage's text (on char boundaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// Byte offset of the first marked byte.
    pub start: usize,
    /// Byte offset one past the last marked byte.
    pub end: usize,
}

/// A word of a passage: its byte span and its comparison key.
struct Word {
    start: usize,
    end: usize,
    key: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_inner(c: char) -> bool {
    matches!(c, ',' | '.' | '\'' | '’' | '-')
}

/// The words of `text` (at most [`MAX_WORDS`]).
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        if out.len() == MAX_WORDS {
            break;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                end = i + c.len_utf8();
                chars.next();
            } else if is_inner(c) && text[i + c.len_utf8()..].starts_with(is_word_char) {
                chars.next();
            } else {
                break;
            }
        }
        let key = text[start..end]
            .chars()
            .filter(|&c| c != ',')
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c })
            .collect();
        out.push(Word { start, end, key });
    }
    out
}

/// The differing words of `a` and `b`: `(marks in a, marks in b)`.
///
/// ```
/// use claimlens::compare::diff;
/// let a = "Russia lost over 1,200 personnel per day in May.";
/// let b = "Russia lost over 2,500 personnel a day in May.";
/// let (ma, mb) = diff(a, b);
/// let marked = |t: &str, m: &[claimlens::compare::Mark]| -> Vec<String> {
///     m.iter().map(|m| t[m.start..m.end].to_string()).collect()
/// };
/// assert_eq!(marked(a, &ma), ["1,200", "per"]);
/// assert_eq!(marked(b, &mb), ["2,500", "a"]);
/// ```
pub fn diff(a: &str, b: &str) -> (Vec<Mark>, Vec<Mark>) {
    let (wa, wb) = (words(a), words(b));
    let (n, m) = (wa.len(), wb.len());
    // lcs[i][j]: length of the longest common subsequence of wa[i..] and wb[j..].
    let mut lcs = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if wa[i].key == wb[j].key {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut in_a, mut in_b) = (vec![false; n], vec![false; m]);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if wa[i].key == wb[j].key {
            in_a[i] = true;
            in_b[j] = true;
            i += 1;
            j += 1;
        } else if lcs[at(i + 1, j)] >= lcs[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (marks(&wa, &in_a), marks(&wb, &in_b))
}

/// Spans of the words not in the common subsequence, runs of them merged into one mark.
fn marks(words: &[Word], common: &[bool]) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    let mut previous_marked = false;
    for (w, &kept) in words.iter().zip(common) {
        if kept {
            previous_marked = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if previous_marked => last.end = w.end,
            _ => out.push(Mark {
                start: w.start,
                end: w.end,
            }),
        }
        previous_marked = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, marks: &[Mark]) -> Vec<String> {
        marks
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn identical_passages_have_no_marks() {
        let t = "The UK Ministry of Defence estimates that Russia lost over 1,200 personnel.";
        assert_eq!(diff(t, t), (vec![], vec![]));
        assert_eq!(diff("", ""), (vec![], vec![]));
    }

    #[test]
    fn runs_of_differing_words_are_one_mark() {
        let a = "These practices, noted by inside sources, have been ongoing.";
        let b = "This practice has been ongoing, according to European officials.";
        let (ma, mb) = diff(a, b);
        assert_eq!(
            marked(a, &ma),
            ["These practices, noted by inside sources, have"]
        );
        assert_eq!(
            marked(b, &mb),
            ["This practice has", "according to European officials"]
        );
    }

    #[test]
    fn case_curly_apostrophes_and_separators_do_not_differ() {
        let (ma, mb) = diff("Ukraine’s 1,200 Troops", "ukraine's 1200 troops");
        assert!(ma.is_empty() && mb.is_empty(), "{ma:?} {mb:?}");
    }

    #[test]
    fn non_ascii_text_is_marked_on_char_boundaries() {
        let a = "“Über” — 1 200 soldats 🚀 perdus, selon l’état-major";
        let b = "«Uber» — 1 300 soldats perdus, selon l’état-major";
        let (ma, mb) = diff(a, b);
        for m in &ma {
            assert!(a.is_char_boundary(m.start) && a.is_char_boundary(m.end));
        }
        assert_eq!(marked(a, &ma), ["Über", "200"]);
        assert_eq!(marked(b, &mb), ["Uber", "300"]);
    }

    #[test]
    fn long_passages_are_aligned_only_up_to_the_cap() {
        let long = "word ".repeat(10_000);
        let (ma, mb) = diff(&long, "word word");
        assert_eq!(ma.len(), 1);
        assert!(ma[0].end <= MAX_WORDS * 5);
        assert!(mb.is_empty());
    }
}
