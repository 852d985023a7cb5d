// Who the customer is, beside the conversation: contact details, the CRM profile fields mapped
// to the bridge, identities per channel, orders (newest first, lines on demand), earlier
// conversations with their tickets, and the conversation's labels (chips, add, remove).

import { conversationPath, put, ApiError } from './api.js';
import { byId, clear, code, el, name, safeUrl, text } from './dom.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, t } from './i18n.js';

export class CustomerPanel {
  /** @param page {changed(conversation), announce(text)} */
  constructor(page) {
    this.page = page;
    this.conversation = null;
    byId('label-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const input = byId('label-input');
      const label = input.value.trim();
      if (label && !this.conversation.labels.includes(label)) this.saveLabels([...this.conversation.labels, label]).then(() => (input.value = ''), () => {});
    });
  }

  open(conversation) {
    this.conversation = conversation;
    conversation.labels = Array.isArray(conversation.labels) ? conversation.labels : [];
    const customer = conversation.customer ?? {};
    this.details(customer);
    this.fields(customer.fields ?? {});
    this.identities(customer.identities ?? []);
    this.orders(customer.orders ?? []);
    this.previous(customer.conversations ?? []);
    this.labels();
    byId('customer-panel').dataset.customerId = customer.id ?? '';
  }

  details(c) {
    const list = clear(byId('customer-details-list'));
    byId('customer-name').replaceChildren(name(c.name || t('customer.unknown')));
    const rows = [
      ['customer.phone', c.phone, true],
      ['customer.email', c.email, true],
      ['customer.language', c.language, true],
    ];
    for (const [key, value, isCode] of rows) {
      if (!value) continue;
      list.append(el('dt', {}, t(key)), el('dd', { 'data-field': key.split('.')[1] }, isCode ? code(value) : text('span', value)));
    }
  }

  fields(fields) {
    const entries = Object.entries(fields).filter(([, v]) => v !== null && v !== undefined && v !== '');
    const list = clear(byId('customer-fields-list'));
    byId('customer-fields').hidden = entries.length === 0;
    for (const [key, value] of entries) {
      list.append(el('dt', {}, text('span', key)), el('dd', { 'data-field': key }, text('span', typeof value === 'object' ? JSON.stringify(value) : String(value))));
    }
  }

  identities(identities) {
    const list = clear(byId('customer-identities-list'));
    byId('customer-identities').hidden = identities.length === 0;
    for (const i of identities) {
      list.append(el('li', { class: 'identity', 'data-kind': i.kind }, el('span', { class: 'identity-kind' }, t(`channel.${i.kind}`) === `channel.${i.kind}` ? i.kind : t(`channel.${i.kind}`)), ' ', code(i.value)));
    }
  }

  orders(orders) {
    const list = clear(byId('customer-orders-list'));
    byId('customer-orders-empty').hidden = orders.length > 0;
    for (const o of orders) {
      const total = o.total ? formatMoney(o.total.amount, o.total.currency) : '';
      const lines = Array.isArray(o.lines) ? o.lines : [];
      const details = el('details', { class: 'order', 'data-order-number': o.number },
        el('summary', {},
          // a catalog order sent in the chat has the message id as its number: no use to an agent
          el('span', { class: 'order-number' }, ...(String(o.number ?? '').startsWith('wamid.') ? [t('order.fromChat')] : ['#', code(o.number)])),
          el('span', { class: 'order-date' }, o.placedAt ? el('time', { datetime: o.placedAt }, formatDate(o.placedAt)) : ''),
          el('span', { class: 'order-status' }, text('span', o.status ?? '')),
          el('span', { class: 'order-total' }, total)));
      if (lines.length > 0) {
        const table = el('table', { class: 'order-lines' },
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, t('order.product')),
            el('th', { scope: 'col', class: 'number' }, t('order.quantity')),
            el('th', { scope: 'col', class: 'number' }, t('order.unitPrice')))));
        const body = el('tbody');
        for (const line of lines) {
          body.append(el('tr', {},
            el('td', {}, text('span', line.title ?? '-')),
            el('td', { class: 'number' }, formatNumber(Number(line.quantity) || 0)),
            el('td', { class: 'number' }, formatMoney(line.unitPrice, o.total?.currency))));
        }
        table.append(body);
        details.append(table);
      } else {
        details.append(el('p', { class: 'hint' }, t('orders.noLines')));
      }
      list.append(el('li', {}, details));
    }
  }

  previous(conversations) {
    const list = clear(byId('customer-conversations-list'));
    const others = conversations.filter((c) => c.id !== this.conversation.id);
    byId('customer-conversations-empty').hidden = others.length > 0;
    for (const c of others) {
      const href = safeUrl(c.ticket?.url);
      const label = [t(`channel.${c.channel}`) === `channel.${c.channel}` ? c.channel : t(`channel.${c.channel}`), formatDateTime(c.createdAt), t(`status.conversation.${c.status}`)]
        .filter(Boolean).join(' · ');
      list.append(el('li', { class: 'previous-conversation', 'data-conversation-id': c.id },
        el('span', {}, label),
        href ? [' ', el('a', { href, target: '_top', class: 'ticket-link' }, t('ticket.link', { id: c.ticket.id }))] : null));
    }
  }

  labels() {
    const chips = clear(byId('label-chips'));
    for (const label of this.conversation.labels) {
      chips.append(el('li', { class: 'label-chip', 'data-label': label },
        text('span', label),
        el('button', {
          type: 'button',
          class: 'label-remove',
          'aria-label': t('labels.remove', { label }),
          on: { click: () => this.saveLabels(this.conversation.labels.filter((l) => l !== label)).catch(() => {}) },
        }, '×')));
    }
    byId('labels-empty').hidden = this.conversation.labels.length > 0;
  }

  async saveLabels(labels) {
    const box = byId('labels-error');
    box.hidden = true;
    try {
      const answer = await put(conversationPath(this.conversation.id, 'labels'), { labels });
      this.conversation.labels = Array.isArray(answer?.labels) ? answer.labels : labels;
      this.labels();
      this.page.changed(this.conversation);
    } catch (e) {
      box.textContent = e instanceof ApiError && e.errors.length ? e.errors.map((x) => x.detail ?? x).join(' · ') : e.message;
      box.hidden = false;
      throw e;
    }
  }
}
