//! The corpus file format: a compact, versioned binary form of a [`Corpus`].
//!
//! ```text
//! header  magic "CLCORPUS" (8 bytes) · version u32 · reserved u32 (0)
//!         body length u64 · body checksum u64 (FNV-1a 64)        all little-endian
//! body    sections, each: tag (4 ASCII bytes) · payload length u64 · payload
//!   DOCS  count, then per document: id, title, outlet?, date?, url?, text
//!   PASS  count, then per passage: document (delta from the previous), start, length
//!   TERM  count, then the sorted vocabulary front-coded: shared prefix length, suffix
//!   POST  per term: count, then per posting: passage (delta), term frequency
//!   NORM  per document: the norm of its term vector, f32 little-endian (optional: computed
//!         from POST when absent; see `similar.rs`)
//! ```
//! Numbers inside sections are unsigned LEB128 varints; strings are a varint byte length and
//! UTF-8 bytes; an optional string is a byte 0 (none) or 1 followed by the string. Sections of
//! unknown tags are skipped, so later versions can add sections readers may ignore.
//!
//! The detectors' findings are not stored: they are recomputed for a document when first
//! needed, which keeps files small and loading fast, and lets a newer ClaimLens read an older
//! file with its own (newer) detectors. Passage lengths are recomputed from the postings.

use super::index::{Index, Posting};
use super::{Corpus, Document, Passage};
use crate::text::Span;
use std::fmt;

const MAGIC: &[u8; 8] = b"CLCORPUS";
const VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 4 + 8 + 8;

/// Why a corpus file could not be loaded.
///
/// ```
/// use claimlens::Corpus;
/// let err = Corpus::from_bytes(b"not a corpus").unwrap_err();
/// assert!(err.to_string().contains("not a ClaimLens corpus file"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// The file does not start with the magic bytes.
    NotACorpus,
    /// The file was written by a newer (or unknown) version of the format.
    UnsupportedVersion(u32),
    /// The file ends early.
    Truncated { expected: u64, found: u64 },
    /// The body does not match its checksum.
    Checksum,
    /// A required section is absent.
    MissingSection(&'static str),
    /// A section's content is inconsistent.
    Invalid { section: &'static str, what: String },
}

impl CorpusError {
    fn new(kind: ErrorKind) -> CorpusError {
        CorpusError { kind }
    }

    fn invalid(section: &'static str, what: impl Into<String>) -> CorpusError {
        CorpusError::new(ErrorKind::Invalid {
            section,
            what: what.into(),
        })
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NotACorpus => write!(f, "not a ClaimLens corpus file (no CLCORPUS header)"),
            ErrorKind::UnsupportedVersion(v) => write!(
                f,
                "corpus file format version {v} is not supported (this build reads version {VERSION}); rebuild it with `claimlens corpus build`"
            ),
            ErrorKind::Truncated { expected, found } => write!(
                f,
                "corpus file is truncated: {expected} bytes expected, {found} present"
            ),
            ErrorKind::Checksum => write!(f, "corpus file is corrupt (checksum mismatch)"),
            ErrorKind::MissingSection(tag) => {
                write!(f, "corpus file is corrupt: section {tag} is missing")
            }
            ErrorKind::Invalid { section, what } => {
                write!(f, "corpus file is corrupt: section {section}: {what}")
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// FNV-1a, 64 bits: a cheap checksum that catches flipped or lost bytes.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Appends unsigned LEB128 numbers, strings and sections to a buffer.
#[derive(Default)]
struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn num(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    fn str(&mut self, s: &str) {
        self.num(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.out.push(0),
            Some(s) => {
                self.out.push(1);
                self.str(s);
            }
        }
    }

    fn section(&mut self, tag: &[u8; 4], payload: Writer) {
        self.out.extend_from_slice(tag);
        self.out
            .extend_from_slice(&(payload.out.len() as u64).to_le_bytes());
        self.out.extend_from_slice(&payload.out);
    }
}

/// Reads what [`Writer`] wrote, failing (never panicking) on short or malformed input.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    section: &'static str,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], section: &'static str) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            section,
        }
    }

    fn fail(&self, what: impl Into<String>) -> CorpusError {
        CorpusError::invalid(self.section, what)
    }

    fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn byte(&mut self) -> Result<u8, CorpusError> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.fail("ends in the middle of a value"))?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], CorpusError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.fail("ends in the middle of a value"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn num(&mut self) -> Result<u64, CorpusError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let part = (b & 0x7f) as u64;
            if shift == 63 && part > 1 {
                return Err(self.fail("number too large"));
            }
            n |= part << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(self.fail("number too long"))
    }

    /// A number that must be below `limit` (an index or a count bounded by the data left).
    fn below(&mut self, limit: u64, what: &str) -> Result<usize, CorpusError> {
        let n = self.num()?;
        if n >= limit {
            return Err(self.fail(format!("{what} {n} out of range (limit {limit})")));
        }
        usize::try_from(n).map_err(|_| self.fail(format!("{what} {n} too large")))
    }

    /// A count of items of at least one byte each: it cannot exceed the bytes left.
    fn count(&mut self) -> Result<usize, CorpusError> {
        let left = (self.bytes.len() - self.at) as u64;
        self.below(left + 1, "count")
    }

    fn str(&mut self) -> Result<&'a str, CorpusError> {
        let len = self.count()?;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| self.fail("text is not valid UTF-8"))
    }

    fn opt_str(&mut self) -> Result<Option<&'a str>, CorpusError> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            other => Err(self.fail(format!("bad option flag {other}"))),
        }
    }

    fn finish(&self) -> Result<(), CorpusError> {
        if self.is_done() {
            Ok(())
        } else {
            Err(self.fail("trailing bytes"))
        }
    }
}

