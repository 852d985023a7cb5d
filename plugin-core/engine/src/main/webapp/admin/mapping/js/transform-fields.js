// The inputs of one transform's parameters, and the conversion between them and the mapping file's
// values (numbers and booleans where the file has them, the enum map as "bridge = crm" lines).
import { el, uniqueId } from './dom.js';
import { t } from './i18n.js';

const PHONE_STYLES = ['e164', 'international', 'national', 'rfc3966'];
const WHOLE_NUMBERS = new Set(['scale', 'maxLength']);

/** Builds the inputs of `parameters` (names) filled from `values` (the transform object). */
export function parameterInputs(parameters, values, rowLabel) {
  return parameters.map((name) => {
    const id = uniqueId(`param-${name}`);
    const label = el('label', { for: id }, t(`param.${name}`));
    label.title = `${rowLabel}: ${name}`;
    const input = inputFor(name, values[name], id);
    const field = input.matches('input, select, textarea') ? input : input.querySelector('textarea');
    field.dataset.param = name;
    return el('div', { class: `param param-${name}` }, label, input);
  });
}

function inputFor(name, value, id) {
  if (name === 'style') {
    const select = el('select', { id });
    select.append(el('option', { value: '' }, t('param.choose')));
    for (const style of PHONE_STYLES) select.append(el('option', { value: style }, t(`param.style.${style}`)));
    select.value = value ?? '';
    return select;
  }
  if (name === 'withCurrency') {
    const box = el('input', { id, type: 'checkbox' });
    box.checked = value === true;
    return box;
  }
  if (name === 'values') {
    const area = el('textarea', { id, rows: 3, dir: 'ltr', spellcheck: 'false', 'aria-describedby': `${id}-hint` });
    area.value = enumLines(value);
    return el('span', { class: 'with-hint' }, area, el('small', { id: `${id}-hint`, class: 'hint' }, t('param.values.hint')));
  }
  if (WHOLE_NUMBERS.has(name)) {
    const input = el('input', { id, type: 'number', step: 1, inputmode: 'numeric' });
    input.value = value ?? '';
    return input;
  }
  const input = el('input', { id, type: 'text', dir: 'ltr', spellcheck: 'false' });
  input.value = value ?? '';
  return input;
}

function enumLines(values) {
  if (!values || typeof values !== 'object') return '';
  return Object.entries(values)
    .map(([from, to]) => `${from} = ${to}`)
    .join('\n');
}

function enumValues(text) {
  const values = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    // a line without "=" maps the value to itself
    const from = (at < 0 ? line : line.slice(0, at)).trim();
    const to = (at < 0 ? line : line.slice(at + 1)).trim();
    values[from] = to;
  }
  return values;
}

/** The parameters entered in `container`, as the mapping file writes them (empty ones left out). */
export function parameterValues(container) {
  const out = {};
  for (const field of container.querySelectorAll('[data-param]')) {
    const name = field.dataset.param;
    if (name === 'withCurrency') {
      out[name] = field.checked;
    } else if (name === 'values') {
      const values = enumValues(field.value);
      if (Object.keys(values).length > 0) out[name] = values;
    } else if (field.value.trim() !== '') {
      const text = field.value.trim();
      const number = Number(text);
      out[name] = WHOLE_NUMBERS.has(name) && Number.isInteger(number) ? number : text;
    }
  }
  return out;
}
