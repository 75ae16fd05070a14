// The sidebar page (an extension page inside the iframe the content script injects). It waits
// for the one init message carrying the token from its URL hash and a MessagePort, then talks
// only over that port. All analysis and rendering is the Rust core (pkg/claimlens.js).
//
// The page arrives as splices of its snapshot's rows (protocol.js: page); once a change is
// complete the page is analysed in two steps: the detections section by section (highlights
// the page paints as they come, before the corpus is even loaded), then the whole analysis with
// the comparison (the cards, and the findings whose ids they carry).
//
// The corpus is the reader's own when they imported one on the settings page
// (corpus-store.js), else the bundled corpus.bin; a change on the settings page reaches every
// open sidebar, which re-analyses its page. The reader's settings (settings.js) give the palette,
// the kinds highlighted by default (kept across re-renders, as the reader toggles them), and the
// footer's "Never on this site". The footer also exports the findings: Markdown to the
// clipboard, JSON (the schema of `claimlens analyze --json`, with the page's url and title) as
// a file. Escape, when nothing in the sidebar used it (an open card closes first), collapses it.
//
// Performance marks (for the benchmarks): `claimlens:wasm` (module ready), `claimlens:corpus`
// (corpus loaded), `claimlens:page` (a complete change received), `claimlens:highlights` (first
// section's highlights posted), `claimlens:analysed` (cards rendered, findings posted).
import './protocol.js';
import './settings.js';
import init, { Sidebar, PageReader } from './pkg/claimlens.js';
import { loadStoredCorpus, watchStoredCorpus } from './corpus-store.js';

const { make, read } = globalThis.ClaimLens.protocol;
const Settings = globalThis.ClaimLens.settings;
const ext = globalThis.browser ?? globalThis.chrome;
const COLUMNS = ['depth', 'tag', 'text', 'id', 'class', 'role'];
const FINDINGS_PER_MESSAGE = 2_000; // so that no message takes long to copy on either side

const token = location.hash.slice(1);
const app = document.getElementById('app');
const mark = (name) => performance.mark(`claimlens:${name}`);
let port = null;

/** Gives way to other tasks (messages from the page) without timer clamping. */
const nextTask = globalThis.scheduler?.yield
  ? () => globalThis.scheduler.yield()
  : () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

// The corpus files are read while the wasm compiles (a failure is read below, calmly).
const bundledBytes = () => fetch(new URL('corpus.bin', import.meta.url))
  .then(async (r) => (r.ok ? new Uint8Array(await r.arrayBuffer()) : Promise.reject(new Error(`HTTP ${r.status}`))));
const firstBundled = bundledBytes().catch((err) => err);
const firstStored = loadStoredCorpus().catch((err) => err);
const wasm = init().then(() => mark('wasm'));

// The kinds shown on the page and in the cards: the settings' defaults, then as toggled.
let settings = Settings.normalize(null);
let kindsShown = { ...settings.kinds };

/**
 * Loads the reader's corpus if they imported one, else the bundled corpus.bin, and names it in
 * the footer. If neither can be read, findings are shown without a comparison and it says so.
 */
async function loadCorpus(sidebar, stored = loadStoredCorpus(), bundled = bundledBytes) {
  let note = '';
  let name = null;
  const mine = await Promise.resolve(stored).catch((err) => err);
  if (mine instanceof Error) console.info('ClaimLens: your corpus not read:', mine);
  if (mine && !(mine instanceof Error)) {
    try {
      sidebar.loadCorpus(mine.bytes);
      name = mine.info.name;
    } catch (err) {
      console.info('ClaimLens: your corpus not loaded:', err);
      note = ' (your corpus could not be read: the bundled one is used)';
    }
  }
  if (name === null) {
    try {
      const bytes = await bundled();
      if (bytes instanceof Error) throw bytes;
      sidebar.loadCorpus(bytes);
    } catch (err) {
      console.info('ClaimLens: corpus.bin not loaded:', err);
      note = ' (the reference corpus could not be read)';
    }
  }
  const what = sidebar.corpusDescription();
  document.getElementById('corpus').textContent = name === null ? `${what}${note}.` : `Your corpus “${name}” · ${what}${note}.`;
}

