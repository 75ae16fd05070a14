//! The article's text cut into sections at block boundaries, so that a huge page can be
//! detected and highlighted piece by piece before the whole text is analysed and compared (see
//! [`crate::pipeline::detect_section`]).

use super::extract::Article;
use crate::text::Span;

/// About how many bytes of article text a section holds (see [`sections`]): small enough that
/// the sidebar answers within a frame or two per section, large enough that a 5 MiB page needs
/// only ~160 of them.
pub const SECTION_BYTES: usize = 32 * 1024;

/// The article's text cut into sections at block boundaries, each about `bytes` long (a block
/// longer than that is a section of its own), covering every block in order.
///
/// ```
/// use claimlens::page::{extract_article, sections, PageNode, PageSnapshot};
/// let para = || PageNode::element("p", vec![PageNode::Text("Officials said 1,200 people left their homes on Tuesday. ".repeat(3))]);
/// let page = PageSnapshot::from_tree("", "", &PageNode::element("body", (0..6).map(|_| para()).collect()));
/// let article = extract_article(&page).unwrap();
/// let parts = sections(&article, 400);
/// assert_eq!(parts.len(), 3); // two blocks of ~170 bytes per section
/// assert_eq!((parts[0].start, parts.last().unwrap().end), (0, article.text.len()));
/// ```
pub fn sections(article: &Article, bytes: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for block in &article.blocks {
        match out.last_mut() {
            Some(last) if block.end - last.start <= bytes => last.end = block.end,
            _ => out.push(Span::new(block.start, block.end)),
        }
    }
    out
}
