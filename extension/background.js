// Service worker: the toolbar button asks the tab's content script to start, hide or show.
const ext = globalThis.browser ?? globalThis.chrome;

ext.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  // Pages where content scripts cannot run (chrome://, the web store) have no listener.
  ext.tabs.sendMessage(tab.id, { type: 'claimlens-toggle' }).catch(() => {});
});
