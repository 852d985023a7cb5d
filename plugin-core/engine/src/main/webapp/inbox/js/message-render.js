// One message of the timeline as a bubble: side (customer at the start, us at the end; mirrored
// in RTL by logical CSS), author and time, delivery ticks, a failure with its plain-language
// reason and Retry, the quoted message, the forwarded marker and the reactions standing on it.
// Selenium finds bubbles by li.message[data-message-id][data-status].

import { el, name } from './dom.js';
import { formatDateTime, formatTime, t } from './i18n.js';
import { excerpt, renderContent } from './message-content.js';

const TICKS = { PENDING: '🕓', SENDING: '🕓', SENT: '✓', DELIVERED: '✓✓', READ: '✓✓', FAILED: '⚠' };

/**
 * @param message the API's message (or a local one being sent: status SENDING)
 * @param context {customerName, lookup(externalId) -> message|undefined, retry(message),
 *     reply(message), jump(externalId)}
 */
export function renderMessage(message, context) {
  const outbound = message.direction === 'OUT';
  const system = message.type === 'system';
  const classes = ['message', outbound ? 'out' : 'in'];
  if (message.note) classes.push('note');
  if (system) classes.push('system');
  if (message.type === 'reaction') classes.push('reaction-message');
  if (message.status === 'FAILED') classes.push('failed');
  if (message.local) classes.push('local');
  const item = el('li', {
    class: classes.join(' '),
    id: `message-${message.id}`,
    'data-message-id': message.id,
    'data-status': message.status ?? '',
    'data-direction': message.direction ?? '',
    'data-type': message.type ?? '',
    'data-external-id': message.externalId ?? null,
    'data-note': message.note ? 'true' : null,
  });
  const bubble = el('div', { class: 'bubble' });
  if (message.note) bubble.append(el('p', { class: 'note-label' }, el('span', { 'aria-hidden': 'true' }, '🔒 '), t('message.note')));
  if (message.forwarded || message.content?.forwarded) {
    bubble.append(el('p', { class: 'forwarded' }, el('span', { 'aria-hidden': 'true' }, '↪ '),
      t(message.content?.frequentlyForwarded ? 'message.forwardedMany' : 'message.forwarded')));
  }
  const quoted = message.quotedExternalId ?? message.content?.quoted ?? message.content?.replyTo;
  if (quoted && message.type !== 'reaction') bubble.append(quote(quoted, context));
  bubble.append(renderContent(message));
  bubble.append(meta(message, context));
  if (message.status === 'FAILED') bubble.append(failure(message, context));
  item.append(bubble);
  if (Array.isArray(message.reactions) && message.reactions.length > 0) item.append(reactions(message.reactions));
  if (!system && !message.local && message.externalId && !message.note) {
    item.append(el('button', {
      type: 'button',
      class: 'reply-button',
      'data-i18n-attr': 'aria-label:message.replyTo,title:message.replyTo',
      'aria-label': t('message.replyTo'),
      title: t('message.replyTo'),
      on: { click: () => context.reply(message) },
    }, '↩'));
  }
  return item;
}

function meta(message, context) {
  const at = message.sentAt ?? message.createdAt;
  const outbound = message.direction === 'OUT';
  const author = message.author ?? (outbound ? t('message.business') : context.customerName || t('message.customer'));
  const line = el('p', { class: 'meta' },
    message.type === 'system' ? null : el('span', { class: 'author' }, name(author)),
    at ? el('time', { datetime: at, title: formatDateTime(at), class: 'time' }, formatTime(at)) : null);
  if (outbound && !message.note && TICKS[message.status]) {
    const label = t(`status.${message.status}`);
    line.append(el('span', {
      class: `ticks status-${message.status.toLowerCase()}`,
      role: 'img',
      'aria-label': label,
      title: message.statusAt ? `${label} · ${formatDateTime(message.statusAt)}` : label,
    }, TICKS[message.status]));
  }
  return line;
}

function failure(message, context) {
  const reason = message.explanation ?? message.errorMessage ?? t('status.failedGeneric');
  const box = el('div', { class: 'failure' },
    el('p', { class: 'explanation', dir: 'auto' }, reason),
    message.errorCode ? el('p', { class: 'error-code' }, t('status.errorCode'), ' ', el('bdi', { dir: 'ltr' }, message.errorCode)) : null);
  if (!message.local || message.retry) {
    box.append(el('button', {
      type: 'button',
      class: 'retry-button',
      on: { click: (e) => context.retry(message, e.currentTarget) },
    }, t('status.retry')));
  }
  return box;
}

function quote(externalId, context) {
  const block = el('blockquote', { class: 'quote', 'data-quoted-external-id': externalId });
  fillQuote(block, context);
  return block;
}

/** Writes (or rewrites, once older messages are loaded) what a quote block quotes. */
export function fillQuote(block, context) {
  const externalId = block.dataset.quotedExternalId;
  const target = context.lookup(externalId);
  const content = target
    ? el('button', { type: 'button', class: 'quote-link', on: { click: () => context.jump(externalId) } },
        el('span', { class: 'quote-author' }, target.direction === 'OUT' ? t('quote.ours') : t('quote.theirs')),
        el('span', { class: 'quote-text', dir: 'auto' }, excerpt(target) || t('quote.noText')))
    : el('span', { class: 'quote-missing' }, t('quote.earlier'));
  block.replaceChildren(content);
  block.dataset.resolved = target ? 'true' : 'false';
}

function reactions(list) {
  return el('ul', { class: 'reactions', 'aria-label': t('message.reactions') },
    list.map((r) => el('li', {
      class: `reaction from-${r.from === 'business' ? 'business' : 'customer'}`,
      'data-from': r.from,
      title: t(r.from === 'business' ? 'reaction.fromBusiness' : 'reaction.fromCustomer'),
    }, r.emoji)));
}
