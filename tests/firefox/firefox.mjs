// Launches Debian's firefox-esr headless with the Firefox package of the extension installed,
// driven by puppeteer-core over WebDriver BiDi (Firefox speaks BiDi itself: no geckodriver, no
// browser download), and small helpers for the Firefox lane's tests.
import puppeteer from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/server.mjs';

export const FIREFOX = process.env.CLAIMLENS_FIREFOX ?? '/usr/bin/firefox-esr';
/** The unpacked Firefox build written by scripts/build-extension.sh. */
export const FIREFOX_EXTENSION = path.join(ROOT, 'target', 'extension-firefox');
const manifest = () => JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION, 'manifest.json'), 'utf8'));
/** The package `make package` writes with `web-ext build` (what a Firefox user installs). */
export const packagePath = () => path.join(ROOT, 'target', `claimlens-firefox-${manifest().version}.zip`);

// Firefox gives every installed extension a random internal UUID (its moz-extension:// host).
// Fixing it with this pref lets the tests recognise the sidebar frame by its exact origin.
const UUID = '6c1a1e5e-c1a1-4c1a-8c1a-c1a1e5c1a1e5';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/**
 * Starts firefox-esr with a fresh profile (removed again by `close()`), or with `profile` (a
 * folder the caller keeps, so that a second launch is a restart of the same browser), and
 * installs the package made by `make package`; it must be newer than the build it was made from.
 * The add-on is installed as from about:debugging, which Firefox forgets at shutdown; installed
 * again on the same profile, it finds its storage (settings, corpus) as a restarted one does.
 */
export async function launch({ viewport = { width: 1280, height: 800 }, profile: kept = null } = {}) {
  if (!existsSync(path.join(FIREFOX_EXTENSION, 'pkg', 'claimlens_bg.wasm'))) {
    throw new Error('target/extension-firefox is missing: run `make build` first');
  }
  const zip = packagePath();
  if (!existsSync(zip) || statSync(zip).mtimeMs < statSync(path.join(FIREFOX_EXTENSION, 'manifest.json')).mtimeMs) {
    throw new Error(`${path.relative(ROOT, zip)} is missing or older than target/extension-firefox: run \`make package\``);
  }
  const geckoId = manifest().browser_specific_settings.gecko.id;
  const profile = kept ?? mkdtempSync(path.join(tmpdir(), 'claimlens-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      defaultViewport: viewport,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }) },
    });
    // A temporary install, as from about:debugging; the .zip is what `make package` ships.
    const id = await browser.installExtension(zip);
    if (id !== geckoId) throw new Error(`installed ${id}, expected ${geckoId}`);
  } catch (e) {
    await browser?.close().catch(() => {});
    if (!kept) rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    browser,
    async close() {
      await browser.close();
      if (!kept) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The sidebar iframe of `page`, or null. Firefox's BiDi does report the extension's iframe as a
 * child browsing context, but puppeteer never sees it navigate, so its `frame.url()` stays
 * 'about:blank': ask each child frame where it really is.
 */
export async function sidebarFrame(page) {
  for (const frame of page.mainFrame().childFrames()) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(`${EXTENSION_ORIGIN}/sidebar.html#`)) return frame;
  }
  return null;
}

/** Polls `fn` until it returns a truthy value (returned) or the timeout passes (throws). */
export async function until(fn, { timeout = 15_000, interval = 50, message = 'condition' } = {}) {
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
