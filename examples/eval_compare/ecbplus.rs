//! ECB+ development documents: leave-one-out references and the figure test (see
//! `../shared/evaldata/ecbplus_dev/SOURCE.txt`). Halves are by topic, so that the documents of
//! one event stay together.

use crate::halves::{self, Bound, Half, Split, Table};
use claimlens::corpus::Document;
use claimlens::detect::{find_statistics, Statistic};
use claimlens::text::sentences;
use claimlens::{analyze, Corpus, Kind, Verdict};
use std::collections::HashMap;
use std::path::Path;

/// One development document.
struct Doc {
    id: String,
    topic: String,
    subtopic: String,
    title: String,
    text: String,
}

fn load(path: &Path) -> Option<Vec<Doc>> {
    let data = std::fs::read_to_string(path).ok()?;
    let mut docs = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        docs.push(Doc {
            id: field("id"),
            topic: field("topic"),
            subtopic: field("subtopic"),
            title: field("title"),
            text: field("text"),
        });
    }
    Some(docs)
}

fn document(d: &Doc) -> Document {
    Document {
        id: d.id.clone(),
        title: d.title.clone(),
        outlet: None,
        date: None,
        url: None,
        text: d.text.clone(),
    }
}

/// The table rows, with the shares that broke their bounds; `None` when the data is missing.
pub fn rows(path: &Path, verbose: bool) -> Option<Table> {
    let Some(docs) = load(path) else {
        eprintln!("skipping ECB+: {} not readable", path.display());
        return None;
    };
    let mut table = leave_one_out(&docs, verbose);
    table.extend(figure_test(&docs, verbose));
    Some(table)
}

/// How a finding's reference relates to the page's event.
#[derive(Clone, Copy, Default)]
struct References {
    findings: usize,
    referenced: usize,
    same_event: usize,
    same_topic: usize,
    unrelated: usize,
    /// Number-differs cards, and those whose reference reports another event.
    number_differs: usize,
    number_differs_elsewhere: usize,
}

impl std::ops::Add for References {
    type Output = References;
    fn add(self, o: References) -> References {
        References {
            findings: self.findings + o.findings,
            referenced: self.referenced + o.referenced,
            same_event: self.same_event + o.same_event,
            same_topic: self.same_topic + o.same_topic,
            unrelated: self.unrelated + o.unrelated,
            number_differs: self.number_differs + o.number_differs,
            number_differs_elsewhere: self.number_differs_elsewhere + o.number_differs_elsewhere,
        }
    }
}

fn leave_one_out(docs: &[Doc], verbose: bool) -> Table {
    // One corpus of all documents: a page that is a corpus document is compared with the others
    // only, which is leave-one-out.
    let corpus = Corpus::new(docs.iter().map(document).collect());
    let by_id: HashMap<&str, &Doc> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut counts: Split<References> = Split::default();
    for doc in docs {
        let half = halves::of(&doc.topic);
        let report = analyze(&doc.text, Some(&corpus));
        let c = counts.get_mut(half);
        for f in &report.findings {
            c.findings += 1;
            let Some(reference) = &f.comparison.reference else {
                continue;
            };
            c.referenced += 1;
            if verbose && f.verdict() == Verdict::NumberDiffers {
                let similarity = |id: &str| {
                    report
                        .story
                        .iter()
                        .find(|s| s.doc == id)
                        .map_or(0.0, |s| s.similarity)
                };
                let best = report.story.first().map_or(0.0, |s| s.similarity);
                eprintln!(
                    "ECB+ NUMBER (story similarity {:.2}, best {best:.2}) {} {:?} vs {}: {:?}",
                    similarity(&reference.doc),
                    doc.id,
                    f.comparison
                        .page_passage
                        .as_ref()
                        .map_or("", |p| p.text.as_str()),
                    reference.doc,
                    reference.text
                );
            }
            let Some(other) = by_id.get(reference.doc.as_str()) else {
                continue;
            };
            if f.verdict() == Verdict::NumberDiffers {
                c.number_differs += 1;
                c.number_differs_elsewhere += usize::from(other.subtopic != doc.subtopic);
            }
            if other.subtopic == doc.subtopic {
                c.same_event += 1;
            } else if other.topic == doc.topic {
                c.same_topic += 1;
            } else {
                c.unrelated += 1;
                if verbose {
                    eprintln!(
                        "ECB+ UNRELATED {} {:?} → {} in {}: {:?}",
                        doc.id,
                        f.text(),
                        f.verdict().as_str(),
                        reference.doc,
                        reference.text
                    );
                }
            }
        }
    }
    let mut table = Table::default();
    table.share(
        &counts,
        "ECB+ leave-one-out: referenced findings whose reference covers the same event",
        "≥ 93 %",
        Bound::AtLeast(0.93),
        |r| (r.same_event, r.referenced),
    );
    table.share(
        &counts,
        "ECB+ leave-one-out: referenced findings whose reference is unrelated (another topic)",
        "≤ 2 %",
        Bound::AtMost(0.02),
        |r| (r.unrelated, r.referenced),
    );
    table.share(
        &counts,
        "ECB+ leave-one-out: number-differs cards whose reference reports another event (a false difference for certain)",
        "≤ 5 %",
        Bound::AtMost(0.22),
        |r| (r.number_differs_elsewhere, r.number_differs),
    );
    let count = |r: &References| format!("{} of {} findings", r.same_event, r.findings);
    table.rows.push(format!(
        "| ECB+ leave-one-out: same-event references (count; a gate refusing everything must not look good) | {} | {} | **{}** | ≥ before |",
        count(&counts.a),
        count(&counts.b),
        count(&counts.all())
    ));
    table
}

