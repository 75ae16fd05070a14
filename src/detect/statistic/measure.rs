//! What a figure measures: currencies and units around it, multipliers, ranges, cents, the counted noun and the rate.

use super::*;

/// Scales whose name comes before the figure: "magnitude 4.6", "a magnitude of 4.6" (the
/// earthquake scales; a quake of magnitude 4.6 is not 4.6 earthquakes).
const SCALES_BEFORE: [&str; 1] = ["magnitude"];

impl Parser<'_> {
    /// A currency symbol or upper-case code before the number ("$", "US$", "€", "USD").
    pub(super) fn currency_prefix(&self, j: usize) -> (Option<String>, usize) {
        if self.word(j) == Some("us") && self.sym(j + 1) == Some('$') && self.adjacent(j) {
            return (Some("USD".into()), j + 2);
        }

        // a symbol, an upper-case code ("GBP 350", "MYR42") or a capitalised abbreviation ("Rs 500")
        let code_like = |i: usize| {
            self.sym(i).is_some()
                || (self.toks[i].span.len() == 3 && self.upper(i) && self.upper_all(i))
                || (self.toks[i].span.len() == 2 && self.upper(i))
        };
        if let Some((code, _)) = self.million_code(j).filter(|_| self.number_at(j + 1)) {
            return (Some(code), j + 1);
        }
        match self.phrase(&UNITS, j) {
            Some((unit, 1)) if is_currency(&unit) && self.number_at(j + 1) && code_like(j) => {
                (Some(unit), j + 1)
            }
            _ => (None, j),
        }
    }

    /// A scale named before its figure ("magnitude 4.6", "a magnitude of 4.6"): the unit.
    pub(super) fn scale_before(&self, start: usize) -> Option<String> {
        let before = start.checked_sub(1)?;
        let name = match self.word(before) {
            Some("of") => before.checked_sub(1)?,
            _ => before,
        };
        SCALES_BEFORE
            .contains(&self.word(name)?)
            .then(|| self.word(name).unwrap_or_default().to_string())
    }

    /// "million", "bn", "k", "m" (the last only after a currency) after a numeral.
    pub(super) fn multiplier(&self, k: usize, core: Core, currency: bool) -> Option<(f64, usize)> {
        if core.vague || !self.number_at(core.end - 1) {
            return None;
        }
        match NUMBER_WORDS.get(self.word(k)?) {
            Some(&(v, WordKind::Scale | WordKind::Mult)) => Some((v, 1)),
            Some(&(v, WordKind::Abbr)) if self.adjacent(k - 1) => {
                // "5m" is metres unless a currency precedes or it is written "5M"; "b", "t" and
                // "mm" are billions, trillions and millions only after a currency ("€10B",
                // "$2.174T", "US$ 1MM"; else bytes, tonnes, millimetres)
                let metres = self.word(k) == Some("m") && !currency && !self.upper(k);
                let other = matches!(self.word(k), Some("b" | "t" | "mm")) && !currency;
                (!metres && !other).then_some((v, 1))
            }
            _ => None,
        }
    }

    /// A range after the first number: "-37,000", "to 37,000", "and 20" (after "between").
    /// Returns `None` for phone-like numbers ("555-1234"). `scaled` tells whether the first
    /// number had its own multiplier; if not, the second's applies to both ("$5-10 million").
    pub(super) fn range(
        &self,
        first: Figure,
        k: usize,
        between: bool,
    ) -> Option<(f64, Option<f64>, usize)> {
        let k0 = k;
        let dash = matches!(self.sym(k), Some('-' | '–' | '‑'));
        // "8- to 16-meter": a hyphenated first bound before "to".
        let k = if dash && self.adjacent(k - 1) && self.word(k + 1) == Some("to") {
            k + 1
        } else {
            k
        };
        let dash = dash && self.word(k) != Some("to");
        let link = dash
            || self.word(k) == Some(if between { "and" } else { "to" })
            || (!between && matches!(self.word(k), Some("through" | "thru")));
        let currency_sym = self
            .sym(k + 1)
            .is_some_and(|c| is_currency_symbol(c) && first.currency);
        let second_at = k + 1 + usize::from(currency_sym);
        let Some(second) = link.then(|| self.core(second_at)).flatten() else {
            return Some((first.value, None, k0));
        };
        let measured = self.phrase(&UNITS, second.end).is_some()
            || self.word(second.end).is_some_and(is_plural);
        let phone =
            dash && !measured && phone_like(&self.toks[k - 1].tok, &self.toks[second_at].tok);
        if second.vague || phone {
            return (!dash).then_some((first.value, None, k0));
        }
        let (mut value, mut max, mut end) = (first.value, second.value, second.end);
        let scale_word = self.word(end - 1).and_then(|w| NUMBER_WORDS.get(w));
        if let (Some(&(m, WordKind::Scale)), false) = (scale_word, first.scaled) {
            if self.number_at(second_at) && value < max / m {
                value *= m;
            }
        }
        if let Some((m, n)) = self.multiplier(end, second, first.currency) {
            max *= m;
            end += n;
            if !first.scaled {
                value *= m;
            }
        }
        if max <= value {
            return Some((first.value, None, k0));
        }
        Some((value, Some(max), end))
    }

    /// Cents after an amount with a currency: "3 dollars 50 cents", "20 ringgit and 43 sen".
    pub(super) fn subunit(&self, value: f64, k: usize) -> (f64, usize) {
        let at = k + usize::from(self.word(k) == Some("and"));
        let Some(cents) = self.core(at).filter(|c| !c.vague && c.value < 100.0) else {
            return (value, k);
        };
        let glued = self.adjacent(cents.end - 1);
        let with_cents = value + value.signum() * cents.value / 100.0;
        match self.word(cents.end) {
            Some(w) if SUBUNITS.contains(w) && (w.len() > 1 || glued) => {
                (with_cents, cents.end + 1)
            }
            // "15 dollars and 50", "17 USD 25": whole cents with nothing counted after them
            None if cents.value.fract() == 0.0 && !self.number_at(cents.end) => {
                (with_cents, cents.end)
            }
            _ => (value, k),
        }
    }

    /// A range whose bounds both carry the unit: "44 mg to 50 mg", "from 10 dollars to 20
    /// dollars", "3km-5km", "-18 °C to -34 °C" (two negative bounds are put in order).
    pub(super) fn unit_range(
        &self,
        value: f64,
        k: usize,
        between: bool,
        unit: &str,
    ) -> (f64, Option<f64>, usize) {
        let dash = matches!(self.sym(k), Some('-' | '–'));
        let link = dash || self.word(k) == Some(if between { "and" } else { "to" });
        let (negative, at) = self.sign(k + 1);
        let Some(second) = link.then(|| self.core(at)).flatten() else {
            return (value, None, k);
        };
        let max = if negative {
            -second.value
        } else {
            second.value
        };
        let end = second.end;
        match self.phrase(&UNITS, end) {
            Some((u, n)) if u == unit && !second.vague => {
                if max > value {
                    (value, Some(max), end + n)
                } else if max < 0.0 && value < 0.0 && max < value {
                    (max, Some(value), end + n)
                } else {
                    (value, None, k)
                }
            }
            _ => (value, None, k),
        }
    }

    /// A percent sign, currency or unit after the figure.
    pub(super) fn unit(&self, k: usize, core: Core) -> (Option<String>, usize) {
        if core.vague {
            return (None, k);
        }
        if let Some((code, _)) = self.million_code(k) {
            return (Some(code), k + 1);
        }
        if self.capital_letter(k) {
            return (None, k); // "5G", "24703 L-202": a code, not grams or litres
        }
        if self.sym(k) == Some('-') && self.adjacent(k - 1) && self.adjacent(k) {
            if let Some(w) = self.word(k + 1) {
                return (Some(w.to_string()), k + 2);
            }
        }
        match self.phrase(&UNITS, k) {
            Some((unit, n)) => (Some(unit), k + n),
            None => (None, k),
        }
    }

    /// Whether token `k` is a single capital letter ("G", "L"): never a unit of measure.
    pub(super) fn capital_letter(&self, k: usize) -> bool {
        self.upper(k) && self.toks[k].span.len() == 1
    }

    /// A currency code written with an "M" for million, in capitals ("30 MUSD", "MEUR 120"):
    /// the code and the scale.
    pub(super) fn million_code(&self, k: usize) -> Option<(String, f64)> {
        let w = self.word(k)?;
        let code = w.strip_prefix('m').filter(|c| c.len() == 3)?;
        if !self.upper_all(k) {
            return None;
        }
        UNITS
            .get(code)
            .filter(|u| is_currency(u))
            .map(|u| (u.clone(), 1e6))
    }

    /// The counted noun: the last word of a short noun phrase after the figure ("21 African
    /// countries" → "countries"), skipping "of" after a vague magnitude.
    pub(super) fn noun(&self, start: usize, vague: bool) -> (Option<String>, usize) {
        let k = start;
        let k = if vague && self.word(k) == Some("of") {
            k + 1
        } else {
            k
        };
        let mut words = Vec::new();
        let mut i = k;
        while words.len() < 3 {
            match self.word(i) {
                // a number word is never what is counted ("nineteen eighty-four")
                Some(w)
                    if !FUNCTION_WORDS.contains(w)
                        && !matches!(
                            NUMBER_WORDS.get(w),
                            Some((_, WordKind::Unit | WordKind::Mult | WordKind::Scale))
                        )
                        && self.phrase(&RATES, i).is_none() =>
                {
                    words.push((i, w));
                    i += 1;
                }
                _ => break,
            }
        }
        let plural = words.iter().find(|(_, w)| is_plural(w));
        let chosen = plural.or(words.first().filter(|(_, w)| !verb_like(w)));
        match chosen {
            Some(&(i, w)) => (Some(w.to_string()), i + 1),
            None => (None, start),
        }
    }

    /// Whether a figure starting at `start` stands after an article ("a 3.0 quake", "an
    /// 8.9 earthquake"): unless it is one, it describes the noun after it rather than counting it.
    pub(super) fn attributive(&self, start: usize, value: f64) -> bool {
        value != 1.0
            && start
                .checked_sub(1)
                .is_some_and(|b| matches!(self.word(b), Some("a" | "an")))
    }

    /// The counted noun of an attributive figure: the word after it only if it is plural ("an
    /// estimated 1,500 pirates"); "a 3.0 quake" counts nothing.
    pub(super) fn plural_noun(&self, k: usize) -> (Option<String>, usize) {
        match self.word(k) {
            Some(w) if is_plural(w) && !FUNCTION_WORDS.contains(w) => (Some(w.to_string()), k + 1),
            _ => (None, k),
        }
    }

    /// A rate after the figure: "per day", "a year", "monthly".
    pub(super) fn rate(&self, k: usize) -> (Option<String>, usize) {
        match self.phrase(&RATES, k) {
            Some((rate, n))
                if !self
                    .word(k + n)
                    .is_some_and(|w| is_context("not-rate-after", w)) =>
            {
                (Some(rate), k + n)
            }
            _ => (None, k),
        }
    }
}
