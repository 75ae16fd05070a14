// extension/settings.js on its own (no browser; chrome.storage faked): what a stored value
// becomes (defaults for what is missing or unknown, as after an update), what a typed site is,
// how a page's start is decided from the lists, and the storage itself — storage.sync, else
// storage.local when sync refuses, the newer copy winning, quick saves not losing each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import { EXTENSION } from './server.mjs';

/** A fake storage area; `refuse` makes set() throw, as sync does over its quota. */
function area({ refuse = false } = {}) {
  const data = {};
  return {
    data,
    refuse,
    async get(key) {
      await null;
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      await null;
      if (this.refuse) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      Object.assign(data, structuredClone(items));
    },
  };
}

/** settings.js loaded with a fake chrome.storage: {settings, sync, local}. */
function load({ refuseSync = false } = {}) {
  const sync = area({ refuse: refuseSync });
  const local = area();
  const context = vm.createContext({ chrome: { storage: { sync, local, onChanged: { addListener() {} } } }, console: { info() {} }, URL, structuredClone });
  vm.runInContext(readFileSync(path.join(EXTENSION, 'settings.js'), 'utf8'), context);
  return { settings: context.ClaimLens.settings, sync, local };
}

test('stored values are normalised: defaults for anything missing or unknown (as after an update)', () => {
  const { settings } = load();
  const defaults = { start: 'articles', palette: 'default', marks: 'background', side: 'right', never: [], always: [], kinds: { attribution: true, hedge: true, statistic: true } };
  assert.deepEqual(JSON.parse(JSON.stringify(settings.normalize(undefined))), defaults);
  // An older version's value: only some fields, one of them unknown now.
  const old = settings.normalize({ start: 'click', palette: 'sepia', never: ['https://www.Example.org/x', 'bad site', 'example.org'], kinds: { hedge: false } });
  assert.equal(old.start, 'click');
  assert.equal(old.palette, 'default');
  assert.deepEqual([...old.never], ['example.org']);
  assert.deepEqual({ ...old.kinds }, { attribution: true, hedge: false, statistic: true });
  // A site on both lists is a never site.
  assert.deepEqual([...settings.normalize({ never: ['a.org'], always: ['a.org', 'b.org'] }).always], ['b.org']);
});

test('sites: host names from what a reader types; a site holds its subdomains', () => {
  const { settings } = load();
  for (const [typed, site] of [
    ['example.org', 'example.org'], ['https://www.example.org/news/1?x', 'example.org'], ['NEWS.Example.ORG.', 'news.example.org'],
    ['127.0.0.1:8080', '127.0.0.1'], ['  ', null], ['not a site', null], ['http://', null],
  ]) assert.equal(settings.site(typed), site, typed);
  const s = settings.normalize({ start: 'click', never: ['example.org'], always: ['news.example.com'] });
  assert.equal(settings.startOn(s, 'https://www.example.org/a'), 'never');
  assert.equal(settings.startOn(s, 'https://live.example.org/a'), 'never');
  assert.equal(settings.startOn(s, 'https://notexample.org/a'), 'click');
  assert.equal(settings.startOn(s, 'https://news.example.com/a'), 'always');
  assert.equal(settings.startOn(s, 'https://example.com/a'), 'click');
  assert.equal(settings.startOn(s, 'file:///tmp/a.html'), 'click');
});

test('saved to storage.sync; to storage.local when sync refuses; the newer copy is read', async () => {
  const { settings, sync, local } = load();
  await settings.save({ palette: 'contrast' });
  assert.equal(sync.data.settings.settings.palette, 'contrast');
  assert.equal((await settings.load()).palette, 'contrast');

  sync.refuse = true; // over the sync quota (e.g. long site lists)
  await settings.save({ side: 'left' });
  assert.equal(local.data.settings.settings.side, 'left');
  assert.equal(sync.data.settings.settings.side, 'right', 'sync kept its older copy');
  const read = await settings.load();
  assert.equal(read.side, 'left', 'the newer (local) copy wins');
  assert.equal(read.palette, 'contrast', 'with what was saved before');

  sync.refuse = false;
  await settings.save({ side: 'right' });
  assert.equal((await settings.load()).side, 'right', 'sync again, newer than the local copy');
});

test('quick saves one after the other do not lose each other', async () => {
  const { settings } = load();
  await Promise.all([settings.save({ palette: 'colourblind' }), settings.save({ side: 'left' }), settings.save({ never: ['a.org'] })]);
  const s = await settings.load();
  assert.deepEqual([s.palette, s.side, [...s.never]], ['colourblind', 'left', ['a.org']]);
});

test('without storage.sync at all, settings live in storage.local', async () => {
  const local = area();
  const context = vm.createContext({ chrome: { storage: { local, onChanged: { addListener() {} } } }, console: { info() {} }, URL, structuredClone });
  vm.runInContext(readFileSync(path.join(EXTENSION, 'settings.js'), 'utf8'), context);
  const { settings } = context.ClaimLens;
  await settings.save({ start: 'always' });
  assert.equal((await settings.load()).start, 'always');
  assert.equal(local.data.settings.settings.start, 'always');
});
