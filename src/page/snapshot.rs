//! The page snapshot: the page's elements and text nodes as one flat list in document order,
//! each with its depth below the root — the shape the content script sends and the CLI's HTML
//! parser builds. Flat, so that no stage needs recursion and any depth costs O(nodes).

use serde::Deserialize;

/// One node of a page snapshot: an element or a text node, with its depth below the root (the
/// root element has depth 0, its children 1, …).
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// An element with the few attributes extraction reads.
    Element {
        /// Depth below the root.
        depth: u32,
        /// Lower-case tag name.
        tag: String,
        /// The `id` attribute.
        id: Option<String>,
        /// The `class` attribute.
        class: Option<String>,
        /// The `role` attribute.
        role: Option<String>,
    },
    /// A text node.
    Text {
        /// Depth below the root.
        depth: u32,
        /// The node's text.
        text: String,
    },
}

impl Node {
    /// The node's depth below the root.
    pub fn depth(&self) -> u32 {
        match self {
            Node::Element { depth, .. } | Node::Text { depth, .. } => *depth,
        }
    }
}

/// What the content script sends: the page's address, title and visible nodes.
///
/// A node's parent is the nearest element before it with a smaller depth; a depth that skips
/// levels is read as one level below that element, so any list of nodes is a valid page. Text
/// nodes are numbered from 0 in list order; a [`NodeRange`](super::NodeRange) names them by
/// that number.
///
/// On the wire (JSON, or the plain JS object the sidebar receives) the nodes are columns of equal
/// length — cheap to copy between threads, whatever the page's depth:
/// ```json
/// {"url": "https://…", "title": "…", "published": "2024-06-01T09:00:00Z",
///  "depth": [0, 1, 2, 3, 3, 4, 3],
///  "tag":   ["body", "article", "p", "", "a", "", ""],
///  "text":  ["", "", "", "The Kremlin has coerced ", "", "thousands", " of migrants"],
///  "id":    ["", "main", "", "", "", "", ""],
///  "class": ["", "story", "", "", "", "", ""],
///  "role":  ["", "", "", "", "", "", ""]}
/// ```
/// An empty `tag` marks a text node; `id`, `class` and `role` may be left out (no attributes),
/// and an empty string there means "absent". `published` (the page's metadata date, as written)
/// may be left out too; anything but an ISO date is read as unknown.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(try_from = "Wire")]
pub struct PageSnapshot {
    /// The page's URL.
    pub url: String,
    /// The document title.
    pub title: String,
    /// When the page says it was published ("YYYY-MM-DD" or "YYYY-MM", see
    /// [`iso_date`](super::iso_date)), if its metadata says.
    pub published: Option<String>,
    /// Elements and text nodes in document order.
    pub nodes: Vec<Node>,
}

impl PageSnapshot {
    /// The text nodes' texts in order (text node number `i` is the `i`-th).
    pub fn text_nodes(&self) -> impl Iterator<Item = &str> {
        self.nodes.iter().filter_map(|n| match n {
            Node::Text { text, .. } => Some(text.as_str()),
            Node::Element { .. } => None,
        })
    }

    /// Flattens a tree (see [`PageNode`]) into a snapshot, iteratively.
    pub fn from_tree(url: &str, title: &str, root: &PageNode) -> PageSnapshot {
        let mut builder = SnapshotBuilder::default();
        // (node, next child to visit)
        let mut stack: Vec<(&PageNode, usize)> = vec![(root, 0)];
        if let PageNode::Text(t) = root {
            builder.text(t);
            stack.clear();
        } else if let PageNode::Element {
            tag,
            id,
            class,
            role,
            ..
        } = root
        {
            builder.open(tag, id.as_deref(), class.as_deref(), role.as_deref());
        }
        while let Some((node, next)) = stack.last_mut() {
            let PageNode::Element { children, .. } = node else {
                unreachable!("only elements are stacked");
            };
            let Some(child) = children.get(*next) else {
                stack.pop();
                builder.close();
                continue;
            };
            *next += 1;
            match child {
                PageNode::Text(t) => builder.text(t),
                PageNode::Element {
                    tag,
                    id,
                    class,
                    role,
                    ..
                } => {
                    builder.open(tag, id.as_deref(), class.as_deref(), role.as_deref());
                    stack.push((child, 0));
                }
            }
        }
        builder.finish(url, title)
    }
}

