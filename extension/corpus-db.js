// The reader's corpus file in the extension's IndexedDB (database `claimlens`, store `corpus`,
// one record {bytes: Uint8Array, stamp}). Plain JS, loaded like protocol.js: importScripts in
// Chromium's service worker (Firefox lists it in background.scripts), a side-effect module import
// in corpus-store.js. Only top-level extension pages and the worker open it: the sidebar, framed
// by web pages, is refused IndexedDB by Chromium when third-party storage is blocked, so it asks
// the worker (protocol.js: corpus). Everything lands on globalThis.ClaimLens.corpusDb.
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  if (ns.corpusDb) return;
  const DB = 'claimlens';
  const STORE = 'corpus';
  const KEY = 'user';

  function open() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  /** Runs `fn(store)` in one transaction; resolves to its request's result once committed. */
  async function run(mode, fn) {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('the corpus store refused the change'));
      });
    } finally {
      db.close();
    }
  }

  /** Bytes as base64 (for chrome.runtime messages, which carry JSON only). */
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

  ns.corpusDb = Object.freeze({
    /** The stored record {bytes, stamp}, or undefined. */
    get: () => run('readonly', (s) => s.get(KEY)),
    /** Stores a corpus file's bytes with a stamp naming this version of it. */
    put: (bytes, stamp) => run('readwrite', (s) => s.put({ bytes, stamp }, KEY)),
    remove: () => run('readwrite', (s) => s.delete(KEY)),
    toBase64,
    fromBase64,
  });
})();
