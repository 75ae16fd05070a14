// `make bench`: every figure of BENCHMARKS.md in one run, printed as lines of text.
//   node tests/e2e/bench/run.mjs   (after `make build`)
// 1. core throughput: the same ~1 MiB snapshot through analyze_page + compare natively
//    (examples/bench.rs) and as wasm in headless Chromium (Sidebar.analyze, which also converts
//    the JS object and renders the cards); the ratio.
// 2. time from the load event to highlights registered (content script's performance marks) on
//    the saved real pages (one tab at a time) and on generated 1 MiB and 5 MiB articles;
// 3. the longest main-thread task after the content script starts (PerformanceObserver longtask);
// 4. the .wasm size, raw and gzipped.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { startServer, readabilityPages, ROOT, EXTENSION } from '../server.mjs';
import { launch, offline, until, marks } from '../browser.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const f = (x, d = 0) => (x === undefined || x === null ? 'n/a' : x.toFixed(d));

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

// --- 1. the same input natively and as wasm ------------------------------------------------
const SENTENCES = [
  'Officials said at least 1,200 people were evacuated from the coastal towns on Tuesday.',
  'The figures cannot be independently verified, and the ministry allegedly revised them twice.',
  'According to the regional council, roughly 38,940 homes remain without power.',
  'Engineers expect repairs to take weeks, though the schedule could potentially slip again.',
  'Residents described long queues at the few shops that stayed open through the night.',
];
// The snapshot's wire form (src/page/snapshot.rs): one row per element or text node.
const snapshot = { url: 'https://example.org/bench', title: 'Bench', depth: [], tag: [], text: [] };
const row = (depth, tag, text = '') => { snapshot.depth.push(depth); snapshot.tag.push(tag); snapshot.text.push(text); };
row(0, 'body');
row(1, 'article');
row(2, 'h1');
row(3, '', 'Bench');
for (let i = 0, size = 0; size < 1024 * 1024; i++) {
  const p = Array.from({ length: 5 }, (_, j) => SENTENCES[(i + j) % 5]).join(' ');
  row(2, 'p');
  row(3, '', p);
  size += p.length;
}
mkdirSync(path.join(ROOT, 'target'), { recursive: true });
const input = path.join(ROOT, 'target/bench-snapshot.json');
writeFileSync(input, JSON.stringify(snapshot));
execFileSync('cargo', ['build', '--release', '--quiet', '--example', 'bench'], { cwd: ROOT, stdio: 'inherit' });
const native = JSON.parse(execFileSync(path.join(ROOT, 'target/release/examples/bench'), [input, '5'], { encoding: 'utf8' }));

const server = await startServer();
const browser = await launch();
await offline(browser.context);
const page = await browser.context.newPage();
await page.goto(`${server.base}/fixture`);
const wasm = await page.evaluate(async ({ url, snapshot }) => {
  const mod = await import(url);
  await mod.default();
  const root = document.createElement('div');
  document.body.append(root);
  const sidebar = new mod.Sidebar(root, () => {});
  const times = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    count = sidebar.analyze(snapshot).count;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median_ms: times[2], findings: count };
}, { url: `${server.base}/ext/pkg/claimlens.js`, snapshot });
await page.close();
const wasmMBs = native.bytes / 1e6 / (wasm.median_ms / 1000);
console.log(`throughput (${(native.bytes / 1e6).toFixed(2)} MB article text, ${native.findings} findings, median of 5):` +
  ` native ${f(native.median_ms)} ms = ${f(native.mb_per_s, 2)} MB/s; wasm ${f(wasm.median_ms)} ms = ${f(wasmMBs, 2)} MB/s;` +
  ` wasm/native speed ${f(wasmMBs / native.mb_per_s, 2)}`);

// --- 2 + 3. load → highlights and long tasks ---------------------------------------------------
/** Loads `url`, waits for the outcome; returns {ms, longest, painted}. */
async function timeToHighlights(url, timeout = 60_000) {
  const p = await browser.context.newPage();
  await p.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => window.__longtasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ type: 'longtask', buffered: true });
  });
  await p.goto(url, { waitUntil: 'load', timeout });
  const m = await until(async () => {
    const got = await marks(p);
    return got.painted !== undefined || got.skipped !== undefined ? got : null;
  }, { timeout, interval: 20, message: `${url}: painted or skipped` });
  const tasks = await p.evaluate(() => window.__longtasks);
  await p.close();
  // Ours: long tasks that end after the content script started (no page scripts run here).
  const ours = tasks.filter((t) => m.start !== undefined && t.start + t.duration > m.start);
  return {
    painted: m.painted !== undefined,
    ms: m.painted !== undefined ? Math.max(0, m.painted - m.load) : null,
    longest: ours.reduce((x, t) => Math.max(x, t.duration), 0),
  };
}

const names = readabilityPages();
const real = [];
for (const name of names) real.push({ name, ...(await timeToHighlights(`${server.base}/readability/${encodeURIComponent(name)}`)) });
const painted = real.filter((r) => r.painted);
const ms = painted.map((r) => r.ms);
const worst = painted.reduce((a, b) => (b.ms > a.ms ? b : a), painted[0]);
console.log(`load → highlights, ${painted.length} saved pages that start (of ${real.length}), one tab: median ${f(median(ms))} ms, p95 ${f(pct(ms, 0.95))} ms, max ${f(worst?.ms)} ms (${worst?.name}); ` +
  `longest task of ours: median ${f(median(painted.map((r) => r.longest)))} ms, max ${f(Math.max(...painted.map((r) => r.longest)))} ms`);
for (const kb of [1024, 5120]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await timeToHighlights(`${server.base}/long?kb=${kb}`, 120_000));
  console.log(`load → highlights, generated ${kb / 1024} MiB article (median of 3): ${f(median(runs.map((r) => r.ms)))} ms; ` +
    `longest task of ours ${f(median(runs.map((r) => r.longest)))} ms (max ${f(Math.max(...runs.map((r) => r.longest)))} ms)`);
}
await browser.close();
await server.close();

// --- 4. size -----------------------------------------------------------------------------------
const bytes = readFileSync(path.join(EXTENSION, 'pkg/claimlens_bg.wasm'));
console.log(`claimlens_bg.wasm: ${(bytes.length / 1024).toFixed(0)} KiB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KiB gzipped (-9)`);

// --- peers on the same pages (tests/e2e/bench/peers.mjs) -----------------------------------------
await (await import('./peers.mjs')).peers();
await (await import('./memory.mjs')).memory();

// --- 5. corpus scale (separate script, owned with examples/corpus_scale.rs) -------------------
await (await import('./corpus-scale.mjs')).corpusScale();
