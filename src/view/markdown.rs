//! The sidebar's findings as Markdown, for a fact-checker's notes: the page (title, address,
//! what was compared with what), then one item per card in the sidebar's order — differences
//! first, grouped under their verdict, then corroborated claims, then what the corpus does not
//! hold — each with its parts, the sentence of why, and the two passages with the words that
//! differ in bold.

use super::cards::{Card, Passage, SidebarView};
use crate::compare::Mark;

/// The page a Markdown export is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportPage<'a> {
    /// The page's title.
    pub title: &'a str,
    /// The page's address.
    pub url: &'a str,
    /// What the findings were compared with ("Reference corpus: 2 articles, June 2024"), if
    /// anything.
    pub corpus: Option<&'a str>,
}

/// The findings of `view` (the sidebar's view of `page`) as Markdown.
///
/// ```
/// use claimlens::view::{markdown, sidebar, ExportPage};
/// use claimlens::{analyze, Corpus};
/// let text = "Officials said 40 people died in the storm on Sunday.";
/// let report = analyze(text, None);
/// let view = sidebar(true, text, &report, None);
/// let page = ExportPage { title: "Storm", url: "https://example.org/storm", corpus: None };
/// let md = markdown(&page, &view);
/// assert!(md.starts_with("# Storm\n\n<https://example.org/storm>\n"));
/// assert!(md.contains("\n## Not compared (1)\n"));
/// assert!(md.contains("- **Attribution · Not compared** — “Officials said 40 people died in the storm on Sunday”\n  - Source: Officials\n"));
/// ```
pub fn markdown(page: &ExportPage, view: &SidebarView) -> String {
    let mut out = String::new();
    let title = page.title.trim();
    let title = if title.is_empty() {
        "Untitled page"
    } else {
        title
    };
    out.push_str(&format!("# {}\n\n", escape(title)));
    if !page.url.is_empty() {
        out.push_str(&format!("<{}>\n\n", page.url.replace(['<', '>', ' '], "")));
    }
    out.push_str(&format!("ClaimLens: {}.", escape(&view.summary)));
    match page.corpus {
        Some(corpus) => out.push_str(&format!(" Compared with: {}.", escape(corpus))),
        None => out.push_str(" Not compared with a reference corpus."),
    }
    out.push('\n');
    if let Some(note) = &view.note {
        out.push_str(&format!("\n{}\n", escape(note)));
    }

    // The sidebar's cards, in its order, under a heading per verdict.
    let mut at = 0;
    while at < view.cards.len() {
        let verdict = view.cards[at].verdict;
        let run = view.cards[at..]
            .iter()
            .take_while(|c| c.verdict == verdict)
            .count();
        let cards = &view.cards[at..at + run];
        out.push_str(&format!(
            "\n## {} ({})\n\n",
            cards[0].verdict_label,
            cards.len()
        ));
        for card in cards {
            item(&mut out, card);
        }
        at += run;
    }
    let folded: Vec<&Card> = view.folded.iter().flat_map(|f| &f.cards).collect();
    if !folded.is_empty() {
        out.push_str(&format!("\n## Not in the corpus ({})\n\n", folded.len()));
        for card in folded {
            item(&mut out, card);
        }
    }
    out
}

/// One card as a list item with its details indented under it.
fn item(out: &mut String, card: &Card) {
    out.push_str(&format!(
        "- **{} · {}** — “{}”\n",
        card.kind_label,
        card.verdict_label,
        escape(&card.quote)
    ));
    let mut detail = |label: &str, text: &str| {
        out.push_str(&format!("  - {label}: {text}\n"));
    };
    for part in &card.parts {
        detail(part.label, &escape(&part.text));
    }
    if !card.why.is_empty() {
        detail("Why", &escape(&card.why));
    }
    if let Some(dates) = &card.dates {
        detail("When", &escape(dates));
    }
    if let Some(r) = &card.reference {
        if let Some(p) = &card.page {
            detail("This page", &format!("“{}”", marked(p)));
        }
        let meta = r
            .meta
            .as_deref()
            .map(|m| format!(", {}", escape(m)))
            .unwrap_or_default();
        detail(
            "Reference",
            &format!("“{}” — *{}*{meta}", marked(&r.passage), escape(&r.title)),
        );
    }
}

