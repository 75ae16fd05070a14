#![cfg(not(target_arch = "wasm32"))]
//! Attribution on PolNeAR validation (political news annotated by others; `../shared/evaldata/
//! polnear_valid_en`), overlap F1 per role with a floor per half (the figures of EVALUATION.md):
//! a change that lowers any of them fails here. `EVAL_VERBOSE=1` lists every sentence where a
//! role differs, gold against ours.

#[path = "../examples/support/mod.rs"]
mod support;

use support::polnear::{evaluate, load, ROLES};

/// Floors of (F1, precision) per role (cue, source, content), on the build and check halves.
const FLOORS: [[(f64, f64); 3]; 2] = [
    [(0.795, 0.89), (0.80, 0.885), (0.755, 0.915)],
    [(0.72, 0.87), (0.73, 0.855), (0.67, 0.92)],
];

#[test]
fn polnear_attribution_holds_its_floors() {
    let Some(dir) = support::data_dir("polnear_valid_en") else {
        return;
    };
    let sentences = load(&dir).expect("valid.jsonl");
    let h = evaluate(&sentences, std::env::var("EVAL_VERBOSE").is_ok());
    let mut failures = Vec::new();
    for (half, scores, floors) in [("build", h.build, FLOORS[0]), ("check", h.check, FLOORS[1])] {
        for r in 0..3 {
            let prf = scores.roles[r];
            let (f1, p) = (prf.f1(), prf.precision());
            println!("{half} {}: {}", ROLES[r], prf.cell());
            let (floor_f1, floor_p) = floors[r];
            if f1 < floor_f1 - 0.005 || p < floor_p - 0.005 {
                failures.push(format!(
                    "{half} {}: F1 {f1:.3} P {p:.3} below the floors F1 {floor_f1} P {floor_p}",
                    ROLES[r]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