impl Corpus {
    /// The corpus in the corpus file format (see the module documentation of `store`).
    ///
    /// ```
    /// use claimlens::Corpus;
    /// let corpus = Corpus::bundled();
    /// let loaded = Corpus::from_bytes(&corpus.to_bytes()).unwrap();
    /// assert_eq!(loaded.documents(), corpus.documents());
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Writer::default();

        let mut docs = Writer::default();
        docs.num(self.documents.len() as u64);
        for d in &self.documents {
            docs.str(&d.id);
            docs.str(&d.title);
            docs.opt_str(d.outlet.as_deref());
            docs.opt_str(d.date.as_deref());
            docs.opt_str(d.url.as_deref());
            docs.str(&d.text);
        }
        body.section(b"DOCS", docs);

        let mut passages = Writer::default();
        passages.num(self.passages.len() as u64);
        let mut doc = 0;
        for p in &self.passages {
            passages.num((p.doc - doc) as u64);
            doc = p.doc;
            passages.num(p.span.start as u64);
            passages.num(p.span.len() as u64);
        }
        body.section(b"PASS", passages);

        let index = &self.index;
        let mut vocabulary = Writer::default();
        vocabulary.num(index.vocabulary.len() as u64);
        let mut previous = "";
        for term in &index.vocabulary {
            let shared = common_prefix(previous, term);
            vocabulary.num(shared as u64);
            vocabulary.str(&term[shared..]);
            previous = term;
        }
        body.section(b"TERM", vocabulary);

        let mut postings = Writer::default();
        for t in 0..index.vocabulary.len() {
            let list = &index.postings[index.starts[t] as usize..index.starts[t + 1] as usize];
            postings.num(list.len() as u64);
            let mut passage = 0;
            for p in list {
                postings.num((p.passage - passage) as u64);
                passage = p.passage;
                postings.num(p.tf as u64);
            }
        }
        body.section(b"POST", postings);

        let mut norms = Writer::default();
        for &n in self.document_norms() {
            norms.out.extend_from_slice(&(n as f32).to_le_bytes());
        }
        body.section(b"NORM", norms);

