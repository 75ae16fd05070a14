//! The number at the heart of a figure: numerals and their compounds (fractions, scientific notation, spaced thousands), written numbers, vague magnitudes and proportions.

use super::*;

impl Parser<'_> {
    /// A numeral, a written number or a vague magnitude at `j`.
    pub(super) fn core(&self, j: usize) -> Option<Core> {
        let plain = |value: f64, end: usize| Core {
            value,
            end,
            vague: false,
            written: false,
            lone_one: false,
        };
        match &self.toks.get(j)?.tok {
            Tok::Num { value, .. } if value.is_finite() => {
                if let Some((v, end)) = self.numeric_compound(j) {
                    return Some(plain(v, end));
                }
                if self.group_word(j + 1) {
                    if let Some(core) = self.written(j) {
                        return Some(Core {
                            written: false,
                            ..core
                        });
                    }
                }
                Some(plain(*value, j + 1))
            }
            Tok::Sym(c) => match FRACTIONS.get(c.to_string().as_str()) {
                Some(&(v, FractionForm::Glyph)) => Some(plain(v, j + 1)),
                _ => None,
            },
            Tok::Word { .. } => self.vague(j).or_else(|| self.written(j)),
            _ => None,
        }
    }

    /// Whether token `i` is a word that multiplies or closes a group ("hundred", "million").
    pub(super) fn group_word(&self, i: usize) -> bool {
        matches!(
            self.word(i).and_then(|w| NUMBER_WORDS.get(w)),
            Some((_, WordKind::Mult | WordKind::Scale))
        )
    }

    /// Whether token `i` is a scale word ("thousand", "million", "crore").
    pub(super) fn scale_word(&self, i: usize) -> bool {
        matches!(
            self.word(i).and_then(|w| NUMBER_WORDS.get(w)),
            Some((_, WordKind::Scale))
        )
    }

    /// An integer numeral without separators at `i`, its value.
    pub(super) fn integer(&self, i: usize) -> Option<f64> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Num {
                value,
                commas: false,
                dots: 0,
                ..
            }) if value.is_finite() => Some(*value),
            _ => None,
        }
    }

    /// Numerals spanning several tokens: "3/4" (numerator below the denominator, not part of a
    /// date "3/4/2020"), "2 1/4", "2½", scientific "1.3e6".
    pub(super) fn numeric_compound(&self, j: usize) -> Option<(f64, usize)> {
        if let Some(found) = self.scientific(j).or_else(|| self.spaced_thousands(j)) {
            return Some(found);
        }
        let slash = |i: usize| -> Option<f64> {
            let (a, b) = (self.integer(i)?, self.integer(i + 2)?);
            let shape = self.sym(i + 1) == Some('/') && self.adjacent(i) && self.adjacent(i + 1);
            let date_like = (self.adjacent(i + 2)
                && matches!(
                    self.toks.get(i + 3).map(|t| &t.tok),
                    Some(Tok::Sym('/' | ':'))
                ))
                || (i > 0 && self.adjacent(i - 1) && self.sym(i - 1) == Some('/'));
            let usual = FRACTIONS.contains_key(format!("/{b}").as_str());
            let date = a <= 12.0 && b <= 31.0 && !usual;
            (shape && !date_like && !date && a < b && b <= 1000.0).then_some(a / b)
        };
        if let Some(f) = slash(j) {
            return Some((f, j + 3));
        }
        let whole = self.integer(j)?;
        if !self.adjacent(j) && whole < 1000.0 {
            if let Some(f) = slash(j + 1) {
                return Some((whole + f, j + 4));
            }
        }
        if self.adjacent(j) {
            if let Some(Tok::Sym(c)) = self.toks.get(j + 1).map(|t| &t.tok) {
                if let Some(&(f, FractionForm::Glyph)) = FRACTIONS.get(c.to_string().as_str()) {
                    return Some((whole + f, j + 2));
                }
            }
        }
        None
    }

    /// Scientific notation glued to a numeral: "1e10", "1.3e6", "-12e-1", "2.48×10−5"; or a
    /// power of it: "10^6", "1.1^23", "2.5^-1".
    pub(super) fn scientific(&self, j: usize) -> Option<(f64, usize)> {
        let Tok::Num { value, .. } = self.toks.get(j)?.tok else {
            return None;
        };
        let glued = |i: usize| self.adjacent(i);
        let mut k = j + 1;
        // "1.1^23" raises the numeral itself; the other notations scale it by a power of ten
        let mut power_of_itself = false;
        if self.word(k) == Some("e") && glued(j) && glued(k) {
            k += 1;
        } else if self.sym(k) == Some('^') && glued(j) && glued(k) {
            (power_of_itself, k) = (true, k + 1);
        } else if self.sym(k) == Some('×')
            && glued(j)
            && glued(k)
            && self.integer(k + 1) == Some(10.0)
            && glued(k + 1)
        {
            k += 2;
        } else {
            return None;
        }
        let negative = matches!(self.sym(k), Some('-' | '−'));
        if (negative || self.sym(k) == Some('+')) && glued(k) {
            k += 1;
        }
        let exponent = self.integer(k)?;
        if exponent > 300.0 {
            return None;
        }
        let exponent = if negative { -exponent } else { exponent };
        let value = if power_of_itself {
            value.powf(exponent)
        } else {
            value * 10f64.powf(exponent)
        };
        value.is_finite().then_some((value, k + 1))
    }

    /// Thousands written in groups of three digits apart, as SI style and many countries write
    /// them: "10 000 dollars", "1 234 567.89" (each later group has exactly three digits before
    /// any decimals, one blank between).
    pub(super) fn spaced_thousands(&self, j: usize) -> Option<(f64, usize)> {
        let mut value = self.integer(j).filter(|v| *v < 1000.0)?;
        let mut k = j + 1;
        while let Some(t) = self.toks.get(k) {
            let gap = t.span.start - self.toks[k - 1].span.end;
            let Tok::Num {
                value: v,
                commas: false,
                dots,
                int_digits: 3,
                ..
            } = t.tok
            else {
                break;
            };
            if gap == 0 || gap > 3 || dots > 1 {
                break;
            }
            value = value * 1000.0 + v;
            k += 1;
            if dots == 1 {
                break;
            }
        }
        (k > j + 1).then_some((value, k))
    }

    /// "thousands", "tens of thousands", "hundreds of millions", "dozens", "scores of".
    pub(super) fn vague(&self, j: usize) -> Option<Core> {
        let magnitude = |i: usize| match NUMBER_WORDS.get(self.word(i)?) {
            Some(&(v, WordKind::Vague)) => Some(v),
            _ => None,
        };
        let mut value = magnitude(j)?;
        let mut end = j + 1;
        while self.word(end) == Some("of") {
            match magnitude(end + 1) {
                Some(v) if v > value => {
                    value *= v;
                    end += 2;
                }
                _ => break,
            }
        }
        let needs_of = matches!(self.word(j), Some("scores" | "tens"));
        if needs_of && end == j + 1 && self.word(end) != Some("of") {
            return None;
        }
        Some(Core {
            value,
            end,
            vague: true,
            written: true,
            lone_one: false,
        })
    }

    /// A written number: "twenty-one", "one hundred and six", "half a million", "a dozen",
    /// "two and a half million", "three fifths", "two point two", and numerals inside ("4 thousand
    /// 3 hundred and 21"). A numeral counts as a group value only before "hundred", "thousand", …
    /// or after an "and" that follows such a word.
    ///
    /// The words must make one number of English grammar; where they stop doing so, the number
    /// ends: a unit follows only a tens word or a group word ("one one" and "nineteen eighty" are
    /// two numbers); "and" follows only a group word ("between two and four" is no sum of six)
    /// or opens a fraction ("two and three quarters"), and never adds zero; a multiplier after
    /// "and" must be smaller than the one before it ("three hundred and two dozen" = 324, "3
    /// hundred and 2 hundred" are two numbers); a comma goes on only after a scale word, before a
    /// smaller group in words ("three million, two hundred and forty").
    pub(super) fn written(&self, j: usize) -> Option<Core> {
        if j > 0 && self.number_at(j - 1) && self.group_word(j) {
            return None; // "3 hundred": the group word belongs to the numeral before it
        }
        let mut n = Number::default();
        let mut i = j;
        if self.word(j) == Some("a") && self.group_word(j + 1) {
            (n.current, n.since_and, i) = (1.0, 1.0, j + 1);
        } else if matches!(self.word(j), Some("a" | "an" | "one")) && self.fraction(j + 1, 1.0) {
            (n.current, n.since_and, n.words, i) = (1.0, 1.0, 1, j + 1);
        } else if let Some(f) = self
            .fraction_of_scale(j)
            .or_else(|| self.fraction_of_unit(j))
        {
            return Some(f);
        }
        // The number as it stood before the last "and" or a comma after a scale word, and where
        // that word is.
        let mut before_and: Option<(Number, usize)> = None;
        let mut before_comma: Option<(Number, usize)> = None;
        let mut after_and = false;
        loop {
            if n.words > 0 {
                if let Some(core) = self.written_fraction(&mut n, i) {
                    return Some(core);
                }
            }
            // "five hundreds": a plural group word closes the number
            let plural = n.current > 0.0
                && matches!(
                    self.word(i).and_then(|w| NUMBER_WORDS.get(w)),
                    Some((_, WordKind::Vague))
                );
            match self.word_kind(i, after_and, &n) {
                Some((v, WordKind::Unit)) if n.fits(v) => n.unit(v),
                // "twenty-two hundred" = 2200
                Some((v, WordKind::Mult)) if n.current < 100.0 => n.mult(v),
                // "three hundred and two dozen" = 324
                Some((v, WordKind::Mult)) if before_and.is_some() && v < 100.0 => {
                    n.mult_since_and(v)
                }
                Some((v, WordKind::Scale)) => {
                    n.scale(v);
                    before_and = None;
                }
                // "3 hundred and 2 hundred": two numbers; the "and" joins them, not their groups
                Some((_, WordKind::Mult)) => {
                    if let Some(saved) = before_and {
                        (n, i) = saved;
                    }
                    break;
                }
                _ => break,
            }
            n.words += 1;
            i += 1;
            after_and = false;
            if plural {
                break;
            }
            i = self.point(&mut n, i);
            // "three million, two hundred and forty": a comma after a scale word, before a
            // smaller group written in words
            if self.sym(i) == Some(',') && n.current == 0.0 && self.unit_word(i + 1) {
                before_comma.get_or_insert((n, i));
                i += 1;
                continue;
            }
            let joined = self.sym(i) == Some('-')
                && ((self.adjacent(i - 1) && self.adjacent(i)) || self.spaced_compound(i));
            let and = self.word(i) == Some("and") || self.sym(i) == Some('&');
            if let Some(f) = self.and_a_fraction(i).filter(|_| and) {
                n.add_fraction(f);
                i += 3;
                continue;
            }
            let and = and && (n.grouped || self.fraction_after(i + 1));
            if (joined || and) && self.continues(i + 1, and, &n) {
                if and {
                    before_and = Some((n, i));
                    n.mark_and();
                    after_and = true;
                }
                i += 1;
            }
        }
        if let Some((saved, at)) = before_comma {
            let scale = saved.last_scale.unwrap_or(0.0);
            if n.value() - saved.value() >= scale || i == at + 1 {
                (n, i) = (saved, at);
            }
        }
        if n.words == 0 {
            return None;
        }
        Some(Core {
            value: n.value(),
            end: i,
            vague: false,
            written: true,
            lone_one: n.words == 1 && self.word(j) == Some("one"),
        })
    }

    /// Decimals after "point" at `i` added to `n` ("two point two"); returns where the number
    /// goes on.
    fn point(&self, n: &mut Number, i: usize) -> usize {
        if self.word(i) != Some("point") {
            return i;
        }
        match self.decimals(i + 1) {
            Some((d, end)) => {
                n.current += d;
                n.since_and += d;
                end
            }
            None => i,
        }
    }

    /// "and a half", "and one third" after a number at `i`: the fraction.
    fn and_a_fraction(&self, i: usize) -> Option<f64> {
        if !matches!(self.word(i + 1), Some("a" | "an" | "one")) {
            return None;
        }
        match self.word(i + 2).and_then(|w| FRACTIONS.get(w)).copied() {
            Some((d, FractionForm::One | FractionForm::Ordinal)) => Some(1.0 / d),
            _ => None,
        }
    }

    /// What token `i` adds to the written number `n`: a numeral (only before a group word or
    /// after "and"), a number word, or a plural group word right after a count ("five
    /// hundreds" = 500, "two dozens" = 24; alone they are vague: "hundreds of").
    fn word_kind(&self, i: usize, after_and: bool, n: &Number) -> Option<(f64, WordKind)> {
        if let Some(v) = self.integer(i) {
            return (self.group_word(i + 1) || after_and).then_some((v, WordKind::Unit));
        }
        let word = self.word(i)?;
        match NUMBER_WORDS.get(word).copied() {
            Some((_, WordKind::Vague)) if n.current > 0.0 => {
                let singular = NUMBER_WORDS.get(word.strip_suffix('s')?).copied();
                singular.filter(|(_, k)| matches!(k, WordKind::Mult | WordKind::Scale))
            }
            found => found,
        }
    }

    /// Whether the token after a joining "-" or "and" at `i - 1` goes on with the number `n`:
    /// a unit that fits it, or a multiplier (not zero after "and": "3 hundred and 0").
    fn continues(&self, i: usize, and: bool, n: &Number) -> bool {
        let mut after = *n;
        if and {
            after.mark_and();
        }
        match self.word_kind(i, and, &after) {
            Some((v, WordKind::Unit)) => after.fits(v) && !(and && v == 0.0),
            Some((_, WordKind::Mult)) => true,
            _ => false,
        }
    }

    /// Whether a fraction starts at `i`: a unit word and its denominator ("two and three
    /// quarters": the "and" of a mixed number).
    fn fraction_after(&self, i: usize) -> bool {
        match self.word(i).and_then(|w| NUMBER_WORDS.get(w)) {
            Some(&(v, WordKind::Unit)) => self.fraction(i + 1, v),
            _ => false,
        }
    }

    /// Whether word `i` is a unit word ("two", "forty"; not a numeral).
    fn unit_word(&self, i: usize) -> bool {
        matches!(
            self.word(i).and_then(|w| NUMBER_WORDS.get(w)),
            Some((_, WordKind::Unit))
        )
    }

    /// A denominator at `i` closing the written number `n` into a fraction or a mixed number
    /// ("one twenty-fifth", "three fifths", "two and three quarters million").
    fn written_fraction(&self, n: &mut Number, i: usize) -> Option<Core> {
        let numerator = n.since_and_total + n.since_and;
        let (value, end) = match self.compound_denominator(i, numerator) {
            // "one twenty-fifth", "three twenty-firsts", "one hundred thirty-fifths"
            Some((d, end)) => (n.at_and + numerator / d, end),
            None => match self.denominator(n, i) {
                Some(end) => (n.value(), end),
                // "one one hundred and fifth"
                None => {
                    let (d, end) = self.group_ordinal_denominator(i, n)?;
                    (n.at_and + numerator / d, end)
                }
            },
        };
        if value < 1.0 {
            return Some(self.scaled_fraction(value, end));
        }
        // "two and three quarters million": a mixed number before a scale word
        let (value, end) = match self.word(end).and_then(|w| NUMBER_WORDS.get(w)) {
            Some(&(scale, WordKind::Scale)) if n.last_scale.is_none() => (value * scale, end + 1),
            _ => (value, end),
        };
        Some(Core {
            value,
            end,
            vague: false,
            written: true,
            lone_one: false,
        })
    }

    /// Whether word `i` is a fraction denominator fitting numerator `numerator` ("a third of",
    /// "two thirds"; not "a third option").
    pub(super) fn fraction(&self, i: usize, numerator: f64) -> bool {
        let Some(&(_, form)) = self.word(i).and_then(|w| FRACTIONS.get(w)) else {
            return false;
        };
        let hyphenated = self.sym(i + 1) == Some('-') && self.adjacent(i);
        match form {
            _ if hyphenated => false,
            FractionForm::Plural => numerator > 1.0,
            FractionForm::One => numerator == 1.0,
            FractionForm::Ordinal => numerator == 1.0 && self.word(i + 1).is_none_or(|w| w == "of"),
            FractionForm::Glyph | FractionForm::Slash | FractionForm::Compound => false,
        }
    }

    /// A denominator at `i` after the number read so far: divides what came after the last
    /// "and" ("one hundred and two fifths" = 100.4, "twenty-three fifths" = 4.6; after a scale
    /// word, a fraction of that scale: "six million and two thirds", unless it names a smaller
    /// scale: "one billion and three quarters million"). Returns the end.
    fn denominator(&self, n: &mut Number, i: usize) -> Option<usize> {
        let numerator = n.since_and_total + n.since_and;
        if !self.fraction(i, numerator) {
            return None;
        }
        let d = self.word(i).and_then(|w| FRACTIONS.get(w))?.0;
        let base = n.at_and;
        // "one billion and three quarters million": a scale word after the fraction is its own
        let named = match self.word(i + 1).and_then(|w| NUMBER_WORDS.get(w)) {
            Some(&(v, WordKind::Scale)) if n.and_scale.is_some_and(|s| v < s) => Some(v),
            _ => None,
        };
        let fraction = numerator / d * named.or(n.and_scale).unwrap_or(1.0);
        (n.total, n.current) = (base + fraction, 0.0);
        Some(i + 1 + usize::from(named.is_some()))
    }

    /// A denominator written as a tens word joined to an ordinal ("twenty-fifth",
    /// "thirty-fifths", "twenty-firsts") after the numerator read so far: its value and end.
    pub(super) fn compound_denominator(&self, i: usize, numerator: f64) -> Option<(f64, usize)> {
        let tens = match NUMBER_WORDS.get(self.word(i)?) {
            Some(&(v, WordKind::Unit)) if v >= 20.0 && v % 10.0 == 0.0 => v,
            _ => return None,
        };
        let hyphenated = self.sym(i + 1) == Some('-') && self.adjacent(i) && self.adjacent(i + 1);
        // "one hundred thirty fifths": after a group word the tens word cannot be the
        // numerator's last word and a denominator of its own ("thirty fifths" = 30/5) at once;
        // read as "one hundred thirty-fifths", the convention of Recognizers-Text's grammar
        let after_group = i > 0 && self.group_word(i - 1);
        let at = if hyphenated {
            i + 2
        } else if after_group && self.word(i + 1).is_some_and(|w| w.ends_with('s')) {
            i + 1
        } else {
            return None;
        };
        let &(d, form) = FRACTIONS.get(self.word(at)?)?;
        if d >= 10.0 {
            return None; // "twenty-tenths" is no compound ordinal
        }
        let fits = match form {
            FractionForm::Ordinal | FractionForm::One => numerator == 1.0,
            FractionForm::Plural => numerator > 1.0,
            FractionForm::Compound => true,
            _ => false,
        };
        let singular_one = !self.word(at)?.ends_with('s');
        (fits && (singular_one == (numerator == 1.0))).then_some((tens + d, at + 1))
    }

    /// A denominator written as a unit, a group word and an ordinal where a unit word cannot go
    /// on with the numerator `n`: "one one hundred and fifth" = 1/105, "two one thousand
    /// thirds" = 2/1003 ("one one" is no number, so the second "one" opens the denominator).
    /// Bounded lookahead: at most four words.
    fn group_ordinal_denominator(&self, i: usize, n: &Number) -> Option<(f64, usize)> {
        let &(unit, WordKind::Unit) = NUMBER_WORDS.get(self.word(i)?)? else {
            return None;
        };
        if n.fits(unit) || !(1.0..10.0).contains(&unit) {
            return None;
        }
        let &(group, WordKind::Mult | WordKind::Scale) = NUMBER_WORDS.get(self.word(i + 1)?)?
        else {
            return None;
        };
        let at = i + 2 + usize::from(self.word(i + 2) == Some("and"));
        let &(d, form) = FRACTIONS.get(self.word(at)?)?;
        let numerator = n.since_and_total + n.since_and;
        let fits = match form {
            FractionForm::Ordinal | FractionForm::One => numerator == 1.0,
            FractionForm::Plural => numerator > 1.0,
            _ => false,
        };
        (fits && group >= 100.0 && d < group).then_some((unit * group + d, at + 1))
    }

    /// A hyphen between spaces at `i` joining a tens word and a unit word into one number
    /// ("ninety - five", as tokenised text writes "ninety-five"); a range never descends from
    /// ninety to five.
    fn spaced_compound(&self, i: usize) -> bool {
        let value = |k: usize| match self.word(k).and_then(|w| NUMBER_WORDS.get(w)) {
            Some(&(v, WordKind::Unit)) => Some(v),
            _ => None,
        };
        let tens = value(i - 1).is_some_and(|v| (20.0..100.0).contains(&v) && v % 10.0 == 0.0);
        tens && value(i + 1).is_some_and(|v| (1.0..10.0).contains(&v))
    }

    /// A proportion after a number: "one out of three", "1 in twenty-one", "1 over 3",
    /// "2000 over 3", "negative one over 20" (the numerator below the denominator for "out of"
    /// and "in", and not signed; no year; no currency; "over" only when nothing is counted after
    /// it).
    pub(super) fn proportion(
        &self,
        core: Core,
        currency: bool,
        negative: bool,
    ) -> Option<(f64, usize)> {
        if core.vague || core.value.fract() != 0.0 || currency {
            return None;
        }
        let (at, part) = match (self.word(core.end), self.word(core.end + 1)) {
            (Some("out"), Some("of")) => (core.end + 2, true),
            (Some("in"), _) => (core.end + 1, true),
            (Some("over"), _) => (core.end + 1, false),
            _ => return None,
        };
        // "minus one over 20" is a division; "-1 in 3" is no share
        if negative && part {
            return None;
        }
        let second = self
            .core(at)
            .filter(|c| !c.vague && c.value.fract() == 0.0)?;
        let year = self.toks.get(at).is_some_and(|t| is_year(&t.tok));
        if year || second.value == 0.0 || (part && second.value <= core.value) {
            return None;
        }
        if part && second.value > 1000.0 {
            return None;
        }
        // "1 over 3" ends there; "$84 billion over 10 years" is a period, not a division.
        let ends = self.word(second.end).is_none() && !self.number_at(second.end);
        if !part && !ends {
            return None;
        }
        Some((core.value / second.value, second.end))
    }

    /// A fraction followed by "of a"/"a" and a scale or multiplier word: "three quarters of a
    /// million", "half a dozen", "a half dozen". Before "of a"/"of an" and a unit, the fraction
    /// ends at the unit, which the figure then reads: "a third of a mile", "a tenth of an inch".
    pub(super) fn scaled_fraction(&self, value: f64, end: usize) -> Core {
        let skip = match (self.word(end), self.word(end + 1)) {
            (Some("of"), Some("a" | "an")) => 2,
            (Some("a"), _) => 1,
            _ => 0,
        };
        let (value, end) = match self.word(end + skip).and_then(|w| NUMBER_WORDS.get(w)) {
            Some(&(v, WordKind::Scale | WordKind::Mult)) => (value * v, end + skip + 1),
            _ if skip == 2 && self.phrase(&UNITS, end + skip).is_some() => (value, end + skip),
            _ => (value, end),
        };
        Core {
            value,
            end,
            vague: false,
            written: true,
            lone_one: false,
        }
    }

    /// An ordinal fraction without article before "of a" and a unit or scale word: "tenth of a
    /// gallon", "the third of a mile" (not "third of the votes": no unit).
    pub(super) fn fraction_of_unit(&self, j: usize) -> Option<Core> {
        let (d, form) = self.word(j).and_then(|w| FRACTIONS.get(w)).copied()?;
        if form != FractionForm::Ordinal || self.word(j + 1) != Some("of") {
            return None;
        }
        let core = self.scaled_fraction(1.0 / d, j + 1);
        (core.end > j + 1).then_some(core)
    }

    /// "half a million", "half million", "quarter million", "a quarter of a million".
    pub(super) fn fraction_of_scale(&self, j: usize) -> Option<Core> {
        let k = j + usize::from(self.word(j) == Some("a"));
        let (d, form) = self.word(k).and_then(|w| FRACTIONS.get(w)).copied()?;
        if form != FractionForm::One {
            return None;
        }
        let core = self.scaled_fraction(1.0 / d, k + 1);
        (core.end > k + 1).then_some(core)
    }

    /// Digits after "point": "zero three" = .03, "seventy-one" = .71.
    pub(super) fn decimals(&self, i: usize) -> Option<(f64, usize)> {
        let digit = |i: usize| match self.word(i).and_then(|w| NUMBER_WORDS.get(w)) {
            Some(&(v, WordKind::Unit)) => Some(v),
            _ => None,
        };
        let first = digit(i)?;
        let mut digits = String::new();
        let mut end = i;
        if first >= 10.0 {
            let mut v = first;
            end += 1;
            if self.sym(end) == Some('-') && self.adjacent(end - 1) && self.adjacent(end) {
                if let Some(u) = digit(end + 1).filter(|u| *u < 10.0) {
                    v += u;
                    end += 2;
                }
            }
            digits = format!("{v}");
        } else {
            while let Some(v) = digit(end).filter(|v| *v < 10.0) {
                digits += &format!("{v}");
                end += 1;
            }
        }
        let value: f64 = format!("0.{digits}").parse().ok()?;
        Some((value, end))
    }

    /// A bare "half" after a qualifier ("more than half the voters"): 0.5.
    pub(super) fn half_after_qualifier(&self, j: usize, qualified: bool) -> Option<Core> {
        (qualified && self.word(j) == Some("half")).then_some(Core {
            value: 0.5,
            end: j + 1,
            vague: false,
            written: true,
            lone_one: false,
        })
    }

    /// "a pound", "an ml", "a millilitre", "half a litre", "half-litre": one (or half) of a
    /// unit of two letters or more; after "a"/"an" only an abbreviation ("an ml", "a lb") or a
    /// unit that ends the text ("a pound"), since "a degree of", "a ton of" are idioms.
    pub(super) fn one_unit(&self, j: usize) -> Option<Core> {
        let (value, at) = match (self.word(j), self.word(j + 1)) {
            (Some("a" | "an"), _) => (1.0, j + 1),
            (Some("half"), Some("a")) => (0.5, j + 2),
            (Some("half"), _) if self.sym(j + 1) == Some('-') && self.adjacent(j) => (0.5, j + 2),
            (Some("half"), _) => (0.5, j + 1),
            _ => return None,
        };
        let unit = self.word(at)?;
        let (name, n) = self.phrase(&UNITS, at)?;
        let glued_dash = self.sym(at + n) == Some('-') && self.adjacent(at + n - 1);
        if unit.len() < 2 || glued_dash || is_currency(&name) && value != 1.0 {
            return None;
        }
        let abbreviation = unit.len() <= 3 && !unit.contains(['a', 'e', 'i', 'o', 'u']);
        let last = self.toks[at + n..]
            .iter()
            .all(|t| matches!(t.tok, Tok::Sym(_)));
        if value == 1.0 && !(abbreviation || last) {
            return None;
        }
        Some(Core {
            value,
            end: at,
            vague: false,
            written: true,
            lone_one: false,
        })
    }
}

