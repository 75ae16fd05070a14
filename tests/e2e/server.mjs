// Local test pages for the end-to-end tests and the demo, served on 127.0.0.1 (random port).
//   /article         the sample article corpus/000_….txt as a news page
//   /article-strict  the same under a CSP that forbids everything
//   /no-article      navigation links only
//   /other           corpus/001_….txt as a page
//   /fixture         a plain page (no extension run) for driving content/highlights.js directly
//   /ext/…           files of extension/ (for /fixture)
//   /readability/P   the saved real page ../shared/evaldata/readability_pages/P/source.html, read in
//                    place, its own scripts blocked by CSP (the saved pages' scripts are dead code
//                    that would fetch missing assets and rewrite the DOM, hiding what we cause)
//   /dynamic/append  an article whose script appends paragraphs after load (infinite scroll)
//   /dynamic/replace an article whose script replaces the article after load (SPA navigation)
//   /dynamic/late    an empty shell whose script inserts the article after load
//   /long?kb=N       a generated article of about N KiB of text (benchmarks)
//   /busy-list?items=N  no article: a list of N links and a clock ticking every 200 ms (a page
//                    script; the extension must stay idle there); &footer=1 adds a long legal
//                    notice in <p>s inside <footer> (the cheap look says "maybe", the core "no")
//   /deep?n=N        the sample article inside N nested <span>s, built by a page script (the
//                    HTML parser itself flattens nesting beyond 512; Chromium 156's renderer
//                    crashes laying out ~3,000 nested <div>s, or the article 10,000 <span>s down)
//   /hostile/K       the sample article plus something hostile (hostile.test.mjs): K = markup,
//                    iframe (+ iframe-child), shadow, editable, svg, rtl, postmessage
//   /ecbplus/ID      ECB+ development document ID (../shared/evaldata/ecbplus_dev/docs.jsonl, read
//                    in place, never copied) as a news page: a story the bundled corpus does not
//                    hold (the corpus import tests)
import http from 'node:http';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The unpacked extension under test; CLAIMLENS_EXTENSION names another build (before/after). */
export const EXTENSION = process.env.CLAIMLENS_EXTENSION ? path.resolve(process.env.CLAIMLENS_EXTENSION) : path.join(ROOT, 'extension');
const CORPUS = path.join(ROOT, 'corpus');
/** The saved real pages (Mozilla Readability's test pages), read in place and never copied. */
export const READABILITY = path.resolve(ROOT, '../shared/evaldata/readability_pages');
/** ECB+ development documents (JSON Lines: id, topic, title, text), read in place. */
export const ECBPLUS = path.resolve(ROOT, '../shared/evaldata/ecbplus_dev/docs.jsonl');

let ecbplus = null;
/** The ECB+ development documents by id ({id, title, text}); empty when the file is absent. */
export function ecbplusDocs() {
  ecbplus ??= new Map(existsSync(ECBPLUS)
    ? readFileSync(ECBPLUS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)).map((d) => [d.id, d])
    : []);
  return ecbplus;
}

/** An ECB+ document as a news page: its title as <h1>, its paragraphs as <p> in <article>. */
function ecbplusHtml(id) {
  const doc = ecbplusDocs().get(id);
  if (!doc) return null;
  const paras = doc.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paras[0] === doc.title) paras.shift();
  return page({ title: doc.title, body: `<article><h1>${esc(doc.title)}</h1>\n${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>` });
}
const PAGE_CSP = "script-src 'none'";
const STRICT_CSP = "default-src 'none'; style-src 'none'; frame-src 'none'; script-src 'none'";

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const corpusFile = (prefix) => path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith(prefix)));

// Page chrome; the text column sits on the left so a 360px sidebar fits beside it at 1280px.
const STYLE = `body{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fff}
header,footer{font:14px system-ui,sans-serif;background:#f3f3f3;padding:12px 32px}
nav a{margin-right:16px;color:#036}
main{max-width:720px;padding:8px 32px 48px}
h1{font-size:34px;line-height:1.2}`;

