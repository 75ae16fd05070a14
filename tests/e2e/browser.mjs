// Launches Debian's Chromium with the built extension (playwright-core, no browser download),
// and small helpers the tests and the demo share.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, after } from 'node:test';
import { EXTENSION, startServer } from './server.mjs';

/**
 * Starts Chromium with the extension. `profile`: a profile folder to use and keep (a restart
 * reuses it; the caller removes it, see `tempProfile`); by default a fresh one removed by close().
 */
export async function launch({ headless = true, viewport = { width: 1280, height: 800 }, extension = EXTENSION, profile: kept = null } = {}) {
  if (!existsSync(path.join(extension, 'pkg', 'claimlens_bg.wasm'))) {
    throw new Error('extension/pkg is missing: run `make build` first');
  }
  const profile = kept ?? mkdtempSync(path.join(tmpdir(), 'claimlens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    viewport,
    args: [
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox',
      '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
  });
  // The extension's id, from its service worker's URL.
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (!kept) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A profile folder for launches that must survive a restart: {dir, remove()}. */
export function tempProfile() {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-e2e-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the extension's settings page (options.html) in a new tab and waits until it shows the settings. */
export async function openSettings(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForFunction(() => document.querySelector('#never-list li') !== null && document.getElementById('corpus-name').textContent !== '…');
  return page;
}

/**
 * Runs a keyboard command (manifest `commands`) the way the browser does: the worker's
 * handler, called in the service worker with the active tab. Headless Chromium cannot press
 * extension shortcuts, so this is as close as a test gets.
 */
export async function runCommand(browser, page, command) {
  await page.bringToFront();
  // The worker may have stopped (idle) or been replaced (reload): use the live one, woken if need be.
  const live = () => browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!live()) {
    const waking = browser.context.waitForEvent('serviceworker', { timeout: 10_000 });
    const opt = await browser.context.newPage();
    await opt.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await opt.evaluate(() => chrome.runtime.sendMessage({}).catch(() => {}));
    await waking.catch(() => {});
    await opt.close();
    await page.bringToFront();
  }
  browser.worker = live() ?? browser.worker;
  await browser.worker.evaluate(async (name) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await globalThis.ClaimLens.onCommand(name, tab);
  }, command);
}

const require = createRequire(import.meta.url);
/** axe-core's source, injected into the page or frame under test. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations in `frame` (a page or a frame): [{id, impact, help, nodes: [target…]}]. */
export async function axeViolations(frame) {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
}

/** The sidebar iframe of `page` (the frame whose URL is the extension's sidebar.html). */
export function sidebarFrame(page, extensionId) {
  return page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`)) ?? null;
}

/** Polls `fn` until it returns a truthy value (returned) or the timeout passes (throws). */
export async function until(fn, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the sidebar of `page` shows its analysis; returns the frame. */
export async function waitForSidebar(page, extensionId, timeout = 15_000) {
  return until(async () => {
    const frame = sidebarFrame(page, extensionId);
    if (!frame) return null;
    const done = await frame.evaluate(() => !!document.querySelector('#app .summary, #app .empty:not(:first-child), #app .cards') ||
      (document.querySelector('#app .empty')?.textContent ?? '').startsWith('No'));
    return done ? frame : null;
  }, { timeout, message: 'the sidebar to show its analysis' });
}

const LOCAL = (url) => /^(chrome-extension|data|blob|about):/.test(url) || new URL(url).hostname === '127.0.0.1';
const OURS = /chrome-extension:\/\/|ClaimLens/i;

/**
 * Keeps every request of `context` on this machine: requests to other hosts get an empty 404
 * (saved pages reference assets all over the web). Call once per context, before opening pages.
 */
export async function offline(context) {
  await context.route(/^https?:/, (route) =>
    LOCAL(route.request().url()) ? route.continue() : route.fulfill({ status: 404, body: '' }));
}

/**
 * Watches `page` for what the extension must never do, from before navigation:
 * - `errors`: errors (and warnings naming ClaimLens) logged by extension code or its frame —
 *   the content script's isolated world (via CDP, where Playwright does not look), the sidebar
 *   frame (console, exceptions, and its own log: failed loads such as "Failed to load
 *   resource: net::ERR_FAILED", via a CDP session on that out-of-process frame), and page log
 *   entries about chrome-extension:// URLs; the page's own errors are ignored;
 * - `requests`: non-local requests started by extension code (sidebar frame, service worker,
 *   or a script stack inside chrome-extension://);
 * - `mutations()`: childList/characterData changes under <body> since DOMContentLoaded (the
 *   host of the sidebar hangs under <html>, so it does not count), with a few samples.
 */
export async function watch(context, page) {
  const errors = [];
  const requests = [];
  const cdp = await context.newCDPSession(page);
  await cdp.send('Runtime.enable');
  await cdp.send('Network.enable');
  await cdp.send('Log.enable');
  const extensionUrl = (u) => (u ?? '').startsWith('chrome-extension:');
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' && (extensionUrl(entry.url) || OURS.test(entry.text))) errors.push(`log (${entry.url}): ${entry.text}`);
  });
  // The sidebar is an out-of-process frame: its own log (failed loads, CSP) needs its own session.
  const frameSessions = [];
  const watchFrame = async (frame) => {
    if (frame === page.mainFrame() || !extensionUrl(frame.url()) || frameSessions.some((f) => f.frame === frame)) return;
    const session = await context.newCDPSession(frame);
    frameSessions.push({ frame, session });
    session.on('Log.entryAdded', ({ entry }) => {
      if (entry.level === 'error') errors.push(`sidebar log (${entry.url ?? frame.url()}): ${entry.text}`);
    });
    session.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => errors.push(`sidebar exception: ${d.exception?.description ?? d.text}`));
    await session.send('Log.enable');
    await session.send('Runtime.enable');
  };
  page.on('framenavigated', (frame) => watchFrame(frame).catch(() => {}));
  const stackUrls = (st) => {
    const urls = [];
    for (let s = st; s; s = s.parent) urls.push(...(s.callFrames ?? []).map((f) => f.url));
    return urls;
  };
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const where = [d.url ?? '', ...stackUrls(d.stackTrace)].join(' ');
    const text = d.exception?.description ?? d.text;
    if (OURS.test(where) || OURS.test(text)) errors.push(`exception: ${text}`);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'warning') return;
    const text = e.args.map((a) => a.value ?? a.description ?? '').join(' ');
    const where = stackUrls(e.stackTrace).join(' ');
    if ((e.type === 'error' && OURS.test(where)) || OURS.test(text)) errors.push(`console.${e.type}: ${text}`);
  });
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!LOCAL(e.request.url) && stackUrls(e.initiator?.stack).some((u) => u.startsWith('chrome-extension:'))) {
      requests.push(`content script → ${e.request.url}`);
    }
  });
  page.on('console', (m) => {
    const url = m.location()?.url ?? '';
    if ((m.type() === 'error' && url.startsWith('chrome-extension:')) || ((m.type() === 'error' || m.type() === 'warning') && /ClaimLens/i.test(m.text()))) {
      errors.push(`console.${m.type()} (${url}): ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => OURS.test(`${e.stack}`) && errors.push(`pageerror: ${e.message}`));
  const onRequest = (r) => {
    if (LOCAL(r.url())) return;
    const frameUrl = r.frame?.()?.url?.() ?? '';
    if (r.serviceWorker() || frameUrl.startsWith('chrome-extension:')) requests.push(`${frameUrl || 'worker'} → ${r.url()}`);
  };
  page.on('request', (r) => { try { onRequest(r); } catch { /* a request without a frame */ } });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const seen = (window.__claimlensMutations = { count: 0, samples: [] });
      new MutationObserver((records) => {
        for (const r of records) {
          seen.count++;
          if (seen.samples.length < 3) {
            const what = r.type === 'characterData' ? 'text changed' : `+${r.addedNodes.length}/-${r.removedNodes.length} nodes`;
            seen.samples.push(`${what} in <${r.target.nodeName.toLowerCase()}>`);
          }
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, { once: true });
  });
  return {
    errors,
    requests,
    mutations: () => page.evaluate(() => window.__claimlensMutations ?? { count: 0, samples: [] }),
    detach: () => Promise.all([cdp, ...frameSessions.map((f) => f.session)].map((s) => s.detach().catch(() => {}))),
  };
}

/** Number of ranges in the ClaimLens highlights of `page`. */
export const highlightCount = (page) => page.evaluate(() =>
  ['attribution', 'hedge', 'statistic'].reduce((n, k) => n + (CSS.highlights.get(`claimlens-${k}`)?.size ?? 0), 0));

/** The content script's performance marks (ms since navigation) and the load event's time. */
export const marks = (page) => page.evaluate(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const out = { load: nav?.loadEventStart || null };
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('claimlens:')) out[m.name.slice(10)] ??= m.startTime;
  }
  return out;
});

/**
 * Starts the local test server and Chromium with the built extension before a test file's tests
 * and stops both after them. The returned object's `server` and `browser` are set once started.
 */
export function withServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
