//! The sidebar's view model: what it shows for one analysed page, decided here and rendered as
//! it is by the wasm layer.
//!
//! - **One card per claim**: the findings of one claim (an attribution, the hedge and the
//!   figure inside its content) share a card that lists them; its verdict is their most
//!   important one.
//! - **Triage**: cards whose claim differs from the corpus first (most important verdict
//!   first), then corroborated ones; claims the corpus does not hold are folded into one line
//!   per kind. "Only what differs" is the default view when anything differs.
//! - **Compact cards**: kind, verdict, the page's words and one line of why; the two passages
//!   side by side only when the card is opened.
//! - **One calm line** when the corpus has nothing on the page at all, naming what it covers.

use super::words::{
    dates_apart, explain, format_date, kind_label, left_out_note, plural, verdict_label,
};
use crate::compare::{Mark, Verdict};
use crate::corpus::Corpus;
use crate::finding::{Detail, Finding, Kind, Report};
use crate::text::Span;
use serde::Serialize;

/// The page's words on a card are cut after this many characters.
const QUOTE_CHARS: usize = 220;
/// The corpus documents named when the corpus has nothing on a page.
const COVERS_SHOWN: usize = 3;

/// What the sidebar has to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViewState {
    /// The page holds no article.
    NoArticle,
    /// An article with nothing found in it.
    NothingFound,
    /// Findings, none of which the corpus speaks of.
    NothingInCorpus,
    /// Findings, some with a counterpart in the corpus (or no corpus to compare with).
    Findings,
}

/// A verdict count in the summary: a filter the reader can click.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chip {
    /// The verdict counted.
    pub verdict: Verdict,
    /// "Different number".
    pub label: &'static str,
    /// How many cards have it.
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
    /// Its date as the corpus gives it ("2024-06"), if known.
    pub date: Option<String>,
}

/// One finding of a card: what it is and its words ("Figure", "over 1,200 casualties").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CardPart {
    /// The finding's id.
    pub id: usize,
    /// Its kind.
    pub kind: Kind,
    /// "Source", "Cue", "Hedge" or "Figure".
    pub label: &'static str,
    /// Its words.
    pub text: String,
}

/// One card: a claim of the page and how it compares.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    /// The id of the finding whose verdict the card shows (its highlight is the one revealed).
    pub id: usize,
    /// The ids of every finding of the claim, in text order.
    pub ids: Vec<usize>,
    /// The kind of that finding.
    pub kind: Kind,
    /// "Statistic".
    pub kind_label: &'static str,
    /// The card's verdict: the most important of its findings'.
    pub verdict: Verdict,
    /// "Different number".
    pub verdict_label: &'static str,
    /// The card's short accessible name: "Statistic: Different number".
    pub name: String,
    /// The page's words: the claim with every finding in it, cut to a readable length.
    pub quote: String,
    /// What the claim holds: source and cue, hedges, figures.
    pub parts: Vec<CardPart>,
    /// One sentence of why.
    pub why: String,
    /// The page's passage beside the reference, if there is one.
    pub page: Option<Passage>,
    /// The reference, if there is one.
    pub reference: Option<ReferenceView>,
    /// When page and reference are far apart in time, one line that says so (see
    /// [`SidebarView::dated`]).
    pub dates: Option<String>,
}

/// Cards of one kind that the corpus does not hold, folded into one line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Folded {
    /// The kind.
    pub kind: Kind,
    /// "3 statistics not in the corpus".
    pub label: String,
    /// The cards, in page order.
    pub cards: Vec<Card>,
}

/// Everything the sidebar shows for one page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SidebarView {
    /// What there is to show.
    pub state: ViewState,
    /// "14 findings · 9 attributions · 2 hedges · 3 statistics".
    pub summary: String,
    /// The counts per kind, in the sidebar's order, as the kind toggles show them.
    pub kinds: Vec<(Kind, String)>,
    /// The verdict counts of the cards, most important first, zero counts left out.
    pub chips: Vec<Chip>,
    /// Whether the sidebar opens on "only what differs" (something differs).
    pub only_differences: bool,
    /// One calm sentence for the page as a whole (no article, nothing found, nothing in the
    /// corpus), if any, and what run-on sentences held beyond what is marked.
    pub note: Option<String>,
    /// The cards of claims the corpus speaks of (or all, with no corpus): differences first.
    pub cards: Vec<Card>,
    /// The cards of claims the corpus does not hold, one fold per kind.
    pub folded: Vec<Folded>,
}

