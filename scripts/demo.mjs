// Demo: opens the sample article with the built extension in Chromium, waits for the cards,
// opens the first card that differs, saves three screenshots into target/demo/ — wide
// (screenshot.png), narrow (screenshot-narrow.png) and dark (screenshot-dark.png) — copies them
// into docs/ for the README, and prints a summary of the cards; then the settings page (a site
// added to "never", for the picture) as settings.png, copied too. Headless unless HEADED=1 or
// DISPLAY is set. Run `make build` first (`make demo` does).
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from '../tests/e2e/server.mjs';
import { launch, waitForSidebar, openSettings, until } from '../tests/e2e/browser.mjs';

const headless = !(process.env.HEADED === '1' || process.env.DISPLAY);
const out = path.join(ROOT, 'target', 'demo');
const docs = path.join(ROOT, 'docs');
mkdirSync(out, { recursive: true });
mkdirSync(docs, { recursive: true });

/** The sidebar's cards as data. */
const cardsOf = (frame) => frame.evaluate(() => [...document.querySelectorAll('.card')].map((c) => ({
  id: c.dataset.finding, kind: c.dataset.kind, verdict: c.dataset.verdict,
  findings: c.dataset.findings.split(' ').length,
  text: c.querySelector('.passage').textContent, why: c.querySelector('.why').textContent,
  folded: !!c.closest('details'),
})));

/** Opens the sample article in a window of `viewport`, expands the sidebar, opens the first
 *  card that differs, and saves a screenshot as `name`. Returns the cards. */
async function shoot(browser, server, name, viewport, colorScheme = 'light') {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  await page.goto(`${server.base}/article`);
  const frame = await waitForSidebar(page, browser.extensionId, 30_000);
  await until(() => frame.evaluate(() => document.querySelectorAll('.card').length > 0), { timeout: 15_000 });
  // Expanded, whatever the layout rule chose for this width.
  await page.evaluate(() => {
    const host = [...document.documentElement.children].find((e) => e.localName === 'div' && e.dataset.state);
    if (host) host.dataset.state = 'expanded';
  });
  await frame.evaluate(() => {
    const first = document.querySelector('#app > ol.cards > .card[data-verdict$="differs"] .card-main');
    first?.click();
  });
  await page.waitForTimeout(500); // the reveal's smooth scroll and flash
  const file = path.join(out, name);
  await page.screenshot({ path: file });
  copyFileSync(file, path.join(docs, name));
  const cards = await cardsOf(frame);
  await page.close();
  return cards;
}

const server = await startServer();
const browser = await launch({ headless, viewport: { width: 1400, height: 900 } });
try {
  const cards = await shoot(browser, server, 'screenshot.png', { width: 1400, height: 900 });
  await shoot(browser, server, 'screenshot-narrow.png', { width: 900, height: 900 });
  await shoot(browser, server, 'screenshot-dark.png', { width: 1400, height: 900 }, 'dark');

  const count = (key) => Object.entries(cards.reduce((m, c) => ((m[c[key]] = (m[c[key]] ?? 0) + 1), m), {}))
    .map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
  const findings = cards.reduce((n, c) => n + c.findings, 0);
  console.log(`ClaimLens on ${server.base}/article: ${findings} findings on ${cards.length} cards (one per claim)`);
  console.log(`  cards by verdict: ${count('verdict')}`);
  for (const c of cards) {
    console.log(`  ${c.verdict.padEnd(17)} ${c.folded ? '(folded) ' : ''}${c.text.replace(/\s+/g, ' ').slice(0, 90)}`);
    console.log(`  ${''.padEnd(17)} ${c.why}`);
  }
  console.log(`screenshots: ${['screenshot.png', 'screenshot-narrow.png', 'screenshot-dark.png'].map((n) => path.relative(ROOT, path.join(out, n))).join(', ')} (copied to docs/)`);

  // The settings page, with a site on the "never" list.
  const settings = await openSettings(browser);
  await settings.setViewportSize({ width: 1000, height: 900 });
  await settings.fill('#never-input', 'example.org');
  await settings.click('button[data-add="never"]');
  await until(() => settings.evaluate(() => !!document.querySelector('#never-list button[data-site="example.org"]')));
  await settings.evaluate(() => { document.getElementById('sites-message').textContent = ''; });
  const settingsFile = path.join(out, 'settings.png');
  await settings.screenshot({ path: settingsFile, fullPage: true });
  copyFileSync(settingsFile, path.join(docs, 'settings.png'));
  console.log(`settings page: ${path.relative(ROOT, settingsFile)} (copied to docs/)`);
} finally {
  await browser.close();
  await server.close();
}
