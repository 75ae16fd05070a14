// ClaimLens's settings: what they are, their defaults, how they are stored, and the one thing
// they decide outside their own pages — whether ClaimLens starts by itself on a page. Plain JS,
// loaded like protocol.js: a classic content script (listed before main.js), a side-effect
// module import in the sidebar and the settings page. Everything lands on
// globalThis.ClaimLens.settings.
//
// Storage: one `settings` object in storage.sync (the browser carries it to the reader's other
// devices if they use its sync), or in storage.local where sync is unavailable or refuses it
// (a quota): each copy carries the time it was saved, and the newer one wins. Both survive a
// browser restart and an extension update; fields added by a later version take their defaults
// (normalize), so an update never loses what the reader chose.
'use strict';
(() => {
  const ns = (globalThis.ClaimLens ??= {});
  if (ns.settings) return;
  const ext = globalThis.browser ?? globalThis.chrome;
  const KEY = 'settings';

  const KINDS = ['attribution', 'hedge', 'statistic'];
  /** Each choice and its allowed values, the first being the default. */
  const CHOICES = {
    // articles: by itself on pages that look like articles (the core's gate); always: on every
    // page; click: only when the reader clicks the toolbar button (or presses its shortcut).
    start: ['articles', 'always', 'click'],
    // default: the Okabe & Ito palette; colourblind: Paul Tol's, apart in lightness as well (in
    // greyscale too); contrast: strong colours and thick marks.
    palette: ['default', 'colourblind', 'contrast'],
    // background: a tint with the kind's line (today's); underline: lines only, no tint.
    marks: ['background', 'underline'],
    side: ['right', 'left'],
  };

  const DEFAULTS = Object.freeze({
    start: 'articles',
    never: Object.freeze([]), // sites (host names) where ClaimLens never starts by itself
    always: Object.freeze([]), // sites where it always starts
    kinds: Object.freeze({ attribution: true, hedge: true, statistic: true }), // highlighted by default
    palette: 'default',
    marks: 'background',
    side: 'right',
  });

  /**
   * A site as the lists hold it: the host name of an address or of what a reader typed
   * ("https://www.Example.org/x" → "example.org"; "www." dropped), or null if it is none.
   */
  function site(input) {
    let text = String(input ?? '').trim().toLowerCase();
    if (!text) return null;
    if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
    let host;
    try {
      host = new URL(text).hostname;
    } catch {
      return null;
    }
    host = host.replace(/^www\./, '').replace(/\.$/, '');
    return /^[a-z0-9.[\]:-]+$/.test(host) && !host.startsWith('.') ? host : null;
  }

  /** Does a list of sites hold `host` (a site holds its subdomains: "example.org" holds "news.example.org")? */
  const listed = (list, host) => !!host && list.some((s) => host === s || host.endsWith(`.${s}`));

  /** Sites of a stored list: valid, unique, sorted. */
  const sites = (list) => [...new Set((Array.isArray(list) ? list : []).map(site).filter(Boolean))].sort();

  /** Full settings from whatever was stored (missing or unknown values take their defaults). */
  function normalize(raw) {
    const r = raw !== null && typeof raw === 'object' ? raw : {};
    const out = {};
    for (const [name, values] of Object.entries(CHOICES)) out[name] = values.includes(r[name]) ? r[name] : values[0];
    out.never = sites(r.never);
    out.always = sites(r.always).filter((s) => !out.never.includes(s));
    out.kinds = Object.fromEntries(KINDS.map((k) => [k, typeof r.kinds?.[k] === 'boolean' ? r.kinds[k] : true]));
    return out;
  }

  /**
   * How ClaimLens starts on the page at `url`: 'never' (a never site: not by itself), 'always'
   * (an always site, or every page), 'articles' (when the core's gate says it may be one) or
   * 'click'. A site on both lists is a never site.
   */
  function startOn(settings, url) {
    let host = null;
    try {
      host = site(new URL(url).hostname);
    } catch {
      /* not an address with a host: only the global choice applies */
    }
    if (listed(settings.never, host)) return 'never';
    if (listed(settings.always, host)) return 'always';
    return settings.start;
  }

  /** Both stored copies: [{settings, saved}] for sync and local (either may be missing). */
  async function copies() {
    const read = async (area) => {
      try {
        return (await ext.storage[area].get(KEY))[KEY] ?? null;
      } catch {
        return null; // this area is unavailable here
      }
    };
    return Promise.all([read('sync'), read('local')]);
  }

  /** The reader's settings (the newer stored copy, normalised). */
  async function load() {
    return normalize(newest(await copies())?.settings);
  }

  /** The newer of the stored copies. */
  const newest = ([sync, local]) => ((local?.saved ?? -1) > (sync?.saved ?? -1) ? local : sync);

  let saving = Promise.resolve();
  /**
   * Saves `changes` over the current settings; resolves to the settings saved. Written to
   * storage.sync, or storage.local when sync refuses it. Saves of one page run one after the
   * other, so that quick changes (two clicks) do not overwrite each other.
   */
  function save(changes) {
    const next = saving.then(() => write(changes));
    saving = next.catch(() => {});
    return next;
  }

  async function write(changes) {
    const stored = newest(await copies());
    const settings = normalize({ ...normalize(stored?.settings), ...changes });
    // Later than any stored copy, even within the same millisecond.
    const saved = Math.max(Date.now(), (stored?.saved ?? 0) + 1);
    const value = { [KEY]: { settings, saved } };
    try {
      await ext.storage.sync.set(value);
    } catch (err) {
      console.info('ClaimLens: settings kept on this device only:', err?.message ?? err);
      await ext.storage.local.set(value);
    }
    return settings;
  }

  /** Calls `fn(settings)` whenever the stored settings change (in any tab or page). */
  function watch(fn) {
    ext.storage.onChanged.addListener((changes, area) => {
      if (KEY in changes && (area === 'sync' || area === 'local')) load().then(fn, () => {});
    });
  }

  ns.settings = Object.freeze({ KINDS, CHOICES, DEFAULTS, site, listed, normalize, startOn, load, save, watch });
})();
