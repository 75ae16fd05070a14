// The keyboard in Chromium. The manifest's commands cannot be pressed in headless Chromium, so
// their handler is invoked as the browser invokes it: ClaimLens.onCommand(name, activeTab) in
// the extension's service worker (browser.mjs runCommand). Next/previous finding go through the
// page's findings in page order, each scrolled into view, flashed, and its card made current in
// the sidebar; show/hide toggles everything. Inside the sidebar, Escape closes an open card
// first and then collapses the sidebar, keyboard focus moving to its tab (not lost).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withServerAndBrowser, waitForSidebar, runCommand, highlightCount, marks, until } from './browser.mjs';
import { EXTENSION } from './server.mjs';

const env = withServerAndBrowser();

/** The flashed finding while it is in the viewport: its words and where they start on the page. */
const flashed = (page) => page.evaluate(() => {
  const r = [...(CSS.highlights.get('claimlens-flash') ?? [])][0];
  if (!r) return null;
  const rect = r.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > innerHeight) return null;
  return { text: r.toString(), y: Math.round(rect.top + scrollY), x: Math.round(rect.left) };
});

/** The sidebar's current card: its findings and the words of its parts. */
const currentCard = (frame) => frame.evaluate(() => {
  const c = document.querySelector('.card[aria-current="true"]');
  return c ? { ids: c.dataset.findings.split(' '), parts: [...c.querySelectorAll('.part-text')].map((p) => p.textContent) } : null;
});

/** ClaimLens's host element's state on the page, and whether it holds the page's focus. */
const hostState = (page) => page.evaluate(() => {
  const el = [...document.documentElement.children].find((e) => e.localName === 'div' && e.dataset.state);
  return el ? { state: el.dataset.state, focused: document.activeElement === el } : null;
});

test('the manifest suggests the shortcuts the README and the settings page list', () => {
  const { commands } = JSON.parse(readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
  assert.deepEqual(Object.fromEntries(Object.entries(commands).map(([name, c]) => [name, c.suggested_key.default])), {
    'toggle-sidebar': 'Alt+Shift+L', 'next-finding': 'Alt+Shift+J', 'previous-finding': 'Alt+Shift+K',
  });
  const readme = readFileSync(path.join(EXTENSION, '..', 'README.md'), 'utf8');
  const options = readFileSync(path.join(EXTENSION, 'options.html'), 'utf8');
  for (const key of Object.values(commands).map((c) => c.suggested_key.default)) {
    assert.ok(readme.includes(key), `README lists ${key}`);
    assert.ok(options.includes(key), `the settings page lists ${key}`);
  }
});

test('next/previous finding commands go through the findings in page order: scrolled, flashed, card current', async () => {
  const { browser, server } = env;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 500 }); // short: most findings start out of view
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId);
  await until(async () => (await marks(page)).findings !== undefined, { message: 'the findings painted' });
  const total = await highlightCount(page);

  const seen = [];
  let last = null;
  for (let i = 0; i < 6; i++) {
    await runCommand(browser, page, 'next-finding');
    // A new flash in view (each step flashes another finding: a new place on the page).
    const now = await until(async () => {
      const f = await flashed(page);
      return f && (!last || f.y !== last.y || f.x !== last.x) ? f : null;
    }, { message: `step ${i + 1}: a new finding flashed in view` });
    const card = await until(() => currentCard(frame), { message: 'a current card' });
    const words = (t) => t.replace(/\s+/g, ' ').trim();
    assert.ok(card.parts.some((p) => words(p) === words(now.text)), `the current card lists “${now.text}”: ${card.parts.join(' | ')}`);
    seen.push(now);
    last = now;
  }
  assert.ok(total >= 6, `findings: ${total}`);
  // Page order: each step starts later on the page (below, or further along the same line).
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]];
    assert.ok(b.y > a.y || (Math.abs(b.y - a.y) < 4 && b.x > a.x), `step ${i + 1} after step ${i}: ${JSON.stringify([a, b])}`);
  }
  assert.ok(await page.evaluate(() => scrollY > 0), 'the page scrolled to reach them');

  // Previous goes back to the finding before.
  await runCommand(browser, page, 'previous-finding');
  const back = await until(async () => {
    const f = await flashed(page);
    return f && f.y === seen[4].y && f.x === seen[4].x ? f : null;
  }, { message: 'the previous finding flashed' });
  assert.equal(back.text, seen[4].text);

  // Show / hide.
  await runCommand(browser, page, 'toggle-sidebar');
  await until(async () => (await hostState(page))?.state === 'hidden' && (await highlightCount(page)) === 0, { message: 'hidden' });
  await runCommand(browser, page, 'toggle-sidebar');
  await until(async () => (await hostState(page))?.state !== 'hidden' && (await highlightCount(page)) === total, { message: 'shown again' });
  await page.close();
});

test('Escape in the sidebar closes an open card first, then collapses the sidebar; focus goes to its tab', async () => {
  const { browser, server } = env;
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId);
  await until(async () => (await hostState(page))?.state === 'expanded', { message: 'the sidebar open beside the article' });
  // A card with passages (it opens); Enter on it opens it.
  const id = await frame.evaluate(() => document.querySelector('.card button.card-main[aria-expanded]').closest('.card').dataset.finding);
  const main = frame.locator(`.card[data-finding="${id}"] button.card-main`);
  await main.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await main.getAttribute('aria-expanded')) === 'true', { message: 'the card open' });

  await page.keyboard.press('Escape');
  await until(async () => (await main.getAttribute('aria-expanded')) === 'false', { message: 'the card closed' });
  assert.equal((await hostState(page)).state, 'expanded', 'the first Escape only closes the card');
  assert.equal(await frame.evaluate(() => document.activeElement?.classList.contains('card-main')), true, 'focus stays on the card');

  await page.keyboard.press('Escape');
  await until(async () => (await hostState(page))?.state === 'collapsed', { message: 'collapsed' });
  assert.equal((await hostState(page)).focused, true, 'focus on ClaimLens\'s tab, not lost');
  await page.keyboard.press('Enter'); // the tab, focused, opens the sidebar again
  await until(async () => (await hostState(page))?.state === 'expanded', { message: 'opened again from its tab' });
  await page.close();
});
