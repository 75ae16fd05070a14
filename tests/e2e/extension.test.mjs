// The built extension in headless Chromium on local news pages: highlights, sidebar cards,
// click ↔ card, reveal, untouched page DOM, strict CSP, forged messages, no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION } from './server.mjs';
import { withServerAndBrowser, launch, until, waitForSidebar, marks } from './browser.mjs';

const KINDS = ['attribution', 'hedge', 'statistic'];
const VERDICTS = ['corroborated', 'number-differs', 'certainty-differs', 'source-differs', 'not-in-corpus', 'not-compared'];
const squash = (s) => s.replace(/\s+/g, '');

const env = withServerAndBrowser();

/** Opens `path`, recording console errors and every mutation of the page's <body>. */
async function open(path, viewport = { width: 1280, height: 800 }) {
  const page = await env.browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__bodyBefore = document.body.innerHTML;
      window.__mutations = 0;
      new MutationObserver((list) => { window.__mutations += list.length; })
        .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
  await page.goto(`${env.server.base}${path}`);
  const frame = await waitForSidebar(page, env.browser.extensionId);
  return { page, frame, errors };
}

/** Cards as plain data: the finding whose verdict it shows (`id`), every finding of its claim
 *  (`ids`), and the parts it lists (the words each finding marks on the page). */
const cards = (frame) => frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => ({
  id: c.dataset.finding, ids: (c.dataset.findings ?? '').split(' '), kind: c.dataset.kind,
  verdict: c.dataset.verdict, current: c.getAttribute('aria-current'),
  passage: c.querySelector('.passage')?.textContent ?? '', hidden: c.hidden,
  shown: c.checkVisibility(),
  parts: [...c.querySelectorAll('.part')].map((p) => ({ id: p.dataset.finding, kind: p.dataset.kind, text: p.querySelector('.part-text')?.textContent ?? '' })),
})));

/** Sizes of the three ClaimLens highlights, read from the page's main world. */
const highlightSizes = (page) => page.evaluate((kinds) => kinds.map((k) => CSS.highlights.get(`claimlens-${k}`)?.size ?? 0), KINDS);

/** ClaimLens's host element's state (expanded | collapsed | hidden), or null without one. */
const hostState = (page) => page.evaluate(() =>
  [...document.documentElement.children].find((e) => e.localName === 'div')?.dataset.state ?? null);

