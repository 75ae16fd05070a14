// The palette stays apart for readers with colour-vision deficiencies: every pair of kind and
// verdict-class colours of the sidebar (light and dark) keeps a CIE76 ΔE of at least MIN_DELTA
// under simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009,
// severity 1), and the page's highlights use the sidebar's kind colours. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIN_DELTA = 15;
const NAMES = ['attribution', 'hedge', 'statistic', 'v-differs', 'v-same', 'v-absent'];

const SIMULATIONS = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};

/** The text between `/* palette:NAME:begin *\/` and its end marker in a file. */
function block(file, name) {
  const css = readFileSync(path.join(ROOT, file), 'utf8');
  const m = css.match(new RegExp(`palette:${name}:begin \\*/([\\s\\S]*?)/\\* palette:${name}:end`));
  assert.ok(m, `${file}: palette:${name} block`);
  return m[1];
}

/** `--name: #rrggbb` custom properties of a block. */
function colours(css) {
  const out = {};
  for (const [, name, hex] of css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)) out[name] = hex;
  return out;
}

const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));

/** CIE L*a*b* of linear RGB (sRGB primaries, D65). */
function lab([r, g, b]) {
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const simulate = (m, c) => m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
const delta = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

for (const scheme of ['light', 'dark']) {
  test(`sidebar palette (${scheme}): every pair apart under colour-vision deficiencies`, () => {
    const palette = colours(block('extension/sidebar.css', scheme));
    for (const n of NAMES) assert.ok(palette[n], `--${n} in the ${scheme} palette`);
    const worst = [];
    for (const [sim, m] of Object.entries(SIMULATIONS)) {
      for (let i = 0; i < NAMES.length; i++) {
        for (let j = i + 1; j < NAMES.length; j++) {
          const d = delta(lab(simulate(m, rgb(palette[NAMES[i]]))), lab(simulate(m, rgb(palette[NAMES[j]]))));
          worst.push({ d, pair: `${NAMES[i]}/${NAMES[j]} (${sim})` });
        }
      }
    }
    worst.sort((a, b) => a.d - b.d);
    assert.ok(worst[0].d >= MIN_DELTA, `closest: ${worst[0].pair} ΔE ${worst[0].d.toFixed(1)}`);
  });
}

test('page highlights use the sidebar\'s kind colours', () => {
  const light = colours(block('extension/sidebar.css', 'light'));
  const page = block('extension/content.css', 'page');
  for (const kind of ['attribution', 'hedge', 'statistic']) {
    const rule = page.match(new RegExp(`::highlight\\(claimlens-${kind}\\)\\s*{([^}]*)}`));
    assert.ok(rule, `a rule for ${kind}`);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(light[kind].slice(i, i + 2), 16));
    assert.match(rule[1], new RegExp(`rgb\\(${r} ${g} ${b}\\b`), `${kind} in ${light[kind]}`);
  }
  // Three different mark styles, so kinds differ in more than hue.
  const styles = [...page.matchAll(/underline (\w+)/g)].map((m) => m[1]);
  assert.ok(new Set(styles).size >= 2, styles.join(', '));
});
