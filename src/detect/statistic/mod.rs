//! Statistic detector: figures with their qualifier, currency, unit, range, counted noun and rate.
//!
//! Each sentence is split into tokens (numerals, words, single symbols); at each token a figure is
//! parsed as `qualifier? currency? number multiplier? range? unit? noun? rate?`. Numbers that are
//! dates, years, times, ordinals, decades, identifiers, phone or version numbers, "one of …" and
//! names ("Group of Seven") are skipped. Word lists live in `lexicons/*.txt`.

mod context;
mod measure;
mod number;

use super::{Qualifier, Statistic};
use crate::text::lexicon::{Format, Lexicon};
use crate::text::{PhraseMatcher, Span, Text, Token as TextToken, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Words before a figure that qualify it; the values are [`Qualifier`] names.
pub(crate) const QUALIFIER_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/qualifiers.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/qualifiers.txt"
    )),
    Format::Kinds(&[
        "over", "at-least", "about", "nearly", "up-to", "under", "at-most", "exactly",
    ]),
);
/// Units and currencies with their normalised names.
pub(crate) const UNIT_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/units.txt",
    include_str!(concat!(env!("OUT_DIR"), "/src/detect/lexicons/units.txt")),
    Format::Mapped,
);
/// Rate phrases with their normalised names.
pub(crate) const RATE_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/rates.txt",
    include_str!(concat!(env!("OUT_DIR"), "/src/detect/lexicons/rates.txt")),
    Format::Mapped,
);
/// Month names.
pub(crate) const MONTH_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/months.txt",
    include_str!(concat!(env!("OUT_DIR"), "/src/detect/lexicons/months.txt")),
    Format::Phrases,
);
/// Words before a four-digit number that make it a year.
pub(crate) const YEAR_CUE_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/year_cues.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/year_cues.txt"
    )),
    Format::Kinds(&["time", "weak", "det"]),
);
/// Fraction words and glyphs.
pub(crate) const FRACTION_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/fractions.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/fractions.txt"
    )),
    Format::Valued(&["one", "ordinal", "plural", "slash", "glyph", "compound"]),
);
/// Subunits of currencies ("cents").
pub(crate) const SUBUNIT_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/subunits.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/subunits.txt"
    )),
    Format::Phrases,
);
/// Written numbers.
pub(crate) const NUMBER_WORD_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/number_words.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/number_words.txt"
    )),
    Format::Valued(&["unit", "mult", "scale", "abbr", "vague"]),
);
/// How many of a smaller unit make a unit, for measures written in parts.
pub(crate) const UNIT_STEP_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/unit_steps.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/unit_steps.txt"
    )),
    Format::Valued(&[
        "yd", "ft", "in", "m", "cm", "mm", "kg", "g", "mg", "oz", "ml",
    ]),
);
/// Closed-class words read around a figure.
pub(crate) const CONTEXT_LEXICON: Lexicon = Lexicon::new(
    "detect/lexicons/statistic_context.txt",
    include_str!(concat!(
        env!("OUT_DIR"),
        "/src/detect/lexicons/statistic_context.txt"
    )),
    Format::Kinds(&["time-word", "irregular-plural", "not-rate-after"]),
);

/// Phrases with their normalised value, matched on the token stream.
type PhraseMap = PhraseMatcher<String>;

fn phrase_map(lexicon: &Lexicon) -> PhraseMap {
    PhraseMatcher::new(
        lexicon
            .load()
            .into_iter()
            .map(|e| (e.phrase, e.value.to_string())),
    )
}

