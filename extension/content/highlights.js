// Paints findings with the CSS Custom Highlight API (one Highlight per kind; the page DOM is
// never touched), hit-tests clicks against them and reveals one on request.
// No chrome.* here: the e2e tests load this file into a plain page and drive it directly.
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  const KINDS = ['attribution', 'hedge', 'statistic'];
  const FLASH = 'claimlens-flash';
  const FLASH_MS = 1500;

  /** A DOM Range for a NodeRange, or null when the nodes are gone; offsets clamped. */
  function toRange(nodes, r) {
    const a = nodes[r.startNode];
    const b = nodes[r.endNode];
    if (!a || !b || !a.isConnected || !b.isConnected) return null;
    const range = document.createRange();
    try {
      range.setStart(a, Math.min(r.startOffset, a.length));
      range.setEnd(b, Math.min(r.endOffset, b.length));
    } catch {
      return null; // e.g. the nodes were moved and end now precedes start
    }
    return range.collapsed ? null : range;
  }

  // Over this many ranges, only those near the viewport are registered: the renderer re-paints
  // every registered range on each update (Chromium's PrePaint took 300–460 ms a frame at 70,000
  // ranges), so a huge page would freeze at every change. Below it, every range is registered.
  const WINDOW_MIN_RANGES = 20_000;
  const WINDOW_MARGIN = 2; // viewport heights registered above and below the viewport
  // Every change to a registered highlight makes the renderer walk and re-paint the whole page
  // (PrePaint + Paint: 50–200 ms a frame on a 5 MiB article), so highlights appended as they
  // come are registered at most this often, not in every frame of their slices.
  const RENDER_GAP_MS = 500;

  const emptyHighlights = () => Object.fromEntries(KINDS.map((k) => [k, new Highlight()]));
  const emptyLists = () => Object.fromEntries(KINDS.map((k) => [k, []]));

  /**
   * The ranges of `list` (in page order) whose boxes lie between `top` and `bottom` (viewport
   * coordinates): a binary search for the first, then a walk to the last.
   */
  function rangesBetween(list, top, bottom) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].getBoundingClientRect().bottom < top) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < list.length; i++) {
      const rect = list[i].getBoundingClientRect();
      if (rect.top > bottom) break;
      out.push(list[i]);
    }
    return out;
  }
  /**
   * A Highlight of `ranges` (what is registered, so that appending to ours leaves it alone). From
   * the array, not by iterating a Highlight: iterating one in a Firefox content script does not
   * give its ranges (the Firefox end-to-end tests saw no highlights at all that way).
   */
  function highlightOf(ranges) {
    const out = new Highlight();
    for (const r of ranges) out.add(r);
    return out;
  }
  const nextTask = () => new Promise((r) => setTimeout(r, 0));

  /** Does any client rect of `range` contain the point? */
  function rangeAt(range, x, y) {
    for (const rect of range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
    }
    return false;
  }

  ns.Painter = class Painter {
    constructor() {
      this.byId = new Map(); // id -> {kind, ranges: Range[]}
      this.owner = new Map(); // Range -> id
      this.highlights = emptyHighlights(); // kind -> Highlight (registered by render())
      this.lists = emptyLists(); // kind -> its ranges in page order (for the viewport window)
      this.hiddenKinds = new Set();
      this.flashTimer = 0;
      this.generation = 0; // bumped by every paintAsync, so slower work knows it is stale
    }

    /**
     * Replaces every ClaimLens highlight with `findings` ({id, kind, ranges: NodeRange[]} over
     * the text nodes `nodes`), building the ranges in slices of about `sliceMs` with the page
     * running between them. A newer paintAsync() supersedes one still in progress (resolves
     * false; true once painted). `yieldFn` is how to give way (ClaimLens.yieldToPage in the
     * extension; a task by default).
     */
    async paintAsync(nodes, findings, yieldFn = nextTask, sliceMs = 8) {
      const generation = ++this.generation;
      const into = { byId: new Map(), owner: new Map(), highlights: emptyHighlights(), lists: emptyLists() };
      if (!(await this.#build(nodes, findings, into, generation, yieldFn, sliceMs))) return false;
      Object.assign(this, into);
      this.render();
      return true;
    }

    /**
     * Adds `findings` to what is painted, in slices, into the registered highlights (so they
     * show as they come). Resolves false if a paintAsync() began meanwhile (it supersedes).
     */
    async appendAsync(nodes, findings, yieldFn = nextTask, sliceMs = 8) {
      const done = await this.#build(nodes, findings, this, this.generation, yieldFn, sliceMs);
      if (done && this.shown) this.#renderSoon();
      return done;
    }

    /** render() now if the last was RENDER_GAP_MS ago, else once that gap has passed. */
    #renderSoon() {
      if (this.renderTimer) return;
      const wait = Math.max(0, (this.renderedAt ?? -Infinity) + RENDER_GAP_MS - performance.now());
      this.renderTimer = setTimeout(() => {
        this.renderTimer = 0;
        if (this.shown) this.render();
      }, wait);
    }

    /** Builds ranges for `findings` into `into` ({byId, owner, highlights}), in slices. */
    async #build(nodes, findings, into, generation, yieldFn, sliceMs) {
      let deadline = performance.now() + sliceMs;
      for (let i = 0; i < findings.length; i++) {
        const f = findings[i];
        const ranges = KINDS.includes(f.kind) ? (f.ranges ?? []).map((r) => toRange(nodes, r)).filter(Boolean) : [];
        if (ranges.length) {
          into.byId.set(f.id, { kind: f.kind, ranges });
          for (const r of ranges) {
            into.owner.set(r, f.id);
            into.highlights[f.kind].add(r);
            into.lists[f.kind].push(r);
          }
        }
        if (i % 64 === 63 && performance.now() > deadline) {
          await yieldFn();
          if (generation !== this.generation) return false;
          deadline = performance.now() + sliceMs;
        }
      }
      return generation === this.generation;
    }

    /**
     * (Re)registers the per-kind highlights, leaving out hidden kinds; on a page with more than
     * WINDOW_MIN_RANGES ranges, only those near the viewport, again as the reader scrolls.
     */
    render() {
      clearTimeout(this.renderTimer);
      this.renderTimer = 0;
      this.renderedAt = performance.now();
      const total = KINDS.reduce((n, k) => n + this.highlights[k].size, 0);
      this.shown = true;
      this.windowed = total > WINDOW_MIN_RANGES;
      if (this.windowed) this.#watchScrolling();
      for (const kind of KINDS) {
        if (this.hiddenKinds.has(kind)) CSS.highlights.delete(`claimlens-${kind}`);
        else CSS.highlights.set(`claimlens-${kind}`, this.windowed ? this.#nearViewport(kind) : highlightOf(this.lists[kind]));
      }
    }

    /** A Highlight of the ranges of `kind` within WINDOW_MARGIN viewports of the viewport. */
    #nearViewport(kind) {
      const margin = WINDOW_MARGIN * innerHeight;
      return new Highlight(...rangesBetween(this.lists[kind], -margin, innerHeight + margin));
    }

    /** Registers the ranges near the viewport again after scrolling (at most once a frame). */
    #watchScrolling() {
      if (this.watching) return;
      this.watching = true;
      let queued = false;
      const again = () => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => {
          queued = false;
          if (this.shown && this.windowed) this.render();
        });
      };
      addEventListener('scroll', again, { passive: true, capture: true });
      addEventListener('resize', again, { passive: true });
    }

    /** Shows every kind again. */
    showAllKinds() {
      this.hiddenKinds.clear();
    }

    /** Shows the kinds `shown` ({kind: boolean}) holds true and hides the others. */
    setKinds(shown) {
      this.hiddenKinds = new Set(KINDS.filter((k) => shown[k] === false));
      this.render();
    }

    /** Ids of the painted findings of shown kinds, in page order (where their words start). */
    ordered() {
      const list = [...this.byId].filter(([, f]) => !this.hiddenKinds.has(f.kind));
      const order = (a, b) => {
        try {
          return a.ranges[0].compareBoundaryPoints(Range.START_TO_START, b.ranges[0]);
        } catch {
          return 0; // a range whose nodes left the document: anywhere will do until the repaint
        }
      };
      return list.sort(([, a], [, b]) => order(a, b)).map(([id]) => id);
    }

    /**
     * The finding after `from` (or before it when `forward` is false) in page order, wrapping
     * around; when `from` is not painted (none yet, or of a hidden kind), the first finding whose
     * words are not above the viewport (or, going back, the last one not below it). Null when
     * nothing is painted.
     */
    step(from, forward) {
      const ids = this.ordered();
      if (!ids.length) return null;
      const at = ids.indexOf(from);
      if (at >= 0) return ids[(at + (forward ? 1 : ids.length - 1)) % ids.length];
      const top = (id) => this.byId.get(id).ranges[0].getBoundingClientRect();
      if (forward) return ids.find((id) => top(id).bottom > 0) ?? ids[0];
      return ids.findLast((id) => top(id).top < innerHeight) ?? ids[ids.length - 1];
    }

    /** Shows or hides one kind's highlights. */
    setKindVisible(kind, visible) {
      if (visible) this.hiddenKinds.delete(kind);
      else this.hiddenKinds.add(kind);
      this.render();
    }

    /** Forgets every finding and removes its highlights; paints in progress are abandoned. */
    reset() {
      this.generation++;
      Object.assign(this, { byId: new Map(), owner: new Map(), highlights: emptyHighlights(), lists: emptyLists() });
      clearTimeout(this.flashTimer);
      this.clear();
    }

    /** Removes every ClaimLens highlight (the painter keeps its ranges for a later render). */
    clear() {
      this.shown = false;
      clearTimeout(this.renderTimer);
      this.renderTimer = 0;
      for (const kind of KINDS) CSS.highlights.delete(`claimlens-${kind}`);
      CSS.highlights.delete(FLASH);
    }

    /** The id of the smallest visible finding under the viewport point (x, y), or null. */
    hitTest(x, y) {
      const visible = (r) => !this.hiddenKinds.has(this.byId.get(this.owner.get(r))?.kind);
      const owner = this.owner;
      let candidates;
      if (typeof CSS.highlights.highlightsFromPoint === 'function') {
        // Chromium: [{highlight, ranges}] (older drafts returned bare Highlights: then use all).
        candidates = CSS.highlights.highlightsFromPoint(x, y).flatMap((hit) => hit.ranges ?? [...(hit.highlight ?? hit)]);
        candidates = candidates.filter((r) => owner.has(r) && visible(r) && rangeAt(r, x, y));
      } else {
        candidates = [...owner.keys()].filter((r) => visible(r) && rangeAt(r, x, y)); // rect scan fallback
      }
      let best = null;
      let bestLen = Infinity;
      for (const r of candidates) {
        const len = r.toString().length;
        if (len < bestLen) [best, bestLen] = [owner.get(r), len];
      }
      return best;
    }

    /** Scrolls finding `id` into view (centred) and flashes it for a moment. */
    reveal(id) {
      const f = this.byId.get(id);
      if (!f) return false;
      const rect = f.ranges[0].getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > innerHeight) {
        window.scrollBy({ top: rect.top + rect.height / 2 - innerHeight / 2, behavior: 'smooth' });
      }
      const flash = new Highlight(...f.ranges);
      flash.priority = 1;
      CSS.highlights.set(FLASH, flash);
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => CSS.highlights.delete(FLASH), FLASH_MS);
      return true;
    }

    /** Text of finding `id` as it stands on the page (for tests and debugging). */
    text(id) {
      return this.byId.get(id)?.ranges.map((r) => r.toString()).join(' … ') ?? null;
    }
  };
})();
