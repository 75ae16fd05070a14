// ClaimLens content script entry: wires the snapshot, the sidebar frame and the painter
// together, and relays messages. It decides nothing about claims, nor whether the page is an
// article: that is the core's (src/page/gate.rs for the cheap first look, extraction for good).
//
// Starting by itself: when the page loads, the core's cheap measure (protocol.js, generated
// from src/page/gate.rs) says whether the page may hold an article; if not, ClaimLens stays
// idle and looks again only after a large change — the URL changed (single-page navigation) or
// the text grew by MIN_ARTICLE_CHARS since the last look. A ticking clock or a counter costs
// only its own mutation records, never a walk of the page.
//
// Dynamic pages: once started, a MutationObserver notices text added, removed or changed
// (infinite scroll, single-page navigation) and, debounced, sends a fresh snapshot; the sidebar
// re-renders and the painter replaces every highlight, so cards of replaced content vanish.
// Long pages are walked and painted in slices (snapshotAsync/paintAsync) so the page never
// freezes. Where the core found no article (and the reader did not ask), the same large-change
// rule decides when to look again.
//
// Performance marks (visible to the page's own performance timeline; used by the benchmarks
// and tests): `claimlens:measured` (the cheap measure taken), `claimlens:skipped` (not started
// by itself), `claimlens:start`, `claimlens:snapshot` (a walk of the page began),
// `claimlens:sent` (snapshot posted), `claimlens:painted` (highlights registered).
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  if (ns.started !== undefined) return; // injected twice
  ns.started = false;
  const ext = globalThis.browser ?? globalThis.chrome;
  const { make, read, MIN_ARTICLE_CHARS } = ns.protocol;
  const MARGIN = 10; // CSS pixels kept free between the text column and the sidebar
  const QUIET_MS = 250; // re-analyse once the page has been quiet this long…
  const MAX_WAIT_MS = 800; // …but no later than this after the first change (~1 s in all)
  const REPLY_TIMEOUT_MS = 20_000; // a snapshot the sidebar never answered (it failed) is dropped
  // Added or removed elements that never carry readable text: not worth a new analysis.
  const INERT = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'iframe', 'img', 'svg', 'canvas', 'video', 'audio', 'source', 'picture', 'br', 'hr', 'input']);

  let frame = null;
  let nodes = []; // text nodes of the snapshot whose findings are painted
  let sent = null; // {nodes, texts} of the snapshot last sent (to skip identical ones)
  let waiting = null; // nodes of the snapshot the sidebar is analysing, until its findings come
  let replyTimer = 0;
  let busy = false; // a snapshot is being taken or analysed: changes meanwhile set `dirty`
  let dirty = false;
  let byUser = false; // the reader started or showed ClaimLens with the toolbar button
  let autoHidden = false; // hidden by us (no article), not by the reader
  const painter = new ns.Painter();
  const mark = (name) => performance.mark?.(`claimlens:${name}`);

  // --- The article gate: looked at once per navigation or large change ---------------------

  let lookedAt = location.href; // the URL of the last look
  let growth = 0; // characters of text added since then (net per burst of changes, never < 0)

  /** Resets the large-change measure: a decision about the page is being made now. */
  function looked() {
    lookedAt = location.href;
    growth = 0;
  }

  /** The core's cheap first look: may this page hold an article? */
  function mayBeArticle() {
    looked();
    mark('measured');
    return ns.measureProse(MIN_ARTICLE_CHARS) >= MIN_ARTICLE_CHARS;
  }

  /** Has the page changed enough since the last look to look again? */
  const largeChange = () => location.href !== lookedAt || growth >= MIN_ARTICLE_CHARS;

  /** Messages from the sidebar iframe (over the private MessagePort only). */
  function onSidebarMessage(msg) {
    switch (read(msg, 'sidebar')) {
      case 'findings':
        onFindings(msg);
        break;
      case 'reveal':
        painter.reveal(msg.id);
        break;
      case 'collapse':
        frame.collapse();
        break;
      case 'filter':
        painter.setKindVisible(msg.kind, msg.visible);
        break;
    }
  }

  /** The sidebar answered our latest snapshot: paint its findings over that snapshot's nodes. */
  async function onFindings(msg) {
    if (waiting) nodes = waiting;
    waiting = null;
    clearTimeout(replyTimer);
    frame.setCount(msg.count ?? 0);
    // Started by itself on what the core says is no article: stay out of sight (no noise);
    // the toolbar button still shows it, and later content that is an article shows it too.
    if (autoHidden && msg.isArticle) {
      autoHidden = false;
      frame.show();
    } else if (!byUser && msg.isArticle === false && frame.state !== 'hidden') {
      autoHidden = true;
      frame.hide();
    }
    // The sidebar renders a new analysis with every kind shown: so does the page.
    painter.showAllKinds();
    if (await painter.paintAsync(nodes, msg.findings, ns.yieldToPage)) {
      if (frame.state === 'hidden') painter.clear();
      mark('painted');
    }
    busy = false;
    if (dirty) schedule();
  }

  /** Takes a snapshot (in slices) and sends it, unless the visible text is unchanged. */
  async function send() {
    busy = true;
    dirty = false;
    looked();
    mark('snapshot');
    const snap = await ns.snapshotAsync(document.body, frame.host);
    if (sent && sameText(sent, snap.nodes)) {
      busy = false;
      if (dirty) schedule();
      return;
    }
    sent = { nodes: snap.nodes, texts: snap.nodes.map((n) => n.data) };
    waiting = snap.nodes;
    frame.post(make('page', { snapshot: snap.snapshot }));
    mark('sent');
    // If the sidebar failed on this snapshot it sends nothing back: do not wait forever.
    clearTimeout(replyTimer);
    replyTimer = setTimeout(() => {
      waiting = null;
      busy = false;
      if (dirty) schedule();
    }, REPLY_TIMEOUT_MS);
  }

  /** Same text nodes (the very same objects, for the ranges) holding the same text? */
  function sameText(prev, now) {
    if (prev.nodes.length !== now.length) return false;
    for (let i = 0; i < now.length; i++) {
      if (prev.nodes[i] !== now[i] || prev.texts[i] !== now[i].data) return false;
    }
    return true;
  }

  // --- Watching the page for late or replaced content -------------------------------------

  let quietTimer = 0;
  let firstChange = 0;

  /** Does this mutation add, remove or change text (rather than scripts, images, our host)? */
  function relevant(rec) {
    if (frame && (rec.target === frame.host || frame.host.contains(rec.target))) return false;
    if (rec.type === 'characterData') return true;
    for (const list of [rec.addedNodes, rec.removedNodes]) {
      for (const n of list) {
        if (n.nodeType === Node.TEXT_NODE) return true;
        if (n.nodeType === Node.ELEMENT_NODE && n !== frame?.host && !INERT.has(n.localName)) return true;
      }
    }
    return false;
  }

  /** Characters of text in an added or removed node (0 for nodes without readable text). */
  function textSize(n) {
    if (n.nodeType === Node.TEXT_NODE) return n.data.length;
    if (n.nodeType === Node.ELEMENT_NODE && !INERT.has(n.localName)) return n.textContent.length;
    return 0;
  }

  /** How much text a mutation added (negative: removed). */
  function grew(rec) {
    if (rec.type === 'characterData') return rec.target.data.length - (rec.oldValue?.length ?? 0);
    let d = 0;
    for (const n of rec.addedNodes) d += textSize(n);
    for (const n of rec.removedNodes) d -= textSize(n);
    return d;
  }

  function onMutations(records) {
    let any = false;
    let delta = 0;
    for (const rec of records) {
      if (!relevant(rec)) continue;
      any = true;
      delta += grew(rec);
    }
    if (!any) return;
    growth = Math.max(0, growth + delta);
    const now = performance.now();
    if (!quietTimer) firstChange = now;
    clearTimeout(quietTimer);
    quietTimer = setTimeout(flush, Math.max(0, Math.min(QUIET_MS, firstChange + MAX_WAIT_MS - now)));
  }

  /** The page changed and then settled (or kept changing for MAX_WAIT_MS). */
  function flush() {
    quietTimer = 0;
    if (!frame) {
      // Not started: a large change may have made the page an article (a single-page app).
      if (largeChange() && mayBeArticle()) start();
      return;
    }
    // The core found no article here: look again only after a large change.
    if (autoHidden && !byUser && !largeChange()) return;
    if (busy || (frame.state === 'hidden' && !autoHidden)) dirty = true;
    else send();
  }

  function schedule() {
    if (!quietTimer) {
      firstChange = performance.now();
      quietTimer = setTimeout(flush, 0);
    }
  }

  // --- Starting, clicks, the toolbar button --------------------------------------------------

  /** A click on a highlighted passage focuses its card (and opens the sidebar). */
  function onClick(e) {
    if (!frame || frame.state === 'hidden' || e.button !== 0) return;
    const id = painter.hitTest(e.clientX, e.clientY);
    if (id === null) return;
    frame.expand();
    frame.post(make('focus', { id }));
  }

  function start() {
    ns.started = true;
    mark('start');
    const rect = ns.articleRoot().getBoundingClientRect();
    const roomOnRight = rect.right + ns.Frame.WIDTH + MARGIN <= document.documentElement.clientWidth;
    frame = new ns.Frame(ext.runtime, onSidebarMessage, roomOnRight);
    document.addEventListener('click', onClick, { capture: true, passive: true });
    send();
  }

  /** Toolbar button: start, or hide/show everything ClaimLens put on the page. */
  function toggle() {
    byUser = true;
    if (!frame) return start();
    if (frame.state === 'hidden') {
      autoHidden = false;
      frame.show();
      painter.render();
      if (dirty && !busy) send();
    } else {
      frame.hide();
      painter.clear();
    }
  }

  ext.runtime.onMessage.addListener((msg) => {
    if (read(msg, 'worker') === 'toggle') toggle();
  });

  new MutationObserver(onMutations).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    characterDataOldValue: true,
  });

  if (mayBeArticle()) start();
  else mark('skipped');
})();