impl SidebarView {
    /// The view of a page published on `published` (an ISO date, see
    /// [`crate::page::iso_date`]): each card whose reference is far from it in time says so
    /// ([`dates_apart`]). An unknown date changes nothing.
    pub fn dated(mut self, published: Option<&str>) -> SidebarView {
        let Some(page) = published else {
            return self;
        };
        for card in &mut self.cards {
            card.dates = card
                .reference
                .as_ref()
                .and_then(|r| r.date.as_deref())
                .and_then(|reference| dates_apart(page, reference));
        }
        self
    }
}

/// The sidebar's view of an analysed `text` (`corpus`: the corpus it was compared with, named
/// when it has nothing on the page).
///
/// ```
/// use claimlens::view::{sidebar, ViewState};
/// use claimlens::{analyze, Corpus};
/// let corpus = Corpus::bundled();
/// let text = "Officials said 40 people died in the storm on Sunday.";
/// let report = analyze(text, Some(&corpus));
/// let view = sidebar(true, text, &report, Some(&corpus));
/// assert_eq!(view.state, ViewState::NothingInCorpus);
/// assert!(view.note.unwrap().starts_with("The reference corpus has nothing on this article"));
/// ```
pub fn sidebar(
    is_article: bool,
    text: &str,
    report: &Report,
    corpus: Option<&Corpus>,
) -> SidebarView {
    let findings = &report.findings;
    let count_kind = |k: Kind| findings.iter().filter(|f| f.kind() == k).count();
    let mut summary = plural(findings.len(), "finding");
    for k in Kind::ALL {
        summary.push_str(" · ");
        summary.push_str(&plural(count_kind(k), k.as_str()));
    }
    let cards = claim_cards(text, findings);
    let (mut shown, absent): (Vec<Card>, Vec<Card>) = cards
        .into_iter()
        .partition(|c| c.verdict != Verdict::NotInCorpus);
    shown.sort_by_key(|c| std::cmp::Reverse(c.verdict.importance()));
    let state = match (is_article, findings.is_empty(), shown.is_empty()) {
        (false, _, _) => ViewState::NoArticle,
        (true, true, _) => ViewState::NothingFound,
        (true, false, true) => ViewState::NothingInCorpus,
        (true, false, false) => ViewState::Findings,
    };
    let note = match state {
        ViewState::NoArticle => Some("No article found on this page.".to_string()),
        ViewState::NothingFound => {
            Some("No attributions, hedges or statistics found in this article.".to_string())
        }
        ViewState::NothingInCorpus => Some(nothing_in_corpus(corpus)),
        ViewState::Findings => None,
    };
    // What run-on sentences held beyond what is marked, after the page's own line.
    let note = match (note, left_out_note(&report.left_out)) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => a.or(b),
    };
    let chips: Vec<Chip> = Verdict::ALL
        .into_iter()
        .map(|v| Chip {
            verdict: v,
            label: verdict_label(v),
            count: shown
                .iter()
                .chain(&absent)
                .filter(|c| c.verdict == v)
                .count(),
        })
        .filter(|c| c.count > 0)
        .collect();
    SidebarView {
        state,
        summary,
        kinds: Kind::ALL
            .into_iter()
            .map(|k| (k, plural(count_kind(k), k.as_str())))
            .collect(),
        only_differences: shown.iter().any(|c| c.verdict.is_difference()),
        chips,
        note,
        cards: shown,
        folded: Kind::ALL
            .into_iter()
            .filter_map(|kind| {
                let cards: Vec<Card> = absent.iter().filter(|c| c.kind == kind).cloned().collect();
                (!cards.is_empty()).then(|| Folded {
                    kind,
                    label: format!("{} not in the corpus", plural(cards.len(), kind.as_str())),
                    cards,
                })
            })
            .collect(),
    }
}

