// Hostile pages (issue 5): markup-like text in a claim, <iframe>s, open and closed shadow roots,
// contenteditable regions, SVG <text>, right-to-left text, a page flooding postMessage. Each must
// end calmly: the sidebar shows cards for the article, no error from extension code, no dialog,
// the page's DOM untouched (no mutation under <body> after DOMContentLoaded), and the awkward
// part neither crashes the extension nor gets mangled. Routes: /hostile/… in env.server.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION, HOSTILE_MARKUP } from './server.mjs';
import { withServerAndBrowser, until, waitForSidebar, watch, sidebarFrame } from './browser.mjs';

const KINDS = ['attribution', 'hedge', 'statistic'];
const squash = (s) => s.replace(/\s+/g, '');

const env = withServerAndBrowser();

/**
 * Opens /hostile/`kind` and waits for the sidebar's cards. Records errors from extension code
 * (watch), every console error and page error, every dialog, and (from DOMContentLoaded) every
 * mutation of <body> — attributes included — plus <body>'s HTML at that moment.
 */
async function open(kind) {
  const page = await env.browser.context.newPage();
  const watcher = await watch(env.browser.context, page);
  const errors = [];
  const dialogs = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__bodyBefore = document.body.innerHTML;
      window.__mutations = 0;
      new MutationObserver((list) => { window.__mutations += list.length; })
        .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    }, { once: true });
  });
  await page.goto(`${env.server.base}/hostile/${kind}`);
  const frame = await waitForSidebar(page, env.browser.extensionId);
  await until(() => frame.evaluate(() => document.querySelectorAll('.card').length >= 3), { message: 'cards for the article' });
  await until(async () => (await highlights(page)).length >= 3, { message: 'highlights on the page' });
  return { page, frame, watcher, errors, dialogs };
}

/** Every ClaimLens highlight range as {kind, text, id of the closest element with an id}. */
const highlights = (page) => page.evaluate((kinds) => kinds.flatMap((kind) =>
  [...(CSS.highlights.get(`claimlens-${kind}`) ?? [])].map((r) => ({
    kind, text: r.toString(), in: r.startContainer.parentElement?.closest('[id]')?.id ?? null,
  }))), KINDS);

/** Ranges that touch any node of the element `#id` (its subtree included). */
const rangesInside = (page, id) => page.evaluate(({ id, kinds }) => {
  const el = document.getElementById(id);
  return kinds.flatMap((k) => [...(CSS.highlights.get(`claimlens-${k}`) ?? [])])
    .filter((r) => r.intersectsNode(el)).map((r) => r.toString());
}, { id, kinds: KINDS });

/** Sidebar cards as plain data. */
const cards = (frame) => frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => ({
  id: c.dataset.finding, kind: c.dataset.kind, passage: c.querySelector('.passage')?.textContent ?? '', text: c.textContent,
  parts: [...c.querySelectorAll('.part-text')].map((p) => p.textContent),
})));

/** The calm outcome every hostile page must end with. */
async function assertCalm({ page, watcher, errors, dialogs }, { mutations = true } = {}) {
  if (mutations) {
    assert.equal(await page.evaluate(() => window.__mutations), 0, 'mutations under <body>');
    assert.equal(await page.evaluate(() => document.body.innerHTML === window.__bodyBefore), true, '<body> HTML unchanged');
  }
  assert.deepEqual(watcher.errors, [], 'errors from extension code');
  assert.deepEqual(watcher.requests, [], 'requests leaving the machine');
  assert.deepEqual(errors, [], 'console errors');
  assert.deepEqual(dialogs, [], 'dialogs');
  await watcher.detach();
}

