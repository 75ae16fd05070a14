// Dynamic pages: content that arrives or is replaced after load is analysed again within about a
// second (debounced), the sidebar re-renders, highlights follow the new text and stale cards go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser, until, waitForSidebar, highlightCount } from './browser.mjs';

const env = withServerAndBrowser();

/** Texts of every ClaimLens highlight range on the page. */
const highlighted = (page) => page.evaluate(() => ['attribution', 'hedge', 'statistic']
  .flatMap((k) => [...(CSS.highlights.get(`claimlens-${k}`) ?? [])].map((r) => r.toString())));

const cardTexts = (frame) => frame.locator('.card').allTextContents();

test('appended paragraphs (infinite scroll) are analysed within a second of arriving', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/dynamic/append`);
  const frame = await waitForSidebar(page, env.browser.extensionId);
  // The first paragraph is appended 500 ms after the script runs; measure from its arrival.
  await page.waitForSelector('#late1', { state: 'attached', timeout: 5_000 });
  const arrived = Date.now();
  await until(async () => (await highlighted(page)).some((t) => t.includes('4,321')), { timeout: 3_000, message: 'a highlight on 4,321' });
  const took = Date.now() - arrived;
  assert.ok(took < 1_500, `re-analysed ${took} ms after the text arrived`);
  await until(async () => (await cardTexts(frame)).some((t) => t.includes('4,321')), { timeout: 3_000, message: 'a card for 4,321' });
  // The second one, a second later, too; the earlier findings stay.
  await until(async () => (await highlighted(page)).some((t) => t.includes('17 new shelters')), { timeout: 4_000, message: 'a highlight on 17 shelters' });
  assert.ok((await highlighted(page)).some((t) => t.includes('4,321')));
  await page.close();
});

test('replaced article (single-page navigation): new findings, no stale cards or highlights', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/dynamic/replace`);
  const frame = await waitForSidebar(page, env.browser.extensionId);
  const before = await cardTexts(frame);
  assert.ok(before.length > 0);
  await until(async () => (await highlighted(page)).some((t) => t.includes('1,000') || t.includes('1,111')),
    { timeout: 4_000, message: 'highlights in the new article' });
  await until(async () => {
    const cards = await cardTexts(frame);
    return cards.length > 0 && cards.every((c) => !before.includes(c)) && cards.some((c) => /1,[0-5]\d\d birds/.test(c));
  }, { timeout: 3_000, message: 'cards of the new article only' });
  // Every highlight lies in the new article's text.
  const article = await page.evaluate(() => document.querySelector('article').textContent);
  for (const t of await highlighted(page)) assert.ok(article.includes(t), `stale highlight: ${t}`);
  await page.close();
});

test('an article that arrives after load in an empty shell starts ClaimLens by itself', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/dynamic/late`);
  await until(async () => (await highlightCount(page)) > 0, { timeout: 5_000, message: 'highlights in the late article' });
  const frame = await waitForSidebar(page, env.browser.extensionId);
  assert.ok((await frame.locator('.card').count()) > 0);
  await page.close();
});

test('highlights are ranges: they follow the text when the page reflows', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/article`);
  await until(async () => (await highlightCount(page)) > 0, { message: 'highlights' });
  const firstRect = () => page.evaluate(() => {
    const r = [...CSS.highlights.get('claimlens-statistic')][0];
    const b = r.getBoundingClientRect();
    return { text: r.toString(), top: b.top, left: b.left };
  });
  const a = await firstRect();
  await page.setViewportSize({ width: 700, height: 800 });
  await page.evaluate(() => document.querySelector('article').prepend(Object.assign(document.createElement('div'), { style: 'height:137px' })));
  const b = await firstRect();
  assert.equal(b.text, a.text);
  assert.notDeepEqual([b.top, b.left], [a.top, a.left]);
  await page.close();
});

/** The content script's `sent` marks: what each change of the snapshot carried. */
const sentChanges = (page) => page.evaluate(() =>
  performance.getEntriesByName('claimlens:sent').map((m) => m.detail));

test('only what changed is sent again: an appended paragraph is a splice of its own rows', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/dynamic/append`);
  await until(async () => (await highlighted(page)).some((t) => t.includes('17 new shelters')), { timeout: 5_000, message: 'both late paragraphs' });
  const [first, ...later] = await sentChanges(page);
  assert.equal(first.from, 0);
  assert.equal(first.remove, 0);
  assert.ok(first.rows > 40, `the first snapshot is the page: ${first.rows} rows`);
  assert.ok(later.length >= 1);
  for (const change of later) {
    // One <p> and its text node (2 rows) per appended paragraph, inserted where it stands.
    assert.ok(change.rows <= 4 && change.remove === 0 && change.from > 40, JSON.stringify(change));
  }
  await page.close();
});

test('a huge page is sent in pieces, and highlighted before the comparison is done', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/long?kb=1536`);
  await until(() => page.evaluate(() => performance.getEntriesByName('claimlens:findings').length > 0), { timeout: 60_000, message: 'the final findings' });
  const [sent] = await sentChanges(page);
  assert.ok(sent.pieces >= 6, `1.5 MiB in pieces of ≤ 256 KiB: ${sent.pieces}`);
  const [painted] = await page.evaluate(() => performance.getEntriesByName('claimlens:painted').map((m) => m.startTime));
  const [findings] = await page.evaluate(() => performance.getEntriesByName('claimlens:findings').map((m) => m.startTime));
  assert.ok(painted < findings, 'early highlights before the final findings');
  // Tens of thousands of ranges: only those near the viewport are registered (the renderer
  // re-paints every registered range on each update), and those where the reader scrolls to.
  const near = await highlightCount(page);
  assert.ok(near > 50 && near < 5000, `ranges registered near the viewport: ${near}`);
  const inView = () => page.evaluate(() => ['attribution', 'hedge', 'statistic']
    .flatMap((k) => [...(CSS.highlights.get(`claimlens-${k}`) ?? [])])
    .filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight; }).length);
  assert.ok((await inView()) > 0, 'highlights in view at the top');
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.6));
  await until(async () => (await inView()) > 0, { message: 'highlights in view 60 % down the page' });
  assert.ok((await highlightCount(page)) < 5000);
  await page.close();
});
