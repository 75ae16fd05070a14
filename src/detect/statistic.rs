//! Statistic detector: figures with their qualifier, currency, unit, range, counted noun and rate.
//!
//! Each sentence is split into tokens (numerals, words, single symbols); at each token a figure is
//! parsed as `qualifier? currency? number multiplier? range? unit? noun? rate?`. Numbers that are
//! dates, years, times, ordinals, decades, identifiers, phone or version numbers, "one of …" and
//! names ("Group of Seven") are skipped. Word lists live in `lexicons/*.txt`.

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
        let proportion = self.proportion(core, currency.is_some() || negative);
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
        let unit = currency.or(suffix_unit);
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
        // "($99.99)": an amount in accounting brackets is negative.
        let bracketed = prefixed
            && start > 0
            && self.sym(start - 1) == Some('(')
            && self.adjacent(start - 1)
            && self.sym(k) == Some(')')
            && self.adjacent(k - 1);
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
            None => self.noun(k, core.vague || (0.0 < core.value && core.value < 1.0)),
        };
        let (rate, k) = self.rate(k);
        let years_only = value_max.is_none_or(|max| max < 2100.0);
        let plain_year = is_year(&self.toks[j].tok) && proportion.is_none();
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

    /// A bare "half" after a qualifier ("more than half the voters"): 0.5.
    fn half_after_qualifier(&self, j: usize, qualified: bool) -> Option<Core> {
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
    fn one_unit(&self, j: usize) -> Option<Core> {
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
    /// "10 km, 8 m and 6 cm" = 1,000,806 cm.
    fn compound(&self, mut stat: Statistic, mut next: usize) -> (Statistic, usize) {
        while stat.value_max.is_none() && stat.qualifier.is_none() {
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

    /// A currency symbol or upper-case code before the number ("$", "US$", "€", "USD").
    fn currency_prefix(&self, j: usize) -> (Option<String>, usize) {
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

    fn upper_all(&self, i: usize) -> bool {
        let text = &self.toks[i];
        matches!(&text.tok, Tok::Word { norm, .. } if norm.len() == text.span.len())
            && self.upper(i)
    }

    fn number_at(&self, i: usize) -> bool {
        matches!(self.toks.get(i).map(|t| &t.tok), Some(Tok::Num { .. }))
    }

    /// A numeral, a written number or a vague magnitude at `j`.
    fn core(&self, j: usize) -> Option<Core> {
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
    fn group_word(&self, i: usize) -> bool {
        matches!(
            self.word(i).and_then(|w| NUMBER_WORDS.get(w)),
            Some((_, WordKind::Mult | WordKind::Scale))
        )
    }

    /// An integer numeral without separators at `i`, its value.
    fn integer(&self, i: usize) -> Option<f64> {
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
    fn numeric_compound(&self, j: usize) -> Option<(f64, usize)> {
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

    /// Scientific notation glued to a numeral: "1e10", "1.3e6", "-12e-1", "2.48×10−5".
    fn scientific(&self, j: usize) -> Option<(f64, usize)> {
        let Tok::Num { value, .. } = self.toks.get(j)?.tok else {
            return None;
        };
        let glued = |i: usize| self.adjacent(i);
        let mut k = j + 1;
        if self.word(k) == Some("e") && glued(j) && glued(k) {
            k += 1;
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
        Some((value * 10f64.powf(exponent), k + 1))
    }

    /// Thousands written in groups of three digits apart, as SI style and many countries write
    /// them: "10 000 dollars", "1 234 567.89" (each later group has exactly three digits before
    /// any decimals, one blank between).
    fn spaced_thousands(&self, j: usize) -> Option<(f64, usize)> {
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
    fn vague(&self, j: usize) -> Option<Core> {
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
    fn written(&self, j: usize) -> Option<Core> {
        let kind = |i: usize, after_and: bool| -> Option<(f64, WordKind)> {
            if let Some(v) = self.integer(i) {
                return (self.group_word(i + 1) || after_and).then_some((v, WordKind::Unit));
            }
            NUMBER_WORDS.get(self.word(i)?).copied()
        };
        let mut n = Number::default();
        let mut i = j;
        if self.word(j) == Some("a") && self.group_word(j + 1) {
            (n.current, n.since_and, i) = (1.0, 1.0, j + 1);
        } else if matches!(self.word(j), Some("a" | "an" | "one")) && self.fraction(j + 1, 1.0) {
            (n.current, n.since_and, n.words, i) = (1.0, 1.0, 1, j + 1);
        } else if let Some(f) = self.fraction_of_scale(j) {
            return Some(f);
        }
        let mut after_and = false;
        loop {
            if n.words > 0 {
                if let Some((d, end)) =
                    self.compound_denominator(i, n.since_and_total + n.since_and)
                {
                    // "one twenty-fifth", "three twenty-firsts", "one hundred thirty-fifths"
                    let numerator = n.since_and_total + n.since_and;
                    let value = n.at_and + numerator / d;
                    return Some(if value < 1.0 {
                        self.scaled_fraction(value, end)
                    } else {
                        Core {
                            value,
                            end,
                            vague: false,
                            written: true,
                            lone_one: false,
                        }
                    });
                }
                if let Some(end) = self.denominator(&mut n, i) {
                    let value = n.value();
                    return Some(if value < 1.0 {
                        self.scaled_fraction(value, end)
                    } else {
                        Core {
                            value,
                            end,
                            vague: false,
                            written: true,
                            lone_one: false,
                        }
                    });
                }
            }
            match kind(i, after_and) {
                Some((v, WordKind::Unit)) => n.unit(v),
                // "twenty-two hundred" = 2200, but not "3 hundred and 2 hundred"
                Some((v, WordKind::Mult)) if n.current < 100.0 => n.mult(v),
                Some((v, WordKind::Scale)) => n.scale(v),
                _ => break,
            }
            n.words += 1;
            i += 1;
            after_and = false;
            if self.word(i) == Some("point") {
                if let Some((d, end)) = self.decimals(i + 1) {
                    n.current += d;
                    n.since_and += d;
                    i = end;
                }
            }
            let joined = self.sym(i) == Some('-') && self.adjacent(i - 1) && self.adjacent(i);
            let and = self.word(i) == Some("and");
            if and && matches!(self.word(i + 1), Some("a" | "an" | "one")) {
                if let Some((d, FractionForm::One | FractionForm::Ordinal)) =
                    self.word(i + 2).and_then(|w| FRACTIONS.get(w)).copied()
                {
                    n.add_fraction(1.0 / d);
                    i += 3;
                    continue;
                }
            }
            if (joined || and)
                && matches!(
                    kind(i + 1, and && n.grouped),
                    Some((_, WordKind::Unit | WordKind::Mult))
                )
            {
                if and {
                    n.mark_and();
                    after_and = n.grouped;
                }
                i += 1;
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

    /// Whether word `i` is a fraction denominator fitting numerator `numerator` ("a third of",
    /// "two thirds"; not "a third option").
    fn fraction(&self, i: usize, numerator: f64) -> bool {
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
    /// word, a fraction of that scale: "six million and two thirds"). Returns the end.
    fn denominator(&self, n: &mut Number, i: usize) -> Option<usize> {
        let numerator = n.since_and_total + n.since_and;
        if !self.fraction(i, numerator) {
            return None;
        }
        let d = self.word(i).and_then(|w| FRACTIONS.get(w))?.0;
        let base = n.at_and;
        let fraction = numerator / d * n.and_scale.unwrap_or(1.0);
        (n.total, n.current) = (base + fraction, 0.0);
        Some(i + 1)
    }

    /// A denominator written as a tens word joined to an ordinal ("twenty-fifth",
    /// "thirty-fifths", "twenty-firsts") after the numerator read so far: its value and end.
    fn compound_denominator(&self, i: usize, numerator: f64) -> Option<(f64, usize)> {
        let tens = match NUMBER_WORDS.get(self.word(i)?) {
            Some(&(v, WordKind::Unit)) if v >= 20.0 && v % 10.0 == 0.0 => v,
            _ => return None,
        };
        if !(self.sym(i + 1) == Some('-') && self.adjacent(i) && self.adjacent(i + 1)) {
            return None;
        }
        let &(d, form) = FRACTIONS.get(self.word(i + 2)?)?;
        let fits = match form {
            FractionForm::Ordinal | FractionForm::One => numerator == 1.0,
            FractionForm::Plural => numerator > 1.0,
            FractionForm::Compound => true,
            _ => false,
        };
        let singular_one = !self.word(i + 2)?.ends_with('s');
        (fits && (singular_one == (numerator == 1.0))).then_some((tens + d, i + 3))
    }

    /// A proportion after a number: "one out of three", "1 in twenty-one", "1 over 3",
    /// "2000 over 3" (the numerator below the denominator for "out of" and "in"; no year; no
    /// currency; "over" only when nothing is counted after it).
    fn proportion(&self, core: Core, prefixed: bool) -> Option<(f64, usize)> {
        if core.vague || core.value.fract() != 0.0 || prefixed {
            return None;
        }
        let (at, part) = match (self.word(core.end), self.word(core.end + 1)) {
            (Some("out"), Some("of")) => (core.end + 2, true),
            (Some("in"), _) => (core.end + 1, true),
            (Some("over"), _) => (core.end + 1, false),
            _ => return None,
        };
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

    /// A fraction followed by "of a"/"a" and a scale word: "three quarters of a million".
    fn scaled_fraction(&self, value: f64, end: usize) -> Core {
        let skip = match (self.word(end), self.word(end + 1)) {
            (Some("of"), Some("a")) => 2,
            (Some("a"), _) => 1,
            _ => 0,
        };
        let (value, end) = match self.word(end + skip).and_then(|w| NUMBER_WORDS.get(w)) {
            Some(&(v, WordKind::Scale)) => (value * v, end + skip + 1),
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

    /// "half a million", "half million", "quarter million", "a quarter of a million".
    fn fraction_of_scale(&self, j: usize) -> Option<Core> {
        let k = j + usize::from(self.word(j) == Some("a"));
        let (d, form) = self.word(k).and_then(|w| FRACTIONS.get(w)).copied()?;
        if form != FractionForm::One {
            return None;
        }
        let core = self.scaled_fraction(1.0 / d, k + 1);
        (core.end > k + 1).then_some(core)
    }

    /// Digits after "point": "zero three" = .03, "seventy-one" = .71.
    fn decimals(&self, i: usize) -> Option<(f64, usize)> {
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

    /// Whether the number at `j` is a date, time, ordinal, decade, identifier, phone or version
    /// number, or part of a name.
    fn excluded(&self, j: usize, core: &Core, prefixed: bool) -> bool {
        if core.written {
            let capitalised = self.upper(j) && !self.sentence_initial(j);
            return capitalised || (core.lone_one && self.word(j + 1) == Some("of"));
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

    /// Next to another bare numeral: "+44 20 7946 0958".
    fn in_digit_sequence(&self, j: usize, end: usize) -> bool {
        (j > 0 && self.number_at(j - 1)) || self.number_at(end)
    }

    /// Attached to a preceding word or symbol: "A320", "COVID-19", "#5", "+44", "10:30", or an
    /// argument of code-like text: "alert(1)".
    fn glued_before(&self, j: usize) -> bool {
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
    fn glued_after(&self, j: usize) -> bool {
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

    /// Followed by "a.m.", "pm", "GMT", …
    fn is_time(&self, j: usize) -> bool {
        match self.word(j + 1) {
            Some(w) if is_context("time-word", w) => true,
            Some("a" | "p") => self.sym(j + 2) == Some('.') && self.adjacent(j + 1),
            _ => false,
        }
    }

    /// Next to a capitalised month name: "June 1", "1 June".
    fn beside_month(&self, j: usize) -> bool {
        let month = |i: usize| self.upper(i) && self.word(i).is_some_and(|w| MONTHS.contains(w));
        (j > 0 && month(j - 1)) || month(j + 1) || (self.sym(j + 1) == Some('.') && month(j + 2))
    }

    /// After a capitalised word inside the sentence: "Article 5", "Boeing 737", "Windows 11".
    fn after_name(&self, j: usize) -> bool {
        j > 0
            && self.upper(j - 1)
            && !self.sentence_initial(j - 1)
            && self.word(j - 1).is_some_and(|w| {
                !MONTHS.contains(w) && !QUALIFIERS.starts_with(w) && !UNITS.contains(w)
            })
    }

    /// Whether the year-shaped number at `j` (figure starting at `start`) reads as a year: beside
    /// a month or in a date, after a temporal preposition or determiner (`lexicons/year_cues.txt`),
    /// or — without such a cue — when no counted plural noun or rate follows ("1200 casualties"
    /// is a count, "in 2022" and "the 2022 elections" are years).
    fn year_context(&self, start: usize, j: usize, counted: bool) -> bool {
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

    /// "million", "bn", "k", "m" (the last only after a currency) after a numeral.
    fn multiplier(&self, k: usize, core: Core, currency: bool) -> Option<(f64, usize)> {
        if core.vague || !self.number_at(core.end - 1) {
            return None;
        }
        match NUMBER_WORDS.get(self.word(k)?) {
            Some(&(v, WordKind::Scale | WordKind::Mult)) => Some((v, 1)),
            Some(&(v, WordKind::Abbr)) if self.adjacent(k - 1) => {
                // "5m" is metres unless a currency precedes or it is written "5M"; "b" and "t"
                // are billions and trillions only after a currency ("€10B", "$2.174T")
                let metres = self.word(k) == Some("m") && !currency && !self.upper(k);
                let other = matches!(self.word(k), Some("b" | "t")) && !currency;
                (!metres && !other).then_some((v, 1))
            }
            _ => None,
        }
    }

    /// A range after the first number: "-37,000", "to 37,000", "and 20" (after "between").
    /// Returns `None` for phone-like numbers ("555-1234"). `scaled` tells whether the first
    /// number had its own multiplier; if not, the second's applies to both ("$5-10 million").
    fn range(&self, first: Figure, k: usize, between: bool) -> Option<(f64, Option<f64>, usize)> {
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
    fn subunit(&self, value: f64, k: usize) -> (f64, usize) {
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
    fn unit_range(
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
    fn unit(&self, k: usize, core: Core) -> (Option<String>, usize) {
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
    fn capital_letter(&self, k: usize) -> bool {
        self.upper(k) && self.toks[k].span.len() == 1
    }

    /// A currency code written with an "M" for million, in capitals ("30 MUSD", "MEUR 120"):
    /// the code and the scale.
    fn million_code(&self, k: usize) -> Option<(String, f64)> {
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
    fn noun(&self, start: usize, vague: bool) -> (Option<String>, usize) {
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
                Some(w) if !FUNCTION_WORDS.contains(w) && self.phrase(&RATES, i).is_none() => {
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

    /// A rate after the figure: "per day", "a year", "monthly".
    fn rate(&self, k: usize) -> (Option<String>, usize) {
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
