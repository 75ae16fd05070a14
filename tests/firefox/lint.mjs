// `web-ext lint` (Mozilla's addons-linter, as addons.mozilla.org runs it on upload) over the
// Firefox build, offline. Prints one line per message and fails on any error or warning; notices
// are printed but do not fail. Usage: node tests/firefox/lint.mjs [DIR] (default
// target/extension-firefox).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(here, '../../target/extension-firefox'));
const webExt = path.join(here, 'node_modules/.bin/web-ext');
const run = spawnSync(webExt, ['lint', '--no-config-discovery', '--source-dir', dir, '--output', 'json'], {
  encoding: 'utf8',
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  process.stderr.write(`web-ext lint gave no JSON report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
const { errors = [], warnings = [], notices = [] } = report;
for (const [label, list] of [['error', errors], ['warning', warnings], ['notice', notices]]) {
  for (const m of list) {
    const where = m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}` : '';
    console.log(`${label} ${m.code}${where}: ${m.message}`);
  }
}
const failed = errors.length + warnings.length;
console.log(`web-ext lint ${path.relative(process.cwd(), dir) || '.'}: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
process.exit(failed ? 1 : 0);
