// The table of mappings: rows from a mapping file, back to a mapping file, and problems placed on
// the row (problem.index) and control (problem.property) they concern.
import { MappingRow } from './mapping-row.js';
import { byId, clear, el } from './dom.js';
import { t } from './i18n.js';

export const FORMAT = 'switchboard-mapping/1';

export class MappingEditor {
  constructor() {
    this.tbody = byId('mapping-rows');
    this.empty = byId('no-rows');
    this.setProblems = byId('set-problems');
    this.schema = null;
    this.rows = [];
  }

  load(schema, mappingFile) {
    this.schema = schema;
    this.rows = [];
    clear(this.tbody);
    for (const m of mappingFile?.mappings ?? []) this.appendRow(m);
    this.renumber();
    this.clearProblems();
  }

  /** Rebuilds every row (after a language change) keeping the values entered. */
  rerender() {
    if (this.schema) this.load(this.schema, this.value());
  }

  appendRow(mapping) {
    const row = new MappingRow(this.schema, mapping, { onRemove: (r) => this.removeRow(r) });
    this.rows.push(row);
    this.tbody.append(row.tr);
    return row;
  }

  addRow() {
    const row = this.appendRow({ direction: 'to-crm' });
    this.renumber();
    row.controls.bridge.focus();
    return row;
  }

  removeRow(row) {
    const at = this.rows.indexOf(row);
    this.rows.splice(at, 1);
    row.tr.remove();
    this.renumber();
    const next = this.rows[Math.min(at, this.rows.length - 1)];
    (next ? next.remove : byId('add-row')).focus();
  }

  renumber() {
    this.rows.forEach((row, i) => row.setIndex(i));
    this.empty.hidden = this.rows.length > 0;
  }

  value() {
    return { format: FORMAT, mappings: this.rows.map((row) => row.value()) };
  }

  clearProblems() {
    this.rows.forEach((row) => row.clearProblems());
    clear(this.setProblems).hidden = true;
  }

  /**
   * Shows each problem on its row and control (or above the table when it concerns the whole set)
   * and returns the first control concerned, for the caller to focus.
   */
  showProblems(problems) {
    this.clearProblems();
    let first = null;
    for (const p of problems) {
      const row = Number.isInteger(p.index) ? this.rows[p.index] : undefined;
      if (row) {
        const control = row.addProblem(p.property, p.message);
        first ??= control;
      } else {
        this.setProblems.append(el('li', {}, problemText(p)));
        this.setProblems.hidden = false;
      }
    }
    if (!first && !this.setProblems.hidden) {
      this.setProblems.tabIndex = -1;
      first = this.setProblems;
    }
    return first;
  }
}

/** A problem as one line of text: the API's objects or a parser's "path: message" strings. */
export function problemText(p) {
  if (typeof p === 'string') return p;
  const where = Number.isInteger(p.index) && p.index >= 0 ? `${t('row.label', { n: p.index + 1 })}: ` : '';
  return `${where}${p.message ?? p.detail ?? JSON.stringify(p)}`;
}
