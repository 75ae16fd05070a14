//! What makes a number no figure: dates, times, ordinals, decades, codes and identifiers, phone and version numbers, names, years.

use super::*;

impl Parser<'_> {
    /// Whether the number at `j` is a date, time, ordinal, decade, identifier, phone or version
    /// number, or part of a name.
    pub(super) fn excluded(&self, j: usize, core: &Core, prefixed: bool) -> bool {
        if core.written {
            let capitalised = self.upper(j) && !self.sentence_initial(j);
            return capitalised
                || (core.lone_one && self.word(j + 1) == Some("of"))
                || self.in_vain(j, core);
        }
        let Tok::Num {
            value,
            commas,
            dots,
            leading_zero,
            ..
        } = self.toks[j].tok
        else {
            return false; // a fraction glyph ("½")
        };
        let single = core.end == j + 1;
        dots > 1
            || leading_zero
            || self.in_digit_sequence(j, core.end)
            || (!prefixed && self.glued_before(j))
            || (single && self.glued_after(j))
            || (!single && self.adjacent(core.end - 1) && self.glued_after(core.end - 1))
            || self.is_time(core.end - 1)
            || (value <= 31.0 && !commas && dots == 0 && self.beside_month(j))
            || (!prefixed && !commas && dots == 0 && self.after_name(j))
    }

    /// "came to naught", "all for nought", "naught but": the idioms of "in vain" and "nothing
    /// but", where the word for zero counts nothing.
    fn in_vain(&self, j: usize, core: &Core) -> bool {
        let zero_word = matches!(self.word(j), Some("naught" | "nought")) && core.end == j + 1;
        zero_word
            && (matches!(
                j.checked_sub(1).and_then(|k| self.word(k)),
                Some("to" | "for")
            ) || self.word(j + 1) == Some("but"))
    }

    /// Next to another bare numeral: "+44 20 7946 0958"; a numeral that opens a written number
    /// ("4000 3 hundred and 21" are two numbers) is no such neighbour.
    pub(super) fn in_digit_sequence(&self, j: usize, end: usize) -> bool {
        let opens_written = |i: usize| self.group_word(i + 1);
        (j > 0 && self.number_at(j - 1) && !opens_written(j))
            || (self.number_at(end) && !opens_written(end))
    }

    /// Attached to a preceding word or symbol: "A320", "COVID-19", "#5", "+44", "10:30", or an
    /// argument of code-like text: "alert(1)".
    pub(super) fn glued_before(&self, j: usize) -> bool {
        if j == 0 || !self.adjacent(j - 1) {
            return false;
        }
        match &self.toks[j - 1].tok {
            Tok::Word { .. } | Tok::Num { .. } => true,
            Tok::Sym(c) => {
                matches!(c, '#' | '+' | ':' | '/' | '.' | '_' | '@')
                    || (matches!(c, '-' | '‑' | '(')
                        && j >= 2
                        && self.adjacent(j - 2)
                        && (*c != '(' || matches!(self.toks[j - 2].tok, Tok::Word { .. })))
            }
        }
    }

    /// Attached to following letters that are no unit ("1st", "1990s", "4G", "5pm") or to ":"
    /// or "/" and digits ("10:30", "24/7").
    pub(super) fn glued_after(&self, j: usize) -> bool {
        if !self.adjacent(j) {
            return false;
        }
        match &self.toks.get(j + 1).map(|t| &t.tok) {
            Some(Tok::Word { norm, .. }) => {
                let abbr = matches!(NUMBER_WORDS.get(norm), Some((_, WordKind::Abbr)));
                !(abbr || (UNITS.starts_with(norm) && !self.capital_letter(j + 1)))
            }
            Some(Tok::Sym(':' | '/' | '_' | '@')) => self.adjacent(j + 1) && self.number_at(j + 2),
            Some(Tok::Num { .. }) => true,
            _ => false,
        }
    }

    /// Followed by "a.m.", "pm", "GMT", … and shaped like a clock reading: "5", "5.30", not
    /// "2.123" (a size in picometres).
    pub(super) fn is_time(&self, j: usize) -> bool {
        match self.word(j + 1) {
            Some(w) if is_context("time-word", w) => self.clock_like(j),
            Some("a" | "p") => self.sym(j + 2) == Some('.') && self.adjacent(j + 1),
            _ => false,
        }
    }

    /// Whether the numeral at `j` can be a clock reading: hours up to 24, with two digits of
    /// minutes below 60 after a period if any ("5", "10.30", "0600").
    pub(super) fn clock_like(&self, j: usize) -> bool {
        match self.toks.get(j).map(|t| &t.tok) {
            Some(&Tok::Num {
                value,
                commas: false,
                dots,
                digits,
                int_digits,
                ..
            }) => match dots {
                0 => value <= 24.0 || digits == 4,
                1 => value < 25.0 && digits - int_digits == 2 && value.fract() < 0.595,
                _ => false,
            },
            _ => false,
        }
    }

    /// Next to a capitalised month name: "June 1", "1 June".
    pub(super) fn beside_month(&self, j: usize) -> bool {
        let month = |i: usize| self.upper(i) && self.word(i).is_some_and(|w| MONTHS.contains(w));
        (j > 0 && month(j - 1)) || month(j + 1) || (self.sym(j + 1) == Some('.') && month(j + 2))
    }

    /// After a capitalised word inside the sentence: "Article 5", "Boeing 737", "Windows 11";
    /// not before a scale word, which no name's number takes ("in Antarctica 100 million years
    /// ago").
    pub(super) fn after_name(&self, j: usize) -> bool {
        j > 0
            && self.upper(j - 1)
            && !self.sentence_initial(j - 1)
            && !self.scale_word(j + 1)
            && self.word(j - 1).is_some_and(|w| {
                !MONTHS.contains(w) && !QUALIFIERS.starts_with(w) && !UNITS.contains(w)
            })
    }

    /// Whether the year-shaped number at `j` (figure starting at `start`) reads as a year: beside
    /// a month or in a date, after a temporal preposition or determiner (`lexicons/year_cues.txt`),
    /// or — without such a cue — when no counted plural noun or rate follows ("1200 casualties"
    /// is a count, "in 2022" and "the 2022 elections" are years).
    pub(super) fn year_context(&self, start: usize, j: usize, counted: bool) -> bool {
        let month = |i: usize| self.word(i).is_some_and(|w| MONTHS.contains(w)) && self.upper(i);
        let in_date = (j > 0 && month(j - 1))
            || month(j + 1)
            || (j >= 3 && self.sym(j - 1) == Some(',') && self.number_at(j - 2) && month(j - 3));
        if in_date {
            return true;
        }
        let before = start.checked_sub(1).and_then(|i| self.word(i));
        let cue = before.and_then(|w| {
            YEAR_CUES
                .get(w)
                .copied()
                .or_else(|| (w.ends_with("'s") || w.ends_with("s'")).then_some(YearCue::Det))
        });
        match cue {
            Some(YearCue::Time | YearCue::Det) => true,
            Some(YearCue::Weak) | None => !counted,
        }
    }
}