/// A passage with the words that differ in bold; marks out of order or off char boundaries are
/// skipped.
fn marked(p: &Passage) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &Mark { start, end } in &p.marks {
        let (Some(before), Some(word)) = (p.text.get(at..start), p.text.get(start..end)) else {
            continue;
        };
        out.push_str(&escape(before));
        if !word.trim().is_empty() {
            out.push_str(&format!("**{}**", escape(word.trim())));
        }
        // Keep the blanks a trimmed mark held, so words stay apart.
        if word.ends_with(char::is_whitespace) {
            out.push(' ');
        }
        at = end;
    }
    out.push_str(&escape(p.text.get(at..).unwrap_or("")));
    out
}

/// Text as literal Markdown on one line: characters Markdown would read as markup are escaped
/// and line breaks become spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::sidebar;
    use crate::{analyze, Corpus, Verdict};

    fn sample(name: &str) -> String {
        std::fs::read_to_string(format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    const PAGE: ExportPage = ExportPage {
        title: "Losses",
        url: "https://example.org/a",
        corpus: Some("Reference corpus: 2 articles, June 2024"),
    };

    #[test]
    fn every_card_once_under_its_verdict_in_the_sidebars_order() {
        let corpus = Corpus::bundled();
        let page = sample("001_715e0a4cd338ff9b.txt")
            .replace("over 1,200 personnel", "over 2,500 personnel");
        let report = analyze(&page, Some(&corpus));
        let view = sidebar(true, &page, &report, Some(&corpus));
        let md = markdown(&PAGE, &view);

        let items = md.lines().filter(|l| l.starts_with("- **")).count();
        let folded: usize = view.folded.iter().map(|f| f.cards.len()).sum();
        assert_eq!(items, view.cards.len() + folded);
        // Headings in the sidebar's order: the most important verdict first.
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
        assert!(
            headings[0].starts_with("## Different number ("),
            "{headings:?}"
        );
        let first = view
            .cards
            .iter()
            .find(|c| c.verdict == Verdict::NumberDiffers)
            .unwrap();
        assert!(md.contains(&format!("  - Why: {}\n", escape(&first.why))));
        // The changed figure is bold on the page's side, the corpus's on the reference side.
        assert!(md.contains("**2,500**"), "{md}");
        assert!(md.contains("**1,200**"), "{md}");
        assert!(md.contains(" — *"), "the reference's title: {md}");
        assert!(md.starts_with("# Losses\n\n<https://example.org/a>\n\nClaimLens: "));
        assert!(md.contains(" Compared with: Reference corpus: 2 articles, June 2024.\n"));
    }

    #[test]
    fn page_words_are_never_read_as_markup() {
        assert_eq!(
            escape("*a* _b_ [c](d) <e> #f `g`\nh"),
            r"\*a\* \_b\_ \[c\](d) \<e\> \#f \`g\` h"
        );
        let text = "Officials said **40** [people](x) died.";
        let report = analyze(text, None);
        let view = sidebar(true, text, &report, None);
        let md = markdown(
            &ExportPage {
                title: "# T",
                url: "",
                corpus: None,
            },
            &view,
        );
        assert!(md.starts_with("# \\# T\n\nClaimLens: "), "{md}");
        assert!(
            md.contains(r"“Officials said \*\*40\*\* \[people\]"),
            "{md}"
        );
    }

    #[test]
    fn a_page_without_an_article_says_so() {
        let report = analyze("", None);
        let view = sidebar(false, "", &report, None);
        let md = markdown(&PAGE, &view);
        assert!(md.ends_with("\nNo article found on this page.\n"), "{md}");
        assert!(!md.contains("\n## "));
    }

    #[test]
    fn marks_become_bold_words() {
        let p = Passage {
            text: "lost 2,500 troops".into(),
            marks: vec![Mark { start: 5, end: 11 }, Mark { start: 3, end: 4 }],
        };
        assert_eq!(marked(&p), "lost **2,500** troops");
    }
}
