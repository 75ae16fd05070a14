// The sidebar page (an extension page inside the iframe the content script injects). It waits
// for the one init message carrying the token from its URL hash and a MessagePort, then talks
// only over that port. All analysis and rendering is the Rust core (pkg/claimlens.js).
import './protocol.js';
import init, { Sidebar } from './pkg/claimlens.js';

const { make, read } = globalThis.ClaimLens.protocol;

const token = location.hash.slice(1);
const app = document.getElementById('app');
let port = null;

// The corpus file is fetched while the wasm compiles (a failure is read below, calmly).
const corpusBytes = fetch(new URL('corpus.bin', import.meta.url)).catch((err) => ({ ok: false, status: err.message }));
const ready = (async () => {
  await init();
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
  return sidebar;
})();

function post(msg) {
  port?.postMessage(msg);
}

async function onPortMessage(e) {
  const msg = e.data;
  const sidebar = await ready;
  const name = read(msg, 'content');
  if (name === 'page') {
    let result;
    try {
      result = sidebar.analyze(msg.snapshot);
    } catch (err) {
      console.warn('ClaimLens: could not analyse the page:', err);
      app.replaceChildren(Object.assign(document.createElement('p'), {
        className: 'empty', textContent: 'ClaimLens could not read this page.',
      }));
      return;
    }
    post(make('findings', { isArticle: result.isArticle, count: result.count, findings: result.findings }));
  } else if (name === 'focus') {
    sidebar.focus(msg.id);
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
