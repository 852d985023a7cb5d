// The field-mapping page: wires the token prompt, the connection choice, the mapping editor,
// validation and saving, dry run, versions and import/export together.
import { ApiError, mappingPath, onUnauthorized, request, session } from './api.js';
import { byId, clear, el } from './dom.js';
import { formatDateTime, onLanguageChange, preferredLanguage, setLanguage, t } from './i18n.js';
import { MappingEditor } from './mapping-editor.js';
import { DryRun } from './dry-run.js';
import { Versions } from './versions.js';
import { Transfer } from './transfer.js';

const CONNECTION_KEY = 'switchboard.mapping.connection';

const state = { connection: null, schema: null, saved: null, baseline: null };
const editor = new MappingEditor();

const page = {
  connection: () => state.connection,
  draft: () => editor.value(),
  announce,
  fail,
  reloadMapping: () => loadMapping(),
};
const versions = new Versions(page);
new DryRun(page);
new Transfer(page);

function announce(message) {
  const region = byId('announcer');
  region.textContent = '';
  // a new text node after a tick, so that screen readers announce a repeated message too
  setTimeout(() => {
    region.textContent = message;
  }, 50);
  byId('alert').hidden = true;
}

/** Shows an error (an API problem or any other) in the alert region. */
function fail(error, ...actions) {
  const alert = clear(byId('alert'));
  if (error instanceof ApiError) {
    const p = error.problem;
    alert.append(el('strong', {}, error.status === 401 ? t('error.unauthorized') : p.title || t('error.generic')));
    if (p.detail) alert.append(' ', el('bdi', {}, p.detail));
  } else {
    alert.append(el('strong', {}, t('error.generic')), ' ', el('bdi', {}, error.message));
  }
  for (const action of actions) alert.append(' ', action);
  alert.hidden = false;
}

function askToken(reason) {
  const dialog = byId('token-dialog');
  const why = byId('token-reason');
  why.textContent = reason ?? '';
  why.hidden = !reason;
  byId('token-input').value = '';
  byId('token-actor').value = session.actor();
  return new Promise((resolve) => {
    dialog.onclose = () => {
      const token = byId('token-input').value.trim();
      if (token) session.setToken(token);
      const actor = byId('token-actor').value.trim();
      if (actor) {
        session.setActor(actor);
        byId('actor').value = actor;
      }
      resolve();
    };
    if (!dialog.open) dialog.showModal();
    byId('token-input').focus();
  });
}

onUnauthorized(() => askToken(t('token.rejected')));

async function loadConnections() {
  const answer = await request('GET', 'crm-connections');
  const list = Array.isArray(answer) ? answer : answer.connections ?? [];
  const select = clear(byId('connection'));
  for (const c of list) select.append(el('option', { value: c.id }, `${c.id} (${c.plugin})`));
  if (list.length === 0) {
    select.append(el('option', { value: '' }, t('connection.none')));
    select.disabled = true;
    return;
  }
  const wanted = new URLSearchParams(location.hash.slice(1)).get('connection') ?? localStorage.getItem(CONNECTION_KEY);
  select.value = list.some((c) => c.id === wanted) ? wanted : list[0].id;
  await chooseConnection(select.value);
}

async function chooseConnection(id) {
  state.connection = id;
  localStorage.setItem(CONNECTION_KEY, id);
  state.schema = await request('GET', mappingPath(id, 'schema'));
  await loadMapping();
}

async function loadMapping() {
  state.saved = await request('GET', mappingPath(state.connection));
  editor.load(state.schema, state.saved.mapping);
  byId('dry-run-result').hidden = true; // it showed what other rows would write
  // the saved version as the rows give it back, so that only real edits count as changes
  state.baseline = JSON.stringify(editor.value().mappings);
  describeVersion();
  markUnsaved();
  await versions.load(state.saved.version);
  // which connection and version the page shows, for tests and for styling
  document.body.dataset.connection = state.connection;
  document.body.dataset.version = String(state.saved.version);
}

/** Shows whether the rows differ from the saved version, and warns before leaving with changes. */
function markUnsaved() {
  const unsaved = state.baseline !== null && JSON.stringify(editor.value().mappings) !== state.baseline;
  byId('unsaved').hidden = !unsaved;
  return unsaved;
}

function describeVersion() {
  const v = state.saved;
  byId('mapping-version').textContent =
    v.version > 0
      ? t('mapping.version', { v: v.version, author: v.author ?? '?', when: formatDateTime(v.createdAt) })
      : t('mapping.noVersion');
}

async function validate() {
  editor.clearProblems();
  try {
    const answer = await request('POST', mappingPath(state.connection, 'validate'), { body: { mapping: editor.value() } });
    if (answer.valid) {
      editor.clearProblems();
      announce(t('validate.ok'));
    } else {
      showProblems(answer.problems ?? []);
    }
  } catch (e) {
    fail(e);
  }
}

function showProblems(problems) {
  const first = editor.showProblems(problems);
  announce(t('validate.problems', { n: problems.length }));
  first?.focus();
}

async function save() {
  const comment = byId('save-comment').value.trim();
  editor.clearProblems(); // problems shown now are from before the edits being saved
  try {
    const created = await request('PUT', mappingPath(state.connection), {
      body: { comment, baseVersion: state.saved.version, mapping: editor.value() },
    });
    byId('save-comment').value = '';
    await loadMapping();
    announce(t('save.done', { v: created.version }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 422 && e.problems.length > 0) {
      showProblems(e.problems);
    } else if (e instanceof ApiError && e.status === 409) {
      const reload = el('button', { type: 'button' }, t('save.reload'));
      reload.addEventListener('click', () => loadMapping().then(() => announce(t('save.reloaded')), fail));
      fail(e, el('span', {}, t('save.conflict')), reload);
      reload.focus();
    } else {
      fail(e);
    }
  }
}

function wire() {
  const language = byId('language');
  language.addEventListener('change', () => setLanguage(language.value));
  const actor = byId('actor');
  actor.value = session.actor();
  actor.addEventListener('change', () => session.setActor(actor.value));
  byId('change-token').addEventListener('click', async () => {
    await askToken();
    await start();
  });
  byId('connection').addEventListener('change', (e) => chooseConnection(e.target.value).catch(fail));
  byId('add-row').addEventListener('click', () => {
    editor.addRow();
    markUnsaved();
  });
  const table = byId('mapping-rows');
  for (const kind of ['input', 'change', 'click']) table.addEventListener(kind, () => setTimeout(markUnsaved));
  window.addEventListener('beforeunload', (e) => {
    if (markUnsaved()) e.preventDefault();
  });
  byId('validate').addEventListener('click', validate);
  byId('save').addEventListener('click', save);
  onLanguageChange((lang) => {
    language.value = lang;
    byId('announcer').textContent = '';
    editor.rerender();
    versions.render();
    if (state.saved) describeVersion();
  });
}

async function start() {
  try {
    await loadConnections();
    document.body.dataset.ready = 'true';
  } catch (e) {
    fail(e);
  }
}

async function main() {
  wire();
  await setLanguage(preferredLanguage());
  if (!session.token()) await askToken();
  await start();
}

main();