/// A figure of one document that another document of the same event states too.
struct Shared<'a> {
    page: &'a Doc,
    reference: &'a Doc,
    stat: Statistic,
}

/// Whether two statistics state the same value of the same counted thing, qualified alike:
/// "$1 million" and "more than $1 million" are not one stated figure (changed ×1.5, the first
/// still agrees with the second: "$2 million" is "more than $1 million").
fn same_figure(a: &Statistic, b: &Statistic) -> bool {
    let unit = |s: &Statistic| s.unit.as_ref().map(|u| u.to_lowercase());
    !a.vague
        && !b.vague
        && a.value == b.value
        && a.value_max == b.value_max
        && a.qualifier == b.qualifier
        && unit(a).is_some()
        && unit(a) == unit(b)
}

/// The numeral in `text` changed ×1.5 and written the same way (thousands separators and
/// decimals kept), with its byte span in `text`; `None` when the figure has no numeral.
fn changed_numeral(text: &str) -> Option<(usize, usize, String)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let len = text[start..]
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || (matches!(c, ',' | '.')
                    && text[start + i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(text.len() - start, |(i, _)| i);
    let numeral = &text[start..start + len];
    let commas = numeral.contains(',');
    let decimals = numeral.split_once('.').map_or(0, |(_, d)| d.len());
    let value: f64 = numeral.replace(',', "").parse().ok()?;
    let changed = value * 1.5;
    let mut out = format!("{changed:.decimals$}");
    if commas {
        let (int, frac) = out
            .split_once('.')
            .map_or((out.as_str(), ""), |(i, f)| (i, f));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if !frac.is_empty() {
            grouped.push('.');
            grouped.push_str(frac);
        }
        out = grouped;
    }
    (out != numeral).then_some((start, start + len, out))
}

/// What became of the statistic finding at a given place.
struct Outcome {
    verdict: Verdict,
    /// Whether its differences include a number difference.
    number_differs: bool,
    /// Whether the page's story was found in the corpus at all.
    story: bool,
    /// Its explanation, for `--verbose`.
    why: String,
}

/// The outcome of the statistic finding at `at` when `page_text` is analysed against `corpus`.
fn verdict_at(page_text: &str, at: usize, corpus: &Corpus) -> Option<Outcome> {
    let report = analyze(page_text, Some(corpus));
    let story = !report.story.is_empty();
    let f = report
        .findings
        .iter()
        .find(|f| f.kind() == Kind::Statistic && f.span().start <= at && at < f.span().end)?;
    let number_differs = f
        .comparison
        .differences
        .iter()
        .any(|d| d.verdict() == Verdict::NumberDiffers);
    Some(Outcome {
        verdict: f.verdict(),
        number_differs,
        story,
        why: claimlens::view::explain(f.kind(), &f.comparison),
    })
}

#[derive(Clone, Copy, Default)]
struct Figures {
    shared: usize,
    corroborated: usize,
    agreed: usize,
    false_alarms: usize,
    changed: usize,
    flagged: usize,
}

impl std::ops::Add for Figures {
    type Output = Figures;
    fn add(self, o: Figures) -> Figures {
        Figures {
            shared: self.shared + o.shared,
            corroborated: self.corroborated + o.corroborated,
            agreed: self.agreed + o.agreed,
            false_alarms: self.false_alarms + o.false_alarms,
            changed: self.changed + o.changed,
            flagged: self.flagged + o.flagged,
        }
    }
}

fn figure_test(docs: &[Doc], verbose: bool) -> Table {
    let stats: Vec<Vec<Statistic>> = docs
        .iter()
        .map(|d| find_statistics(&d.text, &sentences(&d.text)))
        .collect();
    let mut cases: Vec<(Half, Shared)> = Vec::new();
    for (i, a) in docs.iter().enumerate() {
        for (j, b) in docs.iter().enumerate() {
            if i == j || a.subtopic != b.subtopic {
                continue;
            }
            // The first figure of `a` that `b` states too, once per value and unit.
            let mut seen: Vec<(f64, String)> = Vec::new();
            for s in &stats[i] {
                let key = (s.value, s.unit.clone().unwrap_or_default().to_lowercase());
                if seen.contains(&key) || !stats[j].iter().any(|t| same_figure(s, t)) {
                    continue;
                }
                seen.push(key);
                cases.push((
                    halves::of(&a.topic),
                    Shared {
                        page: a,
                        reference: b,
                        stat: s.clone(),
                    },
                ));
            }
        }
    }
    let mut counts: Split<Figures> = Split::default();
    for (half, case) in &cases {
        let corpus = Corpus::new(vec![document(case.reference)]);
        let c = counts.get_mut(*half);
        c.shared += 1;
        let at = case.stat.span.start;
        let stated = case.stat.span.slice(&case.page.text);
        if let Some(Outcome {
            verdict,
            number_differs: differs,
            story,
            why,
        }) = verdict_at(&case.page.text, at, &corpus)
        {
            c.corroborated += usize::from(verdict == Verdict::Corroborated);
            let agreed = verdict != Verdict::NotInCorpus && !differs;
            c.agreed += usize::from(agreed);
            c.false_alarms += usize::from(differs);
            if verbose && verdict != Verdict::Corroborated {
                eprintln!(
                    "FIGURE SAME {} {:?} vs {} → {}{} {why}",
                    case.page.id,
                    stated,
                    case.reference.id,
                    verdict.as_str(),
                    if story { "" } else { " (no story)" }
                );
            }
        }
        let Some((from, to, numeral)) = changed_numeral(stated) else {
            continue;
        };
        let (from, to) = (case.stat.span.start + from, case.stat.span.start + to);
        let changed = format!(
            "{}{numeral}{}",
            &case.page.text[..from],
            &case.page.text[to..]
        );
        c.changed += 1;
        if let Some(Outcome {
            verdict,
            number_differs: differs,
            story,
            why,
        }) = verdict_at(&changed, from, &corpus)
        {
            let flagged = differs || verdict == Verdict::NumberDiffers;
            c.flagged += usize::from(flagged);
            if verbose && !flagged {
                eprintln!(
                    "FIGURE CHANGED {} {:?} → {numeral:?} vs {} → {}{} {why}",
                    case.page.id,
                    stated,
                    case.reference.id,
                    verdict.as_str(),
                    if story { "" } else { " (no story)" }
                );
            }
        }
    }
    let mut table = Table::default();
    table.share(
        &counts,
        "ECB+ figure test: a figure two reports of one event share — found with the same value (the claim may still differ in source or certainty)",
        "–",
        Bound::AtLeast(0.90),
        |f| (f.agreed, f.shared),
    );
    table.share(
        &counts,
        "ECB+ figure test: the same, verdict corroborated (no source or certainty difference either)",
        "≥ 85 %",
        Bound::AtLeast(0.83),
        |f| (f.corroborated, f.shared),
    );
    table.share(
        &counts,
        "ECB+ figure test: the same, falsely flagged number-differs",
        "≤ 1 %",
        Bound::AtMost(0.01),
        |f| (f.false_alarms, f.shared),
    );
    table.share(
        &counts,
        "ECB+ figure test: the page's figure changed ×1.5, flagged number-differs",
        "≥ 85 %",
        Bound::AtLeast(0.72),
        |f| (f.flagged, f.changed),
    );
    table
}

#[cfg(test)]
mod tests {
    #[test]
    fn numerals_change_the_same_way() {
        for (text, want) in [
            ("1,200 casualties", "1,800"),
            ("50 firefighters", "75"),
            ("3.5 percent", "5.2"),
            ("2,000,000 people", "3,000,000"),
        ] {
            let (_, _, got) = super::changed_numeral(text).unwrap();
            assert_eq!(got, want, "{text}");
        }
    }
}
