// Peers on the same pages, same run (issue 5): `node tests/e2e/bench/peers.mjs` after `make build`.
// Every saved page of ../shared/evaldata/readability_pages is opened with the extension (its own
// scripts blocked by CSP, requests kept local), and in the page's main world:
// 1. extraction: Readability.js 0.6.0 — `new Readability(document.cloneNode(true)).parse()`
//    (clone + scoring + cleanup + serialising the article) — vs ClaimLens's DOM side: the content
//    script's snapshot walk (content/snapshot.js, the same file loaded into the main world) plus a
//    structuredClone of the snapshot (what port.postMessage costs). The core's extract_article is
//    not exposed to JS on its own; `Sidebar.analyze` on the snapshot (extraction + detection +
//    comparison with the corpus + rendering the cards) is printed as the upper bound of our side.
// 2. highlighting the same ranges: the ranges ClaimLens registered on the page, re-registered as
//    CSS highlights (new Range objects + Highlight + CSS.highlights.set) vs mark.js 8.11.1
//    `markRanges` on the same UTF-16 offsets (inserting <mark> elements). Time: synchronous JS
//    and until the second animation frame after (style, layout, paint included); DOM nodes
//    mutated: nodes added + removed + text changes seen by a MutationObserver on <body>.
// 3. numbers: @microsoft/recognizers-text-number 1.3.1 `recognizeNumber` (English) in Node vs
//    `target/release/claimlens analyze --jsonl --no-corpus` (all three detectors) on the same
//    texts (Readability's textContent of each page), one process for all pages.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startServer, readabilityPages, ROOT, EXTENSION } from '../server.mjs';
import { launch, offline, until, marks } from '../browser.mjs';

