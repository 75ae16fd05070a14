//! Attributions on our own annotated set, `tests/data/attributions.json` (the format and the
//! span resolution of `tests/attributions.rs`). Here every part is scored by overlap: a predicted
//! attribution matches an annotated one when their cues overlap by Dice ≥ 0.5; source and content
//! of matched pairs count when they overlap by Dice ≥ 0.5.

use crate::report::{Prf, Row};
use claimlens::detect::find_attributions;
use claimlens::Span;
use serde_json::Value;

const DATA: &str = include_str!("../../tests/data/attributions.json");

struct Gold {
    cue: Span,
    source: Option<Span>,
    content: Option<Span>,
}

fn boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

fn occurrences(text: &str, needle: &str, whole_word: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(needle)) {
        let at = from + i;
        if !whole_word || (boundary(text, at) && boundary(text, at + needle.len())) {
            out.push(at);
        }
        from = at + needle.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn explicit(v: &Value) -> Option<Span> {
    let a = v.as_array()?;
    Some(Span::new(
        a.first()?.as_u64()? as usize,
        a.get(1)?.as_u64()? as usize,
    ))
}

fn near(text: &str, v: &Value, cue: Span) -> Option<Span> {
    if let Some(s) = explicit(v) {
        return Some(s);
    }
    let needle = v.as_str()?;
    let best = occurrences(text, needle, false)
        .into_iter()
        .min_by_key(|&at| at.abs_diff(cue.start))?;
    Some(Span::new(best, best + needle.len()))
}

fn gold(text: &str, item: &Value) -> Vec<Gold> {
    let mut used: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for a in item["attributions"].as_array().into_iter().flatten() {
        let cue = if let Some(s) = explicit(&a["cue"]) {
            s
        } else {
            let Some(needle) = a["cue"].as_str() else {
                continue;
            };
            let n = used.iter().filter(|c| *c == needle).count();
            let Some(&at) = occurrences(text, needle, true).get(n) else {
                continue;
            };
            used.push(needle.to_string());
            Span::new(at, at + needle.len())
        };
        out.push(Gold {
            cue,
            source: near(text, &a["source"], cue),
            content: near(text, &a["content"], cue),
        });
    }
    out
}

fn dice(a: Span, b: Span) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    2.0 * inter as f64 / (a.len() + b.len()).max(1) as f64
}

pub fn rows(verbose: bool) -> Vec<Row> {
    let Ok(data) = serde_json::from_str::<Value>(DATA) else {
        eprintln!("skipping attributions: tests/data/attributions.json is not valid JSON");
        return Vec::new();
    };
    let items = data.as_array().cloned().unwrap_or_default();
    let (mut cue, mut source, mut content) = (Prf::default(), Prf::default(), Prf::default());
    for item in &items {
        let text = item["text"].as_str().unwrap_or_default();
        let gold = gold(text, item);
        let found = find_attributions(text, &claimlens::text::sentences(text));
        cue.gold += gold.len();
        cue.predicted += found.len();
        source.gold += gold.iter().filter(|g| g.source.is_some()).count();
        content.gold += gold.iter().filter(|g| g.content.is_some()).count();
        source.predicted += found.iter().filter(|f| f.source.is_some()).count();
        content.predicted += found.iter().filter(|f| f.content.is_some()).count();
        for f in &found {
            let Some(g) = gold.iter().find(|g| dice(g.cue, f.cue) >= 0.5) else {
                if verbose {
                    eprintln!("ATTRIBUTION FALSE cue {:?} in {text:?}", f.cue.slice(text));
                }
                continue;
            };
            cue.tp_predicted += 1;
            cue.tp_gold += 1;
            for (pred, want, prf) in [
                (f.source, g.source, &mut source),
                (f.content, g.content, &mut content),
            ] {
                if let (Some(p), Some(w)) = (pred, want) {
                    let ok = usize::from(dice(p, w) >= 0.5);
                    prf.tp_predicted += ok;
                    prf.tp_gold += ok;
                }
            }
        }
    }
    let anchor = "trained (WSJ) cue 82.3 / source 82.0; BERT (political news) cue 75.3 / source 83.2 / content 72.9; rule baseline 22.8 / 10.7 / 5.6 — on other data";
    vec![
        Row::new(
            &format!(
                "attribution cue, overlap (own set `tests/data/attributions.json`, {} items, {} attributions; written by us, not held out)",
                items.len(),
                cue.gold
            ),
            &cue.cell(),
            anchor,
            "cue ≥ 0.75 on held-out news",
        ),
        Row::new("attribution source, overlap (same set)", &source.cell(), anchor, "source ≥ 0.70 on held-out news"),
        Row::new("attribution content, overlap (same set)", &content.cell(), anchor, "report"),
    ]
}
