//! Reading what a reference corpus is made from — article files (plain text, Markdown, the page
//! snapshot of an HTML file) and JSON Lines records — into documents: the one reading that
//! `claimlens corpus build` and the extension's corpus import share. Files and lines are read
//! by the caller (the CLI from disk, the extension from the files a reader picked); what they
//! hold is decided here.

use super::{ArticleFile, Corpus, Document};
use crate::page::{extract_article, PageSnapshot};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt;

/// The kinds of article file a corpus folder may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text (`.txt`).
    Text,
    /// A web page (`.html`, `.htm`).
    Html,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
}

impl FileKind {
    /// The kind of an article file by its name's extension (any case); `None` for every other
    /// file (the catalog, images, …).
    ///
    /// ```
    /// use claimlens::corpus::FileKind;
    /// assert_eq!(FileKind::of("Story.HTM"), Some(FileKind::Html));
    /// assert_eq!(FileKind::of("notes.md"), Some(FileKind::Markdown));
    /// assert_eq!(FileKind::of("catalog.tsv"), None);
    /// ```
    pub fn of(name: &str) -> Option<FileKind> {
        let (_, ext) = name.rsplit_once('.')?;
        match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(FileKind::Text),
            "html" | "htm" => Some(FileKind::Html),
            "md" | "markdown" => Some(FileKind::Markdown),
            _ => None,
        }
    }
}

/// An article file's content, as its reader could read it.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleSource {
    /// The text of a plain-text file.
    Text(String),
    /// The text of a Markdown file.
    Markdown(String),
    /// An HTML file as a page snapshot: the CLI parses it with `page::parse_html`, the
    /// extension with the browser's `DOMParser` into the rows its content script sends.
    Page(PageSnapshot),
}

/// Why something could not be imported: a reason, and the line of a JSON Lines input it
/// concerns, if any.
///
/// ```
/// use claimlens::corpus::{documents_from_records, CorpusRecord};
/// let records = vec![(3, Ok(CorpusRecord::default()))];
/// let err = documents_from_records(records).unwrap_err();
/// assert_eq!(err.line(), Some(3));
/// assert_eq!(err.to_string(), "line 3: no \"text\" string");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    line: Option<usize>,
    reason: String,
}

impl ImportError {
    fn new(line: Option<usize>, reason: impl Into<String>) -> ImportError {
        ImportError {
            line,
            reason: reason.into(),
        }
    }

    /// The line (1-based) of the JSON Lines input the error is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What is wrong, without the line.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(n) => write!(f, "line {n}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

impl std::error::Error for ImportError {}

/// An article file of a corpus folder as a document's file: its plain text and its own title
/// (an HTML `<title>`, a Markdown `# heading`). A page without an article, or a file with no
/// text, is refused.
///
/// ```
/// use claimlens::corpus::{article_file, ArticleSource};
/// let md = "# Snow in Los Angeles\n\nPhotos show **snow** near [Los Angeles](https://x.org).\n";
/// let file = article_file("snow.md", ArticleSource::Markdown(md.into())).unwrap();
/// assert_eq!(file.title.as_deref(), Some("Snow in Los Angeles"));
/// assert_eq!(file.text, "Snow in Los Angeles\n\nPhotos show snow near Los Angeles.\n");
/// assert!(article_file("empty.txt", ArticleSource::Text(" \n".into())).is_err());
/// ```
pub fn article_file(name: &str, source: ArticleSource) -> Result<ArticleFile, ImportError> {
    let mut date = None;
    let (title, text) = match source {
        ArticleSource::Text(text) => (None, text),
        ArticleSource::Markdown(markdown) => markdown_text(&markdown),
        ArticleSource::Page(page) => {
            let article = extract_article(&page)
                .ok_or_else(|| ImportError::new(None, format!("{name}: no article found")))?;
            date = page.published;
            (
                Some(page.title).filter(|t| !t.trim().is_empty()),
                article.text,
            )
        }
    };
    if text.trim().is_empty() {
        return Err(ImportError::new(None, format!("{name}: no text")));
    }
    Ok(ArticleFile {
        name: name.to_string(),
        title,
        text,
        date,
    })
}

/// The plain text of a Markdown article and its first `# ` heading: links and images keep
/// their label, line markup (headings, quotes, list bullets) and emphasis or code marks (`**`,
/// `__`, `*`, `` ` ``) are dropped; everything else is kept as written.
///
/// ```
/// use claimlens::corpus::markdown_text;
/// let (title, text) = markdown_text("# Floods\n> *Officials* said [40](https://x.org) died.\n- `one`\n");
/// assert_eq!(title.as_deref(), Some("Floods"));
/// assert_eq!(text, "Floods\nOfficials said 40 died.\none\n");
/// ```
pub fn markdown_text(markdown: &str) -> (Option<String>, String) {
    let title = markdown
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("# "))
        .map(|t| t.trim().to_string());
    let text = strip_emphasis(&strip_line_marks(&strip_links(markdown)));
    (title, text)
}

