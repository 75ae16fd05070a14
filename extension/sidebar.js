// The sidebar page (an extension page inside the iframe the content script injects). It waits
// for the one init message carrying the token from its URL hash and a MessagePort, then talks
// only over that port. All analysis and rendering is the Rust core (pkg/claimlens.js).
//
// The page arrives as splices of its snapshot's rows (protocol.js: page); once a change is
// complete the page is analysed in two steps: the detections section by section (highlights
// the page paints as they come, before the corpus is even loaded), then the whole analysis with
// the comparison (the cards, and the findings whose ids they carry).
//
// Performance marks (for the benchmarks): `claimlens:wasm` (module ready), `claimlens:corpus`
// (corpus loaded), `claimlens:page` (a complete change received), `claimlens:highlights` (first
// section's highlights posted), `claimlens:analysed` (cards rendered, findings posted).
import './protocol.js';
import init, { Sidebar, PageReader } from './pkg/claimlens.js';

const { make, read } = globalThis.ClaimLens.protocol;
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

// The corpus file is fetched while the wasm compiles (a failure is read below, calmly).
const corpusBytes = fetch(new URL('corpus.bin', import.meta.url)).catch((err) => ({ ok: false, status: err.message }));
const wasm = init().then(() => mark('wasm'));
const ready = (async () => {
  await wasm;
  const sidebar = new Sidebar(
    app,
    (id) => post(make('reveal', { id })),
    (kind, visible) => post(make('filter', { kind, visible })),
  );
  // The corpus file built by `make build` (extension/corpus.bin) is the only corpus: if it
  // cannot be read, findings are shown without a comparison and the footer says so.
  let note = '';
  try {
    const response = await corpusBytes;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    sidebar.loadCorpus(new Uint8Array(await response.arrayBuffer()));
  } catch (err) {
    console.info('ClaimLens: corpus.bin not loaded:', err);
    note = ' (the reference corpus could not be read)';
  }
  document.getElementById('corpus').textContent = `${sidebar.corpusDescription()}${note}.`;
  mark('corpus');
  return sidebar;
})();

function post(msg) {
  port?.postMessage(msg);
}

// --- The page as the content script sees it: rows spliced in as they change ---------------

const page = { url: '', title: '', cols: Object.fromEntries(COLUMNS.map((c) => [c, []])) };

/** Applies one piece of a splice (see protocol.js: page). */
function applyPiece({ url, title, from, remove, rows }) {
  page.url = url;
  page.title = title;
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
  const snapshot = { url: page.url, title: page.title, ...page.cols };

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
