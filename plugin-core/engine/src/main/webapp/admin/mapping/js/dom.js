// Building DOM from values: text always goes in as textContent, never as markup, so whatever the
// API or a mapping file contains is shown, not run.

/**
 * el('td', {class: 'x', dir: 'ltr'}, 'text', childNode) -> an element.
 * Attributes with null/undefined/false values are left out; `true` sets an empty attribute.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
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

/** Code-like text (field keys, values): isolated and left-to-right inside Arabic text. */
export function code(text) {
  return el('bdi', { dir: 'ltr', class: 'code' }, text);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

let uniqueCounter = 0;
export function uniqueId(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}
