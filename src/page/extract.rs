//! Article extraction over the flat snapshot, in the manner of Readability: paragraphs score
//! their ancestors, the best-scoring container is the article, and navigation, boilerplate and
//! link lists are left out. The article text keeps a map back to the text nodes it came from.
//!
//! One pass over the nodes with a stack of open elements, then passes over the elements and
//! blocks found: O(nodes + text) at any depth, never recursive.

use super::gate::MIN_ARTICLE_CHARS;
use super::snapshot::{Node, PageSnapshot};

/// Tags whose whole subtree is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "form",
    "button", "select", "textarea", "input", "iframe", "object", "embed", "canvas", "video",
    "audio", "dialog", "menu", "head", "title",
];

/// Elements that start a block of text of their own.
pub(crate) const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "dl",
    "table",
    "tbody",
    "thead",
    "tr",
    "figure",
    "address",
    "hr",
    "br",
    "body",
    "html",
    "details",
    "summary",
];

/// Roles whose subtree is never article text.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "menu",
    "menubar",
    "dialog",
    "alert",
    "search",
    "toolbar",
    "tablist",
];

/// Class/id words that mark boilerplate containers (unless a positive word is also there).
const UNLIKELY: &[&str] = &[
    "comment",
    "footer",
    "nav",
    "sidebar",
    "menu",
    "share",
    "social",
    "related",
    "promo",
    "advert",
    "cookie",
    "banner",
    "newsletter",
    "subscribe",
    "breadcrumb",
    "popup",
    "modal",
    "masthead",
    "disqus",
    "sponsor",
    "outbrain",
    "taboola",
    "skip",
    "byline-share",
    "pagination",
    "signup",
    "login",
    "widget",
    "toolbar",
    "tags",
    "recommended",
    "trending",
    "most-read",
];

/// Tags of captions: article text, but no claims of its own.
const ASIDE_TAGS: &[&str] = &["figcaption", "caption"];

/// Class/id words that mark captions, credits and bylines ("Media caption Mr Obama …" is no
/// source, "By Jane Doe" no claim); a class or id word is one of these, or ends in one after a
/// hyphen or underscore ("media-caption", "story_byline"), so that "credit-card" is not.
const ASIDE: &[&str] = &["caption", "byline", "credit", "credits", "dateline"];

/// Class/id words that mark article containers.
const LIKELY: &[&str] = &[
    "article", "body", "content", "main", "story", "post", "entry", "text", "blog",
];

/// One block of article text (a paragraph, heading, list item…).
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The block element's tag.
    pub tag: String,
    /// Whether the block is a caption, credit or byline (`<figcaption>`, or a class or id such
    /// as "caption", "byline", "credit"): part of the article's text, but no claim of it.
    pub aside: bool,
    /// Byte offset of the block in [`Article::text`].
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// A run of article text copied from one text node.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Segment {
    text_start: usize,
    text_end: usize,
    node: u32,
    node_start: usize,
    node_end: usize,
    block: u32,
}

/// A part of a text node covered by a span of the article text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Piece {
    pub node: u32,
    pub node_start: usize,
    pub node_end: usize,
    /// Whether this piece continues the previous one in the same block.
    pub joins_previous: bool,
}

/// The extracted article: its text (blocks separated by blank lines) and the map back to the
/// page's text nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The article's text.
    pub text: String,
    /// The article's blocks in order.
    pub blocks: Vec<Block>,
    /// Every text node of the page, by number (article or not).
    pub node_texts: Vec<String>,
    /// The element holding the article: its index in the snapshot's nodes (so that the content
    /// script can find it on the page, e.g. to lay the sidebar out beside it).
    pub root: usize,
    segments: Vec<Segment>,
}

