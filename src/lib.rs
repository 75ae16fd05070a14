//! ClaimLens core: finds attributed claims, hedges and statistics in news text and compares them
//! with a reference corpus.
//!
//! The same core runs natively (the `claimlens` command-line tool, `cargo test`) and as
//! WebAssembly in the browser extension's sidebar. Spans are UTF-8 byte offsets everywhere in
//! Rust; they are converted to UTF-16 code units only at the JavaScript boundary.
//!
//! Data flows down this list, never back up:
//! [`text`] (sentences, tokens) → [`page`] (input → article) → [`detect`] (attributions,
//! hedges, statistics) → [`corpus`] (reference documents and their index) → [`compare`]
//! (typed comparisons) → [`pipeline`] (findings: a detection and its comparison) → [`view`]
//! (what a reader sees) → the wasm sidebar and the CLI.
//!
//! ```
//! use claimlens::{analyze, Corpus};
//! let corpus = Corpus::bundled();
//! let report = analyze("Russia lost over 1,200 personnel per day in May, the UK Ministry of Defence said.", Some(&corpus));
//! assert!(report.findings.iter().any(|f| f.kind() == claimlens::Kind::Statistic));
//! ```
#![deny(missing_docs)]

pub mod compare;
pub mod corpus;
pub mod detect;
mod finding;
pub mod page;
pub mod pipeline;
pub mod text;
pub mod view;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use compare::{Comparison, Reference, Verdict};
pub use corpus::Corpus;
pub use finding::{Detail, Detection, Finding, Kind, Part, Report, StoryDocument};
pub use pipeline::{analyze, analyze_page, PageAnalysis};
pub use text::{byte_offset, utf16_offset, Span};
pub use view::format_number;
