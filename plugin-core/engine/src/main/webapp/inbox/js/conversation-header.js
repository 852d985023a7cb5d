// The strip above the timeline: the customer's name, the channel, the window (open until ... /
// closed since ...), the labels and a link to the CRM ticket (target=_top: out of the frame).

import { byId, clear, el, name, safeUrl } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { channelBadge } from './inbox-list.js';

export function renderHeader(c) {
  byId('conversation-name').replaceChildren(name(c.customer?.name || c.customer?.phone || t('customer.unknown')));
  byId('conversation-channel').replaceChildren(channelBadge(c.channel) ?? '');
  const window = c.window ?? {};
  const state = byId('window-state');
  state.dataset.open = String(window.open !== false);
  state.textContent =
    window.open === false
      ? t('window.stateClosed', { time: formatDateTime(window.closedSince ?? window.closesAt) })
      : window.closesAt
        ? t('window.stateOpen', { time: formatDateTime(window.closesAt) })
        : t('window.stateOpenNoEnd');
  const labels = clear(byId('header-labels'));
  for (const label of c.labels ?? []) labels.append(el('li', { class: 'label-chip small', 'data-label': label }, el('span', { dir: 'auto' }, label)));
  labels.hidden = labels.childElementCount === 0;
  const link = byId('ticket-link');
  const href = safeUrl(c.ticket?.url);
  link.hidden = !href;
  if (href) {
    link.href = href;
    link.textContent = t('ticket.link', { id: c.ticket.id });
  }
  byId('conversation-status').textContent = c.status === 'CLOSED' ? t('status.conversation.CLOSED') : '';
  byId('conversation-status').hidden = c.status !== 'CLOSED';
}