impl Article {
    /// The parts of text nodes that the byte range `start..end` of the article text covers.
    pub(crate) fn pieces_in(&self, start: usize, end: usize) -> Vec<Piece> {
        let first = self.segments.partition_point(|s| s.text_end <= start);
        let mut out: Vec<Piece> = Vec::new();
        let mut last_block = None;
        for s in &self.segments[first..] {
            if s.text_start >= end {
                break;
            }
            let verbatim = s.text_end - s.text_start == s.node_end - s.node_start;
            let (a, b) = if verbatim {
                (
                    s.node_start + start.saturating_sub(s.text_start),
                    s.node_end - s.text_end.saturating_sub(end),
                )
            } else {
                (s.node_start, s.node_end)
            };
            let joins_previous = last_block == Some(s.block);
            last_block = Some(s.block);
            out.push(Piece {
                node: s.node,
                node_start: a,
                node_end: b,
                joins_previous,
            });
        }
        out
    }
}

/// An element as extraction sees it (elements are numbered in document order, so an
/// element's subtree is the range `index..end`).
struct Elem {
    /// Its index in the snapshot's nodes.
    row: usize,
    parent: Option<usize>,
    /// One past the last element of its subtree.
    end: usize,
    score: f64,
    /// Characters of the blocks whose element this is (then, after `sum_subtrees`, of its
    /// whole subtree).
    text_chars: usize,
    link_chars: usize,
}

/// A block being collected: its element, tag and (node, byte range) parts.
struct RawBlock {
    elem: usize,
    tag: String,
    aside: bool,
    parts: Vec<(u32, usize, usize)>,
    chars: usize,
    link_chars: usize,
    commas: usize,
}

/// An element still open during the walk.
struct Open {
    elem: usize,
    /// Its tag starts a block (and it is not skipped): block children end its current block.
    block_parent: bool,
    /// Its own tag is a block tag (its parent then starts a new block after it).
    is_block: bool,
    skipped: bool,
    in_link: bool,
    /// Inside a caption, credit or byline.
    aside: bool,
    /// The block its inline text goes to.
    block: Option<usize>,
}

struct Walker<'a> {
    elems: Vec<Elem>,
    blocks: Vec<RawBlock>,
    node_texts: Vec<&'a str>,
    open: Vec<Open>,
}

