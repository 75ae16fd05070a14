// The reader's extension in Firefox (the package of `make package` in headless firefox-esr):
// the settings page imports a corpus (ECB+ news the bundled corpus does not hold, read in place)
// and the verdicts on that story's page change; settings chosen there (palette, side) reach the
// open tab; both survive a browser restart (the same profile launched again); the sidebar's
// "Never on this site" takes ClaimLens off the page, and after another restart that site gets
// no highlights; axe-core finds nothing in the sidebar or the settings page; the exports and
// Escape work there too. (The keyboard commands cannot be invoked from here: BiDi reaches no
// background page; Chromium's lane calls their handler.)
//
// BiDi cannot navigate a tab to a moz-extension:// page, so the settings page is opened the way
// one extension page may open another: in an iframe of the sidebar (same origin), where the test
// drives its form and gives its file input a File, as a reader's file chooser does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, ecbplusDocs } from '../e2e/server.mjs';
import { launch, sidebarFrame, until } from './firefox.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('../e2e/node_modules/axe-core/axe.min.js'), 'utf8');
const PAGE = '38_38_1ecbplus';
const REFERENCE = '38_38_2ecbplus';

let server;
let profile;
before(async () => {
  server = await startServer();
  profile = mkdtempSync(path.join(tmpdir(), 'claimlens-firefox-profile-'));
});
after(async () => {
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

const cards = (frame) => frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => ({
  verdict: c.dataset.verdict, parts: [...c.querySelectorAll('.part-text')].map((p) => p.textContent.replace(/\s+/g, ' ')),
})));
const verdictOf = async (frame, words) => (await cards(frame)).find((c) => c.parts.includes(words))?.verdict ?? null;
const footer = (frame) => frame.evaluate(() => document.getElementById('corpus').textContent);
const host = (page) => page.evaluate(() => {
  const el = [...document.documentElement.children].find((e) => e.localName === 'div' && e.dataset.state);
  return el ? { state: el.dataset.state, side: el.dataset.side } : null;
});
const highlights = (page) => page.evaluate(() =>
  ['attribution', 'hedge', 'statistic'].reduce((n, k) => n + (CSS.highlights.get(`claimlens-${k}`)?.size ?? 0), 0));
const perfMarks = (page) => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));

/** Opens `path` and waits for the sidebar's cards; returns {page, frame}. */
async function open(firefox, path) {
  const page = await firefox.browser.newPage();
  await page.goto(`${server.base}${path}`);
  const frame = await until(() => sidebarFrame(page), { message: 'the sidebar frame' });
  await until(async () => (await cards(frame)).length > 0, { message: 'cards' });
  return { page, frame };
}

/** axe-core's violations in the document of `frame`. */
async function axe(frame) {
  await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** The settings page's frame inside the sidebar's (asked where it is, as sidebarFrame does). */
async function settingsFrame(frame) {
  for (const child of frame.childFrames()) {
    const href = await child.evaluate(() => location.href).catch(() => '');
    if (href.endsWith('/options.html')) return child;
  }
  return null;
}

/** The settings page in an iframe of the sidebar; resolves once it shows the settings. */
async function openSettingsIn(frame) {
  await frame.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'settings-under-test';
    f.title = 'ClaimLens settings';
    f.src = 'options.html';
    f.style.cssText = 'width: 100%; height: 60vh; border: 0';
    document.body.append(f);
  });
  await until(() => frame.evaluate(() => {
    const d = document.getElementById('settings-under-test')?.contentDocument;
    return !!d?.querySelector('#never-list li') && d.getElementById('corpus-name').textContent !== '…';
  }), { message: 'the settings page' });
}