static QUALIFIERS: LazyLock<PhraseMap> = LazyLock::new(|| phrase_map(&QUALIFIER_LEXICON));
static UNITS: LazyLock<PhraseMap> = LazyLock::new(|| phrase_map(&UNIT_LEXICON));
static RATES: LazyLock<PhraseMap> = LazyLock::new(|| phrase_map(&RATE_LEXICON));
static MONTHS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| MONTH_LEXICON.phrases().collect());
static YEAR_CUES: LazyLock<HashMap<&'static str, YearCue>> = LazyLock::new(|| {
    YEAR_CUE_LEXICON
        .load()
        .into_iter()
        .map(|e| {
            let kind = match e.value {
                "time" => YearCue::Time,
                "weak" => YearCue::Weak,
                _ => YearCue::Det,
            };
            (e.phrase, kind)
        })
        .collect()
});
static FRACTIONS: LazyLock<HashMap<&'static str, (f64, FractionForm)>> = LazyLock::new(|| {
    valued_entries(&FRACTION_LEXICON, |form| match form {
        "one" => FractionForm::One,
        "ordinal" => FractionForm::Ordinal,
        "plural" => FractionForm::Plural,
        "slash" => FractionForm::Slash,
        "compound" => FractionForm::Compound,
        _ => FractionForm::Glyph,
    })
});
static SUBUNITS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SUBUNIT_LEXICON.phrases().collect());
static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| super::hedge::FUNCTION_WORDS.phrases().collect());
static NUMBER_WORDS: LazyLock<HashMap<&'static str, (f64, WordKind)>> = LazyLock::new(|| {
    valued_entries(&NUMBER_WORD_LEXICON, |kind| match kind {
        "unit" => WordKind::Unit,
        "mult" => WordKind::Mult,
        "scale" => WordKind::Scale,
        "abbr" => WordKind::Abbr,
        _ => WordKind::Vague,
    })
});
/// Unit → (how many, the next smaller unit) (`lexicons/unit_steps.txt`).
static UNIT_STEPS: LazyLock<HashMap<&'static str, (f64, &'static str)>> = LazyLock::new(|| {
    UNIT_STEP_LEXICON
        .load()
        .into_iter()
        .map(|e| (e.phrase, (e.number, e.value)))
        .collect()
});

/// How many of `small` make one `big`, if `small` is smaller along the steps.
fn unit_factor(big: &str, small: &str) -> Option<f64> {
    let mut factor = 1.0;
    let mut unit = big;
    for _ in 0..8 {
        let &(n, next) = UNIT_STEPS.get(unit)?;
        factor *= n;
        if next == small {
            return Some(factor);
        }
        unit = next;
    }
    None
}

/// Context words by kind (`lexicons/statistic_context.txt`).
static CONTEXT: LazyLock<HashMap<&'static str, HashSet<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<&str, HashSet<&str>> = HashMap::new();
    for e in CONTEXT_LEXICON.load() {
        map.entry(e.value).or_default().insert(e.phrase);
    }
    map
});

/// Whether `word` is of context kind `kind`.
fn is_context(kind: &str, word: &str) -> bool {
    CONTEXT.get(kind).is_some_and(|set| set.contains(word))
}

/// Reads a lexicon of `word = value kind` entries, naming each kind with `kind_of`.
fn valued_entries<K>(lexicon: &Lexicon, kind_of: fn(&str) -> K) -> HashMap<&'static str, (f64, K)> {
    lexicon
        .load()
        .into_iter()
        .map(|e| (e.phrase, (e.number, kind_of(e.value))))
        .collect()
}

/// When a fraction word reads as a fraction (`lexicons/fractions.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FractionForm {
    /// "half", "quarter": singular after "a"/"one".
    One,
    /// "third", "fifth": singular after "a"/"one", only before "of" or at the end of a phrase.
    Ordinal,
    /// "thirds", "quarters": after a numerator above one.
    Plural,
    /// "½": a value of its own.
    Glyph,
    /// "/4": a usual denominator of a slash fraction.
    Slash,
    /// "first", "seconds": a denominator only after a tens word ("twenty-first").
    Compound,
}

/// What a word before a four-digit number says about it being a year (`lexicons/year_cues.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearCue {
    /// "in", "since", "during": a year even before a plural noun.
    Time,
    /// "by", "to", "of": a year unless a counted plural noun follows.
    Weak,
    /// "the", "its", "Russia's": an adjective year ("the 2022 elections").
    Det,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    Unit,
    Mult,
    Scale,
    Abbr,
    Vague,
}

