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
      this.hiddenKinds = new Set();
      this.flashTimer = 0;
      this.generation = 0; // bumped by every paint, so a slow paintAsync knows it is stale
    }

    /**
     * Replaces every ClaimLens highlight with `findings` ({id, kind, ranges: NodeRange[]} over
     * the text nodes `nodes`), building the ranges in slices of about `sliceMs` with the page
     * running between them. A newer paintAsync() supersedes one still in progress (resolves
     * false; true once painted). `yieldFn` is how to give way (ClaimLens.yieldToPage in the
     * extension; a task by default).
     */
    async paintAsync(nodes, findings, yieldFn = () => new Promise((r) => setTimeout(r, 0)), sliceMs = 8) {
      const generation = ++this.generation;
      const byId = new Map();
      let deadline = performance.now() + sliceMs;
      for (let i = 0; i < findings.length; i++) {
        const f = findings[i];
        const ranges = (f.ranges ?? []).map((r) => toRange(nodes, r)).filter(Boolean);
        if (ranges.length && KINDS.includes(f.kind)) byId.set(f.id, { kind: f.kind, ranges });
        if (i % 64 === 63 && performance.now() > deadline) {
          await yieldFn();
          if (generation !== this.generation) return false;
          deadline = performance.now() + sliceMs;
        }
      }
      this.byId = byId;
      this.render();
      return true;
    }

    /** (Re)registers the per-kind highlights, leaving out hidden kinds. */
    render() {
      for (const kind of KINDS) {
        const h = new Highlight();
        if (!this.hiddenKinds.has(kind)) {
          for (const f of this.byId.values()) if (f.kind === kind) f.ranges.forEach((r) => h.add(r));
        }
        CSS.highlights.set(`claimlens-${kind}`, h);
      }
    }

    /** Shows every kind again (the sidebar renders each new analysis unfiltered). */
    showAllKinds() {
      this.hiddenKinds.clear();
    }

    /** Shows or hides one kind's highlights. */
    setKindVisible(kind, visible) {
      if (visible) this.hiddenKinds.delete(kind);
      else this.hiddenKinds.add(kind);
      this.render();
    }

    /** Removes every ClaimLens highlight (the painter keeps its ranges for a later render). */
    clear() {
      for (const kind of KINDS) CSS.highlights.delete(`claimlens-${kind}`);
      CSS.highlights.delete(FLASH);
    }

    /** The id of the smallest visible finding under the viewport point (x, y), or null. */
    hitTest(x, y) {
      const owner = new Map(); // Range -> id, for the visible kinds
      for (const [id, f] of this.byId) {
        if (!this.hiddenKinds.has(f.kind)) f.ranges.forEach((r) => owner.set(r, id));
      }
      let candidates;
      if (typeof CSS.highlights.highlightsFromPoint === 'function') {
        // Chromium: [{highlight, ranges}] (older drafts returned bare Highlights: then use all).
        candidates = CSS.highlights.highlightsFromPoint(x, y).flatMap((hit) => hit.ranges ?? [...(hit.highlight ?? hit)]);
        candidates = candidates.filter((r) => owner.has(r) && rangeAt(r, x, y));
      } else {
        candidates = [...owner.keys()].filter((r) => rangeAt(r, x, y)); // rect scan fallback
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