/// The running value of a written number: closed groups (`total`), the open group (`current`),
/// and the same counted from the last "and" (for fractions: "one hundred and two fifths").
#[derive(Clone, Copy, Debug, Default)]
struct Number {
    total: f64,
    current: f64,
    /// Value at the last "and".
    at_and: f64,
    /// Closed and open groups since the last "and".
    since_and_total: f64,
    since_and: f64,
    /// The scale word just before the last "and" ("six million and two thirds").
    and_scale: Option<f64>,
    last_scale: Option<f64>,
    /// Whether a "hundred"/"thousand"/… was read (numerals may follow an "and" then).
    grouped: bool,
    words: usize,
}

impl Number {
    fn value(&self) -> f64 {
        self.total + self.current
    }

    fn unit(&mut self, v: f64) {
        self.current += v;
        self.since_and += v;
    }

    fn mult(&mut self, v: f64) {
        self.current = or_one(self.current) * v;
        self.since_and = or_one(self.since_and) * v;
        self.grouped = true;
    }

    fn scale(&mut self, v: f64) {
        self.total += or_one(self.current) * v;
        self.current = 0.0;
        self.since_and_total += or_one(self.since_and) * v;
        self.since_and = 0.0;
        self.last_scale = Some(v);
        self.grouped = true;
    }