/// "The reference corpus has nothing on this article — it covers: “Title” (June 2024), …".
fn nothing_in_corpus(corpus: Option<&Corpus>) -> String {
    let lead = "The reference corpus has nothing on this article";
    let Some(corpus) = corpus.filter(|c| !c.documents().is_empty()) else {
        return format!("{lead}.");
    };
    let docs = corpus.documents();
    let mut named: Vec<String> = docs
        .iter()
        .take(COVERS_SHOWN)
        .map(|d| match d.date.as_deref() {
            Some(date) => format!("“{}” ({})", d.title, format_date(date)),
            None => format!("“{}”", d.title),
        })
        .collect();
    if docs.len() > COVERS_SHOWN {
        named.push(format!(
            "and {}",
            plural(docs.len() - COVERS_SHOWN, "more article")
        ));
    }
    format!("{lead} — it covers {}.", named.join(", "))
}

/// The findings grouped by claim, one card each, in page order.
fn claim_cards(text: &str, findings: &[Finding]) -> Vec<Card> {
    let mut groups: Vec<(Span, Vec<&Finding>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(claim, _)| *claim == f.claim) {
            Some((_, members)) => members.push(f),
            None => groups.push((f.claim, vec![f])),
        }
    }
    groups.sort_by_key(|(_, members)| members.iter().map(|f| f.span().start).min());
    groups
        .into_iter()
        .map(|(claim, members)| card(text, claim, &members))
        .collect()
}

/// The finding a card shows the verdict of: the most important verdict; among equals, the
/// attribution (it holds the others), then the figure.
fn primary<'f>(members: &[&'f Finding]) -> &'f Finding {
    let rank = |f: &Finding| match f.kind() {
        Kind::Attribution => 2,
        Kind::Statistic => 1,
        Kind::Hedge => 0,
    };
    members
        .iter()
        .copied()
        .max_by_key(|f| (f.verdict().importance(), rank(f), std::cmp::Reverse(f.id)))
        .expect("a card has a finding")
}

fn card(text: &str, claim: Span, members: &[&Finding]) -> Card {
    let main = primary(members);
    let c = &main.comparison;
    let cover = members.iter().fold(claim, |span, f| span.cover(f.span()));
    let quote = text
        .get(cover.start..cover.end)
        .unwrap_or_else(|| main.text());
    Card {
        id: main.id,
        ids: members.iter().map(|f| f.id).collect(),
        kind: main.kind(),
        kind_label: kind_label(main.kind()),
        verdict: c.verdict,
        verdict_label: verdict_label(c.verdict),
        name: format!("{}: {}", kind_label(main.kind()), verdict_label(c.verdict)),
        quote: cut(quote, QUOTE_CHARS),
        parts: members.iter().flat_map(|f| parts(f)).collect(),
        why: explain(main.kind(), c),
        dates: None,
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
                date: r.date.clone(),
            }
        }),
    }
}

