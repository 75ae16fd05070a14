// The reader's own reference corpus in Chromium: imported on the settings page from a JSON Lines
// file, a folder of articles (HTML read by the browser into the content script's snapshot, Markdown,
// text, a catalog) or a corpus file made by `claimlens corpus build`; built by the Rust core
// there, stored by the extension, used by every tab — open ones re-analyse at once — and named in
// the sidebar's footer; it survives a browser restart; a bad file gets a clear message and leaves
// the corpus as it was; removing it brings the bundled corpus back. The news: ECB+ documents on
// the 2013 Sonoma County quake (read in place from ../shared/evaldata, never copied), a story the
// bundled corpus does not hold — so the verdicts on such a page change with the import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, ecbplusDocs, ROOT } from './server.mjs';
import { launch, tempProfile, openSettings, waitForSidebar, until } from './browser.mjs';

const PAGE = '38_38_1ecbplus'; // the page: one outlet's report of the quake
const REFERENCE = '38_38_2ecbplus'; // another outlet's: same distance, another depth (12 miles, not 1.2)
const OTHERS = ['2_2_1ecb', '20_20_2ecbplus']; // other stories, so the corpus is not only the answer
const CLI = path.join(ROOT, 'target', 'release', 'claimlens');

let server;
let scratch;
before(async () => {
  server = await startServer();
  scratch = mkdtempSync(path.join(tmpdir(), 'claimlens-corpus-'));
});
after(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const doc = (id) => {
  const d = ecbplusDocs().get(id);
  assert.ok(d, `ECB+ document ${id} (../shared/evaldata/ecbplus_dev/docs.jsonl)`);
  return d;
};
const jsonl = (ids) => ids.map((id) => JSON.stringify({ id, title: doc(id).title, text: doc(id).text, source: `Outlet ${id}`, date: '2013-03-14' })).join('\n') + '\n';

/** The sidebar's cards: verdict, the words of their parts, the reference's title. */
const cards = (frame) => frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => ({
  verdict: c.dataset.verdict,
  parts: [...c.querySelectorAll('.part-text')].map((p) => p.textContent.replace(/\s+/g, ' ')),
  reference: c.querySelector('.ref-title')?.textContent ?? null,
})));
const footer = (frame) => frame.evaluate(() => document.getElementById('corpus').textContent);
/** The verdict of the card listing `words`. */
const verdictOf = async (frame, words) => (await cards(frame)).find((c) => c.parts.includes(words))?.verdict ?? null;

