// The Firefox package in headless firefox-esr on the sample article (plain, and under a CSP that
// forbids everything): highlights of all three kinds, the sidebar's cards, a click on a highlight
// focuses its card, a click on a card (and Enter on a focused card) scrolls to its highlight and
// flashes it, and not one page node changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../e2e/server.mjs';
import { launch, sidebarFrame, until } from './firefox.mjs';

const KINDS = ['attribution', 'hedge', 'statistic'];
const VERDICTS = ['corroborated', 'number-differs', 'certainty-differs', 'source-differs', 'not-in-corpus', 'not-compared'];
const squash = (s) => s.replace(/\s+/g, '');

let server;
let firefox;
before(async () => {
  server = await startServer();
  firefox = await launch();
});
after(async () => {
  await firefox?.close();
  await server?.close();
});

/** Sizes of the three ClaimLens highlights, read from the page's main world. */
const highlightSizes = (page) => page.evaluate((kinds) => kinds.map((k) => CSS.highlights.get(`claimlens-${k}`)?.size ?? 0), KINDS);

/** Cards as plain data: the finding whose verdict it shows (`id`), every finding of its claim
 *  (`ids`), and the parts it lists (the words each finding marks on the page). */
const cards = (frame) => frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => ({
  id: c.dataset.finding, ids: (c.dataset.findings ?? '').split(' '), kind: c.dataset.kind,
  verdict: c.dataset.verdict, current: c.getAttribute('aria-current'),
  passage: c.querySelector('.passage')?.textContent ?? '', shown: c.checkVisibility(),
  parts: [...c.querySelectorAll('.part')].map((p) => ({ id: p.dataset.finding, kind: p.dataset.kind, text: p.querySelector('.part-text')?.textContent ?? '' })),
})));

/** ClaimLens's host element's state (expanded | collapsed | hidden), or null without one. */
const hostState = (page) => page.evaluate(() =>
  [...document.documentElement.children].find((e) => e.localName === 'div')?.dataset.state ?? null);

/** The flashed highlight's text while it is inside the viewport, else null. */
const flashedInView = (page) => page.evaluate(() => {
  const r = [...(CSS.highlights.get('claimlens-flash') ?? [])][0];
  const rect = r?.getBoundingClientRect();
  return rect && rect.top >= 0 && rect.bottom <= innerHeight ? r.toString() : null;
});

