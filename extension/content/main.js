// ClaimLens content script entry: decides whether to start, wires the snapshot, the sidebar
// frame and the painter together, and relays messages. It decides nothing about claims.
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  if (ns.started !== undefined) return; // injected twice
  ns.started = false;
  const ext = globalThis.browser ?? globalThis.chrome;
  const SIDEBAR_ROOM = 370; // sidebar width + a margin, in CSS pixels

  let frame = null;
  let nodes = [];
  const painter = new ns.Painter();

  /** Messages from the sidebar iframe (over the private MessagePort only). */
  function onSidebarMessage(msg) {
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'findings':
        painter.paint(nodes, Array.isArray(msg.findings) ? msg.findings : []);
        frame.setCount(msg.count ?? 0);
        break;
      case 'reveal':
        painter.reveal(msg.id);
        break;
      case 'collapse':
        frame.collapse();
        break;
      case 'expand':
        frame.expand();
        break;
      case 'filter':
        painter.setKindVisible(msg.kind, Boolean(msg.visible));
        break;
    }
  }

  /** A click on a highlighted passage focuses its card (and opens the sidebar). */
  function onClick(e) {
    if (!frame || frame.state === 'hidden' || e.button !== 0) return;
    const id = painter.hitTest(e.clientX, e.clientY);
    if (id === null) return;
    frame.expand();
    frame.post({ type: 'focus', id });
  }

  function start() {
    ns.started = true;
    const rect = ns.articleRoot().getBoundingClientRect();
    const roomOnRight = rect.right + SIDEBAR_ROOM <= document.documentElement.clientWidth;
    frame = new ns.Frame(ext.runtime, onSidebarMessage, roomOnRight);
    const snap = ns.snapshot(document.body, frame.host);
    nodes = snap.nodes;
    frame.post({ type: 'page', snapshot: snap.snapshot });
    document.addEventListener('click', onClick, { capture: true, passive: true });
  }

  /** Toolbar button: start, or hide/show everything ClaimLens put on the page. */
  function toggle() {
    if (!frame) return start();
    if (frame.state === 'hidden') {
      frame.show();
      painter.render();
    } else {
      frame.hide();
      painter.clear();
    }
  }

  ext.runtime.onMessage.addListener((msg) => {
    if (msg?.type === 'claimlens-toggle') toggle();
  });

  if (ns.looksLikeArticle()) start();
})();
