//! Findings as JSON (the CLI's `--json`, `--jsonl` and the sidebar's export): the detection's
//! fields, the verdict, each typed difference with its sentence, the explanation, and both
//! passages.

use super::words::{describe_difference, explain};
use crate::compare::{Agreement, Difference, PagePassage, Reference, Verdict};
use crate::detect::LeftOut;
use crate::finding::{Detection, Finding, Report, StoryDocument};
use serde::Serialize;

/// A difference in JSON: its verdict, its typed fields and its sentence.
#[derive(Serialize)]
struct DifferenceJson<'a> {
    verdict: Verdict,
    detail: String,
    #[serde(flatten)]
    difference: &'a Difference,
}

/// One finding in JSON.
#[derive(Serialize)]
pub struct FindingJson<'a> {
    id: usize,
    #[serde(flatten)]
    detection: &'a Detection,
    verdict: Verdict,
    differences: Vec<DifferenceJson<'a>>,
    agreements: &'a [Agreement],
    explanation: String,
    reference: Option<&'a Reference>,
    page_passage: Option<&'a PagePassage>,
}

impl<'a> FindingJson<'a> {
    /// The JSON form of a finding.
    pub fn of(f: &'a Finding) -> FindingJson<'a> {
        let c = &f.comparison;
        FindingJson {
            id: f.id,
            detection: &f.detection,
            verdict: c.verdict,
            differences: c
                .differences
                .iter()
                .map(|d| DifferenceJson {
                    verdict: d.verdict(),
                    detail: describe_difference(d),
                    difference: d,
                })
                .collect(),
            agreements: &c.agreements,
            explanation: explain(f.kind(), c),
            reference: c.reference.as_ref(),
            page_passage: c.page_passage.as_ref(),
        }
    }
}

/// A report in JSON: `{"findings": [...], "story": [...]}`, and `"left_out": [{"kind",
/// "start", "end", "count"}]` when run-on sentences held more findings of a kind than are kept
/// (see [`crate::detect::MAX_PER_SENTENCE`]).
#[derive(Serialize)]
pub struct ReportJson<'a> {
    findings: Vec<FindingJson<'a>>,
    story: &'a [StoryDocument],
    #[serde(skip_serializing_if = "<[LeftOut]>::is_empty")]
    left_out: &'a [LeftOut],
}

/// The JSON form of a report.
pub fn report_json(report: &Report) -> ReportJson<'_> {
    ReportJson {
        findings: report.findings.iter().map(FindingJson::of).collect(),
        story: &report.story,
        left_out: &report.left_out,
    }
}

/// A page's report in JSON, as the sidebar exports it: the page's `url` and `title`, then the
/// fields of [`report_json`] (`findings`, `story`) — the schema of `claimlens analyze --json`.
#[derive(Serialize)]
pub struct PageReportJson<'a> {
    url: &'a str,
    title: &'a str,
    #[serde(flatten)]
    report: ReportJson<'a>,
}

/// The JSON form of a page's report with its address and title.
///
/// ```
/// use claimlens::{analyze, view::{page_report_json, report_json}};
/// let report = analyze("Officials said 40 people died.", None);
/// let page = serde_json::to_value(page_report_json("https://example.org/a", "A", &report)).unwrap();
/// let mut cli = serde_json::to_value(report_json(&report)).unwrap();
/// cli["url"] = "https://example.org/a".into();
/// cli["title"] = "A".into();
/// assert_eq!(page, cli);
/// ```
pub fn page_report_json<'a>(
    url: &'a str,
    title: &'a str,
    report: &'a Report,
) -> PageReportJson<'a> {
    PageReportJson {
        url,
        title,
        report: report_json(report),
    }
}
