// Local test pages for the end-to-end tests and the demo, served on 127.0.0.1 (random port).
//   /article         the sample article corpus/000_….txt as a news page
//   /article-strict  the same under a CSP that forbids everything
//   /no-article      navigation links only
//   /other           corpus/001_….txt as a page
//   /fixture         a plain page (no extension run) for driving content/highlights.js directly
//   /ext/…           files of extension/ (for /fixture)
import http from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION = path.join(ROOT, 'extension');
const CORPUS = path.join(ROOT, 'corpus');
const STRICT_CSP = "default-src 'none'; style-src 'none'; frame-src 'none'; script-src 'none'";

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const corpusFile = (prefix) => path.join(CORPUS, readdirSync(CORPUS).find((f) => f.startsWith(prefix)));

// Page chrome; the text column sits on the left so a 360px sidebar fits beside it at 1280px.
const STYLE = `body{margin:0;font:18px/1.6 Georgia,serif;color:#222;background:#fff}
header,footer{font:14px system-ui,sans-serif;background:#f3f3f3;padding:12px 32px}
nav a{margin-right:16px;color:#036}
main{max-width:720px;padding:8px 32px 48px}
h1{font-size:34px;line-height:1.2}`;

function page({ title, header = '', body, footer = '', style = true }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta property="og:type" content="article">
${style ? `<style>${STYLE}</style>` : ''}</head><body>
${header}<main>${body}</main>${footer}
</body></html>`;
}

/** The sample article: first line → site header, title → <h1>, paragraphs → <p> in <article>. */
export function articleHtml(file, { style = true } = {}) {
  const blocks = readFileSync(file, 'utf8').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const [site, title, ...paras] = blocks;
  const header = `<header><nav><strong>${esc(site)}</strong> <a href="/">Home</a><a href="/world">World</a><a href="/politics">Politics</a><a href="/opinion">Opinion</a></nav></header>`;
  const body = `<article><h1>${esc(title)}</h1>\n${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>`;
  const footer = `<footer><nav><a href="/about">About us</a><a href="/contact">Contact</a><a href="/privacy">Privacy</a></nav>
<p class="cookie-notice">We use cookies to improve your experience. <a href="/cookies">Cookie settings</a></p></footer>`;
  return page({ title, header, body, footer, style });
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

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json' };

export function startServer() {
  const routes = {
    '/article': () => [articleHtml(corpusFile('000_'))],
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
