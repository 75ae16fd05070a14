// Launches Debian's Chromium with the built extension (playwright-core, no browser download),
// and small helpers the tests and the demo share.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION } from './server.mjs';

export async function launch({ headless = true, viewport = { width: 1280, height: 800 } } = {}) {
  if (!existsSync(path.join(EXTENSION, 'pkg', 'claimlens_bg.wasm'))) {
    throw new Error('extension/pkg is missing: run `make build` first');
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'claimlens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless,
    viewport,
    args: [
      `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-sandbox',
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
      rmSync(profile, { recursive: true, force: true });
    },
  };
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
