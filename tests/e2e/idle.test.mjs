// Idle where there is nothing to do (issue 10): on pages that are no article, the content
// script looks once (the core's cheap measure, no walk of the page) and then only after a large
// change; a ticking clock never makes it walk the page again. Counted with the content script's
// performance marks: `measured` (a cheap look), `snapshot` (a walk of the page), `start`.
// How long tasks compare with and without the extension is in `make bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser, until, sidebarFrame } from './browser.mjs';

const env = withServerAndBrowser();

/** How often each ClaimLens mark was set on `page`. */
const markCounts = (page) => page.evaluate(() => {
  const out = {};
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('claimlens:')) out[m.name.slice(10)] = (out[m.name.slice(10)] ?? 0) + 1;
  }
  return out;
});

/** Waits until the page's clock has ticked `n` more times. */
async function ticks(page, n) {
  const from = await page.evaluate(() => window.__ticks);
  await until(() => page.evaluate((target) => window.__ticks >= target, from + n), { message: `${n} clock ticks` });
}

test('a busy page without prose: one cheap look, no snapshot, nothing started while the clock ticks', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/busy-list?items=50000`);
  await until(async () => (await markCounts(page)).skipped === 1, { message: 'the content script to skip' });
  await ticks(page, 15); // 3 s of changes, each flushed (the content script waits ≤ 0.8 s)
  assert.deepEqual(await markCounts(page), { measured: 1, skipped: 1 });
  assert.equal(sidebarFrame(page, env.browser.extensionId), null);
  await page.close();
});

test('a page the core finds no article in: one snapshot, then none while the clock ticks', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/busy-list?items=2000&footer=1`);
  // The cheap look says "maybe" (long <p>s); the core says no article (they sit in <footer>).
  await until(async () => (await markCounts(page)).findings >= 1, { message: 'the core\'s answer' });
  const hidden = await page.evaluate(() => [...document.documentElement.children].find((e) => e.localName === 'div')?.dataset.state);
  assert.equal(hidden, 'hidden');
  const before = await markCounts(page);
  assert.equal(before.snapshot, 1);
  await ticks(page, 15);
  assert.deepEqual(await markCounts(page), before);
  await page.close();
});

test('a large change is looked at again: an article replacing a short shell starts ClaimLens', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/dynamic/late`);
  await until(async () => (await markCounts(page)).start === 1, { timeout: 5_000, message: 'ClaimLens to start' });
  const counts = await markCounts(page);
  assert.equal(counts.skipped, 1, 'not started at load');
  assert.equal(counts.measured, 2, 'looked again once, after the article arrived');
  await page.close();
});