/** Opens the quake page and waits for its cards. */
async function quakePage(browser) {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/ecbplus/${PAGE}`);
  const frame = await waitForSidebar(page, browser.extensionId);
  await until(async () => (await cards(frame)).length > 0, { message: 'cards' });
  return { page, frame };
}

/** Chooses `files` on the settings page's files input and waits for the outcome. */
async function choose(opt, selector, files) {
  const before = await opt.evaluate(() => document.getElementById('corpus-name').textContent);
  await opt.locator(selector).setInputFiles(files);
  return until(() => opt.evaluate((was) => {
    const status = document.getElementById('corpus-status').textContent;
    const error = document.getElementById('corpus-error').textContent;
    const name = document.getElementById('corpus-name').textContent;
    if (error) return { error, name };
    return status.startsWith('Imported') && name !== was ? { status, name } : null;
  }, before), { timeout: 20_000, message: `the import of ${selector}` });
}

test('an imported corpus changes the verdicts in open and new tabs, survives a restart; bad files change nothing', async () => {
  const profile = tempProfile();
  let browser = await launch({ profile: profile.dir });
  try {
    let { page, frame } = await quakePage(browser);
    assert.match(await footer(frame), /^Reference corpus: 2 articles/);
    assert.equal(await verdictOf(frame, '1.2 miles'), 'not-in-corpus', 'the bundled corpus knows no quake');
    const opt = await openSettings(browser);
    assert.match(await opt.evaluate(() => document.getElementById('corpus-name').textContent), /^The bundled corpus/);

    // Bad files: a clear message, and nothing changes.
    for (const [file, why] of [
      [{ name: 'broken.jsonl', mimeType: 'application/json', buffer: Buffer.from(`${jsonl([REFERENCE])}{"id": "x", "text": \n`) }, /line 2: not a JSON object/],
      [{ name: 'twice.jsonl', mimeType: 'application/json', buffer: Buffer.from(jsonl([REFERENCE, REFERENCE])) }, /line 2: duplicate id "38_38_2ecbplus"/],
      [{ name: 'notes.corpus', mimeType: 'application/octet-stream', buffer: Buffer.from('hello') }, /not a ClaimLens corpus file/],
      [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) }, /no \.txt, \.html or \.md articles/],
    ]) {
      const got = await choose(opt, '#pick-files', file);
      assert.match(got.error ?? '', why, file.name);
      assert.match(got.error, /Your current corpus is unchanged\.$/);
      assert.match(got.name, /^The bundled corpus/, `${file.name}: still the bundled corpus`);
    }
    assert.match(await footer(frame), /^Reference corpus: 2 articles/);

    // A JSON Lines file of news the bundled corpus does not hold.
    const got = await choose(opt, '#pick-files', { name: 'quakes.jsonl', mimeType: 'application/json', buffer: Buffer.from(jsonl([REFERENCE, ...OTHERS])) });
    assert.equal(got.error, undefined, got.error);
    assert.match(got.status, /^Imported “quakes\.jsonl”: 3 articles, 14 March 2013\./);
    assert.match(got.name, /^Your corpus “quakes\.jsonl” — Reference corpus: 3 articles, 14 March 2013; [\d.]+ kB, imported /);

    // The open tab compares with it at once (no reload), and names it.
    await until(async () => (await verdictOf(frame, '1.2 miles')) === 'number-differs', { message: 'the depth now differs' });
    assert.ok((await cards(frame)).some((c) => c.verdict === 'number-differs' && c.reference === doc(REFERENCE).title));
    assert.match(await footer(frame), /^Your corpus “quakes\.jsonl” · Reference corpus: 3 articles, 14 March 2013\.$/);

    // A bad file now leaves the reader's corpus in place, too.
    const bad = await choose(opt, '#pick-files', { name: 'empty.jsonl', mimeType: 'application/json', buffer: Buffer.from('\n\n') });
    assert.match(bad.error ?? '', /^Could not import it: no documents\. Your current corpus is unchanged\.$/);
    assert.match(bad.name, /^Your corpus “quakes\.jsonl”/);
    assert.equal(await verdictOf(frame, '1.2 miles'), 'number-differs');

    // After a browser restart, a new tab still uses it.
    await browser.close();
    browser = await launch({ profile: profile.dir });
    ({ page, frame } = await quakePage(browser));
    assert.equal(await verdictOf(frame, '1.2 miles'), 'number-differs');
    assert.match(await footer(frame), /^Your corpus “quakes\.jsonl”/);

    // Removed: the bundled corpus again, in the open tab too.
    const opt2 = await openSettings(browser);
    await opt2.click('#corpus-remove');
    await until(() => opt2.evaluate(() => document.getElementById('corpus-name').textContent.startsWith('The bundled corpus')));
    await until(async () => (await verdictOf(frame, '1.2 miles')) === 'not-in-corpus', { message: 'back to the bundled corpus' });
    assert.match(await footer(frame), /^Reference corpus: 2 articles/);
  } finally {
    await browser.close();
    profile.remove();
  }
});

test('a folder of articles (HTML, Markdown, text, catalog) and a corpus file made by the CLI import too', async () => {
  const browser = await launch();
  try {
    // The folder: the reference as a saved web page, another story as Markdown and as text, a
    // page with no article (left out, said so), and a catalog naming the reference.
    const folder = path.join(scratch, 'my-quakes');
    mkdirSync(folder, { recursive: true });
    const ref = doc(REFERENCE);
    const paras = ref.text.split(/\n\s*\n/).slice(1).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
    writeFileSync(path.join(folder, 'quake.html'), `<!doctype html><html><head><title>${ref.title}</title><script>document.title = 'changed'</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${ref.title}</h1>\n${paras}</article><footer>© The paper</footer></body></html>`);
    writeFileSync(path.join(folder, 'oscars.md'), `# ${doc(OTHERS[0]).title}\n\n${doc(OTHERS[0]).text.replace(/^.*\n/, '')}`);
    writeFileSync(path.join(folder, 'iran.txt'), doc(OTHERS[1]).text);
    writeFileSync(path.join(folder, 'menu.html'), '<!doctype html><title>Menu</title><nav><a href="/">Home</a></nav>');
    writeFileSync(path.join(folder, 'catalog.tsv'), 'quake.html\tQuake rattles Sonoma County\tThe Press Democrat\t2013-03-14\n');

    const opt = await openSettings(browser);
    let got = await choose(opt, '#pick-folder', folder);
    assert.equal(got.error, undefined, got.error);
    assert.match(got.status, /^Imported “my-quakes”: 3 articles, 14 March 2013\. .* Left out: menu\.html: no article found\.$/);
    const { frame } = await quakePage(browser);
    assert.equal(await verdictOf(frame, '1.2 miles'), 'number-differs');
    assert.ok((await cards(frame)).some((c) => c.reference === 'Quake rattles Sonoma County'), 'the catalog\'s title');

    // A corpus file made by `claimlens corpus build` from a JSON Lines file.
    if (!existsSync(CLI)) throw new Error('target/release/claimlens is missing: run `make build`');
    const source = path.join(scratch, 'quakes.jsonl');
    writeFileSync(source, jsonl([REFERENCE]));
    execFileSync(CLI, ['corpus', 'build', source, '-o', path.join(scratch, 'quakes.corpus')], { stdio: 'ignore' });
    got = await choose(opt, '#pick-files', path.join(scratch, 'quakes.corpus'));
    assert.equal(got.error, undefined, got.error);
    assert.match(got.status, /^Imported “quakes\.corpus”: 1 article, 14 March 2013\./);
    await until(async () => /“quakes\.corpus”/.test(await footer(frame)), { message: 'the open tab uses the corpus file' });
    assert.equal(await verdictOf(frame, '1.2 miles'), 'number-differs');
  } finally {
    await browser.close();
  }
});