    /// "two dozen" after "and": multiplies only what came after it ("three hundred and two
    /// dozen" = 324).
    fn mult_since_and(&mut self, v: f64) {
        let multiplied = or_one(self.since_and) * v;
        self.current += multiplied - self.since_and;
        self.since_and = multiplied;
    }

    /// Whether a unit of value `v` can follow the group open since the last "and": a digit only
    /// after a tens word or a group ("twenty one", "hundred one"; not "one one", "twelve three"),
    /// a teen, tens word or larger numeral only after a group ("hundred and twenty"; not
    /// "nineteen eighty").
    fn fits(&self, v: f64) -> bool {
        let low = self.since_and % 100.0;
        if v < 10.0 {
            low % 10.0 == 0.0 && !(10.0..20.0).contains(&low)
        } else if v < 100.0 {
            low == 0.0
        } else {
            self.since_and % 1000.0 == 0.0
        }
    }

    fn mark_and(&mut self) {
        self.at_and = self.value();
        self.and_scale = (self.current == 0.0).then_some(self.last_scale).flatten();
        self.since_and_total = 0.0;
        self.since_and = 0.0;
    }

    /// "and a half": of the last scale right after it ("five billion and a half"), else added.
    fn add_fraction(&mut self, f: f64) {
        match self.last_scale {
            Some(scale) if self.current == 0.0 => self.total += f * scale,
            _ => self.current += f,
        }
        self.words += 1;
    }
}