        let mut out = Vec::with_capacity(HEADER_LEN + body.out.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&(body.out.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&body.out).to_le_bytes());
        out.extend_from_slice(&body.out);
        out
    }

    /// Loads a corpus written by [`Corpus::to_bytes`], checking it throughout: a truncated,
    /// corrupt or foreign file gives an error, never a panic.
    ///
    /// ```
    /// use claimlens::Corpus;
    /// let mut bytes = Corpus::bundled().to_bytes();
    /// bytes.truncate(bytes.len() / 2);
    /// assert!(Corpus::from_bytes(&bytes).unwrap_err().to_string().contains("truncated"));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, CorpusError> {
        let body = check_header(bytes)?;
        let mut sections: [Option<&[u8]>; 4] = [None; 4];
        let mut norms: Option<&[u8]> = None;
        let mut reader = Reader::new(body, "header");
        while !reader.is_done() {
            let tag = reader.take(4)?;
            let len = reader.num_le()?;
            let payload = reader.take(len)?;
            let slot = match tag {
                b"DOCS" => 0,
                b"PASS" => 1,
                b"TERM" => 2,
                b"POST" => 3,
                b"NORM" => {
                    norms = Some(payload);
                    continue;
                }
                _ => continue,
            };
            sections[slot] = Some(payload);
        }
        let [Some(docs), Some(passages), Some(terms), Some(postings)] = sections else {
            let names = ["DOCS", "PASS", "TERM", "POST"];
            let missing = sections.iter().position(Option::is_none).unwrap_or(0);
            return Err(CorpusError::new(ErrorKind::MissingSection(names[missing])));
        };
        let documents = read_documents(docs)?;
        let passages = read_passages(passages, &documents)?;
        let vocabulary = read_vocabulary(terms)?;
        let (starts, postings, lengths) = read_postings(postings, vocabulary.len(), &passages)?;
        let index = Index::from_parts(vocabulary, starts, postings, lengths);
        let norms = norms.map(|n| read_norms(n, documents.len())).transpose()?;
        let corpus = Corpus::from_parts(documents, passages, index);
        if let Some(norms) = norms {
            corpus.set_document_norms(norms);
        }
        Ok(corpus)
    }
}

/// The NORM section: one f32 per document, finite and not negative.
fn read_norms(bytes: &[u8], documents: usize) -> Result<Vec<f64>, CorpusError> {
    if bytes.len() != documents * 4 {
        return Err(CorpusError::invalid(
            "NORM",
            format!("{} bytes for {documents} documents", bytes.len()),
        ));
    }
    bytes
        .chunks_exact(4)
        .map(|c| {
            let n = f32::from_le_bytes([c[0], c[1], c[2], c[3]]) as f64;
            if n.is_finite() && n >= 0.0 {
                Ok(n)
            } else {
                Err(CorpusError::invalid("NORM", "a norm that is not a number"))
            }
        })
        .collect()
}

impl Reader<'_> {
    /// A little-endian u64 length, as a usize.
    fn num_le(&mut self) -> Result<usize, CorpusError> {
        let bytes = self.take(8)?;
        let mut le = [0u8; 8];
        le.copy_from_slice(bytes);
        usize::try_from(u64::from_le_bytes(le)).map_err(|_| self.fail("section too large"))
    }
}

/// Checks magic, version, length and checksum; returns the body.
fn check_header(bytes: &[u8]) -> Result<&[u8], CorpusError> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(CorpusError::new(ErrorKind::NotACorpus));
    }
    if bytes.len() < HEADER_LEN {
        return Err(CorpusError::new(ErrorKind::Truncated {
            expected: HEADER_LEN as u64,
            found: bytes.len() as u64,
        }));
    }
    let u32_at = |at: usize| {
        let mut le = [0u8; 4];
        le.copy_from_slice(&bytes[at..at + 4]);
        u32::from_le_bytes(le)
    };
    let u64_at = |at: usize| {
        let mut le = [0u8; 8];
        le.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(le)
    };
    let version = u32_at(8);
    if version != VERSION {
        return Err(CorpusError::new(ErrorKind::UnsupportedVersion(version)));
    }
    let body_len = u64_at(16);
    let body = &bytes[HEADER_LEN..];
    let expected = (HEADER_LEN as u64).saturating_add(body_len);
    if (body.len() as u64) < body_len {
        return Err(CorpusError::new(ErrorKind::Truncated {
            expected,
            found: bytes.len() as u64,
        }));
    }
    if (body.len() as u64) > body_len {
        return Err(CorpusError::invalid(
            "header",
            "trailing bytes after the body",
        ));
    }
    if checksum(body) != u64_at(24) {
        return Err(CorpusError::new(ErrorKind::Checksum));
    }
    Ok(body)
}

fn read_documents(bytes: &[u8]) -> Result<Vec<Document>, CorpusError> {
    let mut r = Reader::new(bytes, "DOCS");
    let n = r.count()?;
    let mut documents = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str()?.to_string();
        let title = r.str()?.to_string();
        let outlet = r.opt_str()?.map(str::to_string);
        let date = r.opt_str()?.map(str::to_string);
        let url = r.opt_str()?.map(str::to_string);
        let text = r.str()?.to_string();
        documents.push(Document {
            id,
            title,
            outlet,
            date,
            url,
            text,
        });
    }
    r.finish()?;
    Ok(documents)
}

