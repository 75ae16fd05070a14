// Serialises the visible DOM of document.body into a PageSnapshot (see src/page/mod.rs):
// an element is {tag, id?, class?, role?, children}, a text node is a plain string. Text nodes
// are numbered 0.. in depth-first order; `nodes[i]` is the live Text node of string number i.
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});

  // Subtrees that never hold readable text, or that belong to the reader (form fields).
  const SKIP = new Set([
    'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'canvas', 'textarea',
    'input', 'select', 'object', 'embed', 'math',
  ]);

  /** True when `el` and its subtree are not shown (checked once per element, not per node). */
  function hidden(el) {
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
    const cs = getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden';
  }

  /**
   * Returns {snapshot, nodes}. `exclude` is ClaimLens's own host element (left out).
   * Editable regions (contenteditable) are left alone entirely.
   */
  ns.snapshot = function snapshot(body = document.body, exclude = null) {
    const nodes = [];
    function walk(el) {
      const out = { tag: el.localName, children: [] };
      if (el.id) out.id = el.id;
      const cls = el.getAttribute('class');
      if (cls) out.class = cls;
      const role = el.getAttribute('role');
      if (role) out.role = role;
      for (let child = el.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (child.data.length === 0) continue;
          nodes.push(child);
          out.children.push(child.data);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          if (child === exclude || SKIP.has(child.localName)) continue;
          if (child.isContentEditable || hidden(child)) continue;
          out.children.push(walk(child));
        }
      }
      return out;
    }
    const root = body ? walk(body) : { tag: 'body', children: [] };
    return { snapshot: { url: location.href, title: document.title, root }, nodes };
  };

  /** Cheap guess whether the page is an article: <article>, og:type=article, or long <p> text. */
  ns.looksLikeArticle = function looksLikeArticle() {
    if (document.querySelector('article')) return true;
    const og = document.querySelector('meta[property="og:type"]');
    if (og && og.content.trim().toLowerCase() === 'article') return true;
    let chars = 0;
    for (const p of document.getElementsByTagName('p')) {
      chars += p.textContent.length;
      if (chars >= 1500) return true;
    }
    return false;
  };

  /** The element most likely holding the article's text column (for the layout decision). */
  ns.articleRoot = function articleRoot() {
    const article = document.querySelector('article, [role="main"] article, main');
    if (article) return article;
    let best = null;
    for (const p of document.getElementsByTagName('p')) {
      if (!best || p.textContent.length > best.textContent.length) best = p;
    }
    return best?.parentElement ?? document.body;
  };
})();