/// How the statistic rules read a token of the shared stream: a numeral with its value and
/// shape, a word, or one other character.
#[derive(Clone, Debug, PartialEq)]
enum Tok<'a> {
    /// Digits with inner `,`/`.` separators.
    Num {
        value: f64,
        commas: bool,
        dots: usize,
        digits: usize,
        /// Digits before the first period.
        int_digits: usize,
        leading_zero: bool,
    },
    /// Letters (with inner apostrophes), lower-cased; `upper` if written with a capital.
    Word { norm: &'a str, upper: bool },
    /// Any other character (the first of a quotation mark or dash token).
    Sym(char),
}

#[derive(Clone, Debug)]
struct Token<'a> {
    span: Span,
    tok: Tok<'a>,
}

/// The statistic reading of the tokens of one sentence.
fn read_tokens<'a>(text: &str, fine: &'a [TextToken]) -> Vec<Token<'a>> {
    fine.iter()
        .map(|t| {
            let tok = match t.kind {
                TokenKind::Number => {
                    let word = t.span.slice(text);
                    let first = word.as_bytes()[0];
                    Tok::Num {
                        value: t.norm.parse().unwrap_or(f64::NAN),
                        commas: word.contains(','),
                        dots: word.matches('.').count(),
                        digits: word.bytes().filter(u8::is_ascii_digit).count(),
                        int_digits: word
                            .split('.')
                            .next()
                            .unwrap_or("")
                            .bytes()
                            .filter(u8::is_ascii_digit)
                            .count(),
                        leading_zero: first == b'0' && word.len() > 1 && !word.starts_with("0."),
                    }
                }
                TokenKind::Word if !t.norm.starts_with('\'') => Tok::Word {
                    norm: &t.norm,
                    upper: t.cap,
                },
                _ => Tok::Sym(t.symbol().or_else(|| t.norm.chars().next()).unwrap_or(' ')),
            };
            Token { span: t.span, tok }
        })
        .collect()
}

/// Finds figures in `text`, sorted by start.
///
/// ```
/// use claimlens::detect::{find_statistics, Qualifier};
/// use claimlens::text::sentences;
/// let text = "Russia lost over 1,200 casualties per day in May.";
/// let s = &find_statistics(text, &sentences(text))[0];
/// assert_eq!((s.value, s.qualifier), (1200.0, Some(Qualifier::Over)));
/// assert_eq!(s.unit.as_deref(), Some("casualties"));
/// assert_eq!(s.rate.as_deref(), Some("per day"));
/// assert_eq!(s.span.slice(text), "over 1,200 casualties per day");
/// ```
pub fn find_statistics(text: &str, sentences: &[Span]) -> Vec<Statistic> {
    statistics(&Text::new(text, sentences))
}

