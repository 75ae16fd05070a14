// Accessibility in Chromium: axe-core (npm, injected into the extension's pages: the sidebar in
// place on the article, the settings page in its own tab) finds no violation, in light and dark
// mode, with a card open, in every palette; keyboard focus survives a re-render of the sidebar;
// at 200 % zoom (a window half as wide in CSS pixels) nothing in the sidebar or the settings page
// overflows sideways. Screenshots of each state go to target/screenshots/ for a human look.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { withServerAndBrowser, waitForSidebar, openSettings, axeViolations, until } from './browser.mjs';
import { ROOT } from './server.mjs';

const env = withServerAndBrowser();
const SHOTS = path.join(ROOT, 'target', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const report = (violations) => violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).join('\n    ')}`).join('\n');

/** Elements of the document that stick out past its right edge (or the document itself). */
const overflow = (frame) => frame.evaluate(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 0.5 && getComputedStyle(el).position !== 'fixed') out.push(`${el.localName}.${el.className} right ${Math.round(r.right)} > ${width}`);
  }
  return out.slice(0, 5);
});

/** Sets the settings of the extension from one of its pages (as the settings page would). */
const setSettings = (frame, changes) => frame.evaluate((c) => globalThis.ClaimLens.settings.save(c), changes);

for (const scheme of ['light', 'dark']) {
  test(`axe: the sidebar on the article (${scheme}), a card open, every palette — no violations`, async () => {
    const { browser, server } = env;
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.base}/article`);
    const frame = await waitForSidebar(page, browser.extensionId);
    assert.equal(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
    let violations = await axeViolations(frame);
    assert.deepEqual(violations, [], report(violations));

    // A card open (its two passages), and the footer's status line in use.
    await frame.locator('.card button.card-main[aria-expanded]').first().click();
    await frame.locator('#copy-markdown').click();
    await until(() => frame.evaluate(() => document.getElementById('tool-status').textContent !== ''), { message: 'the status line' });
    violations = await axeViolations(frame);
    assert.deepEqual(violations, [], report(violations));
    await page.screenshot({ path: path.join(SHOTS, `sidebar-${scheme}.png`) });

    for (const palette of ['colourblind', 'contrast']) {
      await setSettings(frame, { palette });
      await until(() => frame.evaluate((p) => document.documentElement.classList.contains(`palette-${p}`), palette), { message: palette });
      violations = await axeViolations(frame);
      assert.deepEqual(violations, [], `${palette}: ${report(violations)}`);
      await page.screenshot({ path: path.join(SHOTS, `sidebar-${scheme}-${palette}.png`) });
    }
    await setSettings(frame, { palette: 'default' });
    await page.close();
  });

  test(`axe: the settings page (${scheme}) — no violations, with messages shown`, async () => {
    const { browser } = env;
    const opt = await openSettings(browser);
    await opt.emulateMedia({ colorScheme: scheme });
    let violations = await axeViolations(opt);
    assert.deepEqual(violations, [], report(violations));
    // A refused site and a refused corpus file: their messages are part of the page too.
    await opt.fill('#never-input', 'not a site');
    await opt.click('button[data-add="never"]');
    await opt.locator('#pick-files').setInputFiles({ name: 'broken.corpus', mimeType: 'application/octet-stream', buffer: Buffer.from('not a corpus') });
    await until(() => opt.evaluate(() => document.getElementById('corpus-error').textContent !== ''), { message: 'the import error' });
    violations = await axeViolations(opt);
    assert.deepEqual(violations, [], report(violations));
    await opt.screenshot({ path: path.join(SHOTS, `settings-${scheme}.png`), fullPage: true });
    await opt.close();
  });
}

test('keyboard focus stays on its card when the sidebar re-renders (the page changed)', async () => {
  const { browser, server } = env;
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId);
  const analysed = () => frame.evaluate(() => performance.getEntriesByName('claimlens:analysed').length);
  await until(async () => (await analysed()) >= 1, { message: 'the first analysis' });
  // The third card, focused from the keyboard (Tab into the sidebar lands wherever; arrows move).
  const id = await frame.evaluate(() => document.querySelectorAll('.card')[2].dataset.finding);
  await frame.locator(`.card[data-finding="${id}"] button.card-main`).focus();
  const before = await analysed();
  const list = await frame.evaluateHandle(() => document.querySelector('.cards'));
  // The page grows: a new paragraph, so the sidebar analyses and renders again.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Officials said at least 4,321 households lost power overnight, allegedly.';
    document.querySelector('article').append(p);
  });
  await until(async () => (await analysed()) > before, { message: 'a re-render' });
  assert.equal(await frame.evaluate((old) => document.querySelector('.cards') !== old, list), true, 'the cards were rendered anew');
  const focused = await frame.evaluate(() => {
    const el = document.activeElement;
    return el?.matches('button.card-main') ? el.closest('.card').dataset.finding : el?.localName ?? null;
  });
  assert.equal(focused, id, 'focus on the same card after the re-render');
  await page.close();
});

test('200 % zoom: nothing in the sidebar or the settings page overflows sideways', async () => {
  const { browser, server } = env;
  // A 1280 × 800 window at 200 % zoom lays pages out 640 CSS pixels wide.
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId);
  // No room beside the article: the sidebar starts as a tab; a click on a highlight opens it.
  await until(() => page.evaluate(() => (CSS.highlights.get('claimlens-statistic')?.size ?? 0) > 0), { message: 'highlights' });
  const at = await page.evaluate(() => {
    const r = [...CSS.highlights.get('claimlens-statistic')][0];
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(at.x, at.y);
  await until(() => page.evaluate(() => [...document.documentElement.children].some((e) => e.dataset?.state === 'expanded')), { message: 'the sidebar open' });
  await frame.locator('.card button.card-main[aria-expanded]').first().click();
  assert.deepEqual(await overflow(frame), []);
  assert.ok(await frame.evaluate(() => innerWidth <= 360), 'the sidebar keeps its width');
  await page.screenshot({ path: path.join(SHOTS, 'sidebar-zoom-200.png') });

  const opt = await openSettings(browser);
  await opt.setViewportSize({ width: 640, height: 400 });
  assert.deepEqual(await overflow(opt), []);
  await opt.screenshot({ path: path.join(SHOTS, 'settings-zoom-200.png'), fullPage: true });
  await page.close();
  await opt.close();
});
