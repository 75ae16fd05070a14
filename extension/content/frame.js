// The sidebar's frame on the page: a host <div> under <html> with a CLOSED shadow root holding
// the extension's sidebar.html iframe and a small tab shown while collapsed. Styles live in the
// shadow root as a constructed stylesheet (page CSPs do not block those). The iframe gets a
// MessagePort after it loads; the token in its URL hash proves the init message is ours. It is
// put on the page (attach) once the content script is ready for the sidebar to start.
// sidebar.html is web-accessible only through its per-session dynamic URL (the manifest's
// use_dynamic_url), which runtime.getURL gives us and no page can guess. It stands on the right
// edge of the window, or on the left one if the reader chose so (settings: sidebar side).
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  const WIDTH = 360; // CSS pixels; main.js reads it as Frame.WIDTH

  const CSS_TEXT = `
    :host {
      all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important;
      height: 100vh !important; width: ${WIDTH}px !important; z-index: 2147483646 !important;
      display: block !important; pointer-events: none !important;
    }
    :host([data-state="hidden"]) { display: none !important; }
    :host([data-side="left"]) { right: auto !important; left: 0 !important; }
    iframe {
      pointer-events: auto; border: 0; width: 100%; height: 100%; display: block;
      box-shadow: -2px 0 16px rgb(0 0 0 / 0.18); color-scheme: light dark; background: transparent;
      transition: transform 160ms ease-out;
    }
    :host([data-side="left"]) iframe { box-shadow: 2px 0 16px rgb(0 0 0 / 0.18); }
    :host([data-state="collapsed"]) iframe { transform: translateX(100%); visibility: hidden; }
    :host([data-side="left"][data-state="collapsed"]) iframe { transform: translateX(-100%); }
    .tab {
      pointer-events: auto; position: absolute; right: 0; top: 96px; display: none;
      align-items: center; gap: 6px; padding: 8px 10px 8px 12px; border: 0;
      border-radius: 10px 0 0 10px; background: #1f2933; color: #f5f7fa;
      font: 600 13px/1.2 system-ui, sans-serif; cursor: pointer;
      box-shadow: -2px 2px 10px rgb(0 0 0 / 0.25);
    }
    .tab:focus-visible { outline: 2px solid #7cc4fa; outline-offset: 2px; }
    .tab .count {
      min-width: 1.6em; padding: 2px 6px; border-radius: 999px; background: #f0b429;
      color: #1f2933; text-align: center;
    }
    :host([data-side="left"]) .tab {
      right: auto; left: 0; border-radius: 0 10px 10px 0; padding: 8px 12px 8px 10px;
      box-shadow: 2px 2px 10px rgb(0 0 0 / 0.25);
    }
    :host([data-state="collapsed"]) .tab { display: inline-flex; }
    @media (prefers-reduced-motion: reduce) { iframe { transition: none; } }
  `;

  function randomToken() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  ns.Frame = class Frame {
    /** The sidebar's width in CSS pixels. */
    static WIDTH = WIDTH;

    /**
     * Creates the frame on the window's `side` ('right' or 'left'); `onMessage(msg)` receives the
     * sidebar's messages.
     */
    constructor(runtime, onMessage, expanded, side = 'right') {
      this.host = document.createElement('div');
      this.host.dataset.state = expanded ? 'expanded' : 'collapsed';
      this.host.dataset.side = side === 'left' ? 'left' : 'right';
      const shadow = this.host.attachShadow({ mode: 'closed' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      shadow.adoptedStyleSheets = [sheet];

      this.tab = document.createElement('button');
      this.tab.className = 'tab';
      this.tab.type = 'button';
      this.tab.title = 'Show the ClaimLens sidebar';
      this.tabLabel = document.createElement('span');
      this.tabLabel.textContent = 'ClaimLens';
      this.tabCount = document.createElement('span');
      this.tabCount.className = 'count';
      this.tabCount.textContent = '…';
      this.tab.append(this.tabLabel, this.tabCount);
      this.tab.addEventListener('click', () => this.expand());

      const token = randomToken();
      const iframe = document.createElement('iframe');
      iframe.title = 'ClaimLens';
      iframe.allow = 'clipboard-write'; // the sidebar's "Copy as Markdown"
      iframe.src = runtime.getURL('sidebar.html') + '#' + token;
      shadow.append(this.tab, iframe);

      // The channel: page scripts see neither the port nor the token.
      const channel = new MessageChannel();
      this.port = channel.port1;
      this.port.onmessage = (e) => onMessage(e.data);
      const origin = runtime.getURL('').replace(/\/$/, '');
      iframe.addEventListener(
        'load',
        () => iframe.contentWindow.postMessage(ns.protocol.make('init', { token }), origin, [channel.port2]),
        { once: true },
      );
    }

    /**
     * Puts the frame on the page, which starts the sidebar (once; messages posted before wait
     * in the channel).
     */
    attach() {
      if (!this.removed && !this.host.isConnected) document.documentElement.append(this.host);
    }

    post(msg) {
      this.port.postMessage(msg);
    }

    setCount(n) {
      this.tabCount.textContent = String(n);
      this.tab.setAttribute('aria-label', `Show the ClaimLens sidebar: ${n} findings`);
    }

    get state() {
      return this.host.dataset.state;
    }

    expand() {
      this.host.dataset.state = 'expanded';
    }

    /** Collapses the sidebar to its tab; keyboard focus that was in the sidebar moves to the tab. */
    collapse() {
      const focused = document.activeElement === this.host;
      this.host.dataset.state = 'collapsed';
      if (focused) this.tab.focus();
    }

    /** Which edge of the window the sidebar stands on: 'right' or 'left'. */
    get side() {
      return this.host.dataset.side;
    }

    setSide(side) {
      this.host.dataset.side = side === 'left' ? 'left' : 'right';
    }

    /** Takes the frame off the page and closes its channel. */
    remove() {
      this.removed = true;
      this.port.onmessage = null;
      this.port.close();
      this.host.remove();
    }

    /** Hides the whole sidebar (tab included), remembering whether it was expanded. */
    hide() {
      this.shownState = this.state;
      this.host.dataset.state = 'hidden';
    }

    show() {
      this.host.dataset.state = this.shownState ?? 'expanded';
    }
  };
})();
