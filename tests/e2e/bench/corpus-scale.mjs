// Corpus scale, natively and in the browser (issue 5), printed as lines of text:
//   node tests/e2e/bench/corpus-scale.mjs      (after `make build`; also the last step of run.mjs)
// 1. takes the snapshot of the bundled sample article page (/article) with the content script's
//    own snapshot code;
// 2. natively (examples/corpus_scale.rs): builds the 14,231 CheckThat! verified claims and a
//    generated 100,000-document corpus, writes them to target/corpus-scale/*.bin, and times
//    `Corpus::from_bytes` and the analysis of that snapshot against each;
// 3. in headless Chromium, inside the extension's sidebar page (chrome-extension://…/sidebar.html,
//    its own wasm module): `Sidebar.loadCorpus(bytes)` and `Sidebar.analyze(snapshot)` on the
//    same files and snapshot, timed with performance.now (medians).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from '../server.mjs';
import { launch, offline } from '../browser.mjs';

const RUNS = Number(process.env.CORPUS_SCALE_RUNS ?? 5);
const OUT = path.join(ROOT, 'target/corpus-scale');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x, d = 0) => (x === undefined || x === null ? 'n/a' : x.toFixed(d));
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

export async function corpusScale() {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launch();
  await offline(browser.context);

  // 1. the sample page's snapshot, as the content script takes it
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/article`);
  await page.addScriptTag({ url: `${server.base}/ext/content/snapshot.js` });
  const snapshot = await page.evaluate(async () => (await globalThis.ClaimLens.snapshotAsync(document.body)).snapshot);
  await page.close();
  const snapshotPath = path.join(OUT, 'sample-snapshot.json');
  writeFileSync(snapshotPath, JSON.stringify(snapshot));

  // 2. natively; also writes the corpus files
  execFileSync('cargo', ['build', '--release', '--quiet', '--example', 'corpus_scale'], { cwd: ROOT, stdio: 'inherit' });
  const native = execFileSync(path.join(ROOT, 'target/release/examples/corpus_scale'),
    ['--out', OUT, '--snapshot', snapshotPath, '--runs', String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 20 })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l));

  // 3. in the sidebar page: the corpus files come from a local server (CORS open to the page)
  const files = createServer((req, res) => {
    const name = path.basename(new URL(req.url, 'http://x').pathname);
    const file = path.join(OUT, name);
    if (!name.endsWith('.bin') || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => files.listen(0, '127.0.0.1', r));
  const filesBase = `http://127.0.0.1:${files.address().port}`;
  const sidebarPage = await browser.context.newPage();
  await sidebarPage.goto(`chrome-extension://${browser.extensionId}/sidebar.html`);
  const results = [];
  for (const n of native) {
    const browserFigures = await sidebarPage.evaluate(async ({ url, snapshot, runs }) => {
      const mod = await import('./pkg/claimlens.js');
      await mod.default();
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const root = document.createElement('div');
      document.body.append(root);
      const sidebar = new mod.Sidebar(root, () => {}, () => {});
      const loads = [];
      for (let i = 0; i < Math.min(runs, 3); i++) {
        const t = performance.now();
        sidebar.loadCorpus(bytes);
        loads.push(performance.now() - t);
      }
      let t = performance.now();
      const count = sidebar.analyze(snapshot).count;
      const first = performance.now() - t;
      const compares = [];
      for (let i = 0; i < runs; i++) {
        t = performance.now();
        sidebar.analyze(snapshot);
        compares.push(performance.now() - t);
      }
      const description = sidebar.corpusDescription();
      sidebar.free();
      root.remove();
      const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      return {
        load_ms: med(loads), compare_first_ms: first, compare_ms: med(compares), findings: count,
        description, heap_mb: performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null,
      };
    }, { url: `${filesBase}/${n.corpus}.bin`, snapshot, runs: RUNS });
    results.push({ native: n, browser: browserFigures });
    console.log(`corpus scale, ${n.corpus}: ${n.documents} documents, ${n.passages} passages, ${mb(n.text_bytes)} text; ` +
      `build ${f(n.build_ms)} ms (native, in process); index ${n.index_bytes} bytes (${mb(n.index_bytes)})`);
    console.log(`  load: native ${f(n.load_ms, 1)} ms, wasm in the sidebar page ${f(browserFigures.load_ms, 1)} ms ` +
      `(ratio ${f(browserFigures.load_ms / n.load_ms, 2)})`);
    console.log(`  compare the sample article (${n.findings} findings): native ${f(n.compare_ms, 1)} ms ` +
      `(first ${f(n.compare_first_ms, 1)}, no corpus ${f(n.analyze_empty_corpus_ms, 1)}), ` +
      `wasm Sidebar.analyze ${f(browserFigures.compare_ms, 1)} ms (first ${f(browserFigures.compare_first_ms, 1)}, ` +
      `${browserFigures.findings} findings); medians of ${RUNS}; goal ≤ 50 ms at 100,000 documents`);
  }
  await sidebarPage.close();
  await new Promise((r) => files.close(r));
  await browser.close();
  await server.close();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await corpusScale();
