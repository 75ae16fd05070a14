// The worker (a module: Chromium's service worker, Firefox's background scripts): the toolbar
// button and the keyboard commands (manifest `commands`) ask the tab's content script to start,
// hide or show ClaimLens, or to go to the next or previous finding; it hands the sidebar the
// reader's corpus file from the extension's IndexedDB; and it reads a page's first snapshot for
// its early highlights (protocol.js: read). The core is loaded once, when the worker starts, and
// stays warm while it runs, so the first highlights of the next page need neither a frame's
// start nor a module compile: the sidebar's own reading of the same page follows, for the cards.
import './protocol.js';
import './corpus-db.js';
import init, { PageReader } from './pkg/claimlens.js';

const ext = globalThis.browser ?? globalThis.chrome;
const { make, read } = globalThis.ClaimLens.protocol;
const corpusDb = globalThis.ClaimLens.corpusDb;

/** The message each command sends to the tab's content script. */
const COMMANDS = {
  'toggle-sidebar': () => make('toggle'),
  'next-finding': () => make('step', { forward: true }),
  'previous-finding': () => make('step', { forward: false }),
};

/** Sends `msg` to the content script of `tab`; pages without one (chrome://, the web store) ignore it. */
function tell(tab, msg) {
  if (tab?.id === undefined) return Promise.resolve();
  return ext.tabs.sendMessage(tab.id, msg).catch(() => {});
}

/**
 * A keyboard command as the browser delivers it (`tab`: the active tab; older browsers give
 * none, so it is looked up). Also reachable as ClaimLens.onCommand, so the end-to-end tests can
 * invoke it from this worker as the browser would: headless browsers cannot press shortcuts.
 */
async function onCommand(command, tab) {
  const msg = COMMANDS[command]?.();
  if (!msg) return;
  tab ??= (await ext.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  await tell(tab, msg);
}
globalThis.ClaimLens.onCommand = onCommand;

ext.action.onClicked.addListener((tab) => tell(tab, make('toggle')));
ext.commands.onCommand.addListener((command, tab) => {
  onCommand(command, tab);
});

// The sidebar's request for the reader's corpus file (protocol.js: corpus).
ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (read(msg, 'sidebar') !== 'corpus' || sender.id !== ext.runtime.id) return false;
  corpusDb.get().then(
    (record) => sendResponse({ data: record ? corpusDb.toBase64(record.bytes) : null, stamp: record?.stamp ?? null }),
    (err) => sendResponse({ error: `the corpus could not be read: ${err?.message ?? err}` }),
  );
  return true; // answered asynchronously
});

// --- Early highlights of a page's first snapshot (protocol.js: read) -----------------------

/** A short article with one finding of each kind: reading it builds the detectors' patterns. */
const WARM_UP = 'Officials said on Monday that 12 people were reportedly hurt in the storm. '.repeat(5);

/** The core, loaded at start and warmed up (its one-off work done before a page waits on it). */
const core = init().then(() => {
  const warm = new PageReader({
    url: '', title: '', published: '', depth: [0, 1, 2], tag: ['body', 'p', ''], text: ['', '', WARM_UP], id: ['', '', ''], class: ['', '', ''], role: ['', '', ''],
  });
  for (let i = 0; i < warm.sectionCount; i++) warm.highlights(i);
  warm.free();
});
core.catch((err) => console.info('ClaimLens: the worker reads no pages:', err));

/** The early highlights of every section of `snapshot`, as the sidebar would send them. */
async function readPage(snapshot) {
  await core;
  const reader = new PageReader(snapshot);
  try {
    const highlights = [];
    for (let i = 0; i < reader.sectionCount; i++) highlights.push(...reader.highlights(i));
    return { isArticle: reader.isArticle, root: reader.rootRow ?? -1, highlights };
  } finally {
    reader.free();
  }
}

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (read(msg, 'content') !== 'read' || sender.id !== ext.runtime.id || !sender.tab) return false;
  readPage(msg.snapshot).then(sendResponse, (err) => sendResponse({ error: String(err?.message ?? err) }));
  return true; // answered asynchronously
});
