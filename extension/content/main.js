// ClaimLens content script entry: wires the snapshot, the sidebar frame and the painter
// together, and relays messages. It decides nothing about claims, nor whether the page is an
// article: that is the core's (src/page/gate.rs for the cheap first look, extraction for good).
//
// Starting by itself follows the reader's settings (settings.js): never on the sites they
// listed as never, always on those listed as always (and on every page if they chose so), only
// on their click if they chose that, and otherwise — the default — when the page loads, the
// core's cheap measure (protocol.js, generated from src/page/gate.rs) says whether the page may
// hold an article; if not, ClaimLens stays idle and looks again only after a large change — the
// URL changed (single-page navigation) or the text grew by MIN_ARTICLE_CHARS since the last
// look. A ticking clock or a counter costs only its own mutation records, never a walk of the
// page. Settings changed elsewhere apply here at once (storage.onChanged): the highlight style,
// the sidebar's side, the kinds shown, and starting or stopping (a site just set to never loses
// every trace of ClaimLens).
//
// Keyboard: the worker relays the commands (manifest `commands`) as `toggle` and `step`; a
// step goes to the next or previous finding in page order — scrolls to it, flashes it and
// focuses its card.
//
// First highlights: the first snapshot goes to the worker, whose core is already running, and
// the sidebar's frame is put on the page only once the worker's highlights are painted (or after
// WORKER_WAIT_MS); the sidebar's own section-by-section highlights are ignored for a snapshot
// the worker painted, and its final findings replace both.
//
// Dynamic pages: once started, a MutationObserver notices text added, removed or changed
// (infinite scroll, single-page navigation) and, debounced, walks the page again and sends only
// what changed (one splice of rows, in pieces); the sidebar re-renders and the painter replaces
// every highlight, so cards of replaced content vanish. Long pages are walked and painted in
// slices (snapshotAsync/paintAsync/appendAsync) and sent in pieces, so no task of ours is long;
// the sidebar's early highlights (section by section, before the comparison) are painted as
// they come, and its final findings replace them. Where the core found no article (and the
// reader did not ask), the same large-change rule decides when to look again.
//
// Performance marks (visible to the page's own performance timeline; used by the benchmarks
// and tests): `claimlens:measured` (the cheap measure taken), `claimlens:skipped` (not started
// by itself), `claimlens:start`, `claimlens:snapshot` (a walk of the page began),
// `claimlens:sent` (the change posted; detail: {from, remove, rows, pieces}), `claimlens:read`
// (the worker's early highlights came first and are painted),
// `claimlens:painted` (highlights registered: the first early ones, then the final ones),
// `claimlens:findings` (the final findings painted).
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  if (ns.started !== undefined) return; // injected twice
  ns.started = false;
  const ext = globalThis.browser ?? globalThis.chrome;
  const { make, read, MIN_ARTICLE_CHARS, WORKER_READ_CHARS } = ns.protocol;
  const MARGIN = 10; // CSS pixels kept free between the text column and the sidebar
  const QUIET_MS = 250; // re-analyse once the page has been quiet this long…
  const MAX_WAIT_MS = 800; // …but no later than this after the first change (~1 s in all)
  const WORKER_WAIT_MS = 100; // the sidebar starts after the worker's highlights, or this long
  const LONG_WALK_SLICES = 4; // …or once the walk has taken this many 8 ms slices (a long page)
  const REPLY_TIMEOUT_MS = 20_000; // a snapshot the sidebar stopped answering (it failed) is dropped
  // Added or removed elements that never carry readable text: not worth a new analysis.
  const INERT = new Set(['script', 'style', 'link', 'meta', 'noscript', 'template', 'iframe', 'img', 'svg', 'canvas', 'video', 'audio', 'source', 'picture', 'br', 'hr', 'input']);

  let frame = null;
  let nodes = []; // text nodes of the snapshot whose findings are painted
  let sent = null; // the snapshot last sent ({snapshot, nodes, items}): changes are sent against it
  let waiting = null; // nodes of the snapshot the sidebar is analysing, until its findings come
  let received = []; // pieces of the findings message received so far
  let early = 0; // early highlights painted for this analysis (their ids: -1, -2, …)
  let earlyFrom = null; // who painted this analysis's first early highlights: 'worker' or 'sidebar'
  let painting = Promise.resolve(); // the painter's work, in the order the messages came
  let replyTimer = 0;
  let busy = false; // a snapshot is being taken or analysed: changes meanwhile set `dirty`
  let dirty = false;
  let byUser = false; // the reader started or showed ClaimLens with the toolbar button
  let autoHidden = false; // hidden by us (no article), not by the reader
  let settings = ns.settings.normalize(null); // the defaults until the stored ones are read
  let kinds = { ...settings.kinds }; // the kinds whose highlights are shown
  let current = null; // the finding last revealed or focused (where a step starts)
  let ready = false; // the stored settings have been read
  const painter = new ns.Painter();
  const mark = (name, detail) => performance.mark?.(`claimlens:${name}`, { detail });

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

  /** How ClaimLens starts on this page by the reader's settings: never, always, articles, click. */
  const mode = () => ns.settings.startOn(settings, location.href);

  /** Whether ClaimLens stays shown where the core finds no article: asked for, or always here. */
  const wanted = () => byUser || mode() === 'always';

  /** Messages from the sidebar iframe (over the private MessagePort only). */
  function onSidebarMessage(msg) {
    switch (read(msg, 'sidebar')) {
      case 'highlights':
        onHighlights(msg);
        break;
      case 'findings':
        onFindings(msg);
        break;
      case 'reveal':
        current = msg.id;
        painter.reveal(msg.id);
        break;
      case 'collapse':
        frame.collapse();
        break;
      case 'filter':
        if (msg.kind in kinds) kinds[msg.kind] = msg.visible;
        painter.setKindVisible(msg.kind, msg.visible);
        break;
    }
  }

  /**
   * Paints on the painter's queue, then clears again if the reader hid ClaimLens; sets the
   * `painted` mark when `marked` (first early highlights, final findings).
   */
  function paint(work, marked) {
    painting = painting.then(async () => {
      if (!(await work())) return false;
      if (!frame || frame.state === 'hidden') painter.clear();
      if (marked) mark('painted');
      return true;
    });
    return painting;
  }

  /**
   * Opens the sidebar beside the article if the window has room to its right (it starts as a
   * tab): once, when the core first names the article's element.
   */
  let laidOut = false;
  function layOut(root) {
    if (laidOut || root < 0) return;
    laidOut = true;
    const el = sent?.items[root];
    if (!(el instanceof Element) || frame.state !== 'collapsed') return;
    const rect = el.getBoundingClientRect();
    const room = frame.side === 'left' ? rect.left : document.documentElement.clientWidth - rect.right;
    if (room >= ns.Frame.WIDTH + MARGIN) frame.expand();
  }

  /**
   * Early highlights of one section of the snapshot being analysed (no ids: no card yet), from
   * the sidebar; ignored when the worker already painted them all for this snapshot.
   */
  function onHighlights(msg) {
    if (!waiting) return; // not about a snapshot we wait for
    awaitReply();
    if (msg.first) layOut(msg.root);
    if (earlyFrom === 'worker') return;
    earlyFrom = 'sidebar';
    paintEarly(waiting, msg.highlights, msg.first);
  }

  /**
   * Paints early highlights over `target` (the nodes of the snapshot they are about); resolves
   * when painted.
   */
  function paintEarly(target, highlights, first) {
    const found = highlights.map((h) => ({ id: -(++early), kind: h.kind, ranges: h.ranges }));
    if (first) return paint(() => painter.paintAsync(target, found, ns.yieldToPage), true);
    return paint(() => painter.appendAsync(target, found, ns.yieldToPage), false);
  }

  /**
   * The first snapshot of a page, read by the worker (whose core is already running) before the
   * sidebar starts: its early highlights, if they come before the sidebar's. Resolves once they
   * are painted, or at once when the worker is not asked (a page too long for one message) or
   * fails (asleep, the extension reloaded) — the sidebar's highlights come anyway.
   */
  function readInWorker(snap) {
    let chars = 0;
    for (const t of snap.snapshot.text) chars += t.length;
    if (chars > WORKER_READ_CHARS) return Promise.resolve();
    const target = snap.nodes;
    return Promise.resolve()
      .then(() => ext.runtime.sendMessage(make('read', { snapshot: snap.snapshot })))
      .then((reply) => {
        if (waiting !== target || earlyFrom !== null || !Array.isArray(reply?.highlights)) return;
        earlyFrom = 'worker';
        mark('read');
        layOut(reply.root);
        return paintEarly(target, reply.highlights, true);
      })
      .catch(() => {});
  }

  /**
   * Starts the sidebar (puts its frame on the page) once the worker's early highlights of the
   * first snapshot are painted, or after WORKER_WAIT_MS: a frame starting meanwhile would slow
   * the worker's answer (both run in the extension's process), and the highlights come first.
   * (A long page's frame is already there: see send.)
   */
  function startSidebarAfter(reading, ours) {
    const attach = () => ours.attach();
    const fallback = setTimeout(attach, WORKER_WAIT_MS);
    reading.finally(() => {
      clearTimeout(fallback);
      attach();
    });
  }

  /** The sidebar's analysis of our latest snapshot (in pieces): paint it over that snapshot. */
  async function onFindings(msg) {
    for (const f of msg.findings) received.push(f);
    if (!msg.done) return;
    const findings = received;
    received = [];
    early = 0;
    earlyFrom = null;
    if (waiting) nodes = waiting;
    waiting = null;
    clearTimeout(replyTimer);
    frame.setCount(msg.count);
    // Started by itself on what the core says is no article: stay out of sight (no noise);
    // the toolbar button still shows it, and later content that is an article shows it too.
    if (autoHidden && msg.isArticle) {
      autoHidden = false;
      frame.show();
    } else if (!wanted() && !msg.isArticle && frame.state !== 'hidden') {
      autoHidden = true;
      frame.hide();
    }
    if (await paint(() => painter.paintAsync(nodes, findings, ns.yieldToPage), true)) mark('findings');
    busy = false;
    if (dirty) schedule();
  }

  /** Takes a snapshot (in slices) and sends what changed since the last one, in pieces. */
  async function send() {
    busy = true;
    dirty = false;
    looked();
    mark('snapshot');
    const ours = frame;
    // A page whose walk takes LONG_WALK_SLICES slices is long: its sidebar starts then (a frame
    // put on a long page after its walk made long tasks there), and it is rarely the worker's to
    // read; a shorter page's frame waits for the worker's highlights (startSidebarAfter).
    let slices = 0;
    const snap = await ns.snapshotAsync(document.body, frame.host, 8, () => {
      if (++slices === LONG_WALK_SLICES) ours.attach();
    });
    if (frame !== ours) return; // stopped meanwhile
    const { url, title, published } = snap.snapshot;
    const change = ns.diff(sent, snap);
    const unchanged = change.remove === 0 && change.rows.depth.length === 0;
    if (sent && unchanged && url === sent.snapshot.url && title === sent.snapshot.title) {
      busy = false;
      if (dirty) schedule();
      return;
    }
    const first = sent === null;
    sent = snap;
    waiting = snap.nodes;
    received = [];
    early = 0;
    earlyFrom = null;
    if (first) startSidebarAfter(readInWorker(snap), ours);
    let pieces = 0;
    for (const piece of ns.pieces(change)) {
      if (pieces++) await ns.yieldToPage(); // each piece is its own task: no long copy
      if (frame !== ours) return;
      frame.post(make('page', { url, title, published, ...piece }));
    }
    mark('sent', { from: change.from, remove: change.remove, rows: change.rows.depth.length, pieces });
    awaitReply();
  }

  /**
   * If the sidebar failed on a snapshot it sends nothing back: do not wait for it forever. Each
   * sign of progress (a section's highlights) restarts the wait, so a huge page is not given up.
   */
  function awaitReply() {
    clearTimeout(replyTimer);
    replyTimer = setTimeout(() => {
      waiting = null;
      busy = false;
      if (dirty) schedule();
    }, REPLY_TIMEOUT_MS);
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
      if (ready && mode() === 'articles' && largeChange() && mayBeArticle()) start();
      return;
    }
    // The core found no article here: look again only after a large change.
    if (autoHidden && !wanted() && !largeChange()) return;
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
    current = id;
    frame.expand();
    frame.post(make('focus', { id }));
  }

  function start() {
    ns.started = true;
    mark('start');
    // A tab at first; layOut opens it beside the article once the core has found it.
    frame = new ns.Frame(ext.runtime, onSidebarMessage, false, settings.side);
    // The chosen highlight style, adopted only where ClaimLens runs (elsewhere the page sees nothing of it).
    ns.applyHighlightStyle(settings);
    document.addEventListener('click', onClick, { capture: true, passive: true });
    send();
  }

  /** Removes every trace of ClaimLens from the page (its frame, its highlights); start() may follow. */
  function stop() {
    if (!frame) return;
    frame.remove();
    frame = null;
    painter.reset();
    ns.removeHighlightStyle();
    document.removeEventListener('click', onClick, { capture: true });
    clearTimeout(replyTimer);
    [sent, waiting, received, early, earlyFrom, nodes] = [null, null, [], 0, null, []];
    [busy, dirty, byUser, autoHidden, laidOut, current] = [false, false, false, false, false, null];
    ns.started = false;
    mark('stopped');
  }

  /** The reader's settings, at load and whenever they change. */
  function applySettings(next) {
    const before = frame ? mode() : null;
    const kindsChanged = ns.settings.KINDS.some((k) => next.kinds[k] !== settings.kinds[k]);
    settings = next;
    if (frame) ns.applyHighlightStyle(settings);
    frame?.setSide(settings.side);
    if (kindsChanged) {
      kinds = { ...settings.kinds };
      painter.setKinds(kinds);
    }
    const now = mode();
    if (before === null || now === before) return;
    if (now === 'never' || (now === 'click' && !byUser)) stop();
    else if (now === 'always' && autoHidden) {
      autoHidden = false;
      frame.show();
      painter.render();
    }
  }

  /** Starts by the settings, at load or when they change to let it start here. */
  function startBySettings() {
    if (frame) return;
    const how = mode();
    if (how === 'always' || (how === 'articles' && mayBeArticle())) start();
    else mark('skipped');
  }

  /** A keyboard command: the next (or previous) finding in page order — reveal it, focus its card. */
  function step(forward) {
    if (!frame) {
      byUser = true;
      return start(); // the reader asked for ClaimLens here; the next step moves
    }
    if (frame.state === 'hidden') toggle();
    const id = painter.step(current, forward);
    if (id === null) return;
    current = id;
    painter.reveal(id);
    frame.expand();
    frame.post(make('focus', { id }));
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
    const name = read(msg, 'worker');
    if (name === 'toggle') toggle();
    else if (name === 'step') step(msg.forward);
  });

  new MutationObserver(onMutations).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    characterDataOldValue: true,
  });

  // The stored settings first (a few milliseconds), then the decision.
  ns.settings.load().then((stored) => {
    ready = true;
    settings = stored;
    kinds = { ...settings.kinds };
    painter.setKinds(kinds);
    ns.settings.watch((next) => {
      const was = mode();
      applySettings(next);
      if (!frame && mode() !== was) startBySettings();
    });
    startBySettings();
  }, (err) => {
    console.warn('ClaimLens: settings not read, using the defaults:', err);
    ready = true;
    startBySettings();
  });
})();
