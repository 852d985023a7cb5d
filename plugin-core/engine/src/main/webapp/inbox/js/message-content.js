// What a message says, by its type, from the engine's neutral content JSON (MessageContentJson for
// the customer's messages, OutboundContentJson / NeutralOutboundContent for ours): text, files,
// locations, contact cards, replies to buttons and lists, orders, templates, system notices. Every
// value goes in as text; links are only ever http(s) or the bridge's own signed media links.

import { APP_ROOT } from './api.js';
import { code, el, name, safeUrl, text } from './dom.js';
import { formatBytes, formatMoney, formatNumber, t } from './i18n.js';

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker', 'file']);

/** The content of one message as a node (a <div class="content">). */
export function renderContent(message) {
  const c = message.content && typeof message.content === 'object' ? message.content : {};
  const type = message.type || c.type || 'text';
  const box = el('div', { class: `content content-${cssSafe(type)}`, 'data-content-type': type });
  if (type === 'text') box.append(text('p', c.text ?? message.body, { class: 'text' }));
  else if (MEDIA_TYPES.has(type) || c.file) media(box, type, c, message.media ?? []);
  else if (type === 'location') location(box, c);
  else if (type === 'contacts') contacts(box, c);
  else if (type === 'interactive' || type === 'button') interactive(box, c, message);
  else if (type === 'order') order(box, c);
  else if (type === 'template') template(box, c, message);
  else if (type === 'system') box.append(text('p', c.text ?? c.summary ?? message.body, { class: 'system-text' }));
  else if (type === 'reaction') reaction(box, c);
  else unsupported(box, c, message);
  return box;
}

function cssSafe(type) {
  return String(type).replace(/[^a-z0-9_-]/gi, '');
}

function media(box, type, c, files) {
  const file = files[0];
  // the path keeps the file on this page's origin (img-src 'self') whatever the bridge's public URL
  const stored = file && String(file.status).toLowerCase() === 'stored';
  const url = stored ? safeUrl(file.path ? new URL(file.path, APP_ROOT).href : file.url) : null;
  const label = file?.fileName ?? c.fileName ?? t(`media.${type}`);
  if (url && (type === 'image' || type === 'sticker')) {
    const img = el('img', { src: url, alt: c.caption ?? label, loading: 'lazy', class: type === 'sticker' ? 'sticker' : 'image', decoding: 'async' });
    box.append(type === 'sticker' ? img : el('a', { href: url, target: '_blank', rel: 'noopener', class: 'image-link' }, img));
  } else if (url && (type === 'video' || type === 'audio')) {
    box.append(el(type, { src: url, controls: true, preload: 'none', class: type }, el('a', { href: url }, label)));
  } else if (url) {
    box.append(fileLink(url, label, file.size ?? c.size, file.mimeType ?? c.mimeType));
  } else {
    box.append(mediaState(file, label, c.size));
  }
  if (url && (type === 'video' || type === 'audio') && file.fileName) box.append(el('p', { class: 'file-name' }, name(file.fileName)));
  if (c.caption) box.append(text('p', c.caption, { class: 'caption' }));
}

function fileLink(url, label, size, mimeType) {
  return el(
    'a',
    { href: url, download: label, class: 'file', target: '_blank', rel: 'noopener' },
    el('span', { class: 'file-icon', 'aria-hidden': 'true' }, '📄'),
    el('span', { class: 'file-label' }, name(label)),
    size >= 0 ? el('span', { class: 'file-size' }, formatBytes(size)) : null,
    mimeType ? el('span', { class: 'visually-hidden' }, mimeType) : null,
  );
}

function mediaState(file, label, size) {
  const status = String(file?.status ?? 'pending').toLowerCase();
  const key = status === 'pending' ? 'media.pending' : status === 'expired' ? 'media.expired' : 'media.unavailable';
  return el(
    'p',
    { class: `media-state media-${cssSafe(status)}`, 'data-media-status': status },
    el('span', { class: 'file-icon', 'aria-hidden': 'true' }, status === 'pending' ? '⏳' : '🚫'),
    ' ',
    t(key),
    ': ',
    name(label),
    size >= 0 ? ` (${formatBytes(size)})` : '',
  );
}

