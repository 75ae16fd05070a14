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

  /** Lets the page run: scheduler.yield() where available (keeps our priority), else a task. */
  ns.yieldToPage = () =>
    globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0));

  /**
   * The walk as a generator, so it can run in one go or in slices: it yields (nothing) every
   * CHECK_EVERY visited nodes and finally returns {snapshot, nodes}. Iterative (an explicit
   * stack), so deep pages cannot overflow the JS stack. If the page changes between slices the
   * result may mix old and new; the caller's MutationObserver then asks for a fresh one.
   */
  const CHECK_EVERY = 128;
  function* walk(body, exclude) {
    const nodes = [];
    const element = (el) => {
      const out = { tag: el.localName, children: [] };
      if (el.id) out.id = el.id;
      const cls = el.getAttribute('class');
      if (cls) out.class = cls;
      const role = el.getAttribute('role');
      if (role) out.role = role;
      return out;
    };
    if (!body) return { snapshot: { url: location.href, title: document.title, root: { tag: 'body', children: [] } }, nodes };
    const root = element(body);
    const stack = [{ out: root, next: body.firstChild }];
    let visited = 0;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const child = top.next;
      if (!child) {
        stack.pop();
        continue;
      }
      top.next = child.nextSibling;
      if (child.nodeType === Node.TEXT_NODE) {
        if (child.data.length === 0) continue;
        nodes.push(child);
        top.out.children.push(child.data);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child === exclude || SKIP.has(child.localName)) continue;
        if (child.isContentEditable || hidden(child)) continue;
        const out = element(child);
        top.out.children.push(out);
        stack.push({ out, next: child.firstChild });
      }
      if (++visited % CHECK_EVERY === 0) yield;
    }
    return { snapshot: { url: location.href, title: document.title, root }, nodes };
  }

  /**
   * Returns {snapshot, nodes}. `exclude` is ClaimLens's own host element (left out).
   * Editable regions (contenteditable) are left alone entirely.
   */
  ns.snapshot = function snapshot(body = document.body, exclude = null) {
    const steps = walk(body, exclude);
    for (;;) {
      const { done, value } = steps.next();
      if (done) return value;
    }
  };

  /**
   * The same as `snapshot`, in slices of at most about `sliceMs` of main-thread time with the
   * page running between them (long pages must not freeze). Resolves to {snapshot, nodes}.
   */
  ns.snapshotAsync = async function snapshotAsync(body = document.body, exclude = null, sliceMs = 8) {
    const steps = walk(body, exclude);
    let deadline = performance.now() + sliceMs;
    for (;;) {
      const { done, value } = steps.next();
      if (done) return value;
      if (performance.now() > deadline) {
        await ns.yieldToPage();
        deadline = performance.now() + sliceMs;
      }
    }
  };

  const ARTICLE_CHARS = 1500;

  /**
   * Cheap guess whether the page is an article: <article>, og:type=article, long <p> text, or
   * one element holding long text directly (<pre>, <br>-separated lines).
   */
  ns.looksLikeArticle = function looksLikeArticle() {
    if (document.querySelector('article')) return true;
    const og = document.querySelector('meta[property="og:type"]');
    if (og && og.content.trim().toLowerCase() === 'article') return true;
    let chars = 0;
    for (const p of document.getElementsByTagName('p')) {
      chars += p.textContent.length;
      if (chars >= ARTICLE_CHARS) return true;
    }
    // Articles without <p>: <pre> text, or <div>s of text lines split by <br> (blogs, RFCs).
    const perParent = new Map();
    const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (!parent || SKIP.has(parent.localName) || parent.closest('nav, header, footer, aside, a')) continue;
      const n = (perParent.get(parent) ?? 0) + walker.currentNode.data.trim().length;
      if (n >= ARTICLE_CHARS) return true;
      perParent.set(parent, n);
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