/// What a finding contributes to its card's list.
fn parts(f: &Finding) -> Vec<CardPart> {
    let part = |label, text: &str| CardPart {
        id: f.id,
        kind: f.kind(),
        label,
        text: text.to_string(),
    };
    match &f.detection.detail {
        Detail::Attribution { source, cue, .. } => {
            // In text order, as the page marks them ("Bloomberg reports", "reports Bloomberg").
            let mut found: Vec<(&'static str, &crate::finding::Part)> =
                [("Source", source), ("Cue", cue)]
                    .into_iter()
                    .filter_map(|(label, p)| p.as_ref().map(|p| (label, p)))
                    .collect();
            found.sort_by_key(|(_, p)| p.start);
            found
                .into_iter()
                .map(|(label, p)| part(label, &p.text))
                .collect()
        }
        Detail::Hedge { .. } => vec![part("Hedge", f.text())],
        Detail::Statistic { .. } => vec![part("Figure", f.text())],
    }
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis.
fn cut(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let mid_word = !text[end..].starts_with(' ');
    let head = match head.rfind(' ') {
        Some(i) if mid_word => &head[..i],
        _ => head,
    };
    format!("{head} …")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    fn sample(name: &str) -> String {
        std::fs::read_to_string(format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn the_note_says_what_run_on_passages_left_unmarked() {
        let corpus = Corpus::bundled();
        let page = format!(
            "{}\n\n{}",
            sample("001_715e0a4cd338ff9b.txt"),
            "thousands of ".repeat(100)
        );
        let report = analyze(&page, Some(&corpus));
        let view = sidebar(true, &page, &report, Some(&corpus));
        assert_eq!(view.state, ViewState::Findings);
        let note = view.note.expect("a note on the passage left unmarked");
        assert!(
            note.starts_with("Not marked: 18 more statistics in 1 run-on passage"),
            "{note}"
        );
        let plain = analyze(&sample("001_715e0a4cd338ff9b.txt"), Some(&corpus));
        assert_eq!(sidebar(true, "", &plain, Some(&corpus)).note, None);
    }

    #[test]
    fn cards_say_when_the_reference_is_years_from_the_page() {
        let corpus = Corpus::bundled();
        let page = sample("001_715e0a4cd338ff9b.txt");
        let report = analyze(&page, Some(&corpus));
        let view = sidebar(true, &page, &report, Some(&corpus));
        let referenced = view.cards.iter().filter(|c| c.reference.is_some()).count();
        assert!(referenced > 0);
        let dated_by = |published: Option<&str>| {
            view.clone()
                .dated(published)
                .cards
                .into_iter()
                .filter_map(|c| c.dates)
                .collect::<Vec<_>>()
        };
        let old = dated_by(Some("2015-03-01"));
        assert_eq!(old.len(), referenced, "{old:?}");
        assert!(old
            .iter()
            .all(|d| d.contains("years after this page (1 March 2015)")));
        // The corpus's own month, or no date: nothing to say.
        assert!(dated_by(Some("2024-06-20")).is_empty());
        assert!(dated_by(None).is_empty());
    }

    #[test]
    fn a_claim_is_one_card_and_differences_come_first() {
        let corpus = Corpus::bundled();
        let page = sample("001_715e0a4cd338ff9b.txt")
            .replace("over 1,200 personnel", "over 2,500 personnel");
        let report = analyze(&page, Some(&corpus));
        let view = sidebar(true, &page, &report, Some(&corpus));
        assert_eq!(view.state, ViewState::Findings);
        assert!(view.only_differences);
        // Every finding is on exactly one card.
        let mut ids: Vec<usize> = view
            .cards
            .iter()
            .chain(view.folded.iter().flat_map(|f| &f.cards))
            .flat_map(|c| c.ids.clone())
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, (0..report.findings.len()).collect::<Vec<_>>());
        assert!(
            view.cards.len() < report.findings.len(),
            "claims share cards"
        );
        // Differences first, most important first.
        let importance: Vec<u8> = view.cards.iter().map(|c| c.verdict.importance()).collect();
        assert!(
            importance.windows(2).all(|w| w[0] >= w[1]),
            "{importance:?}"
        );
        assert_eq!(view.cards[0].verdict, Verdict::NumberDiffers);
        assert!(
            view.cards[0].why.contains("over 2,500"),
            "{}",
            view.cards[0].why
        );
        assert!(view.cards.iter().all(|c| c.verdict != Verdict::NotInCorpus));
        // No sentence said twice on a card.
        for c in &view.cards {
            assert_ne!(Some(&c.why), c.reference.as_ref().map(|r| &r.passage.text));
            assert_eq!(c.name, format!("{}: {}", c.kind_label, c.verdict_label));
        }
    }

    #[test]
    fn quotes_are_cut_at_a_word() {
        assert_eq!(cut("one two three", 7), "one two …");
        assert_eq!(cut("  one\n two ", 20), "one two");
    }
}
