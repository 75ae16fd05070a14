// The reader's own reference corpus, kept in the extension's storage.local (with the
// unlimitedStorage permission): `corpusInfo` (what it is: name, size, date, counts) and
// `corpusData` (the corpus file, base64). The settings page writes both at once, the sidebar of
// every tab reads them instead of the bundled corpus.bin, and both hear of a change.
//
// Why not IndexedDB: the sidebar is an extension page framed by web pages, and Chromium denies
// such third-party frames IndexedDB (and other site storage) when third-party cookies are
// blocked ("The user denied permission to access the database"), whereas storage.local is the
// extension's own and reachable from all its pages. Nothing here leaves the browser.
const ext = globalThis.browser ?? globalThis.chrome;
const INFO = 'corpusInfo';
const DATA = 'corpusData';

/** Bytes as base64 (chrome.storage keeps JSON-able values only). */
function toBase64(bytes) {
  if (typeof bytes.toBase64 === 'function') return bytes.toBase64();
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** What the stored corpus is ({name, size, date, documents, passages, description}), or null. */
export async function storedCorpusInfo() {
  return (await ext.storage.local.get(INFO))[INFO] ?? null;
}

/** The stored corpus: {info, bytes}, or null when the reader has none. */
export async function loadStoredCorpus() {
  const got = await ext.storage.local.get([INFO, DATA]);
  if (!got[INFO] || typeof got[DATA] !== 'string') return null;
  return { info: got[INFO], bytes: fromBase64(got[DATA]) };
}

/** Stores a corpus file's bytes with what it is (replacing the one stored, in one write). */
export async function storeCorpus(info, bytes) {
  await ext.storage.local.set({ [INFO]: info, [DATA]: toBase64(bytes) });
}

/** Removes the stored corpus (the bundled one is used again). */
export async function removeStoredCorpus() {
  await ext.storage.local.remove([INFO, DATA]);
}

/** Calls `fn()` when the stored corpus is replaced or removed (in any tab or page). */
export function watchStoredCorpus(fn) {
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && INFO in changes) fn();
  });
}
