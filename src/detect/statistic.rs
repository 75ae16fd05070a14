//! Statistic detector: figures with their qualifier, currency, unit, range, counted noun and rate.
//!
//! Each sentence is split into tokens (numerals, words, single symbols); at each token a figure is
//! parsed as `qualifier? currency? number multiplier? range? unit? noun? rate?`. Numbers that are
//! dates, years, times, ordinals, decades, identifiers, phone or version numbers, "one of …" and
//! names ("Group of Seven") are skipped. Word lists live in `lexicons/*.txt`.

use super::lexicon::entries;
use super::{Qualifier, Statistic};
use crate::text::Span;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Phrases (as word lists) with their normalised value, grouped by first word, longest first.
type PhraseMap = HashMap<String, Vec<(Vec<String>, String)>>;

static QUALIFIERS: LazyLock<PhraseMap> =
    LazyLock::new(|| phrase_map(include_str!("lexicons/qualifiers.txt")));
static UNITS: LazyLock<PhraseMap> =
    LazyLock::new(|| phrase_map(include_str!("lexicons/units.txt")));
static RATES: LazyLock<PhraseMap> =
    LazyLock::new(|| phrase_map(include_str!("lexicons/rates.txt")));
static MONTHS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("lexicons/months.txt")).collect());
static YEAR_CUES: LazyLock<HashMap<&'static str, YearCue>> = LazyLock::new(|| {
    entries(include_str!("lexicons/year_cues.txt"))
        .filter_map(|e| {
            let (word, kind) = e.split_once('=')?;
            let kind = match kind.trim() {
                "time" => YearCue::Time,
                "weak" => YearCue::Weak,
                _ => YearCue::Det,
            };
            Some((word.trim(), kind))
        })
        .collect()
});
static FUNCTION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("lexicons/function_words.txt")).collect());
static NUMBER_WORDS: LazyLock<HashMap<&'static str, (f64, WordKind)>> = LazyLock::new(|| {
    entries(include_str!("lexicons/number_words.txt"))
        .filter_map(|e| {
            let (word, rest) = e.split_once('=')?;
            let mut parts = rest.split_whitespace();
            let value = parts.next()?.parse().ok()?;
            let kind = match parts.next()? {
                "unit" => WordKind::Unit,
                "mult" => WordKind::Mult,
                "scale" => WordKind::Scale,
                "abbr" => WordKind::Abbr,
                _ => WordKind::Vague,
            };
            Some((word.trim(), (value, kind)))
        })
        .collect()
});

/// Words after a time figure ("5 a.m." is split into "a" "." "m" ".").
const TIME_WORDS: &[&str] = &["am", "pm", "gmt", "utc", "bst", "cet", "o'clock", "hrs"];
/// Plural nouns without a final "s".
const IRREGULAR_PLURALS: &[&str] = &["people", "personnel", "children", "men", "women", "police"];
/// Words after a rate that make it a time reference ("a year ago").
const NOT_RATE_AFTER: &[&str] = &["ago", "earlier", "later", "before", "after"];

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

