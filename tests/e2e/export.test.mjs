// Export from the sidebar in Chromium: "Save as JSON" downloads the findings in the schema of
// `claimlens analyze --json` — the same findings and story the CLI gives for the same page and
// corpus — with the page's url and title; "Copy as Markdown" puts the findings on the clipboard
// as Markdown: the page's title and address, then one item per card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withServerAndBrowser, waitForSidebar, until } from './browser.mjs';
import { ROOT, EXTENSION } from './server.mjs';

const env = withServerAndBrowser();
const CLI = path.join(ROOT, 'target', 'release', 'claimlens');

test('"Save as JSON" is the CLI\'s --json for the same page and corpus, with the page\'s url and title', async () => {
  const { browser, server } = env;
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId);
  await until(() => frame.evaluate(() => !document.getElementById('save-json').disabled), { message: 'export ready' });
  const [download] = await Promise.all([page.waitForEvent('download'), frame.click('#save-json')]);
  assert.match(download.suggestedFilename(), /^claimlens-127\.0\.0\.1-\d{4}-\d\d-\d\d\.json$/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.url, `${server.base}/article`);
  assert.equal(saved.title, await page.title());
  assert.deepEqual(Object.keys(saved), ['url', 'title', 'findings', 'story']);

  // The CLI on the same HTML, with the same corpus file.
  const dir = mkdtempSync(path.join(tmpdir(), 'claimlens-export-'));
  try {
    const html = path.join(dir, 'article.html');
    writeFileSync(html, await (await fetch(`${server.base}/article`)).text());
    const cli = JSON.parse(execFileSync(CLI, ['analyze', html, '--json', '--corpus', path.join(EXTENSION, 'corpus.bin')], { encoding: 'utf8' }));
    assert.ok(cli.findings.length > 5, `${cli.findings.length} findings`);
    assert.deepEqual(saved.findings, cli.findings);
    assert.deepEqual(saved.story, cli.story);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match(await frame.evaluate(() => document.getElementById('tool-status').textContent), /^Saved claimlens-127\.0\.0\.1-.*\.json\.$/);
  await page.close();
});

test('"Copy as Markdown" puts the findings on the clipboard: title, address, one item per card', async () => {
  const { browser, server } = env;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId);
  await until(() => frame.evaluate(() => !document.getElementById('copy-markdown').disabled), { message: 'export ready' });
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await frame.click('#copy-markdown');
  await until(() => frame.evaluate(() => document.getElementById('tool-status').textContent === 'Copied the findings as Markdown.'), { message: 'copied' });
  await page.bringToFront();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  const title = await page.title();
  assert.ok(markdown.startsWith(`# ${title.replace(/[\\`*_[\]<>#|~]/g, '\\$&')}\n\n<${server.base}/article>\n\nClaimLens: `), markdown.slice(0, 300));
  const items = markdown.split('\n').filter((l) => l.startsWith('- **'));
  const cards = await frame.evaluate(() => document.querySelectorAll('.card').length);
  assert.equal(items.length, cards, 'one item per card');
  assert.match(markdown, /Compared with: Reference corpus: 2 articles, June 2024\./);
  assert.match(markdown, /\n## Corroborated \(\d+\)\n/);
  await page.close();
});
