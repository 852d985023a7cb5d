// One mapping as a table row: bridge field, CRM field, direction, transform and its parameters,
// conflict rule (only for "both"), default, remove. Problems are shown under the control they name.
import { append, clear, code, el, uniqueId } from './dom.js';
import { has, t } from './i18n.js';
import { parameterInputs, parameterValues } from './transform-fields.js';

/** The control a problem's `property` concerns (the API's and the validator's spellings). */
const PROPERTY_CONTROL = {
  bridge: 'bridge',
  bridgeField: 'bridge',
  crm: 'crm',
  crmField: 'crm',
  target: 'crm',
  direction: 'direction',
  transform: 'transform',
  conflict: 'conflict',
  default: 'default',
  defaultValue: 'default',
};

/**
 * The control a problem concerns: its property, or, for a problem of the file's shape (property
 * "file", message "mappings[2].direction: ..."), the key its path names.
 */
export function controlOf(property, message = '') {
  const head = String(property ?? '').split(/[.[]/)[0];
  if (PROPERTY_CONTROL[head]) return PROPERTY_CONTROL[head];
  const path = /^mappings\[\d+\]\.(\w+)/.exec(message);
  return PROPERTY_CONTROL[path?.[1]] ?? 'crm';
}

export function crmValue(target, key) {
  return `${target}:${key}`;
}

export class MappingRow {
  /** `schema` from GET /mapping/schema; `mapping` one entry of a mapping file. */
  constructor(schema, mapping, { onRemove }) {
    this.schema = schema;
    this.onRemove = onRemove;
    this.index = 0;
    this.tr = el('tr', { class: 'mapping-row' });
    this.build(mapping);
  }

  build(m) {
    const cells = {};
    this.controls = {};
    this.cells = cells;
    this.controls.bridge = this.bridgeSelect(m.bridge);
    this.controls.crm = this.crmSelect(m.target, m.crm);
    this.controls.direction = this.simpleSelect(this.schema.directions, m.direction ?? 'to-crm', 'direction');
    this.controls.transform = this.simpleSelect(
      this.schema.transforms.map((x) => x.type),
      m.transform?.type ?? 'none',
      'transform',
    );
    this.controls.conflict = this.simpleSelect(this.schema.conflictRules, m.conflict ?? '', 'conflict', true);
    this.controls.default = el('input', { type: 'text', dir: 'ltr', spellcheck: 'false' });
    this.controls.default.value = m.default ?? '';
    this.remove = el('button', { type: 'button', class: 'remove' }, t('mapping.remove'));
    this.remove.addEventListener('click', () => this.onRemove(this));

    this.number = el('th', { scope: 'row' });
    this.crmHint = el('small', { class: 'hint field-info', id: uniqueId('crm-info') });
    this.params = el('div', { class: 'params' });
    this.labels = {};
    for (const name of Object.keys(this.controls)) {
      const id = uniqueId(`row-${name}`);
      this.controls[name].id = id;
      this.controls[name].dataset.control = name;
      this.labels[name] = el('label', { for: id, class: 'visually-hidden' });
      cells[name] = el('td', { class: `cell-${name}` }, this.labels[name], this.controls[name]);
    }
    this.controls.crm.setAttribute('aria-describedby', this.crmHint.id);
    cells.crm.append(this.crmHint);
    cells.transform.append(this.params);
    this.tr.append(
      this.number,
      cells.bridge,
      cells.crm,
      cells.direction,
      cells.transform,
      cells.conflict,
      cells.default,
      el('td', { class: 'cell-remove' }, this.remove),
    );
    this.controls.crm.addEventListener('change', () => this.describeCrmField());
    this.controls.direction.addEventListener('change', () => this.conflictApplies());
    this.controls.transform.addEventListener('change', () => this.showParameters({}));
    this.describeCrmField();
    this.conflictApplies();
    this.showParameters(m.transform ?? {});
  }

  bridgeSelect(value) {
    const select = el('select', { dir: 'ltr' });
    select.append(el('option', { value: '' }, t('mapping.noBridge')));
    const groups = { CUSTOMER: el('optgroup', { label: t('bridge.group.customer') }), CONVERSATION: el('optgroup', { label: t('bridge.group.conversation') }) };
    for (const f of this.schema.bridgeFields) {
      const group = groups[f.scope] ?? groups.CUSTOMER;
      const readOnly = f.crmWritable ? '' : ` · ${t('bridge.toCrmOnly')}`;
      group.append(el('option', { value: f.key }, `${f.key} · ${f.kind}${readOnly}`));
    }
    select.append(...Object.values(groups).filter((g) => g.children.length > 0));
    keepUnknown(select, value, value);
    select.value = value ?? '';
    return select;
  }

  crmSelect(target, key) {
    const select = el('select');
    select.append(el('option', { value: '' }, t('mapping.chooseCrm')));
    for (const name of ['REQUESTER', 'TICKET']) {
      const group = el('optgroup', { label: t(`crm.group.${name.toLowerCase()}`) });
      for (const f of this.schema.crmFields.filter((x) => x.target === name)) {
        group.append(el('option', { value: crmValue(name.toLowerCase(), f.key) }, fieldText(f)));
      }
      if (group.children.length > 0) select.append(group);
    }
    const value = key ? crmValue(target ?? 'ticket', key) : '';
    keepUnknown(select, value, `${target ?? '?'}: ${key}`);
    select.value = value;
    return select;
  }

  simpleSelect(values, value, kind, optional = false) {
    const select = el('select');
    if (optional) select.append(el('option', { value: '' }, t(`${kind}.unset`)));
    for (const v of values) select.append(el('option', { value: v }, has(`${kind}.${v}`) ? t(`${kind}.${v}`) : v));
    keepUnknown(select, value, value);
    select.value = value;
    return select;
  }

  crmField() {
    const [target, ...rest] = this.controls.crm.value.split(':');
    const key = rest.join(':');
    return this.schema.crmFields.find((f) => f.target.toLowerCase() === target && f.key === key);
  }

  describeCrmField() {
    clear(this.crmHint);
    const f = this.crmField();
    if (!f) return;
    append(this.crmHint, code(f.key), ` · ${f.type}`);
    if (f.options?.length) append(this.crmHint, ` · ${t('crm.options')}: `, code(f.options.join(', ')));
    if (f.required) append(this.crmHint, ` · ${t('crm.required')}`);
    if (f.readOnly) append(this.crmHint, ` · ${t('crm.readOnly')}`);
  }

  conflictApplies() {
    const both = this.controls.direction.value === 'both';
    this.controls.conflict.disabled = !both;
    this.cells.conflict.classList.toggle('not-applicable', !both);
    if (!both) this.controls.conflict.value = '';
  }

  showParameters(values) {
    const type = this.controls.transform.value;
    const spec = this.schema.transforms.find((x) => x.type === type);
    clear(this.params);
    append(this.params, parameterInputs(spec?.parameters ?? [], values, this.rowLabel()));
  }

  rowLabel() {
    return t('row.label', { n: this.index + 1 });
  }

  setIndex(index) {
    this.index = index;
    this.number.textContent = String(index + 1);
    for (const [name, label] of Object.entries(this.labels)) {
      label.textContent = t(`row.${name}`, { n: index + 1 });
    }
    this.remove.setAttribute('aria-label', t('row.remove', { n: index + 1 }));
  }

  /** The mapping as the file writes it. */
  value() {
    const out = {};
    const bridge = this.controls.bridge.value;
    const type = this.controls.transform.value;
    if (bridge) out.bridge = bridge;
    const [target, ...rest] = this.controls.crm.value.split(':');
    if (this.controls.crm.value) {
      out.target = target;
      out.crm = rest.join(':');
    }
    out.direction = this.controls.direction.value;
    if (out.direction === 'both' && this.controls.conflict.value) out.conflict = this.controls.conflict.value;
    if (this.controls.default.value.trim() !== '') out.default = this.controls.default.value.trim();
    if (type && type !== 'none') out.transform = { type, ...parameterValues(this.params) };
    return out;
  }

  clearProblems() {
    this.tr.classList.remove('has-problem');
    for (const node of this.tr.querySelectorAll('.field-problem')) node.remove();
    for (const control of Object.values(this.controls)) {
      control.removeAttribute('aria-invalid');
      const described = (control.getAttribute('aria-describedby') || '')
        .split(' ')
        .filter((id) => id && !id.startsWith('problem-'));
      if (described.length) control.setAttribute('aria-describedby', described.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }

  /** Shows `message` under the control `property` names; returns that control. */
  addProblem(property, message) {
    const control = this.controls[controlOf(property, message)];
    const id = uniqueId('problem');
    const note = el('p', { class: 'field-problem', id }, message);
    control.closest('td').append(note);
    control.setAttribute('aria-invalid', 'true');
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
    this.tr.classList.add('has-problem');
    return control;
  }
}

function fieldText(f) {
  const flags = [f.type];
  if (f.options?.length) flags.push(f.options.slice(0, 6).join('/') + (f.options.length > 6 ? '/…' : ''));
  if (f.required) flags.push(t('crm.required'));
  if (f.readOnly) flags.push(t('crm.readOnly'));
  return `${f.label || f.key} · ${flags.join(' · ')}`;
}

/** A value the schema does not offer (from an older version or a file) stays visible and selected. */
function keepUnknown(select, value, text) {
  if (!value || [...select.options].some((o) => o.value === value)) return;
  select.append(el('option', { value }, `${text} (${t('mapping.unknown')})`));
}