fn phrase_map(data: &'static str) -> PhraseMap {
    let mut map: PhraseMap = HashMap::new();
    for entry in entries(data) {
        let Some((phrase, value)) = entry.split_once('=') else {
            continue;
        };
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        if let Some(first) = words.first() {
            let list = map.entry(first.clone()).or_default();
            list.push((words, value.trim().to_string()));
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    map
}

/// A token of a sentence: a numeral, a word, or one other non-blank character.
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// Digits with inner `,`/`.` separators.
    Num {
        value: f64,
        commas: bool,
        dots: usize,
        digits: usize,
        leading_zero: bool,
    },
    /// Letters (with inner apostrophes), lower-cased; `upper` if written with a capital.
    Word { norm: String, upper: bool },
    /// Any other character.
    Sym(char),
}

#[derive(Clone, Debug)]
struct Token {
    span: Span,
    tok: Tok,
}

fn tokenize(text: &str, sentence: Span) -> Vec<Token> {
    let s = sentence.slice(text);
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < cs.len() {
        let (start, c) = cs[k];
        let end_k = if c.is_ascii_digit() {
            scan_while(&cs, k, |c, next| {
                c.is_ascii_digit()
                    || (matches!(c, ',' | '.') && next.is_some_and(|n| n.is_ascii_digit()))
            })
        } else if c.is_alphabetic() {
            scan_while(&cs, k, |c, next| {
                c.is_alphabetic()
                    || is_mark(c)
                    || (matches!(c, '\'' | '’') && next.is_some_and(char::is_alphabetic))
            })
        } else {
            k + 1
        };
        let end = cs.get(end_k).map_or(s.len(), |&(i, _)| i);
        if !c.is_whitespace() {
            let tok = make_tok(&s[start..end]);
            out.push(Token {
                span: Span::new(start, end).shift(sentence.start),
                tok,
            });
        }
        k = end_k;
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Index just past the run starting at `k` whose chars satisfy `keep(char, next char)`.
fn scan_while(cs: &[(usize, char)], k: usize, keep: impl Fn(char, Option<char>) -> bool) -> usize {
    let mut j = k + 1;
    while j < cs.len() && keep(cs[j].1, cs.get(j + 1).map(|&(_, c)| c)) {
        j += 1;
    }
    j
}

fn make_tok(word: &str) -> Tok {
    let first = word.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        let dots = word.matches('.').count();
        let clean: String = word.chars().filter(|c| *c != ',').collect();
        return Tok::Num {
            value: clean.parse().unwrap_or(f64::NAN),
            commas: word.contains(','),
            dots,
            digits: word.chars().filter(char::is_ascii_digit).count(),
            leading_zero: first == '0' && word.len() > 1 && !word.starts_with("0."),
        };
    }
    if first.is_alphabetic() {
        return Tok::Word {
            norm: word.to_lowercase().replace('’', "'"),
            upper: first.is_uppercase(),
        };
    }
    Tok::Sym(first)
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
    let whole = [Span::new(0, text.len())];
    let sentences = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    let mut out = Vec::new();
    for &sentence in sentences {
        if sentence.end <= text.len()
            && text.is_char_boundary(sentence.start)
            && text.is_char_boundary(sentence.end)
        {
            let toks = tokenize(text, sentence);
            let parser = Parser { toks: &toks };
            let mut i = 0;
            while i < toks.len() {
                match parser.figure(i) {
                    Some((stat, next)) => {
                        out.push(stat);
                        i = next.max(i + 1);
                    }
                    None => i += 1,
                }
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
    toks: &'a [Token],
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

    /// The longest phrase of `map` starting at word `i`: its value and length in tokens.
    fn phrase(&self, map: &PhraseMap, i: usize) -> Option<(String, usize)> {
        let key = match &self.toks.get(i)?.tok {
            Tok::Word { norm, .. } => norm.clone(),
            Tok::Sym(c) => c.to_string(),
            Tok::Num { .. } => return None,
        };
        let list = map.get(&key)?;
        list.iter()
            .find(|(words, _)| {
                (1..words.len()).all(|n| self.word(i + n) == Some(words[n].as_str()))
            })
            .map(|(words, value)| (value.clone(), words.len()))
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
        let core = self.core(j)?;
        if self.excluded(j, &core) {
            return None;
        }
        let mut first = Figure {
            value: core.value,
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
        let (suffix_unit, k) = self.unit(k, core);
        let unit = currency.or(suffix_unit);
        let qualified = qualifier.is_some() || unit.is_some() || value_max.is_some();
        if core.lone_one && !qualified {
            return None;
        }
        let (noun, k) = match unit {
            Some(_) => (None, k),
            None => self.noun(k, core.vague),
        };
        let (rate, k) = self.rate(k);
        let years_only = value_max.is_none_or(|max| max < 2100.0);
        if is_year(&self.toks[j].tok) && years_only && qualifier.is_none() && unit.is_none() {
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

    /// A currency symbol or upper-case code before the number ("$", "US$", "€", "USD").
    fn currency_prefix(&self, j: usize) -> (Option<String>, usize) {
        if self.word(j) == Some("us") && self.sym(j + 1) == Some('$') && self.adjacent(j) {
            return (Some("USD".into()), j + 2);
        }
        let code_like = |i: usize| {
            self.sym(i).is_some()
                || (self.toks[i].span.len() == 3 && self.upper(i) && self.upper_all(i))
        };
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
        match &self.toks.get(j)?.tok {
            Tok::Num { value, .. } if value.is_finite() => Some(Core {
                value: *value,
                end: j + 1,
                vague: false,
                written: false,
                lone_one: false,
            }),
            Tok::Word { .. } => self.vague(j).or_else(|| self.written(j)),
            _ => None,
        }
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

    /// A written number: "twenty-one", "one hundred and six", "half a million", "a dozen".
    fn written(&self, j: usize) -> Option<Core> {
        let kind = |i: usize| NUMBER_WORDS.get(self.word(i)?).copied();
        let is_group_word =
            |i: usize| matches!(kind(i), Some((_, WordKind::Mult | WordKind::Scale)));
        let (mut total, mut current, mut i) = (0.0, 0.0, j);
        let mut words = 0;
        if self.word(j) == Some("a") && is_group_word(j + 1) {
            (current, i) = (1.0, j + 1);
        } else if self.word(j) == Some("half")
            && self.word(j + 1) == Some("a")
            && is_group_word(j + 2)
        {
            (current, i) = (0.5, j + 2);
        }
        loop {
            match kind(i) {
                Some((v, WordKind::Unit)) => current += v,
                Some((v, WordKind::Mult)) => current = or_one(current) * v,
                Some((v, WordKind::Scale)) => {
                    total += or_one(current) * v;
                    current = 0.0;
                }
                _ => break,
            }
            words += 1;
            i += 1;
            let joined = self.sym(i) == Some('-') && self.adjacent(i - 1) && self.adjacent(i);
            let and = self.word(i) == Some("and") && words > 0;
            if (joined || and) && matches!(kind(i + 1), Some((_, WordKind::Unit | WordKind::Mult)))
            {
                i += 1;
            }
        }
        if words == 0 {
            return None;
        }
        Some(Core {
            value: total + current,
            end: i,
            vague: false,
            written: true,
            lone_one: words == 1 && self.word(j) == Some("one"),
        })
    }

    /// Whether the number at `j` is a date, time, ordinal, decade, identifier, phone or version
    /// number, or part of a name.
    fn excluded(&self, j: usize, core: &Core) -> bool {
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
            return true;
        };
        dots > 1
            || leading_zero
            || self.in_digit_sequence(j)
            || self.glued_before(j)
            || self.glued_after(j)
            || self.is_time(j)
            || (value <= 31.0 && !commas && dots == 0 && self.beside_month(j))
            || (!commas && dots == 0 && self.after_name(j))
    }

    /// Next to another bare numeral: "+44 20 7946 0958".
    fn in_digit_sequence(&self, j: usize) -> bool {
        (j > 0 && self.number_at(j - 1)) || self.number_at(j + 1)
    }

    /// Attached to a preceding word or symbol: "A320", "COVID-19", "#5", "+44", "10:30".
    fn glued_before(&self, j: usize) -> bool {
        if j == 0 || !self.adjacent(j - 1) {
            return false;
        }
        match &self.toks[j - 1].tok {
            Tok::Word { .. } | Tok::Num { .. } => true,
            Tok::Sym(c) => {
                matches!(c, '#' | '+' | ':' | '/' | '.' | '_' | '@')
                    || (matches!(c, '-' | '‑') && j >= 2 && self.adjacent(j - 2))
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
                let abbr = matches!(NUMBER_WORDS.get(norm.as_str()), Some((_, WordKind::Abbr)));
                !(abbr || UNITS.contains_key(norm.as_str()))
            }
            Some(Tok::Sym(':' | '/' | '_' | '@')) => self.adjacent(j + 1) && self.number_at(j + 2),
            Some(Tok::Num { .. }) => true,
            _ => false,
        }
    }

    /// Followed by "a.m.", "pm", "GMT", …
    fn is_time(&self, j: usize) -> bool {
        match self.word(j + 1) {
            Some(w) if TIME_WORDS.contains(&w) => true,
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
            && self
                .word(j - 1)
                .is_some_and(|w| !MONTHS.contains(w) && !QUALIFIERS.contains_key(w))
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
        if core.vague || core.written {
            return None;
        }
        match NUMBER_WORDS.get(self.word(k)?) {
            Some(&(v, WordKind::Scale | WordKind::Mult)) => Some((v, 1)),
            Some(&(v, WordKind::Abbr)) if self.adjacent(k - 1) => {
                let metres = self.word(k) == Some("m") && !currency;
                (!metres).then_some((v, 1))
            }
            _ => None,
        }
    }

    /// A range after the first number: "-37,000", "to 37,000", "and 20" (after "between").
    /// Returns `None` for phone-like numbers ("555-1234"). `scaled` tells whether the first
    /// number had its own multiplier; if not, the second's applies to both ("$5-10 million").
    fn range(&self, first: Figure, k: usize, between: bool) -> Option<(f64, Option<f64>, usize)> {
        let dash = matches!(self.sym(k), Some('-' | '–' | '‑'));
        let link = dash || self.word(k) == Some(if between { "and" } else { "to" });
        let currency_sym = self
            .sym(k + 1)
            .is_some_and(|c| is_currency_symbol(c) && first.currency);
        let second_at = k + 1 + usize::from(currency_sym);
        let Some(second) = link.then(|| self.core(second_at)).flatten() else {
            return Some((first.value, None, k));
        };
        if second.vague || (dash && phone_like(&self.toks[k - 1].tok, &self.toks[second_at].tok)) {
            return (!dash).then_some((first.value, None, k));
        }
        let (mut value, mut max, mut end) = (first.value, second.value, second.end);
        if let Some((m, n)) = self.multiplier(end, second, first.currency) {
            max *= m;
            end += n;
            if !first.scaled {
                value *= m;
            }
        }
        if max <= value {
            return Some((first.value, None, k));
        }
        Some((value, Some(max), end))
    }

    /// A percent sign, currency or unit after the figure.
    fn unit(&self, k: usize, core: Core) -> (Option<String>, usize) {
        if core.vague {
            return (None, k);
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
                    .is_some_and(|w| NOT_RATE_AFTER.contains(&w)) =>
            {
                (Some(rate), k + n)
            }
            _ => (None, k),
        }
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
    UNITS
        .get(c.to_string().as_str())
        .is_some_and(|list| list.iter().any(|(_, unit)| is_currency(unit)))
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
    IRREGULAR_PLURALS.contains(&word)
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
