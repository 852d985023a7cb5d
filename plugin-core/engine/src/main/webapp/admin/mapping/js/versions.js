// The versions of a connection's mapping: the list, the differences between two, and rollback.
import { mappingPath, request } from './api.js';
import { append, byId, clear, code, el } from './dom.js';
import { formatDateTime, onLanguageChange, t } from './i18n.js';

export class Versions {
  /** `page` gives connection(), announce(), fail() and reloadMapping(). */
  constructor(page) {
    this.page = page;
    this.list = [];
    this.current = 0;
    this.diff = null;
    onLanguageChange(() => {
      this.render();
      if (this.diff) this.renderDiff(this.diff);
    });
    byId('diff-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.showDiff();
    });
  }

  async load(currentVersion) {
    this.current = currentVersion;
    const answer = await request('GET', mappingPath(this.page.connection(), 'versions'));
    this.list = answer.versions ?? [];
    this.render(false);
    this.diff = null;
    byId('diff-result').hidden = true;
  }

  /** keepChoice: keep the versions chosen for the diff (a re-render), else the newest two. */
  render(keepChoice = true) {
    const rows = clear(byId('version-rows'));
    byId('no-versions').hidden = this.list.length > 0;
    for (const v of this.list) {
      const tr = el(
        'tr',
        { 'data-version': v.version, class: v.version === this.current ? 'current' : null },
        el('th', { scope: 'row' }, String(v.version), v.version === this.current ? el('span', { class: 'badge' }, t('versions.current')) : null),
        el('td', {}, el('bdi', {}, v.author ?? '')),
        el('td', {}, el('time', { datetime: v.createdAt }, formatDateTime(v.createdAt))),
        el('td', {}, el('bdi', {}, v.comment ?? '')),
        el('td', {}, counts(v)),
        el('td', {}, this.rollbackButton(v)),
      );
      rows.append(tr);
    }
    this.fillDiffChoices(keepChoice);
  }

  rollbackButton(v) {
    if (v.version === this.current) return null;
    const button = el('button', { type: 'button', class: 'rollback' }, t('versions.rollback'));
    button.setAttribute('aria-label', t('versions.rollbackTo', { v: v.version }));
    button.addEventListener('click', () => this.confirmRollback(v.version, button));
    return button;
  }

  fillDiffChoices(keepChoice) {
    const from = byId('diff-from');
    const to = byId('diff-to');
    const keepFrom = keepChoice ? from.value : null;
    const keepTo = keepChoice ? to.value : null;
    for (const select of [from, to]) {
      clear(select);
      for (const v of this.list) select.append(el('option', { value: v.version }, t('versions.option', { v: v.version })));
    }
    const versions = this.list.map((v) => String(v.version));
    to.value = versions.includes(keepTo) ? keepTo : versions[0] ?? '';
    from.value = versions.includes(keepFrom) ? keepFrom : versions[1] ?? versions[0] ?? '';
    byId('diff-form').hidden = this.list.length < 2;
  }

  async showDiff() {
    const from = byId('diff-from').value;
    const to = byId('diff-to').value;
    try {
      const diff = await request('GET', `${mappingPath(this.page.connection(), 'diff')}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      this.renderDiff(diff);
      this.page.announce(byId('diff-summary').textContent);
    } catch (e) {
      this.page.fail(e);
    }
  }

  renderDiff(diff) {
    this.diff = diff;
    const list = clear(byId('diff-changes'));
    byId('diff-summary').textContent = t('diff.summary', { from: diff.from, to: diff.to, n: diff.changes.length });
    for (const c of diff.changes) {
      list.append(
        el(
          'li',
          { class: `change change-${c.kind}` },
          el('strong', {}, t(`diff.${c.kind}`)),
          ' ',
          code(c.key),
          c.before ? el('div', { class: 'before' }, el('span', {}, t('diff.before')), ' ', code(summary(c.before))) : null,
          c.after ? el('div', { class: 'after' }, el('span', {}, t('diff.after')), ' ', code(summary(c.after))) : null,
        ),
      );
    }
    byId('diff-result').hidden = false;
  }

  confirmRollback(version, opener) {
    const dialog = byId('rollback-dialog');
    byId('rollback-question').textContent = t('rollback.question', { v: version, current: this.current });
    byId('rollback-comment').value = t('rollback.defaultComment', { v: version });
    dialog.returnValue = '';
    dialog.onclose = async () => {
      if (dialog.returnValue !== 'confirm') {
        opener.focus();
        return;
      }
      await this.rollback(version, byId('rollback-comment').value.trim());
    };
    dialog.showModal();
    byId('rollback-cancel').focus();
  }

  async rollback(version, comment) {
    try {
      const created = await request('POST', mappingPath(this.page.connection(), 'rollback'), {
        body: { version, comment },
      });
      await this.page.reloadMapping();
      this.page.announce(t('rollback.done', { v: version, created: created.version }));
      const heading = byId('versions-heading');
      heading.tabIndex = -1;
      heading.focus();
    } catch (e) {
      this.page.fail(e);
    }
  }
}

function counts(v) {
  return append(
    el('bdi', { class: 'counts', dir: 'ltr' }),
    el('span', { class: 'added', title: t('versions.added') }, `+${v.added ?? 0}`),
    ' ',
    el('span', { class: 'removed', title: t('versions.removed') }, `−${v.removed ?? 0}`),
    ' ',
    el('span', { class: 'changed', title: t('versions.changed') }, `~${v.changed ?? 0}`),
  );
}

/** One mapping in one line, for the diff: bridge -> crm (direction, transform). */
function summary(m) {
  const transform = m.transform ? ` ${JSON.stringify(m.transform)}` : '';
  const conflict = m.conflict ? ` ${m.conflict}` : '';
  const dflt = m.default !== undefined ? ` default=${m.default}` : '';
  return `${m.bridge ?? '∅'} → ${m.target}:${m.crm} [${m.direction}${conflict}]${transform}${dflt}`;
}