for (const path of ['/article', '/article-strict']) {
  test(`${path}: highlights, cards, click ↔ card, reveal; page DOM untouched`, async () => {
    const { page, frame, errors } = await open(path);

    // Highlights of every kind; one card per claim, each finding on exactly one card, with the
    // shared vocabulary; every kind among the parts the cards list.
    await until(async () => (await highlightSizes(page)).every((n) => n >= 1), { message: 'three highlights' });
    const list = await cards(frame);
    assert.ok(list.length >= 3, `cards: ${list.length}`);
    for (const c of list) {
      assert.match(c.id, /^\d+$/);
      assert.ok(c.ids.includes(c.id), `${c.id} in ${c.ids}`);
      assert.ok(KINDS.includes(c.kind), c.kind);
      assert.ok(VERDICTS.includes(c.verdict), c.verdict);
      assert.ok(c.passage.length > 0);
    }
    const ids = list.flatMap((c) => c.ids);
    assert.equal(new Set(ids).size, ids.length, 'each finding on one card');
    assert.ok(list.length < ids.length, 'findings of one claim share a card');
    for (const kind of KINDS) assert.ok(list.some((c) => c.parts.some((p) => p.kind === kind)), `a ${kind} part`);
    assert.match(await frame.locator('.summary-line').textContent(), new RegExp(`^${ids.length} findings? · `));

    // With its styles the text column leaves room on the right at 1280px: the sidebar opens
    // expanded. Under the strict CSP the page's <style> is blocked, the text runs full width,
    // and the sidebar opens collapsed so as not to cover it.
    assert.equal(await hostState(page), path === '/article' ? 'expanded' : 'collapsed');

    // Click the middle of a statistic highlight: the smallest highlighted range there is focused.
    const target = await page.evaluate(() => {
      const range = [...CSS.highlights.get('claimlens-statistic')][0];
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      const x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
      const under = [];
      for (const name of ['claimlens-attribution', 'claimlens-hedge', 'claimlens-statistic']) {
        for (const r of CSS.highlights.get(name)) {
          if ([...r.getClientRects()].some((q) => x >= q.left && x <= q.right && y >= q.top && y <= q.bottom)) under.push(r.toString());
        }
      }
      under.sort((a, b) => a.length - b.length);
      return { x, y, expected: under[0] };
    });
    await page.mouse.click(target.x, target.y);
    const current = await until(async () => (await cards(frame)).find((c) => c.current === 'true'), { message: 'aria-current on a card' });
    assert.ok(current.parts.some((p) => squash(p.text) === squash(target.expected)), `${target.expected} in ${JSON.stringify(current.parts)}`);
    assert.ok(current.shown, 'the focused card is shown');
    assert.equal((await cards(frame)).filter((c) => c.current).length, 1);
    assert.equal(await hostState(page), 'expanded');

    // Clicking a card scrolls its highlight into view and flashes it.
    await page.setViewportSize({ width: 1280, height: 420 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const last = (await cards(frame)).filter((c) => c.shown).at(-1);
    await frame.locator(`.card[data-finding="${last.id}"] .card-main`).click();
    const flashed = await until(() => page.evaluate(() => {
      const r = [...(CSS.highlights.get('claimlens-flash') ?? [])][0];
      const rect = r?.getBoundingClientRect();
      return rect && rect.top >= 0 && rect.bottom <= innerHeight ? r.toString() : null;
    }), { message: 'the flashed highlight in view' });
    const revealed = last.parts.filter((p) => p.id === last.id).map((p) => squash(p.text));
    assert.ok(revealed.includes(squash(flashed)), `${flashed} in ${revealed}`);

    // Not one page node changed.
    assert.equal(await page.evaluate(() => window.__mutations), 0);
    assert.equal(await page.evaluate(() => document.body.innerHTML === window.__bodyBefore), true);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the worker paints the first highlights before the sidebar starts; the final findings replace them', async () => {
  const page = await env.browser.context.newPage();
  // When ClaimLens's host element (the sidebar's frame) comes onto the page.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const host = [...(document.documentElement?.children ?? [])].find((e) => e.localName === 'div');
      if (host && window.__hostAt === undefined) window.__hostAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  // A warm worker, as on every page after the first (its core starts with the worker).
  await page.goto(`${env.server.base}/article`);
  await until(async () => (await marks(page)).findings !== undefined, { message: 'final findings' });
  await page.goto(`${env.server.base}/article`);
  await waitForSidebar(page, env.browser.extensionId);
  const m = await until(async () => {
    const got = await marks(page);
    return got.findings !== undefined ? got : null;
  }, { message: 'final findings' });
  const hostAt = await page.evaluate(() => window.__hostAt);
  assert.ok(m.read !== undefined, `the worker's highlights were not painted first: ${JSON.stringify(m)}`);
  assert.ok(m.painted >= m.read, 'first highlights painted after the worker answered');
  // The frame comes after the worker's highlights, or (a worker slower than that, on a loaded
  // machine) after the content script's 100 ms wait from the end of its walk.
  assert.ok(hostAt >= m.read || hostAt >= m.snapshot + 100,
    `the sidebar's frame came at ${hostAt} ms, before the worker's answer at ${m.read} ms`);
  assert.ok((await highlightSizes(page)).every((n) => n >= 1), 'every kind highlighted after the final findings');
  await page.close();
});

test('a page script cannot forge findings or talk to the sidebar', async () => {
  const { page, frame, errors } = await open('/article');
  await until(async () => (await highlightSizes(page)).every((n) => n >= 1), { message: 'highlights' });
  const before = { sizes: await highlightSizes(page), cards: await cards(frame) };
  await page.evaluate(() => {
    const fake = { type: 'findings', isArticle: true, count: 1, findings: [{ id: 0, kind: 'hedge', verdict: 'corroborated', ranges: [] }] };
    window.postMessage(fake, '*');
    for (let i = 0; i < window.frames.length; i++) {
      window.frames[i].postMessage({ type: 'claimlens-init', token: 'guess' }, '*');
      window.frames[i].postMessage({ type: 'page', snapshot: { root: { tag: 'body', children: ['x'] } } }, '*');
      window.frames[i].postMessage(fake, '*');
    }
    document.dispatchEvent(new MessageEvent('message', { data: fake }));
  });
  // Give any (wrongly) accepted message time to arrive, then compare.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.deepEqual(await highlightSizes(page), before.sizes);
  assert.deepEqual(await cards(frame), before.cards);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a narrow window opens the sidebar collapsed; a highlight click expands it', async () => {
  const { page, frame } = await open('/article', { width: 900, height: 800 });
  assert.equal(await hostState(page), 'collapsed');
  await until(async () => (await highlightSizes(page))[2] >= 1, { message: 'statistic highlight' });
  const pt = await page.evaluate(() => {
    const r = [...CSS.highlights.get('claimlens-statistic')][0];
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const q = r.getClientRects()[0];
    return { x: q.left + q.width / 2, y: q.top + q.height / 2 };
  });
  await page.mouse.click(pt.x, pt.y);
  await until(async () => (await hostState(page)) === 'expanded', { message: 'the sidebar to expand' });
  // Its collapse button collapses it again.
  await frame.locator('#collapse').click();
  await until(async () => (await hostState(page)) === 'collapsed', { message: 'the sidebar to collapse' });
  await page.close();
});

test('kind filters hide that kind\'s cards and highlights', async () => {
  const { page, frame } = await open('/article');
  await until(async () => (await highlightSizes(page)).every((n) => n >= 1), { message: 'highlights' });
  await frame.locator('button[data-filter="hedge"]').click();
  await until(async () => (await highlightSizes(page))[1] === 0, { message: 'hedge highlights to go' });
  assert.ok((await cards(frame)).filter((c) => c.kind === 'hedge').every((c) => !c.shown));
  await frame.locator('button[data-filter="hedge"]').click();
  await until(async () => (await highlightSizes(page))[1] >= 1, { message: 'hedge highlights to return' });
  await page.close();
});

test('without a readable corpus file the sidebar still shows its cards, uncompared, and says why', async () => {
  // A copy of the extension without corpus.bin: the sidebar starts from that file only.
  const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-nocorpus-'));
  cpSync(EXTENSION, dir, { recursive: true });
  rmSync(path.join(dir, 'corpus.bin'));
  const browser = await launch({ extension: dir });
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && !/ERR_FILE_NOT_FOUND|Failed to load resource/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${env.server.base}/article`);
    const frame = await waitForSidebar(page, browser.extensionId);
    await until(async () => (await cards(frame)).length >= 3, { message: 'cards' });
    assert.ok((await cards(frame)).every((c) => c.verdict === 'not-compared'));
    assert.match(await frame.locator('#corpus').textContent(), /could not be read/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
