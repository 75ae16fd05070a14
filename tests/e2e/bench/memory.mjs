// Memory of the sidebar frame (issue 5): `node tests/e2e/bench/memory.mjs` after `make build`.
// performance.measureUserAgentSpecificMemory needs cross-origin isolation (not available to the
// sidebar), so this reads the sidebar frame's own DevTools target (an out-of-process iframe:
// chrome-extension:// origin): Performance.getMetrics → JSHeapUsedSize / JSHeapTotalSize / Nodes,
// after a forced GC (HeapProfiler.collectGarbage), plus the wasm linear memory
// (WebAssembly.Memory of the core: outside the JS heap) read from the frame.
import { startServer } from '../server.mjs';
import { launch, offline, until, waitForSidebar, marks } from '../browser.mjs';

const MiB = 2 ** 20;

export async function memory({ log = console.log } = {}) {
  const server = await startServer();
  const browser = await launch();
  await offline(browser.context);
  for (const [label, url] of [['sample article (/article)', '/article'], ['generated 1 MiB article (/long?kb=1024)', '/long?kb=1024']]) {
    const page = await browser.context.newPage();
    await page.goto(`${server.base}${url}`, { waitUntil: 'load' });
    const frame = await waitForSidebar(page, browser.extensionId, 60_000);
    await until(async () => (await marks(page)).painted !== undefined, { timeout: 60_000, message: `${url}: painted` });
    const cdp = await page.context().newCDPSession(frame);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasm = await frame.evaluate(async () => {
      const mod = await import('./pkg/claimlens.js'); // the same module instance sidebar.js initialised
      const exports = await mod.default(); // already initialised: returns its exports
      return { bytes: exports.memory.buffer.byteLength, cards: document.querySelectorAll('.card').length };
    });
    log(`sidebar memory, ${label}: JS heap used ${(metrics.JSHeapUsedSize / MiB).toFixed(1)} MiB ` +
      `(total ${(metrics.JSHeapTotalSize / MiB).toFixed(1)} MiB), wasm linear memory ${(wasm.bytes / MiB).toFixed(1)} MiB, ` +
      `${metrics.Nodes} DOM nodes, ${wasm.cards} cards`);
    await cdp.detach();
    await page.close();
  }
  await browser.close();
  await server.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await memory();
