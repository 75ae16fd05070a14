// The reader's settings in Chromium: chosen on the settings page (options.html), they reach
// open tabs without a reload (style, side, kinds, a site set to never), survive a browser
// restart (the same profile launched again) and an extension update (the same extension folder
// with a newer version, launched on that profile); a never site gets no highlights, not even
// a look; the start modes (on click, on every page, always sites); the sidebar's "Never on
// this site".
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, EXTENSION } from './server.mjs';
import { launch, tempProfile, openSettings, runCommand, waitForSidebar, highlightCount, marks, until } from './browser.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

/** ClaimLens's host element on the page: {state, side}, or null without one. */
const host = (page) => page.evaluate(() => {
  const el = [...document.documentElement.children].find((e) => e.localName === 'div' && e.shadowRoot === null && e.dataset.state);
  return el ? { state: el.dataset.state, side: el.dataset.side } : null;
});

/** The CSS text of the stylesheets the content script adopted into the page. */
const adoptedCss = (page) => page.evaluate(() =>
  document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));

/** Which kinds have a registered ClaimLens highlight on the page. */
const registeredKinds = (page) => page.evaluate(() =>
  ['attribution', 'hedge', 'statistic'].filter((k) => CSS.highlights.has(`claimlens-${k}`)));

/** The settings page's form as plain data. */
const shown = (opt) => opt.evaluate(() => {
  const form = document.getElementById('settings');
  const value = (name) => [...form.elements[name]].find((i) => i.checked)?.value ?? null;
  return {
    start: value('start'), palette: value('palette'), marks: value('marks'), side: value('side'),
    kinds: Object.fromEntries([...form.elements.kind].map((i) => [i.value, i.checked])),
    never: [...document.querySelectorAll('#never-list button[data-site]')].map((b) => b.dataset.site),
    always: [...document.querySelectorAll('#always-list button[data-site]')].map((b) => b.dataset.site),
  };
});

/** Opens /article and waits for its highlights. */
async function article(browser, path = '/article') {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}${path}`);
  await until(async () => (await highlightCount(page)) > 0, { message: `highlights on ${path}` });
  return page;
}

/** Opens `path` and waits until the content script decided not to start (its `skipped` mark). */
async function declined(browser, path = '/article') {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}${path}`);
  await until(async () => (await marks(page)).skipped !== undefined, { message: `ClaimLens to decline ${path}` });
  return page;
}

