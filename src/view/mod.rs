//! Findings as a reader sees them: labels, explanations, card facts, summaries and plurals —
//! the sidebar's view model and the words of the CLI, made here from the typed comparison and
//! tested natively. The wasm layer only renders what this module decides.

mod cards;
mod json;
mod markdown;
mod words;

pub use cards::{
    sidebar, Card, CardPart, Chip, Folded, Passage, ReferenceView, SidebarView, ViewState,
};
pub use json::{page_report_json, report_json, FindingJson, PageReportJson, ReportJson};
pub use markdown::{markdown, ExportPage};
pub use words::{
    dates_apart, describe_corpus, describe_difference, explain, facts, format_date, format_number,
    kind_label, left_out_note, plural, verdict_label, FAR_APART_MONTHS,
};
