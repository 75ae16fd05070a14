//! The page's publication date, read from its metadata — the CLI's HTML parser and the content
//! script look in the same places ([`PUBLISHED_META`], then JSON-LD's `datePublished`) — and kept
//! as an ISO date, so that a card can say when its reference is years away from the page.

/// The `<meta>` keys (its `property`, `name` or `itemprop`, lower-cased) that give a page's
/// publication date, most trusted first.
pub const PUBLISHED_META: [&str; 10] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "pubdate",
    "date",
];

/// An ISO 8601 date or date-time as "YYYY-MM-DD" (or "YYYY-MM" when no day is given); `None` for
/// anything else. Years 1900–2099 only.
///
/// ```
/// use claimlens::page::iso_date;
/// assert_eq!(iso_date("2015-07-10 09:53:00 -0400").as_deref(), Some("2015-07-10"));
/// assert_eq!(iso_date(" 2021-11-01T10:52:50+01:00").as_deref(), Some("2021-11-01"));
/// assert_eq!(iso_date("2024-06").as_deref(), Some("2024-06"));
/// assert_eq!(iso_date("2024-13-01"), None);
/// assert_eq!(iso_date("yesterday"), None);
/// ```
pub fn iso_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let year = raw.get(..4).filter(|y| digits(y, 4))?;
    if !(year.starts_with("19") || year.starts_with("20")) {
        return None;
    }
    let month = raw
        .get(4..7)
        .and_then(|m| m.strip_prefix('-'))
        .filter(|m| digits(m, 2))?;
    if !(1..=12).contains(&month.parse::<u8>().ok()?) {
        return None;
    }
    let after_month = raw.get(7..).unwrap_or("");
    if after_month.is_empty() {
        return Some(format!("{year}-{month}"));
    }
    let day = after_month
        .get(..3)
        .and_then(|d| d.strip_prefix('-'))
        .filter(|d| digits(d, 2))?;
    let rest = &after_month[3..];
    let ends = rest.is_empty() || rest.starts_with(['T', ' ', 't']);
    (ends && (1..=31).contains(&day.parse::<u8>().ok()?)).then(|| format!("{year}-{month}-{day}"))
}

/// The `datePublished` of a JSON-LD script's text, read without parsing the whole script (its
/// first occurrence, as a string value).
///
/// ```
/// use claimlens::page::json_ld_published;
/// let script = r#"{"@type": "NewsArticle", "datePublished": "2019-04-30T13:39:00-04:00"}"#;
/// assert_eq!(json_ld_published(script).as_deref(), Some("2019-04-30"));
/// ```
pub fn json_ld_published(script: &str) -> Option<String> {
    let key = "\"datePublished\"";
    let at = script.find(key)? + key.len();
    let rest = script[at..].trim_start().strip_prefix(':')?.trim_start();
    let value = rest.strip_prefix('"')?;
    iso_date(&value[..value.find('"')?])
}
