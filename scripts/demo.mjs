// Demo: opens the sample article with the built extension in Chromium, waits for the cards,
// expands the sidebar, saves target/demo/screenshot.png and prints a summary of the findings;
// then the settings page (a site added to "never", for the picture), target/demo/settings.png —
// the README's pictures are these two (docs/screenshot.png, docs/settings.png).
// Headless unless HEADED=1 or DISPLAY is set. Run `make build` first (`make demo` does).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from '../tests/e2e/server.mjs';
import { launch, waitForSidebar, openSettings, until } from '../tests/e2e/browser.mjs';

const headless = !(process.env.HEADED === '1' || process.env.DISPLAY);
const out = path.join(ROOT, 'target', 'demo');
mkdirSync(out, { recursive: true });

const server = await startServer();
const browser = await launch({ headless, viewport: { width: 1400, height: 900 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId, 30_000);

  // Expanded, whatever the layout rule chose.
  await page.evaluate(() => {
    const host = [...document.documentElement.children].find((e) => e.localName === 'div' && e.dataset.state);
    if (host) host.dataset.state = 'expanded';
  });
  const cards = await frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => ({
    id: c.dataset.finding, kind: c.dataset.kind, verdict: c.dataset.verdict,
    text: c.querySelector('.passage').textContent,
  })));
  // Click the first highlighted statistic on the page, as a reader would: its card lights up.
  const pt = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('claimlens-statistic') ?? [])][0];
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  });
  if (pt) {
    await page.mouse.click(pt.x, pt.y);
    await until(() => frame.evaluate(() => !!document.querySelector('.card[aria-current="true"]')), { timeout: 3000 }).catch(() => {});
    await page.waitForTimeout(400); // the card's smooth scroll
  }
  await page.screenshot({ path: path.join(out, 'screenshot.png') });

  const count = (key) => Object.entries(cards.reduce((m, c) => ((m[c[key]] = (m[c[key]] ?? 0) + 1), m), {}))
    .map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
  console.log(`ClaimLens on ${server.base}/article: ${cards.length} findings`);
  console.log(`  by kind:    ${count('kind')}`);
  console.log(`  by verdict: ${count('verdict')}`);
  for (const c of cards) console.log(`  ${c.kind.padEnd(11)} ${c.verdict.padEnd(17)} ${c.text.replace(/\s+/g, ' ')}`);
  console.log(`screenshot: ${path.relative(ROOT, path.join(out, 'screenshot.png'))}`);

  // The settings page, with a site on the "never" list.
  const settings = await openSettings(browser);
  await settings.setViewportSize({ width: 1000, height: 900 });
  await settings.fill('#never-input', 'example.org');
  await settings.click('button[data-add="never"]');
  await until(() => settings.evaluate(() => !!document.querySelector('#never-list button[data-site="example.org"]')));
  await settings.evaluate(() => { document.getElementById('sites-message').textContent = ''; });
  await settings.screenshot({ path: path.join(out, 'settings.png'), fullPage: true });
  console.log(`settings page: ${path.relative(ROOT, path.join(out, 'settings.png'))}`);
} finally {
  await browser.close();
  await server.close();
}