test('Firefox: an imported corpus changes verdicts, settings reach the open tab, both survive a restart; never means no highlights', async () => {
  let firefox = await launch({ profile });
  try {
    let { page, frame } = await open(firefox, `/ecbplus/${PAGE}`);
    assert.equal(await verdictOf(frame, '1.2 miles'), 'not-in-corpus');
    assert.deepEqual(await axe(frame), [], 'axe in the sidebar');

    await openSettingsIn(frame);
    const doc = ecbplusDocs().get(REFERENCE);
    const lines = `${JSON.stringify({ id: REFERENCE, title: doc.title, text: doc.text, source: 'The paper', date: '2013-03-14' })}\n`;
    // The reader picks a file; then colours and side.
    const status = await frame.evaluate(async (text) => {
      const d = document.getElementById('settings-under-test').contentDocument;
      const input = d.getElementById('pick-files');
      const picked = new DataTransfer();
      picked.items.add(new File([text], 'quakes.jsonl', { type: 'application/json' }));
      input.files = picked.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 400 && !d.getElementById('corpus-status').textContent.startsWith('Imported'); i++) {
        if (d.getElementById('corpus-error').textContent) return d.getElementById('corpus-error').textContent;
        await new Promise((r) => setTimeout(r, 50));
      }
      d.querySelector('input[name="palette"][value="contrast"]').click();
      d.querySelector('input[name="side"][value="left"]').click();
      return d.getElementById('corpus-status').textContent;
    }, lines);
    assert.match(status, /^Imported “quakes\.jsonl”: 1 article, 14 March 2013\./);
    const settings = await until(() => settingsFrame(frame), { message: 'the settings page\'s frame' });
    assert.deepEqual(await axe(settings), [], 'axe in the settings page');

    // The open tab: the new corpus (its verdicts, its name), the palette, the side.
    await until(async () => (await verdictOf(frame, '1.2 miles')) === 'number-differs', { message: 'the depth differs now' });
    assert.match(await footer(frame), /^Your corpus “quakes\.jsonl” · /);
    await until(async () => (await host(page))?.side === 'left', { message: 'the sidebar on the left' });
    await until(() => frame.evaluate(() => document.documentElement.classList.contains('palette-contrast')), { message: 'the sidebar\'s palette' });

    // A restart: both are still there.
    await firefox.close();
    firefox = await launch({ profile });
    ({ page, frame } = await open(firefox, `/ecbplus/${PAGE}`));
    assert.equal(await verdictOf(frame, '1.2 miles'), 'number-differs');
    assert.match(await footer(frame), /^Your corpus “quakes\.jsonl” · /);
    assert.equal((await host(page)).side, 'left');
    assert.ok(await frame.evaluate(() => document.documentElement.classList.contains('palette-contrast')));

    // Never on this site, from the sidebar: gone at once; after a restart, not even started. (On
    // the left of this page there is no room for it: it waits as a tab until a highlight is
    // clicked.)
    if ((await host(page)).state !== 'expanded') {
      const at = await page.evaluate(() => {
        const r = [...CSS.highlights.get('claimlens-statistic')][0];
        r.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await page.mouse.click(at.x, at.y);
      await until(async () => (await host(page)).state === 'expanded', { message: 'the sidebar open' });
    }
    await frame.click('#never-here');
    await until(async () => (await host(page)) === null && (await highlights(page)) === 0, { message: 'ClaimLens off the page' });
    await firefox.close();
    firefox = await launch({ profile });
    page = await firefox.browser.newPage();
    await page.goto(`${server.base}/article`);
    await until(async () => (await perfMarks(page)).includes('claimlens:skipped'), { message: 'ClaimLens declining the never site' });
    assert.equal(await highlights(page), 0);
    assert.equal(await host(page), null);
    assert.ok(!(await perfMarks(page)).includes('claimlens:snapshot'), 'not even a snapshot');
  } finally {
    await firefox.close();
  }
});

test('Firefox: Escape in the sidebar (an open card closes first, then it collapses); the exports', async () => {
  const firefox = await launch();
  try {
    const { page, frame } = await open(firefox, '/article');
    await until(async () => (await host(page))?.state === 'expanded', { message: 'the sidebar open' });
    const id = await frame.evaluate(() => document.querySelector('.card button.card-main[aria-expanded]').closest('.card').dataset.finding);
    const expanded = () => frame.evaluate((i) => document.querySelector(`.card[data-finding="${i}"] button.card-main`).getAttribute('aria-expanded'), id);
    await frame.focus(`.card[data-finding="${id}"] button.card-main`);
    await page.keyboard.press('Enter');
    await until(async () => (await expanded()) === 'true', { message: 'the card open' });
    await page.keyboard.press('Escape');
    await until(async () => (await expanded()) === 'false', { message: 'the card closed' });
    assert.equal((await host(page)).state, 'expanded');
    await page.keyboard.press('Escape');
    await until(async () => (await host(page)).state === 'collapsed', { message: 'collapsed' });
    await page.keyboard.press('Enter'); // focus went to the sidebar's tab: it opens it again
    await until(async () => (await host(page)).state === 'expanded', { message: 'opened from its tab' });

    // Exports (after the keyboard: a download may take the window's focus).
    const status = () => frame.evaluate(() => document.getElementById('tool-status').textContent);
    await until(() => frame.evaluate(() => !document.getElementById('copy-markdown').disabled), { message: 'export ready' });
    await frame.click('#copy-markdown');
    await until(async () => (await status()) === 'Copied the findings as Markdown.', { message: 'copied' });
    await frame.click('#save-json');
    await until(async () => /^Saved claimlens-127\.0\.0\.1-\d{4}-\d\d-\d\d\.json\.$/.test(await status()), { message: 'saved' });
  } finally {
    await firefox.close();
  }
});
