//! Documents from the files of a corpus folder and its catalog (`catalog.tsv`).

use super::Document;
use std::collections::HashMap;

/// An article file of a corpus folder, already read and converted to plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleFile {
    /// The file name (it becomes the document's identifier).
    pub name: String,
    /// The title found in the file itself (an HTML `<title>`, a Markdown heading), if any.
    pub title: Option<String>,
    /// The article's plain text.
    pub text: String,
    /// The publication date found in the file itself (an HTML page's metadata), if any: the
    /// catalog's date, when it gives one, wins.
    pub date: Option<String>,
}

/// A catalog line: title, outlet and date of one file.
struct Entry<'a> {
    file: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
}

/// The entries of a catalog: tab-separated file, title, outlet, date; `#` lines are comments;
/// empty columns count as unknown.
fn entries(catalog: &str) -> impl Iterator<Item = Entry<'_>> {
    catalog
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut cols = line.split('\t').map(str::trim);
            let file = cols.next().unwrap_or("");
            let mut next = || cols.next().filter(|c| !c.is_empty());
            Entry {
                file,
                title: next(),
                outlet: next(),
                date: next(),
            }
        })
}

/// The documents of a folder's files, in file-name order, with the catalog's metadata.
pub(super) fn documents(mut files: Vec<ArticleFile>, catalog: Option<&str>) -> Vec<Document> {
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let catalog: HashMap<&str, Entry> = catalog
        .map(|c| entries(c).map(|e| (e.file, e)).collect())
        .unwrap_or_default();
    files
        .into_iter()
        .map(|file| {
            let entry = catalog.get(file.name.as_str());
            let title = entry
                .as_ref()
                .and_then(|e| e.title.map(str::to_string))
                .or(file.title)
                .unwrap_or_else(|| file.name.clone());
            Document {
                title,
                outlet: entry.and_then(|e| e.outlet.map(str::to_string)),
                date: entry
                    .and_then(|e| e.date.map(str::to_string))
                    .or_else(|| file.date.clone()),
                url: None,
                id: file.name,
                text: file.text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, title: Option<&str>) -> ArticleFile {
        ArticleFile {
            name: name.to_string(),
            title: title.map(str::to_string),
            text: "Some text.".to_string(),
            date: None,
        }
    }

    #[test]
    fn catalog_titles_win_then_file_titles_then_names() {
        let catalog = "# file\ttitle\toutlet\tdate\nb.txt\tB title\t\t2024\nc.html\t\tOutlet\n";
        let docs = documents(
            vec![
                file("c.html", Some("From HTML")),
                file("b.txt", None),
                file("a.md", None),
            ],
            Some(catalog),
        );
        let got: Vec<_> = docs
            .iter()
            .map(|d| {
                (
                    d.id.as_str(),
                    d.title.as_str(),
                    d.outlet.as_deref(),
                    d.date.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a.md", "a.md", None, None),
                ("b.txt", "B title", None, Some("2024")),
                ("c.html", "From HTML", Some("Outlet"), None),
            ]
        );
    }
}