const ready = (async () => {
  await wasm;
  const sidebar = new Sidebar(
    app,
    (id) => post(make('reveal', { id })),
    (kind, visible) => {
      kindsShown[kind] = visible;
      post(make('filter', { kind, visible }));
    },
  );
  await loadCorpus(sidebar, firstStored, () => firstBundled);
  mark('corpus');
  return sidebar;
})();

function post(msg) {
  port?.postMessage(msg);
}

// --- The page as the content script sees it: rows spliced in as they change ---------------

const page = { url: '', title: '', published: '', cols: Object.fromEntries(COLUMNS.map((c) => [c, []])) };

/** Applies one piece of a splice (see protocol.js: page). */
function applyPiece({ url, title, published, from, remove, rows }) {
  page.url = url;
  page.title = title;
  page.published = published;
  const { cols } = page;
  const appending = remove === 0 && from === cols.depth.length;
  for (const c of COLUMNS) {
    const add = Array.isArray(rows[c]) ? rows[c] : [];
    if (appending) {
      for (const v of add) cols[c].push(v);
    } else {
      cols[c] = cols[c].slice(0, from).concat(add, cols[c].slice(from + remove));
    }
  }
}

// --- Analysis: highlights section by section, then the cards -------------------------------

let generation = 0; // a newer complete change supersedes an analysis in progress

function failed(err) {
  console.warn('ClaimLens: could not analyse the page:', err);
  app.replaceChildren(Object.assign(document.createElement('p'), {
    className: 'empty', textContent: 'ClaimLens could not read this page.',
  }));
}

async function analyzeLatest() {
  const gen = ++generation;
  await wasm;
  if (gen !== generation) return;
  const snapshot = { url: page.url, title: page.title, published: page.published, ...page.cols };

  // 1. The detections, section by section: the page paints them as they come.
  let reader;
  try {
    reader = new PageReader(snapshot);
  } catch (err) {
    return failed(err);
  }
  try {
    for (let i = 0; i < reader.sectionCount; i++) {
      post(make('highlights', { first: i === 0, root: reader.rootRow ?? -1, highlights: reader.highlights(i) }));
      if (i === 0) mark('highlights');
      await nextTask();
      if (gen !== generation) return;
    }
  } finally {
    reader.free();
  }

  // 2. The whole analysis with the comparison: the cards, and the findings they carry.
  const sidebar = await ready;
  if (gen !== generation) return;
  let result;
  try {
    result = sidebar.analyze(snapshot);
  } catch (err) {
    return failed(err);
  }
  syncKinds();
  exportsReady(true);
  const { isArticle, count, findings } = result;
  for (let at = 0; ; at += FINDINGS_PER_MESSAGE) {
    const done = at + FINDINGS_PER_MESSAGE >= findings.length;
    post(make('findings', { isArticle, count, findings: findings.slice(at, at + FINDINGS_PER_MESSAGE), done }));
    if (done) break;
  }
  mark('analysed');
}

async function onPortMessage(e) {
  const msg = e.data;
  const name = read(msg, 'content');
  if (name === 'page') {
    applyPiece(msg);
    if (msg.done) {
      mark('page');
      analyzeLatest();
    }
  } else if (name === 'focus') {
    (await ready).focus(msg.id);
    // Keyboard focus follows only within the sidebar: a page the reader is on keeps its focus.
    if (document.hasFocus()) app.querySelector('.card[aria-current="true"] button.card-main')?.focus({ preventScroll: true });
  }
}

