// Dry run: find a customer, then show what the mappings in the editor (saved or not) would write.
import { request, mappingPath } from './api.js';
import { byId, clear, code, el, uniqueId } from './dom.js';
import { onLanguageChange, t } from './i18n.js';
import { problemText } from './mapping-editor.js';

export class DryRun {
  /** `page` gives connection(), draft(), announce(), fail(). */
  constructor(page) {
    this.page = page;
    this.result = null;
    onLanguageChange(() => this.result && this.render(this.result));
    byId('customer-search').addEventListener('submit', (e) => {
      e.preventDefault();
      this.search();
    });
    byId('run-dry-run').addEventListener('click', () => this.run());
  }

  chosen() {
    return byId('customer-list').querySelector('input[name="customer"]:checked')?.value;
  }

  async search() {
    const q = byId('customer-query').value.trim();
    try {
      const answer = await request('GET', `customers?q=${encodeURIComponent(q)}&limit=20`);
      const list = clear(byId('customer-list'));
      const customers = answer.customers ?? [];
      for (const c of customers) {
        const id = uniqueId('customer');
        const radio = el('input', { type: 'radio', name: 'customer', id, value: c.id });
        radio.addEventListener('change', () => {
          byId('run-dry-run').disabled = false;
        });
        const details = [c.phone, c.email].filter(Boolean);
        list.append(
          el(
            'div',
            { class: 'choice' },
            radio,
            el('label', { for: id }, el('bdi', {}, c.name || t('dryRun.unnamed')), ...details.map((d) => [' · ', code(d)])),
          ),
        );
      }
      byId('customer-results').hidden = false;
      if (customers.length === 0) list.append(el('p', { class: 'hint' }, t('dryRun.noCustomer')));
      byId('run-dry-run').disabled = !this.chosen();
      this.page.announce(t('dryRun.found', { n: customers.length }));
      list.querySelector('input')?.focus();
    } catch (e) {
      this.page.fail(e);
    }
  }

  async run() {
    const customerId = this.chosen();
    if (!customerId) return;
    try {
      const result = await request('POST', mappingPath(this.page.connection(), 'dry-run'), {
        body: { customerId, mapping: this.page.draft() },
      });
      this.render(result);
      this.page.announce(t('dryRun.done', { n: (result.writes ?? []).length }));
    } catch (e) {
      this.page.fail(e);
    }
  }

  render(result) {
    this.result = result;
    const rows = clear(byId('dry-run-rows'));
    const writes = result.writes ?? [];
    for (const w of writes) {
      const unchanged = typeof w.changes === 'boolean' ? !w.changes : w.current === w.value;
      rows.append(
        el(
          'tr',
          { class: unchanged ? 'unchanged' : 'changes' },
          el('td', {}, t(`crm.group.${String(w.target).toLowerCase()}`)),
          el('td', {}, code(w.objectId ?? '')),
          el('td', {}, code(w.crmField), w.bridgeField ? el('small', { class: 'hint' }, `${t('dryRun.from')} `, code(w.bridgeField)) : null),
          el('td', {}, w.current === null || w.current === undefined ? el('em', {}, t('dryRun.empty')) : code(w.current)),
          el('td', {}, w.value === null || w.value === undefined ? el('em', {}, t('dryRun.empty')) : code(w.value)),
        ),
      );
    }
    byId('dry-run-nothing').hidden = writes.length > 0;
    fillList(byId('dry-run-problems'), (result.problems ?? []).map((p) => (p.crmField ? `${p.crmField}: ${p.message}` : problemText(p))));
    fillList(byId('dry-run-notes'), result.notes ?? []);
    byId('dry-run-result').hidden = false;
  }
}

function fillList(list, items) {
  clear(list);
  for (const item of items) list.append(el('li', {}, item));
  list.hidden = items.length === 0;
}