test('markup-like text in a claim is shown as text in the sidebar, never interpreted', async () => {
  const opened = await open('markup');
  const { page, frame } = opened;
  // The page shows the markup as text; its claim's source and cue are highlighted as text.
  const hl = await highlights(page);
  assert.ok(hl.some((h) => h.in === 'markup'), JSON.stringify(hl));
  assert.ok(await page.evaluate((m) => document.body.textContent.includes(m), HOSTILE_MARKUP));
  // The card shows the same characters, literally.
  const list = await cards(frame);
  const card = list.find((c) => c.passage.includes(HOSTILE_MARKUP));
  assert.ok(card, `a card quoting ${HOSTILE_MARKUP}: ${JSON.stringify(list.map((c) => c.passage))}`);
  assert.ok(list.some((c) => c.passage.includes('<script>alert(2)</script>')), 'a card quoting the <script> text');
  // Nothing was parsed as markup in the sidebar: no <img> anywhere, no <script> in the app.
  assert.equal(await frame.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.equal(await frame.evaluate(() => document.querySelectorAll('#app script, #app [onerror]').length), 0);
  assert.equal(await page.evaluate(() => document.querySelectorAll('body img').length), 0);
  await assertCalm(opened);
  await page.close();
});

test('<iframe>: the content script runs in the top frame only (one sidebar), the child is left alone', async () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
  for (const cs of manifest.content_scripts) assert.notEqual(cs.all_frames, true, 'content scripts must not run in every frame');
  const opened = await open('iframe');
  const { page } = opened;
  const child = page.frames().find((f) => f.url().endsWith('/hostile/iframe-child'));
  assert.ok(child, 'the child frame loaded');
  const sidebars = page.frames().filter((f) => f.url().startsWith(`chrome-extension://${env.browser.extensionId}/sidebar.html`));
  assert.equal(sidebars.length, 1, 'exactly one sidebar');
  assert.equal(sidebars[0].parentFrame(), page.mainFrame(), 'the sidebar hangs off the top frame');
  // No host element, no highlights, no performance marks of ours in the child.
  assert.deepEqual(await child.evaluate(() => ({
    host: [...document.documentElement.children].some((e) => e.localName === 'div'),
    highlights: CSS.highlights.size,
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('claimlens:')).length,
    text: document.body.textContent.trim().length > 500,
  })), { host: false, highlights: 0, marks: 0, text: true });
  await assertCalm(opened);
  await page.close();
});

test('open and closed shadow roots: no crash, shadow content untouched and still rendered', async () => {
  const opened = await open('shadow');
  const { page } = opened;
  const state = await page.evaluate(() => ({
    open: document.getElementById('open-host').shadowRoot?.innerHTML ?? null,
    closed: document.getElementById('closed-host').shadowRoot, // closed: not reachable
    heights: ['open-host', 'closed-host'].map((id) => document.getElementById(id).getBoundingClientRect().height),
  }));
  assert.equal(state.open, '<p>Officials said at least 5,150 people were moved, allegedly.</p>');
  assert.equal(state.closed, null);
  assert.ok(state.heights.every((h) => h > 0), `shadow content rendered: ${state.heights}`);
  // Every range lies in the light DOM (the walk does not enter shadow roots; see BENCHMARKS/issue 5).
  const inShadow = await page.evaluate((kinds) => kinds.flatMap((k) => [...(CSS.highlights.get(`claimlens-${k}`) ?? [])])
    .filter((r) => r.startContainer.getRootNode() !== document || r.endContainer.getRootNode() !== document).length, KINDS);
  assert.equal(inShadow, 0);
  await assertCalm(opened);
  await page.close();
});

test('contenteditable regions are left alone: no highlights inside, DOM untouched, typing works', async () => {
  const opened = await open('editable');
  const { page } = opened;
  const before = await page.evaluate(() => ['editable', 'plain-editable'].map((id) => document.getElementById(id).innerHTML));
  assert.deepEqual(await rangesInside(page, 'editable'), []);
  assert.deepEqual(await rangesInside(page, 'plain-editable'), []);
  await assertCalm({ ...opened, watcher: { ...opened.watcher, detach: () => {} } });

  // The reader types into the editable region: the text arrives and the caret stays theirs.
  await page.click('#editable p:last-child');
  await page.keyboard.press('End');
  await page.keyboard.type(' Typed: officials said 1,234 more.');
  assert.match(await page.evaluate(() => document.getElementById('editable').textContent), /Typed: officials said 1,234 more\.$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'editable');
  assert.deepEqual(await page.evaluate(() => document.getElementById('plain-editable').innerHTML), before[1]);

  // After a later change elsewhere is analysed (so the typing was seen too), the editable
  // region still has no highlight, and the typed text is still there, unchanged.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'later';
    p.textContent = 'The agency reported 4,444 new shelters, allegedly all full.';
    document.querySelector('article').append(p);
  });
  await until(async () => (await rangesInside(page, 'later')).length > 0, { message: 'the later paragraph highlighted' });
  assert.deepEqual(await rangesInside(page, 'editable'), []);
  assert.match(await page.evaluate(() => document.getElementById('editable').textContent), /Typed: officials said 1,234 more\.$/);
  assert.deepEqual(opened.watcher.errors, []);
  assert.deepEqual(opened.errors, []);
  await opened.watcher.detach();
  await page.close();
});

