//! Article extraction against Readability's extractions of real saved pages
//! (`../shared/evaldata/readability_pages`, read in place, never copied), plus hand-made pages.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/support/mod.rs"]
mod support;

/// Token F1 against Readability on every saved page (the measure of `make eval`).
#[test]
fn readability_pages_token_f1() {
    let Some(dir) = support::data_dir("readability_pages") else {
        return;
    };
    let scores = support::pages::scores(&dir);
    for (name, f1) in &scores {
        eprintln!("{f1:>5.3}  {name}");
    }
    let f1s: Vec<f64> = scores.iter().map(|(_, f)| *f).collect();
    let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
    let median = support::score::median(f1s);
    eprintln!(
        "readability pages: {} pages, token F1 median {median:.3}, mean {mean:.3}",
        scores.len()
    );
    // The figures of EVALUATION.md (median 0.992, mean 0.843) as floors.
    assert!(
        median >= 0.99 && mean >= 0.84,
        "token F1 median {median:.3}, mean {mean:.3} fell below the floors 0.99 / 0.84"
    );
}
