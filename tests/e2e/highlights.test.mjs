// The content script's painter (extension/content/highlights.js) driven directly on a plain page
// with hand-made NodeRanges: painting, UTF-16 offsets, clamping, hit-testing, reveal + flash.
// Independent of the detectors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, until } from './browser.mjs';

let server, browser, page;

before(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(`${server.base}/fixture`);
  await page.addScriptTag({ url: `${server.base}/ext/content/highlights.js` });
  await page.evaluate(() => {
    // Text nodes in document order, as the snapshot numbers them.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    window.nodes = [];
    while (walker.nextNode()) window.nodes.push(walker.currentNode);
    window.painter = new ClaimLens.Painter();
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Paints NodeRanges over node `n` selecting `needle` (UTF-16 offsets, computed in the page)
 * with the painter's one path, paintAsync (as the content script does). */
async function paint(specs) {
  return page.evaluate(async (specs) => {
    const findings = specs.map(({ id, kind, node, needle, ranges }) => {
      if (ranges) return { id, kind, ranges };
      const at = window.nodes[node].data.indexOf(needle);
      if (at < 0) throw new Error(`${needle} not in node ${node}`);
      return { id, kind, ranges: [{ startNode: node, startOffset: at, endNode: node, endOffset: at + needle.length }] };
    });
    if (!(await window.painter.paintAsync(window.nodes, findings))) throw new Error('paint superseded');
    return findings;
  }, specs);
}

const nodeIndex = (id) => page.evaluate((id) => window.nodes.indexOf(document.getElementById(id).firstChild), id);

test('paints one Highlight per kind with ranges selecting exactly the text, after an emoji', async () => {
  const a = await nodeIndex('a');
  await paint([
    { id: 0, kind: 'attribution', node: a, needle: 'Officials said' },
    { id: 1, kind: 'statistic', node: a, needle: 'over 1,200 casualties' },
    { id: 2, kind: 'hedge', node: a, needle: 'allegedly' },
    { id: 3, kind: 'statistic', node: a, needle: '🚀 per day' },
  ]);
  const got = await page.evaluate(() => ['attribution', 'hedge', 'statistic'].map((k) =>
    [...CSS.highlights.get(`claimlens-${k}`)].map((r) => r.toString())));
  assert.deepEqual(got, [['Officials said'], ['allegedly'], ['over 1,200 casualties', '🚀 per day']]);
});

test('ranges across inline elements; offsets past the end are clamped; detached nodes skipped', async () => {
  const b = await nodeIndex('b');
  // "The ministry " | "may" | " have " | "counted" | " 38,940 losses."
  await paint([
    { id: 0, kind: 'hedge', ranges: [{ startNode: b + 1, startOffset: 0, endNode: b + 3, endOffset: 7 }] },
    { id: 1, kind: 'statistic', ranges: [{ startNode: b + 4, startOffset: 1, endNode: b + 4, endOffset: 999 }] },
    { id: 2, kind: 'attribution', ranges: [{ startNode: 9999, startOffset: 0, endNode: 9999, endOffset: 3 }] },
  ]);
  assert.deepEqual(await page.evaluate(() => [window.painter.text(0), window.painter.text(1), window.painter.text(2)]),
    ['may have counted', '38,940 losses.', null]);
  assert.equal(await page.evaluate(() => CSS.highlights.get('claimlens-attribution')?.size ?? 0), 0);
});

test('hit-testing picks the smallest range under the point, and skips hidden kinds', async () => {
  const a = await nodeIndex('a');
  await paint([
    { id: 7, kind: 'attribution', node: a, needle: 'Officials said “over 1,200 casualties”' },
    { id: 8, kind: 'statistic', node: a, needle: '1,200' },
  ]);
  const hit = () => page.evaluate(() => {
    const r = document.createRange();
    const t = document.getElementById('a').firstChild;
    r.setStart(t, t.data.indexOf('1,200') + 2);
    r.setEnd(t, t.data.indexOf('1,200') + 3);
    const rect = r.getBoundingClientRect();
    return window.painter.hitTest(rect.left + rect.width / 2, rect.top + rect.height / 2);
  });
  assert.equal(await hit(), 8);
  await page.evaluate(() => window.painter.setKindVisible('statistic', false));
  assert.equal(await hit(), 7);
  assert.equal(await page.evaluate(() => CSS.highlights.get('claimlens-statistic')?.size ?? 0), 0);
  await page.evaluate(() => window.painter.setKindVisible('statistic', true));
  // Far from any highlight.
  assert.equal(await page.evaluate(() => window.painter.hitTest(5, 700)), null);
  // The same without highlightsFromPoint (Firefox): the rect-scan fallback.
  await page.evaluate(() => { CSS.highlights.highlightsFromPoint = undefined; });
  assert.equal(await hit(), 8);
  assert.equal(await page.evaluate(() => window.painter.hitTest(5, 700)), null);
  await page.evaluate(() => { delete CSS.highlights.highlightsFromPoint; });
  assert.equal(await page.evaluate(() => typeof CSS.highlights.highlightsFromPoint), 'function');
});

test('reveal scrolls the range into view and flashes it briefly', async () => {
  const far = await nodeIndex('far');
  await paint([{ id: 3, kind: 'statistic', node: far, needle: '21 countries' }]);
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.equal(await page.evaluate(() => window.painter.reveal(3)), true);
  await until(() => page.evaluate(() => {
    const r = [...CSS.highlights.get('claimlens-flash') ?? []][0]?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= innerHeight;
  }), { message: 'the flashed range to be in view' });
  assert.equal(await page.evaluate(() => [...CSS.highlights.get('claimlens-flash')][0].toString()), '21 countries');
  await until(() => page.evaluate(() => !CSS.highlights.has('claimlens-flash')), { timeout: 4000, message: 'the flash to end' });
});
