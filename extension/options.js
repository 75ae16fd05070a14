// The settings page: the reader's settings (settings.js), saved as soon as they change; the
// keyboard shortcuts as the browser has them; and the reference corpus — the reader's own,
// imported here, built on this device by the Rust core (pkg/claimlens_import.js: the sidebar's
// module plus the import, loaded on the first import only) and stored by corpus-store.js. HTML
// articles become the same page snapshot the content script sends (content/snapshot.js over a
// DOMParser document, which runs no script and loads nothing).
import { removeStoredCorpus, storeCorpus, storedCorpusInfo, watchStoredCorpus } from './corpus-store.js';

const ns = globalThis.ClaimLens;
const Settings = ns.settings;
const ext = globalThis.browser ?? globalThis.chrome;
const form = document.getElementById('settings');
let settings = Settings.normalize(null);

// --- Settings --------------------------------------------------------------------------------

/** Shows `s` in the form (and the chosen style in the preview and swatches). */
function show(s) {
  settings = s;
  for (const name of Object.keys(Settings.CHOICES)) {
    for (const input of form.elements[name]) input.checked = input.value === s[name];
  }
  for (const input of form.elements.kind) input.checked = s.kinds[input.value];
  for (const list of ['never', 'always']) showSites(list, s[list]);
  for (const palette of Settings.CHOICES.palette) {
    document.documentElement.classList.toggle(`palette-${palette}`, palette !== 'default' && palette === s.palette);
  }
  ns.applyHighlightStyle(s);
}

function showSites(list, sites) {
  const ul = document.getElementById(`${list}-list`);
  ul.replaceChildren();
  if (!sites.length) {
    ul.append(Object.assign(document.createElement('li'), { className: 'none', textContent: 'None yet.' }));
    return;
  }
  for (const site of sites) {
    const li = document.createElement('li');
    const name = Object.assign(document.createElement('span'), { textContent: site });
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
    remove.dataset.remove = list;
    remove.dataset.site = site;
    remove.setAttribute('aria-label', `Remove ${site} from “${list === 'never' ? 'never' : 'always'}”`);
    li.append(name, remove);
    ul.append(li);
  }
}

const sitesMessage = document.getElementById('sites-message');

async function save(changes) {
  show(await Settings.save(changes));
}

form.addEventListener('change', (e) => {
  const input = e.target;
  if (input.name === 'kind') {
    save({ kinds: { ...settings.kinds, [input.value]: input.checked } });
  } else if (input.name in Settings.CHOICES) {
    save({ [input.name]: input.value });
  }
});

/** Adds the site typed into the list's field. */
async function addSite(list) {
  const field = document.getElementById(`${list}-input`);
  const site = Settings.site(field.value);
  if (!site) {
    sitesMessage.textContent = field.value.trim() ? `“${field.value.trim()}” is not a site address.` : 'Type a site first, such as example.org.';
    field.focus();
    return;
  }
  const other = list === 'never' ? 'always' : 'never';
  await save({ [list]: [...settings[list], site], [other]: settings[other].filter((s) => s !== site) });
  field.value = '';
  sitesMessage.textContent = `Added ${site} to “${list}”.`;
}

form.addEventListener('click', async (e) => {
  const button = e.target.closest('button');
  if (!button) return;
  if (button.dataset.add) {
    addSite(button.dataset.add);
  } else if (button.dataset.remove) {
    const { remove: list, site } = button.dataset;
    await save({ [list]: settings[list].filter((s) => s !== site) });
    sitesMessage.textContent = `Removed ${site} from “${list}”.`;
    document.getElementById(`${list}-input`).focus();
  }
});

for (const list of ['never', 'always']) {
  document.getElementById(`${list}-input`).addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addSite(list);
    }
  });
}

/** Paints the preview sentence's three kinds with the chosen style (CSS Custom Highlights). */
function paintPreview() {
  const text = document.getElementById('preview').firstChild;
  const marks = { attribution: 'The ministry said', hedge: 'allegedly', statistic: 'over 1,200 people' };
  for (const [kind, words] of Object.entries(marks)) {
    const at = text.data.indexOf(words);
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + words.length);
    CSS.highlights?.set(`claimlens-${kind}`, new Highlight(range));
  }
}

// --- Shortcuts as the browser has them ---------------------------------------------------------

async function showShortcuts() {
  let commands = [];
  try {
    commands = await ext.commands.getAll();
  } catch {
    return; // the suggested keys stay
  }
  for (const c of commands) {
    const cell = document.querySelector(`#shortcuts tr[data-command="${c.name}"] td:last-child`);
    if (!cell) continue;
    if (c.shortcut) cell.replaceChildren(Object.assign(document.createElement('kbd'), { textContent: c.shortcut }));
    else cell.textContent = 'not set';
  }
}

// --- The reference corpus ------------------------------------------------------------------------

const corpusStatus = document.getElementById('corpus-status');
const corpusError = document.getElementById('corpus-error');
const removeButton = document.getElementById('corpus-remove');
const bytesText = (n) => new Intl.NumberFormat('en', { style: 'unit', unit: n >= 1e6 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 })
  .format(n >= 1e6 ? n / 1e6 : Math.max(0.1, n / 1e3));
const dateText = (iso) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

