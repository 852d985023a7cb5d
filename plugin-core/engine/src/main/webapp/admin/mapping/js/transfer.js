// Export (a download of the saved mapping as JSON or YAML) and import (a file; nothing is applied
// when it is invalid, and its problems are listed).
import { ApiError, headerValue, mappingPath, request } from './api.js';
import { byId, clear, el } from './dom.js';
import { t } from './i18n.js';
import { problemText } from './mapping-editor.js';

export class Transfer {
  /** `page` gives connection(), announce(), fail(), reloadMapping(). */
  constructor(page) {
    this.page = page;
    byId('export-json').addEventListener('click', () => this.export('json'));
    byId('export-yaml').addEventListener('click', () => this.export('yaml'));
    byId('import-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.import();
    });
  }

  async export(format) {
    try {
      const response = await request('GET', `${mappingPath(this.page.connection(), 'export')}?format=${format}`, {
        raw: true,
        headers: { Accept: format === 'yaml' ? 'application/yaml' : 'application/json' },
      });
      const blob = await response.blob();
      const name = fileName(response.headers.get('Content-Disposition')) ?? `mapping-${this.page.connection()}.${format}`;
      const link = el('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      this.page.announce(t('transfer.exported', { name }));
    } catch (e) {
      this.page.fail(e);
    }
  }

  async import() {
    const file = byId('import-file').files[0];
    const problems = clear(byId('import-problems'));
    problems.hidden = true;
    if (!file) {
      this.page.fail(new Error(t('transfer.noFile')));
      byId('import-file').focus();
      return;
    }
    const type = /\.ya?ml$/i.test(file.name) ? 'application/yaml' : 'application/json';
    const comment = byId('import-comment').value.trim() || t('transfer.defaultComment', { name: file.name });
    try {
      const created = await request('POST', mappingPath(this.page.connection(), 'import'), {
        body: { raw: await file.text(), type },
        headers: { 'X-Switchboard-Comment': headerValue(comment) },
      });
      byId('import-file').value = '';
      await this.page.reloadMapping();
      this.page.announce(t('transfer.imported', { v: created.version }));
    } catch (e) {
      if (e instanceof ApiError && e.problems.length > 0) {
        for (const p of e.problems) problems.append(el('li', {}, problemText(p)));
        problems.hidden = false;
        problems.tabIndex = -1;
        problems.focus();
        this.page.announce(t('transfer.invalid', { n: e.problems.length }));
      } else {
        this.page.fail(e);
      }
    }
  }
}

function fileName(disposition) {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}
