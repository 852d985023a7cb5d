// Building DOM from values: text always goes in as textContent (text nodes), never as markup, so
// whatever a customer, an agent or the API sends is shown, not run.

/**
 * el('p', {class: 'x', dir: 'auto'}, 'text', childNode) -> an element.
 * Attributes with null/undefined/false values are left out; `true` sets an empty attribute.
 * Functions under `on` are event listeners: el('button', {on: {click: fn}}, 'Send').
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'on') {
      for (const [event, listener] of Object.entries(value)) node.addEventListener(event, listener);
      continue;
    }
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Text a person wrote (a message, a preview): its own direction, decided by its first letters. */
export function text(tag, value, attributes = {}) {
  return el(tag, { dir: 'auto', ...attributes }, value ?? '');
}

/** A name inside a sentence: isolated so that an Arabic name does not reorder the words around it. */
export function name(value, attributes = {}) {
  return el('bdi', { class: 'name', ...attributes }, value ?? '');
}

/** Code-like text (ids, phone numbers, order numbers): left-to-right and isolated. */
export function code(value) {
  return el('bdi', { dir: 'ltr', class: 'code' }, value ?? '');
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

export function show(node, visible) {
  node.hidden = !visible;
  return node;
}

let uniqueCounter = 0;
export function uniqueId(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/** Only http(s) links (and same-origin paths) become hrefs; anything else (javascript:, data:) is dropped. */
export function safeUrl(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
