//! Article extraction over the element tree, in the manner of Readability: paragraphs score
//! their ancestors, the best-scoring container is the article, and navigation, boilerplate and
//! link lists are left out. The article text keeps a map back to the text nodes it came from.

use super::snapshot::PageNode;

/// Tags whose whole subtree is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "form",
    "button", "select", "textarea", "input", "iframe", "object", "embed", "canvas", "video",
    "audio", "dialog", "menu", "head", "title",
];

/// Elements that start a block of text of their own.
const BLOCK_TAGS: &[&str] = &[
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

/// Class/id words that mark article containers.
const LIKELY: &[&str] = &[
    "article", "body", "content", "main", "story", "post", "entry", "text", "blog",
];

/// Elements nested deeper than this are not read (their text nodes are still numbered), so
/// hostile markup cannot exhaust the stack.
pub const MAX_DEPTH: usize = 256;

/// Fewer characters than this in all candidate paragraphs means: no article on this page.
const MIN_ARTICLE_CHARS: usize = 250;

/// One block of article text (a paragraph, heading, list item…).
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The block element's tag.
    pub tag: String,
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

/// An element of the tree as extraction sees it.
struct Elem {
    parent: Option<usize>,
    score: f64,
    text_chars: usize,
    link_chars: usize,
}

/// A block being collected: its element, tag and (node, byte range) parts.
struct RawBlock {
    elem: usize,
    tag: String,
    parts: Vec<(u32, usize, usize)>,
    chars: usize,
    link_chars: usize,
    commas: usize,
}

struct Walker<'a> {
    elems: Vec<Elem>,
    blocks: Vec<RawBlock>,
    node_texts: Vec<&'a str>,
}

/// Finds the article in a page tree; `None` when the page has no article-like text.
pub fn extract_article(root: &PageNode) -> Option<Article> {
    let mut w = Walker {
        elems: Vec::new(),
        blocks: Vec::new(),
        node_texts: Vec::new(),
    };
    w.walk(root, None, None, false, false, 0);
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
    let inside = |mut e: usize| loop {
        if e == root_elem {
            return true;
        }
        match w.elems[e].parent {
            Some(p) => e = p,
            None => return false,
        }
    };

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

fn words_match(attr: &str, words: &[&str]) -> bool {
    let lower = attr.to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w))
}

impl<'a> Walker<'a> {
    /// Numbers the text nodes of a subtree without reading it, iteratively.
    fn number_texts_of(&mut self, node: &'a PageNode) {
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match n {
                PageNode::Text(s) => self.node_texts.push(s),
                PageNode::Element { children, .. } => stack.extend(children.iter().rev()),
            }
        }
    }

    /// Walks `node`; `block` is the block its inline text belongs to; `skipped` whether it lies
    /// in a subtree left out of the article; `in_link` whether it is inside an `<a>`.
    fn walk(
        &mut self,
        node: &'a PageNode,
        parent: Option<usize>,
        block: Option<usize>,
        skipped: bool,
        in_link: bool,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            self.number_texts_of(node);
            return;
        }
        match node {
            PageNode::Text(s) => {
                let number = self.node_texts.len() as u32;
                self.node_texts.push(s);
                if skipped {
                    return;
                }
                let Some(b) = block else { return };
                let chars = s.chars().filter(|c| !c.is_whitespace()).count();
                if chars == 0 && self.blocks[b].parts.is_empty() {
                    return;
                }
                let raw = &mut self.blocks[b];
                raw.parts.push((number, 0, s.len()));
                raw.chars += chars;
                raw.commas += s.matches([',', '，']).count();
                if in_link {
                    raw.link_chars += chars;
                }
                let mut at = Some(raw.elem);
                while let Some(e) = at {
                    self.elems[e].text_chars += chars;
                    if in_link {
                        self.elems[e].link_chars += chars;
                    }
                    at = self.elems[e].parent;
                }
            }
            PageNode::Element {
                tag,
                id,
                class,
                role,
                children,
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
                    parent,
                    score: 0.0,
                    text_chars: 0,
                    link_chars: 0,
                });
                let in_link = in_link || tag == "a";
                let starts_block = BLOCK_TAGS.contains(&tag.as_str());
                let mut block = block;
                if starts_block && !skip_here {
                    self.blocks.push(RawBlock {
                        elem: e,
                        tag: tag.clone(),
                        parts: Vec::new(),
                        chars: 0,
                        link_chars: 0,
                        commas: 0,
                    });
                    block = Some(self.blocks.len() - 1);
                }
                for child in children {
                    // Text after a nested block continues in a new block of this element.
                    if starts_block
                        && !skip_here
                        && matches!(child, PageNode::Element { tag, .. } if BLOCK_TAGS.contains(&tag.to_ascii_lowercase().as_str()))
                    {
                        self.walk(child, Some(e), block, skip_here, in_link, depth + 1);
                        self.blocks.push(RawBlock {
                            elem: e,
                            tag: tag.clone(),
                            parts: Vec::new(),
                            chars: 0,
                            link_chars: 0,
                            commas: 0,
                        });
                        block = Some(self.blocks.len() - 1);
                    } else {
                        self.walk(child, Some(e), block, skip_here, in_link, depth + 1);
                    }
                }
            }
        }
    }
}
