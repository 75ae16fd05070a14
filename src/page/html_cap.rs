//! Parsing HTML with a nesting cap, so that deep markup costs linear time.
//!
//! html5ever's tree builder follows the HTML standard, whose "has an element in scope" checks
//! scan the stack of open elements; with no scope boundary on the stack (100,000 nested
//! `<div>`s) each start tag scans all of it, and parsing takes time quadratic in the depth
//! (5,000 levels: 0.14 s; 40,000: 12.6 s). Browsers bound this: Chromium's parser never nests
//! deeper than 512 elements. [`parse`] does the same with a filter between the tokenizer and the
//! tree builder: it keeps a model of the open elements, and a start tag that would open an
//! element deeper than [`MAX_NESTING`] is dropped together with its end tag — its text stays, in
//! the deepest element kept, and a dropped block's start and end tags become `<br>`s, so that
//! its text stays a block of its own. Pages nested less deeply (every real page) parse exactly
//! as before.
//!
//! The model is approximate (the standard's implied end tags are modelled for the common
//! cases: `<p>`, `<li>`, `<dd>`/`<dt>`, `<option>`, table rows and cells, `<a>`); end tags
//! resynchronise it, and an error only moves the point where flattening starts.

use super::extract::BLOCK_TAGS;
use html5ever::interface::TreeSink;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};
use std::cell::RefCell;
use std::collections::HashMap;

/// Elements nested deeper than this are flattened into their ancestor at this depth (Chromium's
/// `kMaximumHTMLParserDOMTreeDepth`).
pub const MAX_NESTING: usize = 512;

/// Elements that never have content (their end tag is not expected).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content the tokenizer reads as raw text: never dropped, so that their content
/// is never read as markup.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
];

/// Start tags that close an open `<p>` (the standard's list, abridged to the common ones).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "dd",
    "dt",
];

/// Parses a whole HTML document as `scraper::Html::parse_document` does, with nesting capped
/// at [`MAX_NESTING`].
pub fn parse(html: &str) -> Html {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let filter = DepthCap {
        inner: builder,
        model: RefCell::new(Model::default()),
    };
    let tokenizer = Tokenizer::new(filter, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    // As html5ever's own driver: run on past scripts and encoding indicators until done.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let DepthCap { inner, .. } = tokenizer.sink;
    inner.sink.finish()
}

/// The filter: forwards every token to the tree builder except the tags it drops.
struct DepthCap<S> {
    inner: S,
    model: RefCell<Model>,
}

/// The open elements as the filter models them.
#[derive(Default)]
struct Model {
    /// (name, dropped) from the outermost element in.
    open: Vec<(LocalName, bool)>,
    /// How many of each name are in `open`.
    counts: HashMap<LocalName, usize>,
    /// A dropped element's boundary not yet written before text: `Some(true)` for a block.
    pending: Option<bool>,
}

impl Model {
    fn push(&mut self, name: LocalName, dropped: bool) {
        *self.counts.entry(name.clone()).or_default() += 1;
        self.open.push((name, dropped));
    }

    fn pop(&mut self) -> Option<(LocalName, bool)> {
        let (name, dropped) = self.open.pop()?;
        if let Some(n) = self.counts.get_mut(&name) {
            *n -= 1;
        }
        Some((name, dropped))
    }

    fn top_is(&self, names: &[&str]) -> bool {
        self.open
            .last()
            .is_some_and(|(n, _)| names.contains(&n.as_ref()))
    }

    /// The end tags a start tag `name` implies for the innermost open elements.
    fn close_implied(&mut self, name: &str) {
        if CLOSES_P.contains(&name) && self.top_is(&["p"]) {
            self.pop();
        }
        let closes: &[&str] = match name {
            "li" => &["li"],
            "dd" | "dt" => &["dd", "dt"],
            "option" | "optgroup" => &["option"],
            "td" | "th" => &["td", "th"],
            "tr" => &["td", "th", "tr"],
            "a" => &["a"],
            _ => &[],
        };
        while self.top_is(closes) {
            self.pop();
        }
    }

    /// Whether to forward a start tag `name`; records it as open unless it is void.
    fn start(&mut self, name: &LocalName, self_closing: bool) -> bool {
        self.close_implied(name);
        if VOID.contains(&name.as_ref()) || self_closing {
            return true;
        }
        let keep = self.open.len() < MAX_NESTING || RAW.contains(&name.as_ref());
        self.push(name.clone(), !keep);
        keep
    }

    /// Whether to forward an end tag `name`: not when it closes a dropped element.
    fn end(&mut self, name: &LocalName) -> bool {
        if self.counts.get(name).copied().unwrap_or(0) == 0 {
            return true; // unmatched: the tree builder decides what it means
        }
        while let Some((open, dropped)) = self.pop() {
            if &open == name {
                return !dropped;
            }
        }
        true
    }
}

impl<S: TokenSink> TokenSink for DepthCap<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            let mut model = self.model.borrow_mut();
            let keep = match tag.kind {
                TagKind::StartTag => model.start(&tag.name, tag.self_closing),
                TagKind::EndTag => model.end(&tag.name),
            };
            if !keep {
                // A dropped element's boundary still separates its text from what follows
                // ("…the council.</p><p>Officials said…" stays two blocks), as the element would
                // in a browser, which keeps it as a sibling: before the next text, a <br> (void,
                // nothing nested) for a dropped block and a line break — once for a whole run of
                // dropped tags, so that 100,000 of them add next to nothing to the tree.
                let block = BLOCK_TAGS.contains(&tag.name.as_ref());
                model.pending = Some(model.pending == Some(true) || block);
                return TokenSinkResult::Continue;
            }
        }
        if let Token::CharacterTokens(text) = &token {
            let pending = self
                .model
                .borrow_mut()
                .pending
                .take_if(|_| !text.trim().is_empty());
            if let Some(block) = pending {
                if block {
                    let br = Token::TagToken(html5ever::tokenizer::Tag {
                        kind: TagKind::StartTag,
                        name: LocalName::from("br"),
                        self_closing: false,
                        attrs: Vec::new(),
                        had_duplicate_attributes: false,
                    });
                    let _ = self.inner.process_token(br, line_number);
                }
                // A line break too: where a <br> is not a block's edge (inside inline
                // formatting), the words still do not run together.
                let newline = Token::CharacterTokens(html5ever::tendril::StrTendril::from("\n"));
                let _ = self.inner.process_token(newline, line_number);
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}