/// `[label](target)` and `![label](target)` → `label` (a label holds no `]`, a target no `)`).
fn strip_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('[') {
        let link = (|| {
            let label_end = at + 1 + rest[at + 1..].find(']')?;
            let after = rest[label_end + 1..].strip_prefix('(')?;
            let target_end = after.find(')')?;
            let end = label_end + 2 + target_end + 1;
            Some((&rest[at + 1..label_end], end))
        })();
        match link {
            Some((label, end)) => {
                let start = if rest[..at].ends_with('!') {
                    at - 1
                } else {
                    at
                };
                out.push_str(&rest[..start]);
                out.push_str(label);
                rest = &rest[end..];
            }
            None => {
                out.push_str(&rest[..=at]);
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// At the start of each line, blanks and then a heading (`#`…`######` and blanks), a quote
/// mark (`>` and one blank) or a list bullet (`-`, `*`, `+` and blanks) are dropped.
fn strip_line_marks(s: &str) -> String {
    let blank = |c: char| c == ' ' || c == '\t';
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches(blank);
        let hashes = body.len() - body.trim_start_matches('#').len();
        let kept = if (1..=6).contains(&hashes) && body[hashes..].starts_with(blank) {
            body[hashes..].trim_start_matches(blank)
        } else if let Some(quoted) = body.strip_prefix('>') {
            quoted.strip_prefix(blank).unwrap_or(quoted)
        } else if body.starts_with(['-', '*', '+']) && body[1..].starts_with(blank) {
            body[1..].trim_start_matches(blank)
        } else {
            line
        };
        out.push_str(kept);
    }
    out
}

/// Drops `**`, `__`, `*` and `` ` `` (a lone `_` stays: it is common inside words).
fn strip_emphasis(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '`' => {}
            '_' if chars.peek() == Some(&'_') => {
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// A corpus from the article files of a folder (name and content) and its catalog, as
/// [`Corpus::from_folder`] builds it: files that cannot be used are left out, each with why;
/// no usable file at all is an error.
///
/// ```
/// use claimlens::corpus::{corpus_from_files, ArticleSource};
/// let files = vec![
///     ("a.txt".to_string(), ArticleSource::Text("Russia lost 1,200 troops in May, officials said.".into())),
///     ("b.txt".to_string(), ArticleSource::Text("".into())),
/// ];
/// let (corpus, skipped) = corpus_from_files(files, Some("a.txt\tLosses\tBBC\t2024-06\n")).unwrap();
/// assert_eq!(corpus.documents()[0].title, "Losses");
/// assert_eq!(skipped[0].to_string(), "b.txt: no text");
/// assert!(corpus_from_files(Vec::new(), None).is_err());
/// ```
pub fn corpus_from_files(
    files: Vec<(String, ArticleSource)>,
    catalog: Option<&str>,
) -> Result<(Corpus, Vec<ImportError>), ImportError> {
    let mut read = Vec::new();
    let mut skipped = Vec::new();
    for (name, source) in files {
        match article_file(&name, source) {
            Ok(file) => read.push(file),
            Err(e) => skipped.push(e),
        }
    }
    if read.is_empty() {
        let why = match skipped.first() {
            Some(e) => format!("no article could be read ({e})"),
            None => "no .txt, .html or .md articles found".to_string(),
        };
        return Err(ImportError::new(None, why));
    }
    Ok((Corpus::from_folder(read, catalog), skipped))
}

/// One record of a corpus's JSON Lines: `{"id", "title", "text"}` with optional `"source"`
/// (the outlet), `"date"` and `"url"`. Read leniently: a field of another type counts as
/// absent, so only a missing `text` or `id` refuses a record.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CorpusRecord {
    /// The document's identifier: a non-empty string, or a number (as written).
    #[serde(default)]
    pub id: RecordId,
    /// Its title (else the id).
    #[serde(default)]
    pub title: Loose,
    /// Its text.
    #[serde(default)]
    pub text: Loose,
    /// Its outlet.
    #[serde(default)]
    pub source: Loose,
    /// Its date (ISO 8601).
    #[serde(default)]
    pub date: Loose,
    /// Its address.
    #[serde(default)]
    pub url: Loose,
}

/// A string field read leniently: `Some` only for a string value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loose(pub Option<String>);

/// A record's `id`: a non-empty string, or a number as text; `None` otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordId(pub Option<String>);

/// Accepts any value, keeping strings (and, for ids, numbers) and skipping the rest.
struct Lenient {
    numbers: bool,
}

impl<'de> Visitor<'de> for Lenient {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(self.numbers.then(|| v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(self.numbers.then(|| v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // A whole number read as a float (JavaScript has no other) is written without ".0".
        let text = match v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
            true => format!("{}", v as i64),
            false => v.to_string(),
        };
        Ok(self.numbers.then_some(text))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Lenient { numbers: false }).map(Loose)
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = d.deserialize_any(Lenient { numbers: true })?;
        Ok(RecordId(id.filter(|s| !s.is_empty())))
    }
}

/// Documents from JSON Lines records, one at a time: each needs a `text` string and an id not
/// seen before. A corpus is built whole or not at all, so the first bad record is an error.
#[derive(Debug, Default)]
pub struct RecordReader {
    ids: HashSet<String>,
    documents: Vec<Document>,
}

impl RecordReader {
    /// A reader with no documents yet.
    pub fn new() -> RecordReader {
        RecordReader::default()
    }

    /// Adds the record of line `line` (1-based), or says why it cannot be used.
    pub fn push(&mut self, line: usize, record: CorpusRecord) -> Result<(), ImportError> {
        let bad = |reason: String| ImportError::new(Some(line), reason);
        let text = record
            .text
            .0
            .ok_or_else(|| bad("no \"text\" string".into()))?;
        let id = record
            .id
            .0
            .ok_or_else(|| bad("no \"id\" (a string or a number)".into()))?;
        if !self.ids.insert(id.clone()) {
            return Err(bad(format!("duplicate id {id:?}")));
        }
        let field = |f: Loose| f.0.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        self.documents.push(Document {
            title: field(record.title).unwrap_or_else(|| id.clone()),
            outlet: field(record.source),
            date: field(record.date),
            url: field(record.url),
            text,
            id,
        });
        Ok(())
    }

    /// The documents read, in order; none at all is an error.
    pub fn finish(self) -> Result<Vec<Document>, ImportError> {
        if self.documents.is_empty() {
            return Err(ImportError::new(None, "no documents"));
        }
        Ok(self.documents)
    }
}

/// The documents of JSON Lines records given as (line number, record, or why the line is no
/// record): the first bad line is the error.
///
/// ```
/// use claimlens::corpus::{documents_from_records, CorpusRecord, Loose, RecordId};
/// let record = |id: &str, text: &str| CorpusRecord {
///     id: RecordId(Some(id.into())),
///     text: Loose(Some(text.into())),
///     ..CorpusRecord::default()
/// };
/// let docs = documents_from_records(vec![(1, Ok(record("a", "Some text.")))]).unwrap();
/// assert_eq!((docs[0].id.as_str(), docs[0].title.as_str()), ("a", "a"));
/// let twice = vec![(1, Ok(record("a", "x"))), (2, Ok(record("a", "y")))];
/// assert_eq!(documents_from_records(twice).unwrap_err().to_string(), "line 2: duplicate id \"a\"");
/// let broken = vec![(1, Ok(record("a", "x"))), (2, Err("not JSON".to_string()))];
/// assert_eq!(documents_from_records(broken).unwrap_err().to_string(), "line 2: not JSON");
/// ```
pub fn documents_from_records<I>(records: I) -> Result<Vec<Document>, ImportError>
where
    I: IntoIterator<Item = (usize, Result<CorpusRecord, String>)>,
{
    let mut reader = RecordReader::new();
    for (line, record) in records {
        let record = record.map_err(|reason| ImportError::new(Some(line), reason))?;
        reader.push(line, record)?;
    }
    reader.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn an_html_files_own_date_dates_its_document_unless_the_catalog_does() {
        let html = r#"<html><head><title>Quake</title>
            <meta property="article:published_time" content="2019-04-30T13:39:00-04:00"></head>
            <body><article><p>An earthquake of magnitude 4.6 struck near Healdsburg on Thursday
            morning, according to the U.S. Geological Survey, which said it was about 14 miles
            deep and was felt across Sonoma and Lake counties by thousands of residents.</p>
            <p>No damage or injuries were reported, the county sheriff's office said, though
            several residents described dishes rattling and pictures falling from walls.</p>
            </article></body></html>"#;
        let files = || {
            vec![(
                "quake.html".to_string(),
                ArticleSource::Page(crate::page::parse_html(html, "quake.html")),
            )]
        };
        let (corpus, _) = corpus_from_files(files(), None).unwrap();
        assert_eq!(corpus.documents()[0].date.as_deref(), Some("2019-04-30"));
        let (corpus, _) = corpus_from_files(files(), Some("quake.html\t\t\t2019-05\n")).unwrap();
        assert_eq!(corpus.documents()[0].date.as_deref(), Some("2019-05"));
    }

    #[test]
    fn links_keep_their_labels_and_broken_ones_stay() {
        for (input, want) in [
            (
                "see [the report](https://x.org/a) now",
                "see the report now",
            ),
            ("![a chart](c.png) and [b](u)", "a chart and b"),
            ("[no target] here", "[no target] here"),
            ("[open](never closed", "[open](never closed"),
            ("[a] (b)", "[a] (b)"),
            ("[[nested](u)", "[nested"),
            ("[]()", ""),
            ("!x [y](z)", "!x y"),
        ] {
            assert_eq!(strip_links(input), want, "{input:?}");
        }
    }

    #[test]
    fn line_marks_only_at_line_starts() {
        for (input, want) in [
            ("## Title\n", "Title\n"),
            ("####### seven", "####### seven"),
            ("#hashtag", "#hashtag"),
            ("  > quoted", "quoted"),
            (">\tx", "x"),
            (">  two", " two"),
            ("- item\n* item\n+ item", "item\nitem\nitem"),
            ("-not a bullet", "-not a bullet"),
            ("a - b", "a - b"),
            ("  plain", "  plain"),
        ] {
            assert_eq!(strip_line_marks(input), want, "{input:?}");
        }
    }

    #[test]
    fn emphasis_marks_go_single_underscores_stay() {
        assert_eq!(
            strip_emphasis("**bold** *it* __u__ `c` snake_case ___"),
            "bold it u c snake_case _"
        );
    }

    #[test]
    fn records_read_leniently() {
        let json = r#"{"id": 7, "title": ["x"], "text": "T", "source": " BBC ", "date": null, "url": {"a": 1}}"#;
        let record: CorpusRecord = serde_json::from_str(json).unwrap();
        assert_eq!(record.id, RecordId(Some("7".into())));
        assert_eq!(record.title, Loose(None));
        let docs = documents_from_records(vec![(1, Ok(record))]).unwrap();
        assert_eq!(docs[0].title, "7");
        assert_eq!(docs[0].outlet.as_deref(), Some("BBC"));
        assert_eq!((docs[0].date.clone(), docs[0].url.clone()), (None, None));

        let no_id: CorpusRecord = serde_json::from_str(r#"{"id": "", "text": "T"}"#).unwrap();
        let err = documents_from_records(vec![(4, Ok(no_id))]).unwrap_err();
        assert_eq!(err.to_string(), "line 4: no \"id\" (a string or a number)");
        assert_eq!(
            documents_from_records(Vec::new()).unwrap_err().to_string(),
            "no documents"
        );
    }

    #[test]
    fn float_ids_read_as_javascript_writes_them() {
        let id = |json: &str| serde_json::from_str::<RecordId>(json).unwrap().0;
        assert_eq!(id("12.0").as_deref(), Some("12"));
        assert_eq!(id("1.5").as_deref(), Some("1.5"));
        assert_eq!(id("true"), None);
    }

    #[test]
    fn a_page_without_an_article_is_refused() {
        let page = PageSnapshot::default();
        let err = article_file("x.html", ArticleSource::Page(page)).unwrap_err();
        assert_eq!(err.to_string(), "x.html: no article found");
    }
}
