//! Hedges on the Szeged Uncertainty Corpus, Wikipedia part (`wiki.xml`, development half).
//!
//! The XML is flat and regular (`<Document>…<DocID>id</DocID>…<Sentence id="…">text <ccue
//! type="…">cue</ccue> text</Sentence>`), so a small hand parser reads it: no XML dependency.
//! Each sentence is given to `find_hedges` as one sentence. Sentence level: a sentence is
//! uncertain iff it has a cue. Cue level: a gold cue is found when a predicted cue overlaps it;
//! a predicted cue is right when it overlaps a gold cue. "Without conditional cues" drops the
//! `speculation_hypo_condition` cues ("if", "unless", conditional "would") from the gold.

use super::score::Prf;
use super::{Half, Halves};
use claimlens::detect::find_hedges;
use claimlens::Span;
use std::collections::BTreeMap;
use std::path::Path;

/// The cue type of conditional cues ("if", "unless"), reported apart.
pub const CONDITION: &str = "speculation_hypo_condition";

/// One sentence with its gold cues.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// The id of its document.
    pub doc: String,
    /// The text.
    pub text: String,
    /// Gold cues: span and type.
    pub cues: Vec<(Span, String)>,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every `<Sentence>` of `wiki.xml` in `dir`, with its cues and document (`None` if unreadable).
pub fn load(dir: &Path) -> Option<Vec<Sentence>> {
    let xml = std::fs::read_to_string(dir.join("wiki.xml"))
        .map_err(|e| eprintln!("skipping hedges: {e}"))
        .ok()?;
    let mut out = Vec::new();
    for doc in xml.split("<Document ").skip(1) {
        let id = doc
            .split_once("<DocID")
            .and_then(|(_, rest)| rest.split_once('>'))
            .and_then(|(_, rest)| rest.split_once("</DocID>"))
            .map_or("", |(id, _)| id);
        let mut rest = doc;
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
            let (text, cues) = sentence(body);
            out.push(Sentence {
                doc: id.to_string(),
                text,
                cues,
            });
            rest = &after[close + "</Sentence>".len()..];
        }
    }
    Some(out)
}

type Cues = Vec<(Span, String)>;

fn sentence(body: &str) -> (String, Cues) {
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
    (text, cues)
}

/// The four hedge figures of one half.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Sentence level, all cues.
    pub sentences: Prf,
    /// Sentence level, without conditional cues.
    pub sentences_no_condition: Prf,
    /// Cue level, all cues.
    pub cues: Prf,
    /// Cue level, without conditional cues.
    pub cues_no_condition: Prf,
}

impl super::Pooled for Scores {
    fn pooled(&self, other: &Self) -> Self {
        Scores {
            sentences: self.sentences.pooled(&other.sentences),
            sentences_no_condition: self
                .sentences_no_condition
                .pooled(&other.sentences_no_condition),
            cues: self.cues.pooled(&other.cues),
            cues_no_condition: self.cues_no_condition.pooled(&other.cues_no_condition),
        }
    }
}

fn short(kind: &str) -> &str {
    kind.strip_prefix("speculation_").unwrap_or(kind)
}

/// Scores every sentence, per half (by document); with `verbose`, lists false cues and the
/// most frequent right, false and missed cues on stderr.
pub fn evaluate(sentences: &[Sentence], verbose: bool) -> Halves<Scores> {
    let mut out = Halves::<Scores>::default();
    let mut tallies: [BTreeMap<String, usize>; 3] = Default::default();
    for s in sentences {
        let scores = out.get_mut(Half::of(&s.doc));
        let found = find_hedges(&s.text, &[Span::new(0, s.text.len())]);
        let gold_all: Vec<Span> = s.cues.iter().map(|c| c.0).collect();
        let gold_nc: Vec<Span> = s
            .cues
            .iter()
            .filter(|c| !c.1.starts_with(CONDITION))
            .map(|c| c.0)
            .collect();
        let predicted = !found.is_empty();
        for (prf, gold) in [
            (&mut scores.sentences, &gold_all),
            (&mut scores.sentences_no_condition, &gold_nc),
        ] {
            let positive = !gold.is_empty();
            prf.predicted += usize::from(predicted);
            prf.gold += usize::from(positive);
            prf.tp_predicted += usize::from(predicted && positive);
            prf.tp_gold += usize::from(predicted && positive);
        }
        for (prf, gold) in [
            (&mut scores.cues, &gold_all),
            (&mut scores.cues_no_condition, &gold_nc),
        ] {
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
        if !verbose {
            continue;
        }
        for h in &found {
            let right = gold_all.iter().any(|g| g.overlaps(h.span));
            *tallies[usize::from(!right)]
                .entry(h.cue.clone())
                .or_default() += 1;
            if !right {
                eprintln!("HEDGE FALSE {:?} in {:?}", h.cue, s.text);
            }
        }
        for (g, kind) in &s.cues {
            if !found.iter().any(|h| g.overlaps(h.span)) {
                let key = format!("{} ({})", g.slice(&s.text).to_lowercase(), short(kind));
                *tallies[2].entry(key).or_default() += 1;
            }
        }
    }
    if verbose {
        for (name, map) in ["right", "false", "missed"].iter().zip(&tallies) {
            let mut v: Vec<_> = map.iter().collect();
            v.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
            let list: Vec<String> = v.iter().take(60).map(|(c, n)| format!("{c} {n}")).collect();
            eprintln!("HEDGE CUES {name}: {}", list.join(", "));
        }
    }
    out
}