fn read_passages(bytes: &[u8], documents: &[Document]) -> Result<Vec<Passage>, CorpusError> {
    let mut r = Reader::new(bytes, "PASS");
    let n = r.count()?;
    let mut passages = Vec::with_capacity(n);
    let mut doc = 0usize;
    for _ in 0..n {
        doc = doc
            .checked_add(r.below(documents.len() as u64, "document step")?)
            .filter(|&d| d < documents.len())
            .ok_or_else(|| r.fail("passage of a document that does not exist"))?;
        let text = &documents[doc].text;
        let start = r.below(text.len() as u64 + 1, "passage start")?;
        let len = r.below((text.len() - start) as u64 + 1, "passage length")?;
        let span = Span::new(start, start + len);
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(r.fail("passage boundary inside a character"));
        }
        passages.push(Passage { doc, span });
    }
    r.finish()?;
    Ok(passages)
}

fn read_vocabulary(bytes: &[u8]) -> Result<Vec<String>, CorpusError> {
    let mut r = Reader::new(bytes, "TERM");
    let n = r.count()?;
    let mut vocabulary: Vec<String> = Vec::with_capacity(n);
    for _ in 0..n {
        let previous = vocabulary.last().map_or("", String::as_str);
        let shared = r.below(previous.len() as u64 + 1, "shared prefix")?;
        let prefix = previous
            .get(..shared)
            .ok_or_else(|| r.fail("shared prefix inside a character"))?;
        let term = format!("{prefix}{}", r.str()?);
        if term.as_str() <= previous && !vocabulary.is_empty() {
            return Err(r.fail("terms not in sorted order"));
        }
        vocabulary.push(term);
    }
    r.finish()?;
    Ok(vocabulary)
}

type Postings = (Vec<u32>, Vec<Posting>, Vec<u32>);

/// Reads the postings of every term; returns run starts, postings and passage lengths.
fn read_postings(
    bytes: &[u8],
    terms: usize,
    passages: &[Passage],
) -> Result<Postings, CorpusError> {
    let mut r = Reader::new(bytes, "POST");
    let mut starts = Vec::with_capacity(terms + 1);
    let mut postings = Vec::new();
    let mut lengths = vec![0u32; passages.len()];
    starts.push(0u32);
    for _ in 0..terms {
        let n = r.below(passages.len() as u64 + 1, "postings count")?;
        let mut passage = 0u64;
        for i in 0..n {
            let step = r.num()?;
            if i > 0 && step == 0 {
                return Err(r.fail("postings not in passage order"));
            }
            passage = passage.saturating_add(step);
            if passage >= passages.len() as u64 {
                return Err(r.fail(format!(
                    "posting of passage {passage}, which does not exist"
                )));
            }
            let tf = r.below(u32::MAX as u64, "term frequency")? as u32;
            if tf == 0 {
                return Err(r.fail("term frequency 0"));
            }
            let p = passage as u32;
            lengths[p as usize] = lengths[p as usize].saturating_add(tf);
            postings.push(Posting { passage: p, tf });
        }
        let end = u32::try_from(postings.len()).map_err(|_| r.fail("too many postings"))?;
        starts.push(end);
    }
    r.finish()?;
    Ok((starts, postings, lengths))
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or_else(|| a.len().min(b.len()), |((i, _), _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_through_leb128() {
        let mut w = Writer::default();
        let values = [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX];
        for v in values {
            w.num(v);
        }
        let mut r = Reader::new(&w.out, "test");
        for v in values {
            assert_eq!(r.num().unwrap(), v);
        }
        assert!(r.is_done());
        let mut overlong = Reader::new(&[0xff; 11], "test");
        assert!(overlong.num().is_err());
    }

    #[test]
    fn common_prefix_stays_on_char_boundaries() {
        assert_eq!(common_prefix("migrant", "migration"), 5);
        assert_eq!(common_prefix("", "a"), 0);
        assert_eq!(common_prefix("ab", "ab"), 2);
        assert_eq!(common_prefix("é", "è"), 0);
    }
}