test('settings reach open tabs at once, survive a restart and an update; a never site gets no highlights', async () => {
  const profile = tempProfile();
  // A copy of the extension, so that the test can update it (its version) between launches.
  const extension = path.join(profile.dir, '..', `${path.basename(profile.dir)}-extension`);
  cpSync(EXTENSION, extension, { recursive: true });
  let browser = await launch({ profile: profile.dir, extension });
  try {
    const page = await article(browser);
    assert.deepEqual(await registeredKinds(page), ['attribution', 'hedge', 'statistic']);
    assert.equal((await host(page)).side, 'right');

    const opt = await openSettings(browser);
    assert.deepEqual(await shown(opt), {
      start: 'articles', palette: 'default', marks: 'background', side: 'right',
      kinds: { attribution: true, hedge: true, statistic: true }, never: [], always: [],
    });
    await opt.check('input[name="palette"][value="contrast"]');
    await opt.check('input[name="marks"][value="underline"]');
    await opt.check('input[name="side"][value="left"]');
    await opt.uncheck('input[name="kind"][value="hedge"]');

    // The open tab follows without a reload: side, highlight style, kinds, the sidebar's palette.
    await until(async () => (await host(page))?.side === 'left', { message: 'the sidebar on the left' });
    await until(async () => {
      const css = await adoptedCss(page);
      return css.includes('rgb(17, 36, 184)') && css.includes('background-color: transparent');
    }, { message: 'the high-contrast underline style adopted by the page' });
    await until(async () => !(await registeredKinds(page)).includes('hedge'), { message: 'hedges hidden' });
    const frame = await waitForSidebar(page, browser.extensionId);
    await until(() => frame.evaluate(() => document.documentElement.classList.contains('palette-contrast') &&
      document.querySelector('button[data-filter="hedge"]')?.getAttribute('aria-pressed') === 'false'), { message: 'the sidebar\'s palette and hedge toggle' });

    // Never on this site: the open tab loses every trace of ClaimLens, a new tab gets nothing.
    await opt.fill('#never-input', `${server.base}/some/page`);
    await opt.click('button[data-add="never"]');
    await until(async () => (await shown(opt)).never.includes('127.0.0.1'), { message: 'the never list' });
    await until(async () => (await highlightCount(page)) === 0 && (await host(page)) === null, { message: 'ClaimLens gone from the open tab' });
    assert.equal(await adoptedCss(page), '', 'its style taken off the page too');
    const never = await declined(browser);
    assert.equal(await highlightCount(never), 0);
    assert.equal(await host(never), null);
    assert.equal(await adoptedCss(never), '', 'no trace: not even a stylesheet');
    assert.equal((await marks(never)).snapshot, undefined, 'not even a snapshot taken');

    // A browser restart with the same profile: everything is still chosen.
    await browser.close();
    browser = await launch({ profile: profile.dir, extension });
    const want = {
      start: 'articles', palette: 'contrast', marks: 'underline', side: 'left',
      kinds: { attribution: true, hedge: false, statistic: true }, never: ['127.0.0.1'], always: [],
    };
    let opt2 = await openSettings(browser);
    assert.deepEqual(await shown(opt2), want);
    const after = await declined(browser);
    assert.equal(await highlightCount(after), 0, 'still never on this site after the restart');

    // An extension update: the same extension folder with a newer version, same profile.
    await browser.close();
    const manifest = path.join(extension, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"version": "[^"]*"/, '"version": "99.0.0"'));
    browser = await launch({ profile: profile.dir, extension });
    opt2 = await openSettings(browser);
    assert.equal(await opt2.evaluate(() => chrome.runtime.getManifest().version), '99.0.0', 'updated');
    assert.deepEqual(await shown(opt2), want);

    // Off the never list: an open tab on that site starts by itself, in the chosen style.
    const tab = await declined(browser);
    await opt2.click('button[data-remove="never"][data-site="127.0.0.1"]');
    await until(async () => (await highlightCount(tab)) > 0, { message: 'ClaimLens started in the open tab' });
    assert.equal((await host(tab)).side, 'left');
    assert.deepEqual(await registeredKinds(tab), ['attribution', 'statistic']);
    assert.match(await adoptedCss(tab), /rgb\(17, 36, 184\)/);
  } finally {
    await browser.close();
    profile.remove();
    rmSync(extension, { recursive: true, force: true });
  }
});

test('start modes: only on click (the toolbar command starts it), every page, always sites', async () => {
  const browser = await launch();
  try {
    const opt = await openSettings(browser);
    await opt.check('input[name="start"][value="click"]');
    await until(async () => (await shown(opt)).start === 'click');
    const page = await declined(browser);
    assert.equal(await host(page), null);
    assert.equal((await marks(page)).measured, undefined, 'no look at the page either');
    await runCommand(browser, page, 'toggle-sidebar');
    await until(async () => (await highlightCount(page)) > 0, { message: 'started by the command' });

    // Always on this site, though starting is on click: it starts by itself.
    await opt.fill('#always-input', '127.0.0.1');
    await opt.press('#always-input', 'Enter');
    await until(async () => (await shown(opt)).always.includes('127.0.0.1'));
    await article(browser);

    // Every page: a page without an article gets ClaimLens too, and it stays in sight.
    await opt.click('button[data-remove="always"][data-site="127.0.0.1"]');
    await opt.check('input[name="start"][value="always"]');
    await until(async () => (await shown(opt)).start === 'always');
    const links = await browser.context.newPage();
    await links.goto(`${server.base}/no-article`);
    const frame = await waitForSidebar(links, browser.extensionId);
    assert.match(await frame.evaluate(() => document.getElementById('app').textContent), /No article found/);
    await until(async () => (await marks(links)).findings !== undefined, { message: 'the analysis painted' });
    assert.notEqual((await host(links)).state, 'hidden', 'not hidden away on every page');
  } finally {
    await browser.close();
  }
});

test('the sidebar\'s Settings opens the settings page; its "Never on this site" takes ClaimLens off the page and lists the site', async () => {
  const browser = await launch();
  try {
    const page = await article(browser);
    const frame = await waitForSidebar(page, browser.extensionId);
    const [settings] = await Promise.all([browser.context.waitForEvent('page'), frame.click('#open-settings')]);
    await settings.waitForLoadState();
    assert.equal(settings.url(), `chrome-extension://${browser.extensionId}/options.html`);
    await settings.close();
    await frame.click('#never-here');
    await until(async () => (await host(page)) === null && (await highlightCount(page)) === 0, { message: 'ClaimLens gone' });
    const opt = await openSettings(browser);
    assert.deepEqual((await shown(opt)).never, ['127.0.0.1']);
  } finally {
    await browser.close();
  }
});
