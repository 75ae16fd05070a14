// Issue 10's scenarios, with and without the extension in the same run:
// `node tests/e2e/bench/scenarios.mjs` after `make build` (also called by run.mjs).
//   1. idle: /busy-list (50,000 list entries, a clock ticking every 200 ms, no article): long
//      tasks (PerformanceObserver 'longtask') in the 10 s after load, with the extension and in
//      a browser without it — the difference is ours;
//   2. deep: /deep?n=5000 (the sample article 5,000 nested <span>s down; Chromium's renderer
//      itself crashes laying out the article 10,000 down, without any extension): load → highlights;
//   3. huge: /long?kb=5120 (a generated 5 MiB article): load → first highlights, load → all
//      findings painted (after the comparison with the corpus), and the longest task of ours (one
//      that ends after the content script started).
// CLAIMLENS_EXTENSION=dir measures another build of the extension (before/after figures).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../server.mjs';
import { launch, offline, until, marks } from '../browser.mjs';

const median = (xs) => (xs.some(Number.isNaN) ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
const f = (x, d = 0) => (x === undefined || x === null ? 'n/a' : Number.isNaN(x) ? '(none within 120 s)' : x.toFixed(d));

/** Installs the long-task recorder before any page script. */
async function recordLongTasks(page) {
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => window.__longtasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ type: 'longtask', buffered: true });
  });
}

/** Long tasks of `url` that start in the `windowMs` after the load event. */
async function busyWindow(context, url, windowMs) {
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(windowMs);
  const { tasks, load, mine } = await page.evaluate(() => ({
    tasks: window.__longtasks,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    mine: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('claimlens:')).map((m) => m.name.slice(10)),
  }));
  await page.close();
  const after = tasks.filter((t) => t.start >= load);
  return { count: after.length, total: after.reduce((s, t) => s + t.duration, 0), max: after.reduce((m, t) => Math.max(m, t.duration), 0), marks: mine };
}

/** Load → first highlights ('painted'), → the final findings painted ('findings': after the comparison). */
async function toHighlights(context, url, timeout = 120_000) {
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(url, { waitUntil: 'load', timeout });
  const m = await until(async () => {
    const got = await marks(page);
    return got.findings !== undefined ? got : null;
  }, { timeout, interval: 20, message: `${url}: painted` }).catch(() => null);
  const tasks = await page.evaluate(() => window.__longtasks);
  await page.close();
  if (!m) return { first: NaN, all: NaN, longest: NaN }; // no highlights within `timeout`
  const ours = tasks.filter((t) => t.start + t.duration > m.start);
  return {
    first: Math.max(0, m.painted - m.load),
    all: Math.max(0, m.findings - m.load),
    longest: ours.reduce((x, t) => Math.max(x, t.duration), 0),
  };
}

export async function scenarios({ log = console.log } = {}) {
  const server = await startServer();
  const browser = await launch();
  await offline(browser.context);
  // The same Chromium without the extension: the page's own cost.
  const profile = mkdtempSync(path.join(tmpdir(), 'claimlens-bare-'));
  const bare = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows = {};
  try {
    const busy = `${server.base}/busy-list?items=50000`;
    const withExt = await busyWindow(browser.context, busy, 10_000);
    const without = await busyWindow(bare, busy, 10_000);
    rows.idle = { withExt, without };
    log(`idle, non-article page (50,000 list entries, clock every 200 ms), long tasks in the 10 s after load: ` +
      `with ClaimLens ${withExt.count} (${f(withExt.total)} ms in all, longest ${f(withExt.max)} ms; marks: ${withExt.marks.join(', ') || 'none'}); ` +
      `without an extension ${without.count} (${f(without.total)} ms, longest ${f(without.max)} ms)`);

    const deep = [];
    for (let i = 0; i < 3 && !deep.some((r) => Number.isNaN(r.first)); i++) {
      deep.push(await toHighlights(browser.context, `${server.base}/deep?n=5000`)); // a failed run is not repeated
    }
    rows.deep = { ms: median(deep.map((r) => r.first)), longest: median(deep.map((r) => r.longest)) };
    log(`deep page (sample article 5,000 nested elements down), load → highlights, median of 3: ${f(rows.deep.ms)} ms; longest task of ours ${f(rows.deep.longest)} ms`);

    const huge = [];
    for (let i = 0; i < 3; i++) huge.push(await toHighlights(browser.context, `${server.base}/long?kb=5120`));
    rows.huge = {
      first: median(huge.map((r) => r.first)), all: median(huge.map((r) => r.all)),
      longest: median(huge.map((r) => r.longest)), longestMax: Math.max(...huge.map((r) => r.longest)),
    };
    log(`5 MiB article, median of 3: load → first highlights ${f(rows.huge.first)} ms, → final findings painted ${f(rows.huge.all)} ms; ` +
      `longest task of ours ${f(rows.huge.longest)} ms (max ${f(rows.huge.longestMax)} ms)`);
  } finally {
    await bare.close();
    rmSync(profile, { recursive: true, force: true });
    await browser.close();
    await server.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await scenarios();