for (const path of ['/article', '/article-strict']) {
  test(`Firefox ${path}: highlights, cards, click ↔ card, Enter on a card; page DOM untouched`, async () => {
    const page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        window.__bodyBefore = document.body.innerHTML;
        window.__mutations = 0;
        new MutationObserver((list) => { window.__mutations += list.length; })
          .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    await page.goto(`${server.base}${path}`);

    // Highlights of every kind, registered by the content script in the page's own registry.
    await until(async () => (await highlightSizes(page)).every((n) => n >= 1), { message: 'three highlights' });

    // The sidebar (the extension's page inside the closed shadow root) shows one card per claim.
    const frame = await until(() => sidebarFrame(page), { message: 'the sidebar frame' });
    await until(() => frame.evaluate(() => !!document.querySelector('#app .summary-line')), { message: 'the sidebar summary' });
    const list = await cards(frame);
    assert.ok(list.length >= 3, `cards: ${list.length}`);
    for (const c of list) {
      assert.match(c.id, /^\d+$/);
      assert.ok(KINDS.includes(c.kind), c.kind);
      assert.ok(VERDICTS.includes(c.verdict), c.verdict);
      assert.ok(c.passage.length > 0);
    }
    for (const kind of KINDS) assert.ok(list.some((c) => c.parts.some((p) => p.kind === kind)), `a ${kind} part`);
    const ids = list.flatMap((c) => c.ids);
    assert.equal(new Set(ids).size, ids.length, 'each finding on one card');
    assert.match(await frame.evaluate(() => document.querySelector('.summary-line').textContent), new RegExp(`^${ids.length} findings? · `));
    // The sidebar read the corpus file shipped in the package (not its built-in fallback).
    assert.match(await frame.evaluate(() => document.getElementById('corpus').textContent), /^Reference corpus: .*\.$/);
    assert.doesNotMatch(await frame.evaluate(() => document.getElementById('corpus').textContent), /could not be read/);
    // As in Chromium: beside a styled text column it opens expanded; under the strict CSP the
    // page's <style> is blocked, the text runs full width and it opens collapsed.
    assert.equal(await hostState(page), path === '/article' ? 'expanded' : 'collapsed');

    // A click on the middle of a statistic highlight focuses the card of the smallest highlighted
    // range under the pointer (and expands the sidebar).
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
    assert.equal((await cards(frame)).filter((c) => c.current).length, 1);
    await until(async () => (await hostState(page)) === 'expanded', { message: 'the sidebar to expand' });

    // A real pointer click (BiDi input actions) on the last card, inside the extension's frame:
    // the page scrolls down to its highlight and flashes it.
    await page.setViewport({ width: 1280, height: 420 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const shown = (await cards(frame)).filter((c) => c.shown);
    const last = shown.at(-1);
    const words = (c) => c.parts.filter((p) => p.id === c.id).map((p) => squash(p.text));
    await (await frame.$(`.card[data-finding="${last.id}"] .card-main`)).click();
    const flashed = await until(() => flashedInView(page), { message: 'the clicked card\'s highlight flashed in view' });
    assert.ok(words(last).includes(squash(flashed)), `${flashed} in ${words(last)}`);
    assert.ok(await page.evaluate(() => scrollY > 0), 'the page scrolled down to the last finding');

    // Keyboard: Enter on the focused first card scrolls back up to its highlight and flashes it.
    const first = shown[0];
    assert.notEqual(first.id, last.id);
    const bottom = await page.evaluate(() => { window.scrollTo(0, document.documentElement.scrollHeight); return scrollY; });
    await frame.focus(`.card[data-finding="${first.id}"] .card-main`);
    await page.keyboard.press('Enter');
    const flashedFirst = await until(async () => {
      const text = await flashedInView(page);
      return text && words(first).includes(squash(text)) ? text : null;
    }, { message: 'the first card\'s highlight flashed in view after Enter' });
    assert.ok(flashedFirst.length > 0);
    assert.ok(await page.evaluate((b) => scrollY < b, bottom), 'the page scrolled up to the first finding');

    // Not one page node changed.
    assert.equal(await page.evaluate(() => window.__mutations), 0);
    assert.equal(await page.evaluate(() => document.body.innerHTML === window.__bodyBefore), true);
    await page.close();
  });
}

test('Firefox /dynamic/replace: a page script swaps the article; new cards and highlights, no stale ones', async () => {
  // The content script's MutationObserver sees the page's own changes (through Firefox's Xray
  // wrappers) and the sidebar re-renders; nothing of the first article may remain.
  const page = await firefox.browser.newPage();
  await page.goto(`${server.base}/dynamic/replace`);
  const highlighted = () => page.evaluate((kinds) => kinds
    .flatMap((k) => [...(CSS.highlights.get(`claimlens-${k}`) ?? [])].map((r) => r.toString())), KINDS);
  await until(async () => (await highlighted()).some((t) => /1,[0-5]\d\d/.test(t)), { message: 'highlights in the new article' });
  const frame = await until(() => sidebarFrame(page), { message: 'the sidebar frame' });
  const article = await page.evaluate(() => document.querySelector('article').textContent);
  await until(async () => {
    const list = await cards(frame);
    // A card quotes its claim, cut with " …" when long.
    return list.length > 0 && list.every((c) => squash(article).includes(squash(c.passage.replace(/ …$/, '')))) &&
      list.some((c) => /1,[0-5]\d\d/.test(c.passage));
  }, { message: 'cards of the new article only' });
  for (const t of await highlighted()) assert.ok(article.includes(t), `stale highlight: ${t}`);
  await page.close();
});
