// No site can reach the sidebar (issue 10). sidebar.html is web-accessible only through the
// per-session dynamic URL (`use_dynamic_url`), which only the extension knows; and the sidebar
// accepts one init, from its parent, carrying the token of its own URL. Here:
//   1. a page frames the sidebar's static URL, and a guessed dynamic one, and gets nothing;
//   2. forged messages really delivered to the real sidebar — posted from the page's main world
//      into the iframe in ClaimLens's closed shadow root, reached through DevTools (as a test
//      can; the page cannot) — change nothing;
//   3. the token check itself: the sidebar opened on its own refuses an init with another token
//      and answers the one with its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION } from './server.mjs';
import { withServerAndBrowser, until, waitForSidebar, sidebarFrame } from './browser.mjs';

const env = withServerAndBrowser();

const cards = (frame) => frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => `${c.dataset.finding}:${c.dataset.kind}:${c.dataset.verdict}`));
const highlightSizes = (page) => page.evaluate(() =>
  ['attribution', 'hedge', 'statistic'].map((k) => CSS.highlights.get(`claimlens-${k}`)?.size ?? 0));

/** A snapshot message body a forger would send: one paragraph with findings. */
const FORGED_ROWS = {
  depth: [0, 1, 2], tag: ['body', 'p', ''], text: ['', '', 'Officials said 9,999 people were allegedly hurt. '.repeat(8)],
  id: ['', '', ''], class: ['', '', ''], role: ['', '', ''],
};

test('the manifest exposes sidebar.html only through the dynamic URL', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
  for (const entry of manifest.web_accessible_resources) {
    assert.equal(entry.use_dynamic_url, true, JSON.stringify(entry));
  }
});

test('a page that frames the sidebar itself — static URL or a guessed dynamic one — gets nothing', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/no-article`);
  const urls = [
    `chrome-extension://${env.browser.extensionId}/sidebar.html#forged`,
    `chrome-extension://${randomUUID()}/sidebar.html#forged`,
  ];
  // The page frames each URL, offers a port with an init carrying the hash's token, and asks
  // for an analysis; it also tries to read the file directly.
  const outcome = await page.evaluate(async (urls) => {
    const replies = [];
    await Promise.all(urls.map((src) => new Promise((resolve) => {
      const iframe = document.createElement('iframe');
      iframe.src = src;
      iframe.addEventListener('load', () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => replies.push(e.data);
        iframe.contentWindow.postMessage({ type: 'claimlens-init', token: 'forged' }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'page', url: '', title: '', published: '', from: 0, remove: 0, rows: { depth: [0], tag: ['body'], text: [''] }, done: true });
        resolve();
      }, { once: true });
      document.body.append(iframe);
    })));
    const fetched = await Promise.all(urls.map((u) => fetch(u).then(() => 'read', () => 'refused')));
    // Time for a (wrongly) loaded sidebar to answer.
    await new Promise((r) => setTimeout(r, 1_500));
    return { replies, fetched };
  }, urls);
  // Both frames hold Chromium's error page, not the sidebar.
  const framed = page.frames().filter((f) => f !== page.mainFrame());
  assert.equal(framed.length, 2);
  for (const f of framed) {
    assert.ok(!f.url().startsWith('chrome-extension://'), `framed ${f.url()}`);
    assert.equal(await f.evaluate(() => document.getElementById('app')).catch(() => null), null);
  }
  assert.deepEqual(outcome.fetched, ['refused', 'refused']);
  assert.deepEqual(outcome.replies, []);
  await page.close();
});

test('forged messages delivered to the real sidebar in its closed shadow root are refused', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.server.base}/article`);
  const frame = await waitForSidebar(page, env.browser.extensionId);
  await until(async () => (await cards(frame)).length >= 3, { message: 'cards' });
  await until(async () => (await highlightSizes(page)).every((n) => n > 0), { message: 'highlights' });
  const before = { cards: await cards(frame), sizes: await highlightSizes(page) };
  assert.equal(await page.evaluate(() => window.frames.length), 0, 'the page sees no frame');

  // DevTools finds the iframe behind the closed shadow root and resolves it in the page's own
  // main world: what runs there next is exactly what a page script with that reference could do.
  const cdp = await env.browser.context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (n) => (n.nodeName === 'IFRAME' && (n.attributes ?? []).join(' ').includes('sidebar.html') ? n
    : [...(n.children ?? []), ...(n.shadowRoots ?? []), n.contentDocument].filter(Boolean).map(find).find(Boolean));
  const iframe = find(root);
  assert.ok(iframe, 'the sidebar iframe in the DOM tree');
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: iframe.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    awaitPromise: true,
    returnByValue: true,
    functionDeclaration: `async function (rows) {
      const target = this.contentWindow;
      const replies = [];
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => replies.push(e.data);
      // A second init (guessed token) with a port of the page's own, then work over that port.
      target.postMessage({ type: 'claimlens-init', token: 'guessed-token' }, '*', [channel.port2]);
      channel.port1.postMessage({ type: 'page', url: 'x', title: 'x', published: '', from: 0, remove: 1e9, rows, done: true });
      channel.port1.postMessage({ type: 'focus', id: 0 });
      // The same messages straight to the window, and forged findings to the page.
      target.postMessage({ type: 'page', url: 'x', title: 'x', published: '', from: 0, remove: 1e9, rows, done: true }, '*');
      window.postMessage({ type: 'findings', isArticle: true, count: 1, findings: [{ id: 0, kind: 'hedge', verdict: 'corroborated', ranges: [] }], done: true }, '*');
      await new Promise((r) => setTimeout(r, 1000));
      return { posted: true, replies };
    }`,
    arguments: [{ value: FORGED_ROWS }],
  });
  await cdp.detach();
  assert.equal(result.value.posted, true);
  assert.deepEqual(result.value.replies, [], 'the forged port got no answer');
  assert.deepEqual(await cards(frame), before.cards);
  assert.deepEqual(await highlightSizes(page), before.sizes);
  assert.equal(sidebarFrame(page, env.browser.extensionId), frame);
  await page.close();
});

test('the sidebar answers only the init that carries its own token', async () => {
  const token = randomUUID().replaceAll('-', '');
  const page = await env.browser.context.newPage();
  // Opened on its own (top level) the sidebar is its own parent, so both inits pass the
  // source check and only the token tells them apart.
  await page.goto(`chrome-extension://${env.browser.extensionId}/sidebar.html#${token}`);
  const answer = (tok) => page.evaluate(async ({ tok, rows }) => {
    const channel = new MessageChannel();
    const replies = [];
    channel.port1.onmessage = (e) => replies.push(e.data.type);
    window.postMessage({ type: 'claimlens-init', token: tok }, '*', [channel.port2]);
    channel.port1.postMessage({ type: 'page', url: 'u', title: 't', published: '', from: 0, remove: 0, rows, done: true });
    const deadline = Date.now() + 5_000;
    while (!replies.includes('findings') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return replies;
  }, { tok, rows: FORGED_ROWS });
  assert.deepEqual(await answer('not-the-token'), []);
  assert.ok((await answer(token)).includes('findings'), 'the right token is answered');
  await page.close();
});