const require = createRequire(import.meta.url);
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const E2E = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const READABILITY_JS = readFileSync(path.join(E2E, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
const MARK_JS = readFileSync(path.join(E2E, 'node_modules/mark.js/dist/mark.js'), 'utf8');
const SNAPSHOT_JS = readFileSync(path.join(EXTENSION, 'content/snapshot.js'), 'utf8');
const RUNS = 3; // per page and side; the median of the runs is the page's figure

export async function peers({ log = console.log } = {}) {
  const server = await startServer();
  const browser = await launch();
  await offline(browser.context);
  const rows = [];
  const texts = [];
  const analyzer = await browser.context.newPage();
  await analyzer.goto(`${server.base}/fixture`);
  await analyzer.evaluate(async (base) => {
    const mod = await import(`${base}/ext/pkg/claimlens.js`);
    await mod.default();
    window.__sidebar = new mod.Sidebar(document.createElement('div'), () => {}, () => {});
    window.__sidebar.loadCorpus(new Uint8Array(await (await fetch(`${base}/ext/corpus.bin`)).arrayBuffer()));
  }, server.base);
  for (const name of readabilityPages()) {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.base}/readability/${encodeURIComponent(name)}`, { waitUntil: 'load', timeout: 30_000 });
      const m = await until(async () => {
        const got = await marks(page);
        return got.painted !== undefined || got.skipped !== undefined ? got : null;
      }, { timeout: 30_000, interval: 20, message: `${name}: painted or skipped` });
      // Evaluated as strings through the DevTools protocol: the page's CSP does not apply.
      await page.evaluate(`${READABILITY_JS};\nwindow.__Readability = Readability;`);
      await page.evaluate(SNAPSHOT_JS);
      const ext = await page.evaluate(async (runs) => {
        const t = { readability: [], snapshot: [] };
        let article = null;
        let snap = null;
        for (let i = 0; i < runs; i++) {
          let s = performance.now();
          article = new window.__Readability(document.cloneNode(true)).parse();
          t.readability.push(performance.now() - s);
          s = performance.now();
          // The content script's walk, in one go (no slices: sliceMs Infinity).
          snap = structuredClone((await window.ClaimLens.snapshotAsync(document.body, null, Infinity)).snapshot);
          t.snapshot.push(performance.now() - s);
        }
        const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        window.__snap = snap;
        return { readability: med(t.readability), snapshot: med(t.snapshot), text: article?.textContent ?? '' };
      }, RUNS);
      const row = { name, readability: ext.readability, snapshot: ext.snapshot, painted: m.painted !== undefined };
      if (ext.text.trim()) texts.push({ id: name, text: ext.text });

      // Sidebar.analyze on the same snapshot, in a page without CSP (the saved pages forbid the
      // import); the snapshot crosses over as JSON, outside the timing.
      const snap = await page.evaluate(() => window.__snap);
      row.analyze = await analyzer.evaluate((snap) => {
        const s = performance.now();
        window.__sidebar.analyze(snap);
        return performance.now() - s;
      }, snap);

      if (row.painted) {
        await page.evaluate(MARK_JS);
        Object.assign(row, await page.evaluate(async () => {
          const kinds = ['attribution', 'hedge', 'statistic'];
          const ranges = kinds.flatMap((k) => [...(CSS.highlights.get(`claimlens-${k}`) ?? [])]);
          if (!ranges.length) return { ranges: 0 };
          const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          // CSS highlights: the same ranges, rebuilt and registered under a name of our own.
          const spec = ranges.map((r) => [r.startContainer, r.startOffset, r.endContainer, r.endOffset]);
          await frames();
          let s = performance.now();
          const h = new Highlight();
          for (const [a, ao, b, bo] of spec) {
            const r = document.createRange();
            r.setStart(a, ao);
            r.setEnd(b, bo);
            h.add(r);
          }
          CSS.highlights.set('peer-css', h);
          const cssSync = performance.now() - s;
          await frames();
          const cssFrame = performance.now() - s;
          // mark.js: UTF-16 offsets over the text nodes mark.js itself walks (whose parent is not
          // script/style/title/head/html), in document order.
          const starts = new Map();
          let offset = 0;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const n = walker.currentNode;
            if (n.parentNode?.matches?.('script, style, title, head, html')) continue;
            starts.set(n, offset);
            offset += n.textContent.length;
          }
          const marks = spec.filter(([a, , b]) => starts.has(a) && starts.has(b))
            .map(([a, ao, b, bo]) => ({ start: starts.get(a) + ao, length: starts.get(b) + bo - (starts.get(a) + ao) }));
          let mutated = 0;
          const mo = new MutationObserver((list) => {
            for (const r of list) mutated += r.type === 'characterData' ? 1 : r.addedNodes.length + r.removedNodes.length;
          });
          mo.observe(document.body, { subtree: true, childList: true, characterData: true });
          let marked = 0;
          s = performance.now();
          new window.Mark(document.body).markRanges(marks, { each: () => marked++ });
          const markSync = performance.now() - s;
          await frames();
          const markFrame = performance.now() - s;
          mutated += mo.takeRecords().reduce((n, r) => n + (r.type === 'characterData' ? 1 : r.addedNodes.length + r.removedNodes.length), 0);
          mo.disconnect();
          return { ranges: ranges.length, cssSync, cssFrame, markSync, markFrame, marked, markElements: document.querySelectorAll('mark[data-markjs]').length, mutated };
        }));
      }
      rows.push(row);
    } catch (e) {
      log(`peers: ${name}: ${e.message.split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
  await browser.close();
  await server.close();

  const ratio = (a, b) => median(rows.filter((r) => Number.isFinite(r[a]) && Number.isFinite(r[b]) && r[b] > 0).map((r) => r[a] / r[b]));
  log(`peers, extraction on ${rows.length} saved pages (median of ${RUNS} per page, then median over pages): ` +
    `Readability.js clone+parse ${f(median(rows.map((r) => r.readability)))} ms; ClaimLens snapshot walk+structuredClone ${f(median(rows.map((r) => r.snapshot)))} ms ` +
    `(per-page ratio Readability/ours ${f(ratio('readability', 'snapshot'), 2)}); ClaimLens Sidebar.analyze (extraction+detection+compare+cards) ` +
    `${f(median(rows.map((r) => r.analyze).filter(Number.isFinite)))} ms`);
  const hl = rows.filter((r) => r.ranges > 0);
  log(`peers, highlighting the same ranges on ${hl.length} pages (median ${median(hl.map((r) => r.ranges))} ranges/page): ` +
    `CSS highlights ${f(median(hl.map((r) => r.cssSync)), 2)} ms sync, ${f(median(hl.map((r) => r.cssFrame)))} ms to 2nd frame, 0 DOM nodes mutated; ` +
    `mark.js ${f(median(hl.map((r) => r.markSync)), 2)} ms sync, ${f(median(hl.map((r) => r.markFrame)))} ms to 2nd frame, ` +
    `median ${median(hl.map((r) => r.mutated))} DOM nodes mutated/page (max ${Math.max(...hl.map((r) => r.mutated))}), ` +
    `${hl.reduce((n, r) => n + r.marked, 0)} <mark> elements inserted for ${hl.reduce((n, r) => n + r.ranges, 0)} ranges`);

  // Numbers: the same texts through both, in one process each.
  const { recognizeNumber, Culture } = require('@microsoft/recognizers-text-number');
  let s = performance.now();
  let numbers = 0;
  for (const { text } of texts) numbers += recognizeNumber(text, Culture.English).length;
  const recognizersMs = performance.now() - s;
  const input = texts.map((t) => JSON.stringify(t)).join('\n') + '\n';
  const bin = path.join(ROOT, 'target/release/claimlens');
  s = performance.now();
  const out = execFileSync(bin, ['analyze', '-', '--jsonl', '--no-corpus'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  const oursMs = performance.now() - s;
  let stats = 0;
  let all = 0;
  for (const line of out.trim().split('\n')) {
    const { findings } = JSON.parse(line);
    all += findings.length;
    stats += findings.filter((x) => x.kind === 'statistic').length;
  }
  const mb = Buffer.byteLength(texts.map((t) => t.text).join('')) / 1e6;
  log(`peers, numbers in the same ${texts.length} article texts (${f(mb, 2)} MB): recognizers-text-number ${f(recognizersMs, 0)} ms, ${numbers} numbers; ` +
    `claimlens analyze --jsonl --no-corpus (all detectors, process included) ${f(oursMs, 0)} ms, ${stats} statistics (${all} findings)`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await peers();