function location(box, c) {
  if (c.name) box.append(text('p', c.name, { class: 'place-name' }));
  if (c.address) box.append(text('p', c.address, { class: 'place-address' }));
  const lat = String(c.latitude ?? '');
  const lon = String(c.longitude ?? '');
  const valid = /^-?\d+(\.\d+)?$/.test(lat) && /^-?\d+(\.\d+)?$/.test(lon);
  const coordinates = code(`${lat}, ${lon}`);
  box.append(
    el('p', { class: 'place-coordinates' },
      el('span', { 'aria-hidden': 'true' }, '📍 '),
      valid
        ? el('a', {
            href: `https://www.openstreetmap.org/?mlat=${encodeURIComponent(lat)}&mlon=${encodeURIComponent(lon)}#map=17/${encodeURIComponent(lat)}/${encodeURIComponent(lon)}`,
            target: '_blank',
            rel: 'noopener',
            class: 'map-link',
          }, t('location.open'), ' ', coordinates)
        : coordinates),
  );
}

function contacts(box, c) {
  const cards = Array.isArray(c.cards) ? c.cards : [];
  const list = el('ul', { class: 'contact-cards' });
  for (const card of cards) {
    const item = el('li', { class: 'contact-card' }, el('p', { class: 'contact-name' }, el('span', { 'aria-hidden': 'true' }, '👤 '), name(card.name ?? '-')));
    if (card.organisation) item.append(text('p', card.organisation, { class: 'contact-organisation' }));
    const entries = el('dl', { class: 'contact-entries' });
    for (const [key, label] of [['phones', 'contact.phone'], ['emails', 'contact.email'], ['addresses', 'contact.address']]) {
      for (const entry of Array.isArray(card[key]) ? card[key] : []) {
        entries.append(el('dt', {}, t(label), entry.label ? ` (${entry.label})` : ''));
        entries.append(el('dd', {}, key === 'addresses' ? text('span', entry.value) : code(entry.value)));
      }
    }
    if (entries.childElementCount > 0) item.append(entries);
    list.append(item);
  }
  box.append(el('p', { class: 'contact-summary' }, t('contact.shared', { n: cards.length })), list);
}

function interactive(box, c, message) {
  if (c.outbound || c.style) {
    // what we sent: a body with reply buttons or a list
    if (c.header) box.append(text('p', c.header, { class: 'interactive-header' }));
    box.append(text('p', c.body ?? message.body, { class: 'text' }));
    const options = el('ul', { class: 'interactive-options' });
    for (const section of Array.isArray(c.sections) ? c.sections : []) {
      if (section.title) options.append(el('li', { class: 'section-title' }, text('span', section.title)));
      for (const o of Array.isArray(section.options) ? section.options : []) options.append(el('li', { class: 'option' }, text('span', o.title)));
    }
    if (options.childElementCount > 0) box.append(options);
    if (c.footer) box.append(text('p', c.footer, { class: 'interactive-footer' }));
    return;
  }
  const kind = String(c.kind ?? 'BUTTON').toLowerCase();
  if (kind === 'flow') {
    box.append(el('p', { class: 'interactive-choice' }, t('interactive.flow'), c.title ? [' ', name(`“${c.title}”`)] : ''));
    flowAnswers(box, c.response);
    return;
  }
  const title = c.title ?? c.text ?? c.summary ?? message.body ?? '-';
  box.append(
    el('p', { class: 'interactive-choice' },
      el('span', { class: 'choice-label' }, t(kind === 'list' ? 'interactive.list' : 'interactive.button')),
      ' ',
      el('span', { class: 'choice-title', dir: 'auto' }, title)),
  );
  if (c.description) box.append(text('p', c.description, { class: 'choice-description' }));
}

