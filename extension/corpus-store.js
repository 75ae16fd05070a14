// The reader's own reference corpus: its file in the extension's IndexedDB (corpus-db.js) and
// what it is in storage.local, `corpusInfo` ({name, size, date, documents, passages,
// description, stamp}: small, so that every page hearing of a change hears little). The settings
// page stores and removes it; the sidebar of every tab loads it instead of the bundled
// corpus.bin, asking the service worker for the file (protocol.js: corpus), and reloads it when
// `corpusInfo` changes. Nothing here leaves the browser.
import './protocol.js';
import './corpus-db.js';

const ext = globalThis.browser ?? globalThis.chrome;
const { make } = globalThis.ClaimLens.protocol;
const db = globalThis.ClaimLens.corpusDb;
const INFO = 'corpusInfo';

/** What the stored corpus is, or null when the reader has none. */
export async function storedCorpusInfo() {
  return (await ext.storage.local.get(INFO))[INFO] ?? null;
}

/**
 * The stored corpus, {info, bytes}, or null when the reader has none (from any extension page:
 * the file comes from the worker).
 */
export async function loadStoredCorpus() {
  const info = await storedCorpusInfo();
  if (!info) return null;
  const reply = await ext.runtime.sendMessage(make('corpus'));
  if (reply?.error) throw new Error(reply.error);
  if (typeof reply?.data !== 'string' || reply.stamp !== info.stamp) return null; // removed or replaced meanwhile
  return { info, bytes: db.fromBase64(reply.data) };
}

/** Stores a corpus file's bytes with what it is, replacing the stored one (settings page). */
export async function storeCorpus(info, bytes) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await db.put(bytes, stamp);
  await ext.storage.local.set({ [INFO]: { ...info, stamp } });
}

/** Removes the stored corpus (the bundled one is used again). */
export async function removeStoredCorpus() {
  await ext.storage.local.remove(INFO);
  await db.remove();
}

/** Calls `fn()` when the stored corpus is replaced or removed (in any tab or page). */
export function watchStoredCorpus(fn) {
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && INFO in changes) fn();
  });
}
