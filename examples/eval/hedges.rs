//! Hedges on the Szeged Uncertainty Corpus, Wikipedia part (`wiki.xml`, development half).
//!
//! The XML is flat and regular (`<Sentence id="…">text <ccue type="…">cue</ccue> text</Sentence>`),
//! so a small hand parser reads it: no XML dependency. Each sentence is given to `find_hedges` as
//! one sentence. Sentence level: a sentence is uncertain iff it has a cue. Cue level: a gold cue is
//! found when a predicted cue overlaps it; a predicted cue is right when it overlaps a gold cue.

use crate::report::{Prf, Row};
use claimlens::detect::find_hedges;
use claimlens::Span;
use std::collections::BTreeMap;
use std::path::Path;

/// The cue type of conditional cues ("if", "unless"), reported apart.
const CONDITION: &str = "speculation_hypo_condition";

struct Sentence {
    text: String,
    /// Gold cues: span and type.
    cues: Vec<(Span, String)>,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// All `<Sentence>` elements with their cues.
fn parse(xml: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find("<Sentence") {
        let after = &rest[open..];
        let Some(gt) = after.find('>') else { break };
        let Some(close) = after.find("</Sentence>") else {
            break;
        };
        let body = if gt < close {
            &after[gt + 1..close]
        } else {
            ""
        };
        out.push(sentence(body));
        rest = &after[close + "</Sentence>".len()..];
    }
    out
}

fn sentence(body: &str) -> Sentence {
    let mut text = String::new();
    let mut cues = Vec::new();
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text += &unescape(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        if let Some(attrs) = tag.strip_prefix("ccue") {
            let kind = attrs
                .split('"')
                .nth(1)
                .unwrap_or("")
                .trim()
                .trim_end_matches('_')
                .trim()
                .to_string();
            open.push((text.len(), kind));
        } else if tag == "/ccue" {
            if let Some((start, kind)) = open.pop() {
                cues.push((Span::new(start, text.len()), kind));
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    text += &unescape(rest);
    Sentence { text, cues }
}

pub fn rows(dir: &Path, verbose: bool) -> Vec<Row> {
    let xml = match std::fs::read_to_string(dir.join("wiki.xml")) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("skipping hedges: {e}");
            return Vec::new();
        }
    };
    let sentences = parse(&xml);
    let (mut all, mut no_cond, mut cues, mut cues_no_cond) = (
        Prf::default(),
        Prf::default(),
        Prf::default(),
        Prf::default(),
    );
    let mut false_cues: BTreeMap<String, usize> = BTreeMap::new();
    let mut missed_cues: BTreeMap<String, usize> = BTreeMap::new();
    let mut right_cues: BTreeMap<String, usize> = BTreeMap::new();
    for s in &sentences {
        let found = find_hedges(&s.text, &[Span::new(0, s.text.len())]);
        let gold_all: Vec<Span> = s.cues.iter().map(|c| c.0).collect();
        let gold_nc: Vec<Span> = s
            .cues
            .iter()
            .filter(|c| !c.1.starts_with(CONDITION))
            .map(|c| c.0)
            .collect();
        let predicted = !found.is_empty();
        for (prf, gold) in [(&mut all, &gold_all), (&mut no_cond, &gold_nc)] {
            let positive = !gold.is_empty();
            prf.predicted += usize::from(predicted);
            prf.gold += usize::from(positive);
            prf.tp_predicted += usize::from(predicted && positive);
            prf.tp_gold += usize::from(predicted && positive);
        }
        for (prf, gold) in [(&mut cues, &gold_all), (&mut cues_no_cond, &gold_nc)] {
            prf.predicted += found.len();
            prf.gold += gold.len();
            prf.tp_predicted += found
                .iter()
                .filter(|h| gold.iter().any(|g| g.overlaps(h.span)))
                .count();
            prf.tp_gold += gold
                .iter()
                .filter(|g| found.iter().any(|h| g.overlaps(h.span)))
                .count();
        }
        for h in &found {
            let right = gold_all.iter().any(|g| g.overlaps(h.span));
            let map = if right {
                &mut right_cues
            } else {
                &mut false_cues
            };
            *map.entry(h.cue.clone()).or_default() += 1;
            if !right && verbose {
                eprintln!("HEDGE FALSE {:?} in {:?}", h.cue, s.text);
            }
        }
        for (g, kind) in &s.cues {
            if !found.iter().any(|h| g.overlaps(h.span)) {
                *missed_cues
                    .entry(format!(
                        "{} ({})",
                        g.slice(&s.text).to_lowercase(),
                        short(kind)
                    ))
                    .or_default() += 1;
            }
        }
    }
    if verbose {
        for (name, map) in [
            ("right", &right_cues),
            ("false", &false_cues),
            ("missed", &missed_cues),
        ] {
            let mut v: Vec<_> = map.iter().collect();
            v.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
            let list: Vec<String> = v.iter().take(60).map(|(c, n)| format!("{c} {n}")).collect();
            eprintln!("HEDGE CUES {name}: {}", list.join(", "));
        }
    }
    let n = sentences.len();
    let anchor = "word lists F1 0.43–0.68; fine-tuned BERT ≈ 0.88";
    vec![
        Row::new(
            &format!("hedge, sentence level, all cues (Szeged WikiWeasel dev, {n} sentences, {} uncertain)", all.gold),
            &all.cell(),
            anchor,
            "report",
        ),
        Row::new(
            &format!("hedge, sentence level, without conditional cues ({} uncertain)", no_cond.gold),
            &no_cond.cell(),
            anchor,
            "F1 ≥ 0.80, P ≥ 0.80",
        ),
        Row::new(
            &format!("hedge, cue level, all cues ({} cues)", cues.gold),
            &cues.cell(),
            "—",
            "report",
        ),
        Row::new(
            &format!("hedge, cue level, without conditional cues ({} cues)", cues_no_cond.gold),
            &cues_no_cond.cell(),
            "—",
            "report",
        ),
    ]
}

fn short(kind: &str) -> &str {
    kind.strip_prefix("speculation_").unwrap_or(kind)
}