function flowAnswers(box, response) {
  let answers = null;
  try {
    answers = typeof response === 'string' ? JSON.parse(response) : response;
  } catch {
    answers = null;
  }
  if (!answers || typeof answers !== 'object') return;
  const list = el('dl', { class: 'flow-answers' });
  for (const [key, value] of Object.entries(answers)) {
    if (key === 'flow_token') continue;
    list.append(el('dt', {}, code(key)), el('dd', {}, text('span', typeof value === 'string' ? value : JSON.stringify(value))));
  }
  box.append(list);
}

function order(box, c) {
  const items = Array.isArray(c.items) ? c.items : [];
  const currencies = new Set(items.map((i) => i.currency).filter(Boolean));
  const currency = c.currency ?? (currencies.size === 1 ? [...currencies][0] : null);
  const table = el('table', { class: 'order-table' },
    el('caption', {}, t('order.caption', { n: items.length }), c.catalogId ? [' · ', code(c.catalogId)] : ''),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('order.product')),
      el('th', { scope: 'col', class: 'number' }, t('order.quantity')),
      el('th', { scope: 'col', class: 'number' }, t('order.unitPrice')),
      el('th', { scope: 'col', class: 'number' }, t('order.lineTotal')))));
  const body = el('tbody');
  for (const i of items) {
    const line = Number(i.unitPrice) * Number(i.quantity);
    body.append(el('tr', {},
      el('td', {}, code(i.productId ?? i.title ?? '-')),
      el('td', { class: 'number' }, formatNumber(Number(i.quantity) || 0)),
      el('td', { class: 'number' }, formatMoney(i.unitPrice, i.currency)),
      el('td', { class: 'number' }, Number.isNaN(line) ? '' : formatMoney(String(line), i.currency))));
  }
  table.append(body);
  const total = currencies.size > 1 ? t('order.mixedCurrencies') : formatMoney(c.total, currency);
  table.append(el('tfoot', {}, el('tr', {},
    el('th', { scope: 'row', colspan: '3' }, t('order.total')),
    el('td', { class: 'number order-total' }, total))));
  box.append(el('div', { class: 'table-scroll' }, table));
  if (c.note) box.append(text('p', c.note, { class: 'order-note' }));
}

function template(box, c, message) {
  box.append(el('p', { class: 'template-name' }, el('span', { 'aria-hidden': 'true' }, '📋 '), t('template.sent'), ' ', code(c.name ?? '')));
  if (c.refused) {
    const problems = el('ul', { class: 'template-problems' });
    for (const p of Array.isArray(c.problems) ? c.problems : []) problems.append(text('li', `${p.part}: ${p.detail}`));
    box.append(el('p', { class: 'template-refused' }, t('template.refused')), problems);
    return;
  }
  box.append(text('p', c.rendered ?? message.body, { class: 'text' }));
}

function reaction(box, c) {
  box.append(el('p', { class: 'reaction-line' }, c.removed ? t('reaction.removed') : [t('reaction.reacted'), ' ', el('span', { class: 'emoji' }, c.emoji ?? '')]));
}

function unsupported(box, c, message) {
  box.append(el('p', { class: 'unsupported' }, el('span', { 'aria-hidden': 'true' }, '❔ '), text('span', c.summary ?? message.body ?? t('message.unsupported'))));
  if (c.reason) box.append(text('p', c.reason, { class: 'unsupported-reason' }));
}

/** A one-line excerpt of a message (for quotes), at most 160 characters. */
export function excerpt(message) {
  const c = message.content && typeof message.content === 'object' ? message.content : {};
  const value = String(c.text ?? c.caption ?? c.rendered ?? c.summary ?? message.body ?? '').replace(/\s+/g, ' ').trim();
  const chars = [...value];
  return chars.length > 160 ? `${chars.slice(0, 160).join('')}…` : value;
}
