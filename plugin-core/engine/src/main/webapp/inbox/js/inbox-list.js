// The list of conversations: views (mine, unassigned, team, all) as tabs with their counts,
// channel / label / status filters, a search box (300 ms after the last key), items in the
// server's order (longest-waiting customer first) with how long they have waited, refreshed
// every 30 s without a reload.

import { get } from './api.js';
import { byId, clear, el, name, text } from './dom.js';
import { formatDuration, formatTime, t } from './i18n.js';

const VIEWS = ['mine', 'unassigned', 'team', 'all'];
const SEARCH_DELAY_MS = 300;
const WAITING_REFRESH_MS = 30000;

export class InboxList {
  /** @param page {session(), select(id), fail(error)} */
  constructor(page) {
    this.page = page;
    this.view = 'all';
    this.selected = null;
    this.items = [];
    this.channels = new Map();
    this.labels = new Set();
    this.loading = 0;
    this.reloadTimer = null;
    this.searchTimer = null;
    this.list = byId('inbox-items');
    this.wire();
  }

  wire() {
    for (const tab of byId('inbox-views').querySelectorAll('[role="tab"]')) {
      tab.addEventListener('click', () => this.setView(tab.dataset.view));
      tab.addEventListener('keydown', (e) => this.tabKey(e));
    }
    for (const id of ['filter-channel', 'filter-label', 'filter-status', 'filter-team']) byId(id).addEventListener('change', () => this.load());
    byId('inbox-search').addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.load(), SEARCH_DELAY_MS);
    });
    setInterval(() => this.tick(), WAITING_REFRESH_MS);
  }

  tabKey(e) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const forward = (e.key === 'ArrowRight') !== (document.documentElement.dir === 'rtl');
    const i = VIEWS.indexOf(this.view);
    const next = VIEWS[(i + (forward ? 1 : VIEWS.length - 1)) % VIEWS.length];
    this.setView(next);
    byId(`view-${next}`).focus();
  }

  /** The teams of the session (RT queues) as the team filter's choices. */
  start(teams) {
    const select = clear(byId('filter-team'));
    select.append(el('option', { value: '' }, t('inbox.allTeams')));
    for (const team of teams ?? []) select.append(el('option', { value: team }, team));
    byId('filter-team-wrap').hidden = (teams ?? []).length < 2;
    return this.load();
  }

  setView(view) {
    this.view = VIEWS.includes(view) ? view : 'all';
    for (const tab of byId('inbox-views').querySelectorAll('[role="tab"]')) {
      const on = tab.dataset.view === this.view;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    this.load();
  }

  query() {
    const q = new URLSearchParams({ view: this.view, status: byId('filter-status').value || 'open', limit: '50' });
    const team = byId('filter-team').value || (this.view === 'team' ? this.page.session()?.teams?.[0] : '');
    if (team) q.set('team', team);
    for (const [param, id] of [['channel', 'filter-channel'], ['label', 'filter-label'], ['q', 'inbox-search']]) {
      const value = byId(id).value.trim();
      if (value) q.set(param, value);
    }
    return q;
  }

  async load() {
    const ticket = ++this.loading;
    byId('inbox').setAttribute('aria-busy', 'true');
    try {
      const answer = await get(`conversations?${this.query()}`);
      if (ticket !== this.loading) return;
      this.items = answer.items ?? [];
      this.counts(answer.counts ?? {});
      this.remember(this.items);
      this.render();
      byId('inbox-error').hidden = true;
    } catch (e) {
      if (ticket !== this.loading) return;
      const box = byId('inbox-error');
      box.replaceChildren(el('strong', {}, t('inbox.error')), ' ', text('span', e.message));
      box.hidden = false;
    } finally {
      if (ticket === this.loading) byId('inbox').setAttribute('aria-busy', 'false');
    }
  }

  /** A conversation changed (an event): the list is loaded again, at most twice a second. */
  changed() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.load(), 500);
  }

  counts(counts) {
    for (const view of VIEWS) {
      const badge = byId(`count-${view}`);
      const n = counts[view];
      badge.hidden = typeof n !== 'number';
      badge.textContent = typeof n === 'number' ? String(n) : '';
    }
  }

  /** Channels and labels seen so far become filter choices (there is no list of them to ask for). */
  remember(items) {
    let grew = false;
    for (const c of items) {
      if (c.channel?.id && !this.channels.has(c.channel.id)) {
        this.channels.set(c.channel.id, c.channel.name || c.channel.kind || c.channel.id);
        grew = true;
      }
      for (const label of c.labels ?? []) if (!this.labels.has(label)) {
        this.labels.add(label);
        grew = true;
      }
    }
    if (!grew) return;
    refill(byId('filter-channel'), t('inbox.allChannels'), [...this.channels.entries()]);
    refill(byId('filter-label'), t('inbox.allLabels'), [...this.labels].sort().map((l) => [l, l]));
  }

  render() {
    clear(this.list);
    byId('inbox-empty').hidden = this.items.length > 0;
    for (const c of this.items) this.list.append(this.item(c));
  }

  item(c) {
    const selected = c.id === this.selected;
    const li = el('li', {
      class: `inbox-item${c.unread > 0 ? ' unread' : ''}${selected ? ' selected' : ''}`,
      'data-conversation-id': c.id,
      'data-unread': String(c.unread ?? 0),
      'data-assignee': c.assignee ?? '',
      'data-status': c.status ?? '',
      'data-channel-kind': c.channel?.kind ?? '',
    });
    const button = el('button', {
      type: 'button',
      class: 'inbox-open',
      'aria-current': selected ? 'true' : null,
      on: { click: () => this.page.select(c.id) },
    });
    const last = c.lastMessage;
    button.append(
      el('span', { class: 'line line-top' },
        el('span', { class: 'customer-name' }, name(c.customer?.name || c.customer?.phone || t('customer.unknown'))),
        channelBadge(c.channel),
        c.unread > 0 ? el('span', { class: 'unread-badge', 'aria-label': t('inbox.unread', { n: c.unread }) }, String(c.unread)) : null),
      el('span', { class: 'line preview', dir: 'auto' },
        last?.direction === 'OUT' ? el('span', { class: 'preview-ours' }, t('inbox.you')) : null,
        last?.preview ?? ''),
      el('span', { class: 'line line-bottom' }, this.waiting(c),
        el('span', { class: 'assignee' }, c.assignee ? name(c.assignee) : t('inbox.unassigned'))),
    );
    li.append(button);
    return li;
  }

  waiting(c) {
    if (c.waitingSince) {
      return el('span', { class: 'waiting', 'data-waiting-since': c.waitingSince }, t('inbox.waiting', { time: formatDuration(c.waitingSince) }));
    }
    const at = c.lastMessage?.at;
    return el('span', { class: 'last-activity' }, at ? el('time', { datetime: at }, formatTime(at)) : '');
  }

  tick() {
    for (const node of this.list.querySelectorAll('.waiting[data-waiting-since]')) {
      node.textContent = t('inbox.waiting', { time: formatDuration(node.dataset.waitingSince) });
    }
  }

  /** Marks the open conversation (and, once read, takes its unread badge away). */
  select(id, read = false) {
    this.selected = id;
    for (const li of this.list.querySelectorAll('li.inbox-item')) {
      const on = li.dataset.conversationId === id;
      li.classList.toggle('selected', on);
      li.querySelector('button').toggleAttribute('aria-current', on);
      if (on) li.querySelector('button').setAttribute('aria-current', 'true');
      if (on && read) {
        li.classList.remove('unread');
        li.dataset.unread = '0';
        li.querySelector('.unread-badge')?.remove();
      }
    }
  }
}

export function channelBadge(channel) {
  if (!channel) return null;
  const kind = String(channel.kind ?? '').toLowerCase().replace(/[^a-z0-9_-]/g, '');
  return el('span', { class: `channel-badge channel-${kind}`, 'data-channel-kind': kind, title: channel.name ?? kind },
    t(`channel.${kind}`) === `channel.${kind}` ? kind || '?' : t(`channel.${kind}`));
}

function refill(select, allLabel, entries) {
  const value = select.value;
  clear(select).append(el('option', { value: '' }, allLabel));
  for (const [id, label] of entries) select.append(el('option', { value: id }, label));
  select.value = entries.some(([id]) => id === value) ? value : '';
}
