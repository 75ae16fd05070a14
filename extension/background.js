// Service worker: the toolbar button and the keyboard commands (manifest `commands`) ask the
// tab's content script to start, hide or show ClaimLens, or to go to the next or previous
// finding. The protocol module comes first: Firefox's background.scripts lists it before this
// file; Chromium's service worker imports it.
if (!globalThis.ClaimLens?.protocol) importScripts('protocol.js');
const ext = globalThis.browser ?? globalThis.chrome;
const { make } = globalThis.ClaimLens.protocol;

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
