//! Attribution on PolNeAR (Newell, Margolin, Ruths 2018: political news of the 2016 US election
//! from seven outlets, cue/source/content in BIO tags), validation split as redistributed by
//! CofeNet (`polnear_valid_en/valid.jsonl`, one tokenised sentence per line).
//!
//! Scoring, as `SOURCE.txt` gives it for the held-out figure: each sentence's tokens are joined
//! with single spaces and the text is analysed alone, as `claimlens analyze` does (sentences,
//! then the detectors); per role (cue, source, content), a predicted span counts when it overlaps
//! a gold span of the same role, each gold span matched once ([`super::score::overlap`]).

use super::score::{exact, overlap, Prf};
use super::{Half, Halves};
use claimlens::detect::{find_attributions, Attribution};
use claimlens::Span;
use std::path::Path;

/// The roles, in the order of [`Sentence::gold`].
pub const ROLES: [&str; 3] = ["cue", "source", "content"];

/// One sentence: its document, its text (tokens joined by spaces) and its gold spans.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// The document id.
    pub doc: String,
    /// The tokens joined by single spaces.
    pub text: String,
    /// Gold spans per role (cue, source, content), in byte offsets of `text`.
    pub gold: [Vec<Span>; 3],
}

/// Every sentence of `valid.jsonl` in `dir` (`None` if unreadable).
pub fn load(dir: &Path) -> Option<Vec<Sentence>> {
    let data = std::fs::read_to_string(dir.join("valid.jsonl"))
        .map_err(|e| eprintln!("skipping PolNeAR: {e}"))
        .ok()?;
    let mut out = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let tokens: Vec<&str> = v["tokens"]
            .as_array()?
            .iter()
            .filter_map(|t| t.as_str())
            .collect();
        let labels: Vec<&str> = v["labels"]
            .as_array()?
            .iter()
            .filter_map(|t| t.as_str())
            .collect();
        let mut text = String::new();
        let mut spans = Vec::with_capacity(tokens.len());
        for t in &tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            spans.push(Span::new(text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        let mut gold: [Vec<Span>; 3] = Default::default();
        for (r, role) in ROLES.iter().enumerate() {
            let (begin, inside) = (format!("B-{role}"), format!("I-{role}"));
            let mut current: Option<Span> = None;
            for (i, label) in labels.iter().enumerate() {
                if *label == begin {
                    gold[r].extend(current.take());
                    current = Some(spans[i]);
                } else if *label == inside && current.is_some() {
                    current = current.map(|c| c.cover(spans[i]));
                } else {
                    gold[r].extend(current.take());
                }
            }
            gold[r].extend(current);
        }
        out.push(Sentence {
            doc: v["id"].as_str().unwrap_or_default().to_string(),
            text,
            gold,
        });
    }
    Some(out)
}

/// The figures of one half: overlap per role, and exact cue match.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Overlap scores per role (cue, source, content).
    pub roles: [Prf; 3],
    /// Exact cue match.
    pub cue_exact: Prf,
    /// Sentences.
    pub sentences: usize,
    /// Documents.
    pub documents: usize,
}

impl super::Pooled for Scores {
    fn pooled(&self, other: &Self) -> Self {
        Scores {
            roles: [0, 1, 2].map(|r| self.roles[r].pooled(&other.roles[r])),
            cue_exact: self.cue_exact.pooled(&other.cue_exact),
            sentences: self.sentences + other.sentences,
            documents: self.documents + other.documents,
        }
    }
}

/// The predicted spans per role of some attributions.
pub fn predicted(found: &[Attribution]) -> [Vec<Span>; 3] {
    [
        found.iter().map(|a| a.cue).collect(),
        found.iter().filter_map(|a| a.source).collect(),
        found.iter().filter_map(|a| a.content).collect(),
    ]
}

/// A sentence with spans marked: `C[…]` cue, `S[…]` source, `Q[…]` content.
pub fn render(text: &str, spans: &[Vec<Span>; 3]) -> String {
    let mut marks: Vec<(usize, bool, &str)> = Vec::new();
    for (r, tag) in ["C[", "S[", "Q["].iter().enumerate() {
        for s in &spans[r] {
            marks.push((s.start, false, tag));
            marks.push((s.end, true, "]"));
        }
    }
    marks.sort_by_key(|&(at, close, _)| (at, !close));
    let mut out = String::new();
    let mut last = 0;
    for (at, _, tag) in marks {
        out.push_str(&text[last..at]);
        out.push_str(tag);
        last = at;
    }
    out.push_str(&text[last..]);
    out
}

/// Scores every sentence, per half (by document); with `verbose`, every sentence where a role
/// differs goes to stderr as one line: `POLNEAR`, half, document, gold and predicted markup,
/// separated by tabs.
pub fn evaluate(sentences: &[Sentence], verbose: bool) -> Halves<Scores> {
    let mut out = Halves::<Scores>::default();
    let mut last_doc: Option<&str> = None;
    for s in sentences {
        let half = Half::of(&s.doc);
        let scores = out.get_mut(half);
        scores.sentences += 1;
        if last_doc != Some(&s.doc) {
            scores.documents += 1;
            last_doc = Some(&s.doc);
        }
        let found = find_attributions(&s.text, &claimlens::text::sentences(&s.text));
        let pred = predicted(&found);
        let mut differs = false;
        for ((p, g), role) in pred.iter().zip(&s.gold).zip(&mut scores.roles) {
            let prf = overlap(p, g);
            differs |= prf.tp_predicted != prf.predicted || prf.tp_gold != prf.gold;
            role.add(prf);
        }
        scores.cue_exact.add(exact(&pred[0], &s.gold[0]));
        if verbose && differs {
            eprintln!(
                "POLNEAR\t{}\t{}\t{}\t{}",
                half.name(),
                s.doc,
                render(&s.text, &s.gold),
                render(&s.text, &pred)
            );
        }
    }
    out
}