test('SVG <text>: no crash, no highlight inside the SVG, SVG untouched', async () => {
  const opened = await open('svg');
  const { page } = opened;
  assert.deepEqual(await rangesInside(page, 'chart'), []);
  assert.match(await page.evaluate(() => document.getElementById('chart').textContent), /^Officials said at least 2,468 people were evacuated, allegedly\.قال المسؤولون إن 1,357 شخصا$/);
  await assertCalm(opened);
  await page.close();
});

test('right-to-left text: highlights cover exactly the figures, the sidebar quotes them unmangled', async () => {
  const opened = await open('rtl');
  const { page, frame } = opened;
  const hl = (await highlights(page)).filter((h) => ['ar', 'he', 'mixed'].includes(h.in));
  const stats = hl.filter((h) => h.kind === 'statistic');
  // Each figure starts a statistic range exactly (a UTF-8/UTF-16 offset slip would shift it).
  for (const [where, figure] of [['ar', '1,200'], ['ar', '38,940'], ['he', '4,500'], ['he', '62%'], ['mixed', '2,750'], ['mixed', '3,120']]) {
    assert.ok(stats.some((h) => h.in === where && h.text.startsWith(figure)), `${figure} in #${where}: ${JSON.stringify(stats)}`);
  }
  // Ranges end on whole words: no range starts or ends inside an Arabic/Hebrew word.
  const text = await page.evaluate(() => Object.fromEntries(['ar', 'he', 'mixed'].map((id) => [id, document.getElementById(id).textContent])));
  for (const h of hl) {
    const at = text[h.in].indexOf(h.text);
    assert.ok(at >= 0, `${h.text} is a substring of #${h.in}`);
    const before = text[h.in][at - 1] ?? ' ';
    const after = text[h.in][at + h.text.length] ?? ' ';
    assert.ok(!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after), `"${h.text}" cut inside a word in #${h.in}`);
  }
  // The attribution marks its source and cue; its card quotes the whole claim, RTL words intact.
  const mixed = hl.filter((h) => h.in === 'mixed' && h.kind === 'attribution').map((h) => h.text);
  assert.deepEqual(mixed, ['Officials', 'said'], JSON.stringify(mixed));
  assert.ok(hl.some((h) => h.in === 'mixed' && h.kind === 'hedge' && h.text === 'allegedly'));
  const list = await cards(frame);
  assert.ok(list.some((c) => c.passage.startsWith('Officials said') && c.passage.includes('«مدينة الشمس»')),
    JSON.stringify(list.map((c) => c.passage)));
  // The sidebar lists the same characters as the page marks.
  const parts = list.flatMap((c) => c.parts.map(squash));
  for (const h of hl) assert.ok(parts.includes(squash(h.text)), `a card listing "${h.text}"`);
  await assertCalm(opened);
  await page.close();
});

test('a page flooding postMessage cannot inject or read findings, and the page stays calm', async () => {
  const opened = await open('postmessage');
  const { page, frame } = opened;
  const first = { hl: await highlights(page), cards: await cards(frame) };
  const posted = await page.evaluate(() => window.__posted);
  // Let the flood run on (several hundred more rounds), then nothing of ours has moved.
  await until(() => page.evaluate((n) => window.__posted > n + 300, posted), { message: 'the flood to continue' });
  assert.deepEqual(await highlights(page), first.hl);
  assert.deepEqual(await cards(frame), first.cards);
  assert.ok(!first.cards.some((c) => c.passage === '' && c.kind === 'hedge'), 'no forged card');
  assert.equal(sidebarFrame(page, env.browser.extensionId), frame);
  assert.notEqual(await page.evaluate(() => [...document.documentElement.children].find((e) => e.localName === 'div')?.dataset.state), 'hidden');
  await assertCalm(opened);
  await page.close();
});