/// Finds the article in a page; `None` when the page has no article-like text.
pub fn extract_article(page: &PageSnapshot) -> Option<Article> {
    let mut w = Walker {
        elems: Vec::new(),
        blocks: Vec::new(),
        node_texts: Vec::new(),
        open: Vec::new(),
    };
    for (row, node) in page.nodes.iter().enumerate() {
        w.visit(row, node);
    }
    w.close_to(0);
    w.sum_subtrees();
    let node_texts: Vec<String> = w.node_texts.iter().map(|s| s.to_string()).collect();

    // Paragraphs score their ancestors.
    for b in &w.blocks {
        if b.chars < 25
            || matches!(
                b.tag.as_str(),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li"
            )
        {
            continue;
        }
        let score = 1.0 + b.commas as f64 + (b.chars as f64 / 100.0).min(3.0);
        let mut at = Some(b.elem);
        for divisor in [1.0, 2.0, 3.0, 4.0] {
            let Some(e) = at else { break };
            w.elems[e].score += score / divisor;
            at = w.elems[e].parent;
        }
    }
    let weighted = |e: &Elem| {
        let density = if e.text_chars == 0 {
            1.0
        } else {
            e.link_chars as f64 / e.text_chars as f64
        };
        e.score * (1.0 - density)
    };
    let (top, top_score) = w
        .elems
        .iter()
        .enumerate()
        .map(|(i, e)| (i, weighted(e)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    if top_score <= 0.0 {
        return None;
    }
    // A sibling container scoring nearly as well means the article spans the parent.
    let mut root_elem = top;
    if let Some(p) = w.elems[top].parent {
        let strong_siblings = w
            .elems
            .iter()
            .enumerate()
            .filter(|(i, e)| *i != top && e.parent == Some(p) && weighted(e) >= top_score * 0.3)
            .count();
        if strong_siblings > 0 {
            root_elem = p;
        }
    }
    let root_end = w.elems[root_elem].end;
    let inside = |e: usize| (root_elem..root_end).contains(&e);

    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut segments = Vec::new();
    let mut total_chars = 0;
    for raw in w.blocks.iter().filter(|b| inside(b.elem)) {
        if raw.chars == 0 {
            continue;
        }
        let heading = raw.tag.starts_with('h') && raw.tag.len() == 2;
        if !heading && raw.chars < 200 && raw.link_chars * 2 > raw.chars {
            continue; // a link list, a "read more", a tag cloud
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        append_block(
            &mut text,
            &mut segments,
            &w.node_texts,
            &raw.parts,
            blocks.len() as u32,
        );
        if text.len() == start {
            text.truncate(start.saturating_sub(2));
            continue;
        }
        if !heading {
            total_chars += raw.chars;
        }
        blocks.push(Block {
            tag: raw.tag.clone(),
            aside: raw.aside,
            start,
            end: text.len(),
        });
    }
    if total_chars < MIN_ARTICLE_CHARS {
        return None;
    }
    Some(Article {
        text,
        blocks,
        node_texts,
        root: w.elems[root_elem].row,
        segments,
    })
}

/// Appends a block's text nodes to `text`, collapsing white space, trimming the block, and
/// recording a segment per verbatim run.
fn append_block(
    text: &mut String,
    segments: &mut Vec<Segment>,
    nodes: &[&str],
    parts: &[(u32, usize, usize)],
    block: u32,
) {
    let block_start = text.len();
    let mut pending_space: Option<(u32, usize, usize)> = None;
    for &(node, from, to) in parts {
        let s = nodes[node as usize];
        for (i, c) in s[from..to].char_indices() {
            let at = from + i;
            if c.is_whitespace() || c == '\u{200b}' {
                if pending_space.is_none() {
                    pending_space = Some((node, at, at + c.len_utf8()));
                }
                continue;
            }
            if let Some((n, a, b)) = pending_space.take() {
                if text.len() > block_start {
                    push_mapped(text, segments, " ", n, a, b, block);
                }
            }
            let mut buf = [0; 4];
            push_mapped(
                text,
                segments,
                c.encode_utf8(&mut buf),
                node,
                at,
                at + c.len_utf8(),
                block,
            );
        }
    }
}

/// Appends `piece` mapped to `node[a..b]`, extending the last segment when contiguous.
fn push_mapped(
    text: &mut String,
    segments: &mut Vec<Segment>,
    piece: &str,
    node: u32,
    a: usize,
    b: usize,
    block: u32,
) {
    let start = text.len();
    text.push_str(piece);
    let verbatim = piece.len() == b - a;
    if let Some(last) = segments.last_mut() {
        let last_verbatim = last.text_end - last.text_start == last.node_end - last.node_start;
        if verbatim
            && last_verbatim
            && last.node == node
            && last.node_end == a
            && last.text_end == start
            && last.block == block
        {
            last.text_end = text.len();
            last.node_end = b;
            return;
        }
    }
    segments.push(Segment {
        text_start: start,
        text_end: text.len(),
        node,
        node_start: a,
        node_end: b,
        block,
    });
}

/// Whether a word of `attr` (split at white space) is one of `words`, or ends in one after a
/// hyphen or underscore.
fn has_word(attr: &str, words: &[&str]) -> bool {
    attr.split_whitespace().any(|w| {
        let last = w.rsplit(['-', '_']).next().unwrap_or(w);
        words.iter().any(|x| last.eq_ignore_ascii_case(x))
    })
}

fn words_match(attr: &str, words: &[&str]) -> bool {
    let lower = attr.to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w))
}

impl<'a> Walker<'a> {
    /// Closes open elements until `depth` remain.
    fn close_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(done) = self.open.pop() else { break };
            self.elems[done.elem].end = self.elems.len();
            // Text after a nested block continues in a new block of its parent.
            if !done.is_block {
                continue;
            }
            let Some(parent) = self.open.last_mut().filter(|p| p.block_parent) else {
                continue;
            };
            if let Some(current) = parent.block {
                let tag = self.blocks[current].tag.clone();
                let aside = self.blocks[current].aside;
                self.blocks.push(RawBlock::new(parent.elem, tag, aside));
                parent.block = Some(self.blocks.len() - 1);
            }
        }
    }

    /// Adds node number `row` of the document-order list.
    fn visit(&mut self, row: usize, node: &'a Node) {
        // The parent is the innermost open element above this depth (a depth that skips
        // levels is read as the next level down).
        self.close_to(node.depth() as usize);
        let (parent, skipped, in_link, aside, block) = match self.open.last() {
            Some(o) => (Some(o.elem), o.skipped, o.in_link, o.aside, o.block),
            None => (None, false, false, false, None),
        };
        match node {
            Node::Text { text, .. } => {
                let number = self.node_texts.len() as u32;
                self.node_texts.push(text);
                if skipped {
                    return;
                }
                let Some(b) = block else { return };
                let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                if chars == 0 && self.blocks[b].parts.is_empty() {
                    return;
                }
                let raw = &mut self.blocks[b];
                raw.parts.push((number, 0, text.len()));
                raw.chars += chars;
                raw.commas += text.matches([',', '，']).count();
                if in_link {
                    raw.link_chars += chars;
                }
                let elem = &mut self.elems[raw.elem];
                elem.text_chars += chars;
                if in_link {
                    elem.link_chars += chars;
                }
            }
            Node::Element {
                tag,
                id,
                class,
                role,
                ..
            } => {
                let tag = tag.to_ascii_lowercase();
                let ident = format!(
                    "{} {}",
                    id.as_deref().unwrap_or(""),
                    class.as_deref().unwrap_or("")
                );
                let skip_here = skipped
                    || SKIPPED_TAGS.contains(&tag.as_str())
                    || role
                        .as_deref()
                        .is_some_and(|r| SKIPPED_ROLES.contains(&r.to_ascii_lowercase().as_str()))
                    || (words_match(&ident, UNLIKELY)
                        && !words_match(&ident, LIKELY)
                        && !matches!(tag.as_str(), "body" | "article" | "main"));
                let e = self.elems.len();
                self.elems.push(Elem {
                    row,
                    parent,
                    end: e + 1,
                    score: 0.0,
                    text_chars: 0,
                    link_chars: 0,
                });
                let is_block = BLOCK_TAGS.contains(&tag.as_str());
                let block_parent = is_block && !skip_here;
                let aside = aside || ASIDE_TAGS.contains(&tag.as_str()) || has_word(&ident, ASIDE);
                let mut block = block;
                if block_parent {
                    self.blocks.push(RawBlock::new(e, tag.clone(), aside));
                    block = Some(self.blocks.len() - 1);
                }
                self.open.push(Open {
                    elem: e,
                    block_parent,
                    is_block,
                    skipped: skip_here,
                    in_link: in_link || tag == "a",
                    aside,
                    block,
                });
            }
        }
    }

    /// Turns each element's own text and link characters into its subtree's (children come
    /// after their parents, so one backward pass adds each total to its parent).
    fn sum_subtrees(&mut self) {
        for e in (0..self.elems.len()).rev() {
            if let Some(p) = self.elems[e].parent {
                let (text, link) = (self.elems[e].text_chars, self.elems[e].link_chars);
                self.elems[p].text_chars += text;
                self.elems[p].link_chars += link;
            }
        }
    }
}

impl RawBlock {
    fn new(elem: usize, tag: String, aside: bool) -> RawBlock {
        RawBlock {
            elem,
            tag,
            aside,
            parts: Vec::new(),
            chars: 0,
            link_chars: 0,
            commas: 0,
        }
    }
}
