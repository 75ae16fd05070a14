// When the extension starts by itself, and the toolbar toggle (sent as the service worker does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser, sidebarFrame, until, waitForSidebar } from './browser.mjs';

const env = withServerAndBrowser();

/** What the service worker does on a toolbar click, for the active tab. */
const toolbarClick = () => env.browser.worker.evaluate(async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  await chrome.tabs.sendMessage(tab.id, globalThis.ClaimLens.protocol.make('toggle'));
});

const hostState = (page) => page.evaluate(() =>
  [...document.documentElement.children].find((e) => e.localName === 'div')?.dataset.state ?? null);

test('/no-article: no sidebar by itself; the toolbar button starts, hides and shows it', async () => {
  const page = await env.browser.context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${env.server.base}/no-article`);
  await page.bringToFront();
  // The content script runs at document_idle; the toggle below proves it is there.
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 500 })));
  assert.equal(sidebarFrame(page, env.browser.extensionId), null);
  assert.equal(await hostState(page), null);

  await until(async () => { await toolbarClick(); return true; }, { message: 'the content script to listen' });
  const frame = await waitForSidebar(page, env.browser.extensionId);
  assert.equal((await frame.locator('#app').textContent()).trim(), 'No article found on this page.');
  assert.equal(await frame.locator('.card').count(), 0);

  await toolbarClick();
  await until(async () => (await hostState(page)) === 'hidden', { message: 'hidden' });
  await toolbarClick();
  await until(async () => (await hostState(page)) !== 'hidden', { message: 'shown again' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('/other: the second sample article is analysed automatically', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/other`);
  const frame = await waitForSidebar(page, env.browser.extensionId);
  const summary = await frame.locator('.summary-line').textContent();
  assert.match(summary, /^\d+ findings? · \d+ attributions? · \d+ hedges? · \d+ statistics?$/);
  assert.ok(await frame.locator('.card').count() >= 1);
  await page.close();
});

test('/deep: the article 5,000 elements down is found and highlighted, and the sidebar opens beside it', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/deep?n=5000`);
  const frame = await waitForSidebar(page, env.browser.extensionId, 30_000);
  await until(async () => (await frame.locator('.card').count()) >= 3, { message: 'cards' });
  const inDeep = await page.evaluate(() => ['attribution', 'hedge', 'statistic']
    .flatMap((k) => [...(CSS.highlights.get(`claimlens-${k}`) ?? [])])
    .filter((r) => r.startContainer.parentElement?.closest('article')).length);
  assert.ok(inDeep >= 3, `highlights inside the deep article: ${inDeep}`);
  assert.equal(await page.evaluate(() => document.querySelector('article').parentElement.localName), 'span');
  await until(async () => (await hostState(page)) === 'expanded', { message: 'the sidebar beside the article' });
  await page.close();
});
