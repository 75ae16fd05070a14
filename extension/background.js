// Service worker: the toolbar button and the keyboard commands (manifest `commands`) ask the
// tab's content script to start, hide or show ClaimLens, or to go to the next or previous
// finding; and it hands the sidebar the reader's corpus file from the extension's IndexedDB.
// The protocol and database modules come first: Firefox's background.scripts lists them before
// this file; Chromium's service worker imports them.
if (!globalThis.ClaimLens?.protocol) importScripts('protocol.js');
if (!globalThis.ClaimLens?.corpusDb) importScripts('corpus-db.js');
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
