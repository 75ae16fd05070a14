// Service worker: the toolbar button asks the tab's content script to start, hide or show.
// The protocol module comes first: Firefox's background.scripts lists it before this file;
// Chromium's service worker imports it.
if (!globalThis.ClaimLens?.protocol) importScripts('protocol.js');
const ext = globalThis.browser ?? globalThis.chrome;

ext.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  // Pages where content scripts cannot run (chrome://, the web store) have no listener.
  ext.tabs.sendMessage(tab.id, globalThis.ClaimLens.protocol.make('toggle')).catch(() => {});
});
