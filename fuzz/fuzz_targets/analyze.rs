//! Arbitrary bytes, read as text, through the whole core with the bundled corpus: no panic, every
//! span on char boundaries inside the text, the same result twice.
#![no_main]

use claimlens::{analyze, Corpus};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static CORPUS: LazyLock<Corpus> = LazyLock::new(Corpus::bundled);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = analyze(&text, Some(&CORPUS));
    for f in &report.findings {
        let (start, end) = (f.span().start, f.span().end);
        assert!(start <= end && end <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(&text[start..end], f.text());
    }
    assert_eq!(report, analyze(&text, Some(&CORPUS)));
});
