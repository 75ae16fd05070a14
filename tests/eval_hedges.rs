#![cfg(not(target_arch = "wasm32"))]
//! Hedges on the Szeged Uncertainty Corpus (Wikipedia, development half; `../shared/evaldata/
//! szeged_uncertainty_wiki`), sentence level without conditional cues, with a floor per half
//! (the figures of EVALUATION.md). `EVAL_VERBOSE=1` lists false cues and the most frequent
//! right, false and missed cues.

#[path = "../examples/support/mod.rs"]
mod support;

/// Floors of (F1, precision) at sentence level without conditional cues: build, check.
const FLOORS: [(f64, f64); 2] = [(0.83, 0.83), (0.82, 0.81)];

#[test]
fn szeged_hedges_hold_their_floors() {
    let Some(dir) = support::data_dir("szeged_uncertainty_wiki") else {
        return;
    };
    let sentences = support::szeged::load(&dir).expect("wiki.xml");
    let h = support::szeged::evaluate(&sentences, std::env::var("EVAL_VERBOSE").is_ok());
    for (half, scores, (floor_f1, floor_p)) in
        [("build", h.build, FLOORS[0]), ("check", h.check, FLOORS[1])]
    {
        let prf = scores.sentences_no_condition;
        println!("{half}: sentence level without conditionals {}", prf.cell());
        println!(
            "{half}: cue level without conditionals {}",
            scores.cues_no_condition.cell()
        );
        assert!(
            prf.f1() >= floor_f1 - 0.005 && prf.precision() >= floor_p - 0.005,
            "{half}: F1 {:.3} P {:.3} below the floors {floor_f1} / {floor_p}",
            prf.f1(),
            prf.precision()
        );
    }
}