function page({ title, header = '', body, footer = '', style = true, published = '' }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="og:type" content="article">
${published ? `<meta property="article:published_time" content="${esc(published)}">` : ''}
${style ? `<style>${STYLE}</style>` : ''}</head><body>
${header}<main>${body}</main>${footer}
</body></html>`;
}

/** The sample article: first line → site header, title → <h1>, paragraphs → <p> in <article>. */
export function articleHtml(file, { style = true, published = '' } = {}) {
  const blocks = readFileSync(file, 'utf8').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const [site, title, ...paras] = blocks;
  const header = `<header><nav><strong>${esc(site)}</strong> <a href="/">Home</a><a href="/world">World</a><a href="/politics">Politics</a><a href="/opinion">Opinion</a></nav></header>`;
  const body = `<article><h1>${esc(title)}</h1>\n${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>`;
  const footer = `<footer><nav><a href="/about">About us</a><a href="/contact">Contact</a><a href="/privacy">Privacy</a></nav>
<p class="cookie-notice">We use cookies to improve your experience. <a href="/cookies">Cookie settings</a></p></footer>`;
  return page({ title, header, body, footer, style, published });
}

/** A plain text file (one paragraph per line) as a page. */
function otherHtml(file) {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  return page({ title: lines[0].slice(0, 80), body: `<article>${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}</article>` });
}

const NO_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Links</title></head><body>
<nav><ul>${['Home', 'World', 'Business', 'Sport', 'Culture', 'Weather'].map((l) => `<li><a href="/${l.toLowerCase()}">${l}</a></li>`).join('')}</ul></nav>
</body></html>`;

const FIXTURE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>
<style>body{font:18px/1.6 serif;margin:24px;max-width:640px}</style></head><body>
<p id="a">Officials said “over 1,200 casualties” — 🚀 per day, allegedly.</p>
<p id="b">The ministry <b>may</b> have <i>counted</i> 38,940 losses.</p>
<div style="height:3000px"></div>
<p id="far">A far paragraph with 21 countries in it.</p>
</body></html>`;

/** Names of the saved real pages that have a source.html ([] when the folder is absent). */
export function readabilityPages() {
  if (!existsSync(READABILITY)) return [];
  return readdirSync(READABILITY).filter((n) => existsSync(path.join(READABILITY, n, 'source.html'))).sort();
}

// Dynamic pages: a script changes the article after load (these routes send no CSP).
const DYNAMIC_SCRIPTS = {
  // Infinite scroll: one paragraph with a figure after 500 ms, another after 1,500 ms.
  append: `setTimeout(() => { const p = document.createElement('p'); p.id = 'late1';
    p.textContent = 'Officials said at least 4,321 households lost power overnight.';
    document.querySelector('article').append(p); }, 500);
    setTimeout(() => { const p = document.createElement('p'); p.id = 'late2';
    p.textContent = 'The agency reported 17 new shelters, allegedly all full.';
    document.querySelector('article').append(p); }, 1500);`,
  // SPA navigation: the article is swapped for another one after 500 ms.
  replace: `setTimeout(() => { history.pushState({}, '', '/dynamic/replace/next');
    const a = document.createElement('article'); a.innerHTML = '<h1>Next story</h1>' +
    Array.from({ length: 6 }, (_, i) => '<p>Volunteers counted ' + (1000 + i * 111).toLocaleString('en-US') +
    ' birds along the river this spring, the local club said, and the count ' +
    'may be the highest since records began in the park.</p>').join('');
    document.querySelector('article').replaceWith(a); }, 500);`,
  // Late article: the shell has no article at load; one arrives after 500 ms.
  late: `setTimeout(() => { document.querySelector('main').innerHTML = '<article><h1>Late story</h1>' +
    Array.from({ length: 8 }, (_, i) => '<p>Officials said ' + (200 + i) + ' families were moved ' +
    'to temporary housing after the flood, and the council reportedly expects more requests ' +
    'in the coming weeks as water levels stay high.</p>').join('') + '</article>'; }, 500);`,
};

function dynamicHtml(kind) {
  const script = DYNAMIC_SCRIPTS[kind];
  if (!script) return null;
  if (kind === 'late') return page({ title: 'Late', body: '<p>Loading…</p>' }).replace('</body>', `<script>${script}</script></body>`);
  return articleHtml(corpusFile('000_')).replace('</body>', `<script>${script}</script></body>`);
}

/** A generated article of about `kb` KiB of text: sentences with attributions and figures. */
export function longHtml(kb) {
  const sentences = [
    'Officials said at least 1,200 people were evacuated from the coastal towns on Tuesday.',
    'The figures cannot be independently verified, and the ministry allegedly revised them twice.',
    'According to the regional council, roughly 38,940 homes remain without power.',
    'Engineers expect repairs to take weeks, though the schedule could potentially slip again.',
    'Residents described long queues at the few shops that stayed open through the night.',
  ];
  const paras = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    const p = Array.from({ length: 5 }, (_, j) => sentences[(i + j) % sentences.length]).join(' ');
    paras.push(`<p>${p}</p>`);
    size += p.length;
  }
  return page({ title: `Long article (${kb} KiB)`, body: `<article><h1>Long article</h1>\n${paras.join('\n')}</article>` });
}

const LEGAL = 'By using this site you agree to our terms of service, our privacy policy and the use of cookies for analytics, advertising and personalisation; you can change your choices at any time in the settings linked below, and withdraw consent without affecting earlier processing. ';

/** No article, but busy: `items` list entries (links, as on an index page) and a clock. */
export function busyListHtml(items, { footer = false } = {}) {
  const script = `const ul = document.getElementById('list');
    const frag = document.createDocumentFragment();
    for (let i = 0; i < ${items}; i++) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '/item/' + i;
      a.textContent = 'Item number ' + i + ' of the catalogue';
      li.append(a);
      frag.append(li);
    }
    ul.append(frag);
    const clock = document.getElementById('clock');
    window.__ticks = 0;
    setInterval(() => { clock.textContent = new Date().toISOString(); window.__ticks++; }, 200);`;
  const legal = footer ? `<footer><p>${LEGAL.repeat(2)}</p><p>${LEGAL}</p></footer>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Catalogue</title></head><body>
<header>Catalogue <span id="clock"></span></header><ul id="list"></ul>${legal}<script>${script}</script></body></html>`;
}

/** The sample article `n` elements deep: a page script nests it in `n` <span>s. */
function deepHtml(n) {
  const script = `const article = document.querySelector('article');
    let at = document.querySelector('main');
    for (let i = 0; i < ${n}; i++) { const d = document.createElement('span'); at.append(d); at = d; }
    at.append(article);`;
  return articleHtml(corpusFile('000_')).replace('</body>', `<script>${script}</script></body>`);
}

// Hostile pages: the sample article with something awkward added inside <article>. No page
// scripts except /hostile/postmessage (it only posts messages, never touches the DOM).
export const HOSTILE_MARKUP = '<img src=x onerror=alert(1)>';
const HOSTILE = {
  markup: `<p id="markup">Officials said the caption read ${esc(HOSTILE_MARKUP)} before at least 4,321 households lost power, allegedly.</p>
<p id="markup2">According to the council, &lt;script&gt;alert(2)&lt;/script&gt; appeared in 17 reports.</p>`,
  iframe: '<iframe id="child" src="/hostile/iframe-child" width="600" height="300" title="child"></iframe>',
  shadow: `<div id="open-host"><template shadowrootmode="open"><p>Officials said at least 5,150 people were moved, allegedly.</p></template></div>
<div id="closed-host"><template shadowrootmode="closed"><p>According to the agency, 6,260 homes may be empty.</p></template></div>`,
  editable: `<div id="editable" contenteditable="true"><p>Officials said at least 7,370 people were evacuated, allegedly.</p><p>According to the council, 8,480 homes may be empty.</p></div>
<div id="plain-editable" contenteditable="plaintext-only">The ministry reportedly counted 9,590 losses.</div>`,
  svg: `<svg id="chart" width="600" height="60" viewBox="0 0 600 60"><text x="0" y="20">Officials said at least 2,468 people were evacuated, allegedly.</text><text x="0" y="50" direction="rtl">قال المسؤولون إن 1,357 شخصا</text></svg>`,
  rtl: `<p id="ar" dir="rtl" lang="ar">قال مسؤولون إن 1,200 شخص على الأقل أُجلوا من البلدات الساحلية يوم الثلاثاء، وفقا للمجلس الإقليمي الذي أشار إلى أن 38,940 منزلا ما زالت بلا كهرباء.</p>
<p id="he" dir="rtl" lang="he">לפי הדיווח, 4,500 משפחות פונו מבתיהן, ו־62% מהן עדיין לא חזרו.</p>
<p id="mixed">Officials said the town of «مدينة الشمس» had 2,750 residents, allegedly, and «עיר» 3,120.</p>`,
  postmessage: '',
};
const HOSTILE_SCRIPT = `(() => {
  const fake = { type: 'findings', isArticle: true, count: 1, findings: [{ id: 0, kind: 'hedge', verdict: 'corroborated', ranges: [] }] };
  let n = 0;
  const flood = () => {
    window.postMessage(fake, '*');
    window.postMessage({ type: 'claimlens-toggle' }, '*');
    for (let i = 0; i < window.frames.length; i++) {
      const c = new MessageChannel();
      window.frames[i].postMessage({ type: 'claimlens-init', token: String(n) }, '*', [c.port2]);
      window.frames[i].postMessage({ type: 'page', snapshot: { root: { tag: 'body', children: ['x'] } } }, '*');
      window.frames[i].postMessage(fake, '*');
    }
    window.__posted = ++n;
  };
  setInterval(flood, 1);
  flood();
})();`;

function hostileHtml(kind) {
  if (kind === 'iframe-child') return otherHtml(corpusFile('001_'));
  if (!(kind in HOSTILE)) return null;
  let html = articleHtml(corpusFile('000_')).replace('</article>', `${HOSTILE[kind]}</article>`);
  if (kind === 'postmessage') html = html.replace('</head>', `<script>${HOSTILE_SCRIPT}</script></head>`);
  return html;
}

const TYPES = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };

export function startServer() {
  const routes = {
    '/article': () => [articleHtml(corpusFile('000_'))],
    // The same article, its metadata dating it nine years before the corpus.
    '/article-2015': () => [articleHtml(corpusFile('000_'), { published: '2015-03-01T08:00:00Z' })],
    // No <style> here: the CSP would block it and log an error that is not the extension's.
    '/article-strict': () => [articleHtml(corpusFile('000_'), { style: false }), { 'content-security-policy': STRICT_CSP }],
    '/no-article': () => [NO_ARTICLE],
    '/other': () => [otherHtml(corpusFile('001_'))],
    '/fixture': () => [FIXTURE],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/ext/')) {
      const file = path.join(EXTENSION, path.normalize(url.pathname.slice(5)));
      if (!file.startsWith(EXTENSION)) return res.writeHead(403).end();
      try {
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        return res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
      } catch {
        return res.writeHead(404).end();
      }
    }
    if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
    if (url.pathname.startsWith('/readability/')) {
      const name = decodeURIComponent(url.pathname.slice('/readability/'.length));
      const file = path.join(READABILITY, name, 'source.html');
      if (name.includes('/') || name.startsWith('.') || !existsSync(file)) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP }).end(readFileSync(file));
    }
    if (url.pathname.startsWith('/dynamic/')) {
      const html = dynamicHtml(url.pathname.split('/')[2]);
      if (!html) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (url.pathname.startsWith('/hostile/')) {
      const html = hostileHtml(url.pathname.slice('/hostile/'.length));
      if (!html) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (url.pathname.startsWith('/ecbplus/')) {
      const html = ecbplusHtml(decodeURIComponent(url.pathname.slice('/ecbplus/'.length)));
      if (!html) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (url.pathname === '/busy-list') {
      const items = Math.min(Number(url.searchParams.get('items')) || 50_000, 500_000);
      const html = busyListHtml(items, { footer: url.searchParams.get('footer') === '1' });
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    if (url.pathname === '/deep') {
      const n = Math.min(Number(url.searchParams.get('n')) || 5_000, 200_000);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(deepHtml(n));
    }
    if (url.pathname === '/long') {
      const kb = Math.min(Number(url.searchParams.get('kb')) || 1024, 16 * 1024);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(longHtml(kb));
    }
    const route = routes[url.pathname];
    if (!route) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const [html, headers = {}] = route();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${server.address().port}`;
      resolve({ base, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
