//! One function per test set: its rows of the table, computed by the shared evaluation support.

use crate::report::Row;
use crate::support::{checkthat, golden, numbers, pages, polnear, szeged, Half, Halves, Pooled};
use std::path::Path;

/// A cell per half, and one for both pooled.
fn cells<T: Pooled>(h: &Halves<T>, cell: impl Fn(&T) -> String) -> [String; 3] {
    [cell(&h.build), cell(&h.check), cell(&h.all())]
}

/// Sentence splitting on the Golden Rules.
pub fn sentences(dir: &Path, verbose: bool) -> Vec<Row> {
    let mut out = Vec::new();
    for &(file, measure, anchor) in golden::SETS {
        let Some(rules) = golden::load(dir, file) else {
            continue;
        };
        let h = golden::evaluate(file, &rules, verbose);
        let cells = cells(&h, |(right, all)| format!("**{right}/{all}**"));
        let goal = format!("{0}/{0} (all halves)", rules.len());
        out.push(Row::new(measure, cells, anchor, &goal));
    }
    out
}

/// Hedges on Szeged WikiWeasel.
pub fn hedges(dir: &Path, verbose: bool) -> Vec<Row> {
    let Some(sentences) = szeged::load(dir) else {
        return Vec::new();
    };
    let h = szeged::evaluate(&sentences, verbose);
    let anchor = "word lists F1 0.43–0.68; fine-tuned BERT ≈ 0.88";
    let n = |half: Half| {
        let s = h.get(half);
        (
            s.sentences.gold,
            s.sentences_no_condition.gold,
            s.cues.gold,
            s.cues_no_condition.gold,
        )
    };
    let (nb, nc) = (n(Half::Build), n(Half::Check));
    let docs = |half: Half| {
        let mut ids: Vec<&str> = sentences
            .iter()
            .filter(|s| Half::of(&s.doc) == half)
            .map(|s| s.doc.as_str())
            .collect();
        ids.dedup();
        (
            ids.len(),
            sentences
                .iter()
                .filter(|s| Half::of(&s.doc) == half)
                .count(),
        )
    };
    let ((db, sb), (dc, sc)) = (docs(Half::Build), docs(Half::Check));
    let mut rows = Vec::new();
    for (measure, pick, goal, (gb, gc)) in [
        (
            format!("hedge, sentence level, all cues (Szeged WikiWeasel dev: build {db} docs / {sb} sentences, check {dc} / {sc})"),
            (|s: &szeged::Scores| s.sentences) as fn(&szeged::Scores) -> crate::support::score::Prf,
            "report",
            (nb.0, nc.0),
        ),
        (
            "hedge, sentence level, without conditional cues".to_string(),
            |s: &szeged::Scores| s.sentences_no_condition,
            "F1 ≥ 0.80, P ≥ 0.80",
            (nb.1, nc.1),
        ),
        (
            "hedge, cue level, all cues".to_string(),
            |s: &szeged::Scores| s.cues,
            "report",
            (nb.2, nc.2),
        ),
        (
            "hedge, cue level, without conditional cues".to_string(),
            |s: &szeged::Scores| s.cues_no_condition,
            "report",
            (nb.3, nc.3),
        ),
    ] {
        let cells = cells(&h, |s| pick(s).cell());
        rows.push(Row::new(
            &format!("{measure} (gold: build {gb}, check {gc})"),
            cells,
            anchor,
            goal,
        ));
    }
    rows
}

/// The number suites.
pub fn numbers(data: &Path, verbose: bool) -> Vec<Row> {
    numbers::suites(data)
        .iter()
        .map(|suite| {
            let h = suite.evaluate(verbose);
            let cells = cells(&h, numbers::Tally::cell);
            Row::new(
                &format!("{}: right value", suite.measure),
                cells,
                suite.anchor,
                "≥ 90% right value; no false alarms",
            )
        })
        .collect()
}

/// Article text against Readability.
pub fn extraction(dir: &Path, verbose: bool) -> Vec<Row> {
    let scores = pages::scores(dir);
    if scores.is_empty() {
        return Vec::new();
    }
    if verbose {
        for (name, f1) in scores.iter().filter(|(_, f)| *f < 0.95) {
            eprintln!("EXTRACTION {f1:.3} {name}");
        }
    }
    let h = pages::by_half(&scores);
    let cells = cells(&h, |f1s| {
        let mean = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
        let at_goal = f1s.iter().filter(|&&f| f >= 0.95).count();
        let median = crate::support::score::median(f1s.clone());
        format!(
            "median **{median:.3}**, mean {mean:.3}; {at_goal}/{} pages ≥ 0.95",
            f1s.len()
        )
    });
    vec![Row::new(
        &format!(
            "article text vs Readability, token F1 ({} saved pages, all kinds)",
            scores.len()
        ),
        cells,
        "Readability.js (1.0 by construction)",
        "≥ 0.95 on news pages",
    )]
}

/// Attribution on PolNeAR.
pub fn attribution(dir: &Path, verbose: bool) -> Vec<Row> {
    let Some(sentences) = polnear::load(dir) else {
        return Vec::new();
    };
    let h = polnear::evaluate(&sentences, verbose);
    let anchor = "BERT+CRF / CofeNet on the PolNeAR test split: cue ~75 / source ~83 / content ~73; rule baseline 22.8 / 10.7 / 5.6 (exact); nine-verb regex cue 0.45";
    let size = |s: &polnear::Scores| {
        format!(
            "{} docs, {} sentences, {} cues",
            s.documents, s.sentences, s.roles[0].gold
        )
    };
    let mut rows = Vec::new();
    for (r, goal) in [
        (0, "F1 ≥ 0.75, P ≥ 0.80"),
        (1, "F1 ≥ 0.70, P ≥ 0.80"),
        (2, "F1 ≥ 0.60, P ≥ 0.80"),
    ] {
        let cells = cells(&h, |s| s.roles[r].cell());
        let measure = if r == 0 {
            format!(
                "attribution cue, overlap (PolNeAR validation; build {}; check {})",
                size(&h.build),
                size(&h.check)
            )
        } else {
            format!("attribution {}, overlap (same)", polnear::ROLES[r])
        };
        rows.push(Row::new(&measure, cells, anchor, goal));
    }
    let cells = cells(&h, |s| s.cue_exact.cell());
    rows.push(Row::new(
        "attribution cue, exact span (same)",
        cells,
        "rule baseline 22.8 (exact)",
        "report",
    ));
    rows
}

/// Claim retrieval on CheckThat! 2022 2A.
pub fn retrieval(dir: &Path, verbose: bool) -> Vec<Row> {
    let task = match checkthat::Task::load(dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("skipping claim retrieval: {e}");
            return Vec::new();
        }
    };
    let h = task.evaluate(verbose);
    let cells = cells(&h, |f| {
        format!(
            "MAP@5 **{:.3}** (MRR {:.3}, P@1 {:.3}; {} queries)",
            f.map(),
            f.mrr(),
            f.p_at_1(),
            f.queries
        )
    });
    vec![Row::new(
        "claim retrieval (CheckThat! 2022 2A English dev-test, 14,231 verified claims)",
        cells,
        "organisers' BM25 0.818 (test)",
        "MAP@5 ≥ 0.90",
    )]
}
