//! The sidebar's view model: what it shows for one analysed page, decided here and rendered as
//! it is by the wasm layer.

use super::words::{explain, facts, format_date, kind_label, plural, verdict_label};
use crate::compare::{Mark, Verdict};
use crate::finding::{Finding, Kind, Report};
use serde::Serialize;

/// What the sidebar has to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViewState {
    /// The page holds no article.
    NoArticle,
    /// An article with nothing found in it.
    NothingFound,
    /// Findings to list.
    Findings,
}

/// A verdict count in the summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chip {
    /// The verdict counted.
    pub verdict: Verdict,
    /// "Different number".
    pub label: &'static str,
    /// How many findings have it.
    pub count: usize,
}

/// A passage with its differing words marked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Passage {
    /// The passage.
    pub text: String,
    /// Byte spans of its words that differ from the other side.
    pub marks: Vec<Mark>,
}

/// The reference side of a card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReferenceView {
    /// The reference passage.
    pub passage: Passage,
    /// The reference document's title.
    pub title: String,
    /// Its outlet and date, as a reader writes them ("Reuters · June 2024"), if known.
    pub meta: Option<String>,
}

/// One card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    /// The finding's id (its highlight's).
    pub id: usize,
    /// Its kind.
    pub kind: Kind,
    /// "Statistic".
    pub kind_label: &'static str,
    /// Its verdict.
    pub verdict: Verdict,
    /// "Different number".
    pub verdict_label: &'static str,
    /// The page's words.
    pub text: String,
    /// Kind-specific facts ("Source", "Bloomberg").
    pub facts: Vec<(&'static str, String)>,
    /// One sentence of why.
    pub explanation: String,
    /// The page's passage beside the reference, if there is one.
    pub page: Option<Passage>,
    /// The reference, if there is one.
    pub reference: Option<ReferenceView>,
}

/// Everything the sidebar shows for one page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SidebarView {
    /// What there is to show.
    pub state: ViewState,
    /// "14 findings · 9 attributions · 2 hedges · 3 statistics".
    pub summary: String,
    /// The counts per kind, in the sidebar's order, as the filter buttons show them.
    pub kinds: Vec<(Kind, String)>,
    /// The verdict counts, most important first, zero counts left out.
    pub chips: Vec<Chip>,
    /// A sentence for the page as a whole (nothing found, no article).
    pub note: Option<String>,
    /// The cards, in page order.
    pub cards: Vec<Card>,
}

/// The sidebar's view of an analysed page.
///
/// ```
/// use claimlens::view::{sidebar, ViewState};
/// use claimlens::{analyze, Corpus};
/// let report = analyze("Officials said 40 people died.", Some(&Corpus::bundled()));
/// let view = sidebar(true, &report);
/// assert_eq!(view.state, ViewState::Findings);
/// assert_eq!(view.cards.len(), report.findings.len());
/// ```
pub fn sidebar(is_article: bool, report: &Report) -> SidebarView {
    let findings = &report.findings;
    let count_kind = |k: Kind| findings.iter().filter(|f| f.kind() == k).count();
    let mut summary = plural(findings.len(), "finding");
    for k in Kind::ALL {
        summary.push_str(" · ");
        summary.push_str(&plural(count_kind(k), k.as_str()));
    }
    let state = match (is_article, findings.is_empty()) {
        (false, _) => ViewState::NoArticle,
        (true, true) => ViewState::NothingFound,
        (true, false) => ViewState::Findings,
    };
    let note = match state {
        ViewState::NoArticle => Some("No article found on this page.".to_string()),
        ViewState::NothingFound => {
            Some("No attributions, hedges or statistics found in this article.".to_string())
        }
        ViewState::Findings => None,
    };
    SidebarView {
        state,
        summary,
        kinds: Kind::ALL
            .into_iter()
            .map(|k| (k, plural(count_kind(k), k.as_str())))
            .collect(),
        chips: Verdict::ALL
            .into_iter()
            .map(|v| Chip {
                verdict: v,
                label: verdict_label(v),
                count: findings.iter().filter(|f| f.verdict() == v).count(),
            })
            .filter(|c| c.count > 0)
            .collect(),
        note,
        cards: findings.iter().map(card).collect(),
    }
}

fn card(f: &Finding) -> Card {
    let c = &f.comparison;
    Card {
        id: f.id,
        kind: f.kind(),
        kind_label: kind_label(f.kind()),
        verdict: c.verdict,
        verdict_label: verdict_label(c.verdict),
        text: f.text().to_string(),
        facts: facts(&f.detection.detail),
        explanation: explain(f.kind(), c),
        page: c.page_passage.as_ref().map(|p| Passage {
            text: p.text.clone(),
            marks: p.marks.clone(),
        }),
        reference: c.reference.as_ref().map(|r| {
            let meta: Vec<String> = [r.outlet.clone(), r.date.as_deref().map(format_date)]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect();
            ReferenceView {
                passage: Passage {
                    text: r.text.clone(),
                    marks: r.marks.clone(),
                },
                title: r.title.clone(),
                meta: (!meta.is_empty()).then(|| meta.join(" · ")),
            }
        }),
    }
}
