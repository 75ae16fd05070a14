//! Lexicon data files: one entry per line, `entry  # rationale or source`; blank lines and lines
//! starting with `#` are comments. Entries are lower-case phrases of one or more words.

/// The entries of a lexicon file, trimmed, in file order.
pub(crate) fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().filter_map(|line| {
        let entry = line.split('#').next().unwrap_or("").trim();
        (!entry.is_empty()).then_some(entry)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_blanks_are_skipped() {
        let data = "# header\n\nallegedly  # reporting verb adverb\n could potentially #modal\n";
        assert_eq!(
            super::entries(data).collect::<Vec<_>>(),
            ["allegedly", "could potentially"]
        );
    }
}
