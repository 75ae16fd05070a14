//! Hostile and odd input: the core never panics, every span lies on char boundaries inside
//! the text, and analysis is deterministic.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::{analyze, Corpus, Detail};

/// Inputs a page or a file may bring; generated ones are built in `inputs()`.
const ODD: &[&str] = &[
    "",
    " \n\t\u{a0}\u{2028}",
    "...!?…“”‘’\"'«»",
    "said said said according to according to",
    "according to",
    "“",
    "He said: “",
    "over",
    "over 1,200",
    "1,2,3,4,5,6,7,8,9,0,,,,....",
    "$ € £ % per day a day",
    "between 10 and",
    "thousands of thousands of thousands of",
    "مصادر رسمية قالت إن 1,200 شخص قتلوا، وفقاً للتقارير.",
    "e\u{301}\u{301}\u{301} 1\u{301}2\u{301}00 allegedly\u{301}",
    "👨‍👩‍👧‍👦 said 3 👍🏽 🇺🇦 allegedly 12% ",
    "\u{0}\u{1}\u{7f}\u{feff}\u{200b}\u{202e}reversed 5 people said",
    "Mr. Dr. U.S. e.g. i.e. vs. No. 5 St. Jan. 2 a.m. p.m.",
    "<script>alert(1)</script> officials said 5 <b>were</b> hurt",
    // Regression: clause boundaries at a multi-byte em dash once sliced inside it.
    "The toll was severe — the UK Ministry of Defence reporting over 1,200 casualties per day in May — officials said.",
];

fn inputs() -> Vec<String> {
    let mut all: Vec<String> = ODD.iter().map(|s| s.to_string()).collect();
    all.push("1,234 ".repeat(20_000));
    all.push("“".repeat(5_000) + &"”".repeat(5_000));
    all.push("officials said that ".repeat(5_000));
    all.push(format!("{} said.", "a".repeat(200_000)));
    all.push("The UK Ministry of Defence estimates that Russia lost over 1,200 personnel per day in May. ".repeat(300));
    all
}

fn check_boundaries(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: {start}..{end} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries"
    );
}

#[test]
fn odd_input_never_panics_and_spans_stay_on_boundaries() {
    let corpus = Corpus::bundled();
    for text in inputs() {
        let label: String = text.chars().take(30).collect();
        let report = analyze(&text, Some(&corpus));
        for f in &report.findings {
            check_boundaries(&text, f.span().start, f.span().end, &label);
            assert_eq!(&text[f.span().start..f.span().end], f.text());
            if let Detail::Attribution {
                source,
                cue,
                content,
            } = &f.detection.detail
            {
                for part in [source, cue, content].into_iter().flatten() {
                    check_boundaries(&text, part.start, part.end, &label);
                    assert_eq!(&text[part.start..part.end], part.text);
                }
            }
        }
        assert_eq!(
            report,
            analyze(&text, Some(&corpus)),
            "{label}: analysis is not deterministic"
        );
    }
}