/// Builds a snapshot in document order: `open` an element, add its `text`s and children,
/// `close` it. Used by the HTML parser and by tests.
#[derive(Debug, Default)]
pub struct SnapshotBuilder {
    nodes: Vec<Node>,
    depth: u32,
}

impl SnapshotBuilder {
    /// Opens an element: what follows, until its `close`, is inside it.
    pub fn open(&mut self, tag: &str, id: Option<&str>, class: Option<&str>, role: Option<&str>) {
        self.nodes.push(Node::Element {
            depth: self.depth,
            tag: tag.to_ascii_lowercase(),
            id: id.map(str::to_string),
            class: class.map(str::to_string),
            role: role.map(str::to_string),
        });
        self.depth += 1;
    }

    /// Adds a text node to the open element.
    pub fn text(&mut self, text: &str) {
        self.nodes.push(Node::Text {
            depth: self.depth,
            text: text.to_string(),
        });
    }

    /// Closes the innermost open element (nothing when none is open).
    pub fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The snapshot built so far.
    pub fn finish(self, url: &str, title: &str) -> PageSnapshot {
        PageSnapshot {
            url: url.to_string(),
            title: title.to_string(),
            published: None,
            nodes: self.nodes,
        }
    }
}

/// A nested element tree: convenient for writing small pages by hand (tests, examples);
/// [`PageSnapshot::from_tree`] flattens it. Deeply nested pages are better built with
/// [`SnapshotBuilder`], which never nests.
#[derive(Clone, Debug, PartialEq)]
pub enum PageNode {
    /// A text node.
    Text(String),
    /// An element with a few attributes and its children.
    Element {
        /// Tag name.
        tag: String,
        /// The `id` attribute.
        id: Option<String>,
        /// The `class` attribute.
        class: Option<String>,
        /// The `role` attribute.
        role: Option<String>,
        /// Child nodes in document order.
        children: Vec<PageNode>,
    },
}

impl PageNode {
    /// Makes an element node without attributes.
    pub fn element(tag: &str, children: Vec<PageNode>) -> PageNode {
        PageNode::Element {
            tag: tag.to_string(),
            id: None,
            class: None,
            role: None,
            children,
        }
    }
}

/// The wire form of a snapshot: columns of equal length.
#[derive(Deserialize)]
struct Wire {
    #[serde(default)]
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    published: String,
    depth: Vec<u32>,
    tag: Vec<String>,
    text: Vec<String>,
    #[serde(default)]
    id: Vec<String>,
    #[serde(default)]
    class: Vec<String>,
    #[serde(default)]
    role: Vec<String>,
}

impl TryFrom<Wire> for PageSnapshot {
    type Error = String;

    fn try_from(w: Wire) -> Result<PageSnapshot, String> {
        let n = w.depth.len();
        if w.tag.len() != n || w.text.len() != n {
            return Err(format!(
                "depth, tag and text must have one entry per node ({n}, {}, {})",
                w.tag.len(),
                w.text.len()
            ));
        }
        for (name, column) in [("id", &w.id), ("class", &w.class), ("role", &w.role)] {
            if !column.is_empty() && column.len() != n {
                return Err(format!("{name} must be absent or have one entry per node"));
            }
        }
        let mut id = w.id.into_iter();
        let mut class = w.class.into_iter();
        let mut role = w.role.into_iter();
        let attr =
            |column: &mut std::vec::IntoIter<String>| column.next().filter(|s| !s.is_empty());
        let nodes = w
            .depth
            .into_iter()
            .zip(w.tag)
            .zip(w.text)
            .map(|((depth, tag), text)| {
                let (id, class, role) = (attr(&mut id), attr(&mut class), attr(&mut role));
                if tag.is_empty() {
                    Node::Text { depth, text }
                } else {
                    Node::Element {
                        depth,
                        tag,
                        id,
                        class,
                        role,
                    }
                }
            })
            .collect();
        Ok(PageSnapshot {
            url: w.url,
            title: w.title,
            published: super::iso_date(&w.published),
            nodes,
        })
    }
}