async function showCorpus() {
  const info = await storedCorpusInfo().catch(() => null);
  const name = document.getElementById('corpus-name');
  if (info) {
    name.replaceChildren(
      Object.assign(document.createElement('strong'), { textContent: `Your corpus “${info.name}”` }),
      ` — ${info.description}; ${bytesText(info.size)}, imported ${dateText(info.date)}.`,
    );
  } else {
    name.replaceChildren(
      Object.assign(document.createElement('strong'), { textContent: 'The bundled corpus' }),
      ' — the sample articles that come with ClaimLens.',
    );
  }
  removeButton.hidden = !info;
}

removeButton.addEventListener('click', async () => {
  await removeStoredCorpus();
  corpusError.textContent = '';
  corpusStatus.textContent = 'Your corpus was removed: the bundled corpus is used again.';
  await showCorpus();
});

let wasm = null;
/** The Rust core, loaded on the first import. */
const core = () => (wasm ??= import('./pkg/claimlens_import.js').then(async (m) => {
  await m.default();
  return m;
}));

const extension = (name) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
const ARTICLE = new Set(['txt', 'html', 'htm', 'md', 'markdown']);
const LINES = new Set(['jsonl', 'ndjson', 'json']);
const CORPUS = new Set(['corpus', 'bin']);
/** Largest file read (the CLI's limit too). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** An HTML file as the page snapshot the content script would send of it. */
async function htmlSnapshot(name, html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const { snapshot } = await ns.snapshotAsync(doc.body);
  return { ...snapshot, url: name, title: doc.title.trim() };
}

/** Text of an article file, refusing what is no text. */
async function textOf(file) {
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 64 MiB`);
  const text = await file.text();
  if (text.includes('\0')) throw new Error(`${file.name} looks binary, not an article`);
  return text;
}

/**
 * Builds a corpus from the chosen files with the core: one .corpus file (checked), one JSON
 * Lines file, or article files (a folder) with their catalog.tsv. Returns the core's
 * CorpusImport and a name for it; throws with a reader's message.
 */
async function build(files, folder) {
  const m = await core();
  const kinds = files.map((f) => extension(f.name));
  if (files.length === 1 && CORPUS.has(kinds[0])) {
    return { made: m.readCorpusFile(new Uint8Array(await files[0].arrayBuffer())), name: files[0].name };
  }
  if (kinds.some((k) => LINES.has(k) || CORPUS.has(k))) {
    if (files.length > 1) throw new Error('choose one JSON Lines file, one .corpus file, or articles — not a mix');
    const lines = (await textOf(files[0])).split('\n');
    const records = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const record = JSON.parse(line);
        if (record === null || typeof record !== 'object' || Array.isArray(record)) records.push({ line: i + 1, error: 'not a JSON object' });
        else records.push({ line: i + 1, record });
      } catch (err) {
        records.push({ line: i + 1, error: `not a JSON object: ${err.message}` });
      }
    });
    return { made: m.buildCorpusFromRecords(records), name: files[0].name };
  }
  const catalogFile = files.find((f) => f.name.toLowerCase() === 'catalog.tsv');
  const articles = files.filter((f) => ARTICLE.has(extension(f.name)));
  if (!articles.length) throw new Error('no .txt, .html or .md articles among the chosen files');
  const items = [];
  const unread = [];
  for (const f of articles) {
    try {
      const text = await textOf(f);
      const kind = extension(f.name);
      items.push(kind === 'html' || kind === 'htm' ? { name: f.name, snapshot: await htmlSnapshot(f.name, text) } : { name: f.name, text });
    } catch (err) {
      unread.push(err.message);
    }
  }
  const made = m.buildCorpusFromFiles(items, catalogFile ? await textOf(catalogFile) : undefined);
  return { made, name: folder ?? (articles.length === 1 ? articles[0].name : `${articles.length} articles`), unread };
}

/** Imports the chosen files; a failure leaves the stored corpus as it was. */
async function importFiles(list, input) {
  const files = [...list];
  if (!files.length) return;
  // A folder's files carry their path: the folder's name names the corpus.
  const folder = files[0].webkitRelativePath ? files[0].webkitRelativePath.split('/')[0] : null;
  corpusError.textContent = '';
  corpusStatus.textContent = `Reading ${files.length === 1 ? files[0].name : `${files.length} files`}…`;
  input.disabled = true;
  try {
    const { made, name, unread = [] } = await build(files, folder);
    const bytes = made.bytes;
    await storeCorpus({
      name, size: bytes.length, date: new Date().toISOString(), documents: made.documents,
      passages: made.passages, description: made.description,
    }, bytes);
    const skipped = [...unread, ...made.skipped];
    const left = skipped.length ? ` Left out: ${skipped.join('; ')}.` : '';
    corpusStatus.textContent = `Imported “${name}”: ${made.description.replace(/^Reference corpus: /, '')}. Every tab now compares with it.${left}`;
    made.free();
  } catch (err) {
    corpusStatus.textContent = '';
    const why = String(err?.message ?? err).replace(/\.$/, '');
    corpusError.textContent = `Could not import it: ${why}. Your current corpus is unchanged.`;
  } finally {
    input.disabled = false;
    input.value = '';
    await showCorpus();
  }
}

for (const id of ['pick-folder', 'pick-files']) {
  const input = document.getElementById(id);
  input.addEventListener('change', () => importFiles(input.files, input));
}

// --- Start ---------------------------------------------------------------------------------------

paintPreview();
Settings.load().then(show);
Settings.watch(show);
watchStoredCorpus(showCorpus);
showShortcuts();
showCorpus();