/// Figures of a scanned text (see [`find_statistics`]).
pub(crate) fn statistics(doc: &Text) -> Vec<Statistic> {
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        let fine = doc.sentence_tokens(s);
        let toks = read_tokens(doc.text, fine);
        let parser = Parser { toks: &toks, fine };
        let mut i = 0;
        while i < toks.len() {
            match parser.figure(i) {
                Some((stat, next)) => {
                    let (stat, next) = parser.paired(stat, next);
                    let (stat, next) = parser.compound(stat, next);
                    out.push(stat);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    out.retain(|s| !super::not_figures::refused(doc.text, s.span));
    out.sort_by_key(|s| s.span.start);
    out
}

/// The number at the heart of a figure.
#[derive(Clone, Copy, Debug)]
struct Core {
    value: f64,
    /// Index just past the number.
    end: usize,
    vague: bool,
    written: bool,
    /// A lone written "one" (usually a pronoun or "one of").
    lone_one: bool,
}

struct Parser<'a> {
    toks: &'a [Token<'a>],
    /// The same tokens as the shared stream has them (for the phrase matchers).
    fine: &'a [TextToken],
}

impl Parser<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Word { norm, .. }) => Some(norm),
            _ => None,
        }
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Sym(c)) => Some(*c),
            _ => None,
        }
    }

    fn upper(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i).map(|t| &t.tok),
            Some(Tok::Word { upper: true, .. })
        )
    }

    /// Whether tokens `i` and `i + 1` touch (no blank between).
    fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    fn sentence_initial(&self, i: usize) -> bool {
        self.toks[..i].iter().all(|t| matches!(t.tok, Tok::Sym(_)))
    }

    /// The longest phrase of `map` starting at token `i`: its value and length in tokens.
    fn phrase(&self, map: &PhraseMap, i: usize) -> Option<(String, usize)> {
        map.longest_at(self.fine, i)
            .map(|(n, value)| (value.clone(), n))
    }

    /// Parses a figure starting at token `start`; returns it and the index just past it.
    fn figure(&self, start: usize) -> Option<(Statistic, usize)> {
        let (qualifier, j) = match self.phrase(&QUALIFIERS, start) {
            Some((q, n)) => (parse_qualifier(&q), start + n),
            None => (None, start),
        };
        let between = qualifier.is_none() && self.word(j) == Some("between");
        let j = j + usize::from(between);
        let (currency, j) = self.currency_prefix(j);
        let (negative, j) = self.sign(j);
        let core = self
            .core(j)
            .or_else(|| self.half_after_qualifier(j, qualifier.is_some()))
            .or_else(|| self.one_unit(j))?;
        if self.excluded(j, &core, currency.is_some() || negative) {
            return None;
        }
        let proportion = self.proportion(core, currency.is_some(), negative);
        let core = match proportion {
            Some((value, end)) => Core {
                value,
                end,
                lone_one: false,
                ..core
            },
            None => core,
        };
        let sign = if negative { -1.0 } else { 1.0 };
        let mut first = Figure {
            value: sign * core.value,
            scaled: false,
            currency: currency.is_some(),
        };
        let mut k = core.end;
        if let Some((m, n)) = self.multiplier(k, core, first.currency) {
            first.value *= m;
            first.scaled = true;
            k += n;
        }
        let (value, value_max, k) = self.range(first, k, between)?;
        let million =
            self.million_code(core.end).is_some() || (j > 0 && self.million_code(j - 1).is_some());
        let (suffix_unit, k) = self.unit(k, core);
        let prefixed = currency.is_some();
        let unit = currency
            .or(suffix_unit)
            .or_else(|| self.scale_before(start));
        let (value, value_max) = if million {
            (value * 1e6, value_max.map(|m| m * 1e6))
        } else {
            (value, value_max)
        };
        // "75 USD million": the scale after the code.
        let (value, k) = match (&unit, self.word(k).and_then(|w| NUMBER_WORDS.get(w))) {
            (Some(u), Some(&(m, WordKind::Scale)))
                if is_currency(u) && !first.scaled && value_max.is_none() =>
            {
                (value * m, k + 1)
            }
            _ => (value, k),
        };
        // "2 degrees below zero": a negative temperature.
        let (value, k) =
            if self.word(k) == Some("below") && self.word(k + 1) == Some("zero") && value > 0.0 {
                (-value, k + 2)
            } else {
                (value, k)
            };
        // "($99.99)": an amount in accounting brackets is negative; not a conversion after an
        // amount ("$US1 million ($1.52 million)").
        let bracketed = prefixed
            && start > 0
            && self.sym(start - 1) == Some('(')
            && self.adjacent(start - 1)
            && self.sym(k) == Some(')')
            && self.adjacent(k - 1)
            && !(start > 1 && self.ends_amount(start - 2));
        let value = if bracketed { -value } else { value };
        let (value, k) = match &unit {
            Some(u) if is_currency(u) && value_max.is_none() => self.subunit(value, k),
            _ => (value, k),
        };
        let (value, value_max, k) = match (&unit, value_max) {
            (Some(u), None) if !is_currency(u) || !prefixed => {
                self.unit_range(value, k, between, u)
            }
            _ => (value, value_max, k),
        };
        let qualified = qualifier.is_some() || unit.is_some() || value_max.is_some() || negative;
        if core.lone_one && !qualified {
            return None;
        }
        let (noun, k) = match unit {
            Some(_) => (None, k),
            // "thousands of migrants", "two thirds of voters"
            None if self.attributive(start, value) => self.plural_noun(k),
            None => self.noun(k, core.vague || (0.0 < core.value && core.value < 1.0)),
        };
        let (rate, k) = self.rate(k);
        let years_only = value_max.is_none_or(|max| max < 2100.0);
        // "1200K": a year is never written with a glued multiplier
        let glued_multiplier = first.scaled && self.adjacent(core.end - 1);
        let plain_year = is_year(&self.toks[j].tok) && proportion.is_none() && !glued_multiplier;
        if plain_year && years_only && qualifier.is_none() && unit.is_none() {
            let counted = noun.as_deref().is_some_and(is_plural) || rate.is_some();
            if self.year_context(start, j, counted) {
                return None;
            }
        }
        let end = k.max(core.end) - 1;
        let span = self.toks[start].span.cover(self.toks[end].span);
        let stat = Statistic {
            span,
            value,
            value_max,
            qualifier,
            unit: unit.or(noun),
            rate,
            vague: core.vague,
        };
        Some((stat, k))
    }

    /// Two bounds joined by "and" or "but" into one range: "more than 100 and less than 300",
    /// "at most 100 and at least 20", "no more than 50 and no less than 20".
    fn paired(&self, first: Statistic, next: usize) -> (Statistic, usize) {
        let lower = |q: Option<Qualifier>| matches!(q, Some(Qualifier::Over | Qualifier::AtLeast));
        let upper = |q: Option<Qualifier>| {
            matches!(
                q,
                Some(Qualifier::Under | Qualifier::AtMost | Qualifier::UpTo)
            )
        };
        let bounded = lower(first.qualifier) || upper(first.qualifier);
        if !bounded || first.value_max.is_some() || !matches!(self.word(next), Some("and" | "but"))
        {
            return (first, next);
        }
        let Some((second, end)) = self.figure(next + 1) else {
            return (first, next);
        };
        let opposite = (lower(first.qualifier) && upper(second.qualifier))
            || (upper(first.qualifier) && lower(second.qualifier));
        let (lo, hi) = if lower(first.qualifier) {
            (first.value, second.value)
        } else {
            (second.value, first.value)
        };
        let same_unit = first.unit == second.unit || first.unit.is_none() || second.unit.is_none();
        if !opposite || second.value_max.is_some() || lo >= hi || !same_unit {
            return (first, next);
        }
        let unit = first.unit.or(second.unit);
        let merged = Statistic {
            span: first.span.cover(second.span),
            value: lo,
            value_max: Some(hi),
            qualifier: None,
            unit,
            rate: first.rate.or(second.rate),
            vague: false,
        };
        (merged, end)
    }

    /// A measure written in parts, added up in its smallest unit: "5 feet 2 inches" = 62 in,
    /// "10 km, 8 m and 6 cm" = 1,000,806 cm (whole numbers before the last part).
    fn compound(&self, mut stat: Statistic, mut next: usize) -> (Statistic, usize) {
        // every part but the last is whole: "a third of a mile and a tenth of an inch" is a list
        while stat.value_max.is_none() && stat.qualifier.is_none() && stat.value.fract() == 0.0 {
            let mut at = next;
            if self.sym(at) == Some(',') {
                at += 1;
            }
            if self.word(at) == Some("and") {
                at += 1;
            }
            let Some((part, end)) = self.figure(at) else {
                break;
            };
            let factor = match (&stat.unit, &part.unit) {
                (Some(big), Some(small)) => unit_factor(big, small),
                _ => None,
            };
            let Some(factor) = factor.filter(|_| part.value_max.is_none() && part.value >= 0.0)
            else {
                break;
            };
            stat = Statistic {
                span: stat.span.cover(part.span),
                value: stat.value * factor + part.value,
                unit: part.unit,
                ..stat
            };
            next = end;
        }
        (stat, next)
    }

    /// A minus before the number: "minus 5", "negative 1.2", or "-" / "−" touching the numeral
    /// and not glued to a preceding word or number ("F-16", "555-1234" are no negatives).
    fn sign(&self, j: usize) -> (bool, usize) {
        if matches!(self.word(j), Some("minus" | "negative")) && self.core(j + 1).is_some() {
            return (true, j + 1);
        }
        let minus =
            matches!(self.sym(j), Some('-' | '−')) && self.adjacent(j) && self.number_at(j + 1);
        let glued = j > 0
            && self.adjacent(j - 1)
            && matches!(
                self.toks[j - 1].tok,
                Tok::Word { .. } | Tok::Num { .. } | Tok::Sym('^')
            );
        if minus && !glued {
            (true, j + 1)
        } else {
            (false, j)
        }
    }

    /// Whether token `i` can end an amount: a numeral, a number word or a unit ("1 million",
    /// "20 euros").
    fn ends_amount(&self, i: usize) -> bool {
        self.number_at(i)
            || self
                .word(i)
                .is_some_and(|w| NUMBER_WORDS.contains_key(w) || UNITS.contains(w))
    }

    fn upper_all(&self, i: usize) -> bool {
        let text = &self.toks[i];
        matches!(&text.tok, Tok::Word { norm, .. } if norm.len() == text.span.len())
            && self.upper(i)
    }

    fn number_at(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| &t.tok), Some(Tok::Num { .. }))
    }
}

