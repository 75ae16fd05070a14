// extension/protocol.js on its own (no browser): messages are made only with their fields, and
// read only from their sender with well-typed fields; anything else is ignored (null).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import { EXTENSION } from './server.mjs';

const context = vm.createContext({});
vm.runInContext(readFileSync(path.join(EXTENSION, 'protocol.js'), 'utf8'), context);
const { make, read, MESSAGES, MIN_ARTICLE_CHARS, PROSE_TAGS, PUBLISHED_META } = context.ClaimLens.protocol;

test('every message is made with its fields and read back from its sender only', () => {
  const samples = {
    toggle: {},
    step: { forward: true },
    init: { token: 'abc' },
    page: { url: 'u', title: 't', published: '2024-06-01', from: 0, remove: 0, rows: { depth: [], tag: [], text: [] }, done: true },
    focus: { id: 3 },
    highlights: { first: true, root: 4, highlights: [] },
    findings: { isArticle: true, count: 0, findings: [], done: true },
    reveal: { id: 2 },
    collapse: {},
    filter: { kind: 'hedge', visible: false },
    corpus: {},
    read: { snapshot: { url: 'u', title: 't', published: '', depth: [0], tag: ['body'], text: [''] } },
  };
  assert.deepEqual(Object.keys(samples).sort(), Object.keys(MESSAGES).sort(), 'a sample per message');
  for (const [name, fields] of Object.entries(samples)) {
    const msg = make(name, fields);
    assert.equal(read(msg, MESSAGES[name].from), name);
    for (const other of ['worker', 'content', 'sidebar'].filter((f) => f !== MESSAGES[name].from)) {
      assert.equal(read(msg, other), null, `${name} from ${other}`);
    }
  }
});

test('malformed messages are refused: made ones throw, received ones are ignored', () => {
  const cases = [
    ['focus', {}],
    ['step', {}],
    ['step', { forward: 1 }],
    ['focus', { id: '3' }],
    ['filter', { kind: 'hedge' }],
    ['findings', { isArticle: true, count: 1, findings: {}, done: true }],
    ['findings', { isArticle: true, count: 1, findings: [] }],
    ['page', { url: 'u', title: 't', published: '', from: 0, remove: 0, rows: null, done: true }],
    ['page', { url: 'u', title: 't', published: '', from: '0', remove: 0, rows: {}, done: true }],
    ['page', { url: 'u', title: 't', published: 2024, from: 0, remove: 0, rows: {}, done: true }],
    ['highlights', { first: 1, root: 0, highlights: [] }],
    ['highlights', { first: true, highlights: [] }],
  ];
  for (const [name, fields] of cases) {
    assert.throws(() => make(name, fields), { name: 'TypeError' }, `${name} ${JSON.stringify(fields)}`);
    assert.equal(read({ type: MESSAGES[name].type, ...fields }, MESSAGES[name].from), null);
  }
  assert.throws(() => make('expand'), { name: 'TypeError' });
  for (const junk of [null, undefined, 42, 'findings', [], { type: 'expand' }, { type: 'constructor' }, { type: '__proto__' }]) {
    assert.equal(read(junk, 'sidebar'), null, JSON.stringify(junk));
  }
});

test('the core\'s article gate constants are there (generated from src/page/gate.rs)', () => {
  assert.equal(typeof MIN_ARTICLE_CHARS, 'number');
  assert.ok(MIN_ARTICLE_CHARS > 0);
  assert.ok(PROSE_TAGS.includes('p'));
  assert.ok(PUBLISHED_META.includes('article:published_time'));
});
