// Serialises the visible DOM of document.body into a PageSnapshot (see src/page/snapshot.rs):
// the elements and text nodes in document order as columns — depth below <body>, tag ('' for a
// text node), text, id, class, role. Text nodes are numbered 0.. in that order; `nodes[i]` is
// the live Text node number i. Flat and iterative: any depth costs O(nodes).
//
// Also the cheap measure behind the "may this page be an article" gate (measureProse), and the
// difference between two snapshots as one splice cut into pieces (diff, pieces), so that only
// what changed is sent again, never in one long copy.
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});

  // Subtrees that never hold readable text, or that belong to the reader (form fields).
  const SKIP = new Set([
    'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'canvas', 'textarea',
    'input', 'select', 'object', 'embed', 'math',
  ]);
  const COLUMNS = ['depth', 'tag', 'text', 'id', 'class', 'role'];

  /** True when `el` and its subtree are not shown (checked once per element, not per node). */
  function hidden(el) {
    if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
    const cs = getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden';
  }

  /**
   * The page's publication date as its metadata writes it ('' for none): the first of the
   * core's PUBLISHED_META keys (most trusted first) on a <meta property|name|itemprop>, else a
   * JSON-LD script's "datePublished". The core checks that it is a date (src/page/date.rs) and
   * the CLI's HTML parser looks in the same places.
   */
  function published(doc) {
    const keys = ns.protocol?.PUBLISHED_META ?? [];
    let best = -1;
    let value = '';
    for (const meta of doc.querySelectorAll('meta[content]')) {
      const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
      const rank = keys.indexOf(key);
      if (rank >= 0 && (best < 0 || rank < best)) {
        best = rank;
        value = meta.getAttribute('content');
      }
    }
    if (best >= 0) return value.slice(0, 64);
    for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const m = /"datePublished"\s*:\s*"([^"]{4,64})"/.exec(script.textContent.slice(0, 200_000));
      if (m) return m[1];
    }
    return '';
  }
  ns.published = published;

  /** Lets the page run: scheduler.yield() where available (keeps our priority), else a task. */
  ns.yieldToPage = () =>
    globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0));

  /** Empty columns. */
  const emptyColumns = () => Object.fromEntries(COLUMNS.map((c) => [c, []]));

  /**
   * The walk as a generator, so that it can run in slices: it yields (nothing) every
   * CHECK_EVERY visited nodes and finally returns {snapshot, nodes, items}: `items[i]` is the DOM
   * node of row i (for diff). Iterative (an explicit stack), so deep pages cannot overflow the
   * JS stack. If the page changes between slices the result may mix old and new; the caller's
   * MutationObserver then asks for a fresh one.
   */
  const CHECK_EVERY = 128;
  function* walk(body, exclude) {
    const cols = emptyColumns();
    const items = [];
    const nodes = [];
    const row = (node, depth, tag, text, el) => {
      items.push(node);
      cols.depth.push(depth);
      cols.tag.push(tag);
      cols.text.push(text);
      cols.id.push(el ? el.id : '');
      cols.class.push(el?.getAttribute('class') ?? '');
      cols.role.push(el?.getAttribute('role') ?? '');
    };
    const doc = body?.ownerDocument ?? document;
    const done = () => ({
      snapshot: { url: location.href, title: doc.title, published: published(doc), ...cols },
      nodes,
      items,
    });
    if (!body) return done();
    row(body, 0, body.localName, '', body);
    const stack = [{ next: body.firstChild, depth: 1 }];
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
        row(child, top.depth, '', child.data, null);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child === exclude || SKIP.has(child.localName)) continue;
        if (child.isContentEditable || hidden(child)) continue;
        row(child, top.depth, child.localName, '', child);
        stack.push({ next: child.firstChild, depth: top.depth + 1 });
      }
      if (++visited % CHECK_EVERY === 0) yield;
    }
    return done();
  }

  /**
   * Takes the snapshot in slices of at most about `sliceMs` of main-thread time with the page
   * running between them (long pages must not freeze). Resolves to {snapshot, nodes, items}.
   * `exclude` is ClaimLens's own host element (left out). Editable regions (contenteditable)
   * are left alone entirely. `onYield` is called before each pause (a page too long for one
   * slice).
   */
  ns.snapshotAsync = async function snapshotAsync(body = document.body, exclude = null, sliceMs = 8, onYield = null) {
    const steps = walk(body, exclude);
    let deadline = performance.now() + sliceMs;
    for (;;) {
      const { done, value } = steps.next();
      if (done) return value;
      if (performance.now() > deadline) {
        onYield?.();
        await ns.yieldToPage();
        deadline = performance.now() + sliceMs;
      }
    }
  };

  /**
   * The difference between two snapshots ({snapshot, items} as `snapshot` returns) as one
   * splice of rows: {from, remove, rows} turns `prev`'s rows into `now`'s (rows: columns of the
   * rows to insert at `from` after removing `remove`). Rows are equal when they are the same DOM
   * node with the same column values. O(rows).
   */
  ns.diff = function diff(prev, now) {
    const a = prev?.snapshot;
    const b = now.snapshot;
    const aLen = a ? a.depth.length : 0;
    const bLen = b.depth.length;
    const same = (i, j) => prev.items[i] === now.items[j] && COLUMNS.every((c) => a[c][i] === b[c][j]);
    let head = 0;
    while (head < aLen && head < bLen && same(head, head)) head++;
    let tail = 0;
    while (tail < aLen - head && tail < bLen - head && same(aLen - 1 - tail, bLen - 1 - tail)) tail++;
    const rows = Object.fromEntries(COLUMNS.map((c) => [c, b[c].slice(head, bLen - tail)]));
    return { from: head, remove: aLen - head - tail, rows };
  };

  /**
   * A splice from `diff` cut into pieces of at most `maxRows` rows and about `maxChars`
   * characters of text, each posted as its own message (a huge page is never one long copy):
   * the first piece removes, the others only insert after it; the last one has `done`.
   */
  ns.pieces = function* pieces({ from, remove, rows }, maxRows = 20_000, maxChars = 256 * 1024) {
    const n = rows.depth.length;
    let at = 0;
    do {
      let end = at;
      let chars = 0;
      while (end < n && end - at < maxRows && (chars < maxChars || end === at)) chars += rows.text[end++].length;
      const slice = Object.fromEntries(COLUMNS.map((c) => [c, rows[c].slice(at, end)]));
      yield { from: from + at, remove: at === 0 ? remove : 0, rows: slice, done: end >= n };
      at = end;
    } while (at < n);
  };

  /**
   * The cheap measure behind the "may this page be an article" gate (the core's
   * may_be_article, src/page/gate.rs): characters of text in the prose elements the core names
   * (PROSE_TAGS) and in lines split by <br>. No walk of the page: the elements come from
   * getElementsByTagName, and counting stops at `enough`.
   */
  ns.measureProse = function measureProse(enough) {
    let chars = 0;
    for (const tag of ns.protocol.PROSE_TAGS) {
      for (const el of document.getElementsByTagName(tag)) {
        chars += el.textContent.length;
        if (chars >= enough) return chars;
      }
    }
    const seen = new Set();
    for (const br of document.getElementsByTagName('br')) {
      const parent = br.parentNode;
      if (!parent || seen.has(parent)) continue;
      seen.add(parent);
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === Node.TEXT_NODE) chars += n.data.length;
      }
      if (chars >= enough) return chars;
    }
    return chars;
  };
})();