/// The first number of a figure, multiplier applied.
#[derive(Clone, Copy, Debug)]
struct Figure {
    value: f64,
    /// Whether a multiplier followed it ("5 million").
    scaled: bool,
    /// Whether a currency preceded it.
    currency: bool,
}

fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

fn is_currency_symbol(c: char) -> bool {
    let mut buf = [0; 4];
    UNITS
        .starting_with(c.encode_utf8(&mut buf))
        .any(|(_, unit)| is_currency(unit))
}

/// Two digit groups joined by a dash that look like a phone number ("555-1234").
fn phone_like(first: &Tok, second: &Tok) -> bool {
    match (first, second) {
        (
            Tok::Num {
                commas: false,
                dots: 0,
                digits: a,
                ..
            },
            Tok::Num {
                commas: false,
                dots: 0,
                digits: b,
                ..
            },
        ) => *a >= 3 && *b >= 4 && !is_year(first),
        _ => false,
    }
}

/// The running group of a written number, or 1 if empty ("hundred" = "one hundred").
fn or_one(current: f64) -> f64 {
    if current == 0.0 {
        1.0
    } else {
        current
    }
}

fn is_plural(word: &str) -> bool {
    is_context("irregular-plural", word)
        || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us"))
}

fn verb_like(word: &str) -> bool {
    word.ends_with("ed") || word.ends_with("ing") || word.ends_with("ly")
}

fn parse_qualifier(name: &str) -> Option<Qualifier> {
    Some(match name {
        "over" => Qualifier::Over,
        "at-least" => Qualifier::AtLeast,
        "about" => Qualifier::About,
        "nearly" => Qualifier::Nearly,
        "up-to" => Qualifier::UpTo,
        "under" => Qualifier::Under,
        "at-most" => Qualifier::AtMost,
        "exactly" => Qualifier::Exactly,
        _ => return None,
    })
}

/// A four-digit integer between 1000 and 2099 without separators: a year unless its context
/// makes it a count (see `Parser::year_context`).
fn is_year(tok: &Tok) -> bool {
    matches!(tok, Tok::Num { value, commas: false, dots: 0, digits: 4, .. } if (1000.0..2100.0).contains(value))
}