// Exactly one init, from the parent window, with our token.
function onWindowMessage(e) {
  const msg = e.data;
  if (port || e.source !== window.parent || read(msg, 'content') !== 'init') return;
  if (!token || msg.token !== token || !e.ports[0]) return;
  port = e.ports[0];
  port.onmessage = onPortMessage;
  window.removeEventListener('message', onWindowMessage);
}
window.addEventListener('message', onWindowMessage);

document.getElementById('collapse').addEventListener('click', () => post(make('collapse')));

// Escape collapses the sidebar, unless something in it used the key (an open card closes).
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !e.defaultPrevented && !e.altKey && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    post(make('collapse'));
  }
});

// --- The reader's settings ------------------------------------------------------------------

/** Sets the kind toggles (and so the page's highlights) to `kindsShown` after a render. */
function syncKinds() {
  for (const button of app.querySelectorAll('button[data-filter]')) {
    const shown = kindsShown[button.dataset.filter] !== false;
    if ((button.getAttribute('aria-pressed') === 'true') !== shown) button.click();
  }
}

function applySettings(next, first = false) {
  const kindsChanged = first || Settings.KINDS.some((k) => next.kinds[k] !== settings.kinds[k]);
  settings = next;
  const root = document.documentElement;
  for (const palette of Settings.CHOICES.palette) root.classList.toggle(`palette-${palette}`, palette !== 'default' && palette === next.palette);
  document.getElementById('collapse').textContent = next.side === 'left' ? '‹' : '›';
  if (kindsChanged) {
    kindsShown = { ...next.kinds };
    syncKinds();
  }
}

Settings.load().then((s) => applySettings(s, true), (err) => console.info('ClaimLens: settings not read:', err));
Settings.watch((s) => applySettings(s));

// The reader imported or removed their corpus on the settings page: use it, analyse again.
watchStoredCorpus(async () => {
  const sidebar = await ready;
  await loadCorpus(sidebar);
  if (page.cols.depth.length) analyzeLatest();
});

// --- The footer's tools -----------------------------------------------------------------------

const status = document.getElementById('tool-status');
const say = (text) => {
  status.textContent = text;
};

function exportsReady(on) {
  for (const id of ['copy-markdown', 'save-json']) document.getElementById(id).disabled = !on;
}

/** The page's site (as the settings' lists hold it), or null. */
function pageSite() {
  try {
    return Settings.site(new URL(page.url).hostname);
  } catch {
    return null; // no page yet, or an address without a host
  }
}

/** Copies `text`: the asynchronous clipboard, else the older copy command. */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (err) {
    console.info('ClaimLens: clipboard API refused, copying the old way:', err?.message ?? err);
  }
  const area = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
  document.body.append(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  if (!done) throw new Error('the browser refused to copy');
}

document.getElementById('copy-markdown').addEventListener('click', async () => {
  const markdown = (await ready).exportMarkdown();
  if (!markdown) return;
  try {
    await copy(markdown);
    say('Copied the findings as Markdown.');
  } catch (err) {
    say(`Could not copy: ${err.message}.`);
  }
});

document.getElementById('save-json').addEventListener('click', async () => {
  const report = (await ready).exportJson();
  if (!report) return;
  const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  const day = new Date().toISOString().slice(0, 10);
  link.download = `claimlens-${pageSite()?.replace(/[^a-z0-9.-]/g, '_') ?? 'page'}-${day}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  say(`Saved ${link.download}.`);
});

document.getElementById('never-here').addEventListener('click', async () => {
  const site = pageSite();
  if (!site) return say('This page has no site to turn ClaimLens off for.');
  // The content script hears of it (storage.onChanged) and takes ClaimLens off this page.
  const now = await Settings.load();
  await Settings.save({ never: [...now.never, site], always: now.always.filter((s) => s !== site) });
  say(`ClaimLens will not start on ${site}. Undo it in the settings.`);
});

document.getElementById('open-settings').addEventListener('click', () => ext.runtime.openOptionsPage());
