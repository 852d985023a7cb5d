// The timeline of one conversation: the newest page first (scrolled to the bottom), older pages
// when the agent scrolls to the top (keeping what they look at in place), live merges by message
// id (a status change rewrites its bubble in place: ticks turn to read), and local bubbles for
// messages being sent until the server's own replaces them.

import { conversationPath, get } from './api.js';
import { append, byId, clear, el, safeUrl, text } from './dom.js';
import { t } from './i18n.js';
import { fillQuote, renderMessage } from './message-render.js';

const PAGE = 50;
const NEAR_BOTTOM_PX = 80;

export class Timeline {
  /** @param actions {retry(message, button), reply(message)} */
  constructor(actions) {
    this.actions = actions;
    this.list = byId('messages');
    this.scroller = byId('timeline');
    this.conversation = null;
    this.reset();
    this.stick = true;
    this.scroller.addEventListener('scroll', () => {
      this.stick = this.nearBottom();
      if (this.scroller.scrollTop < 40) this.loadOlder();
    });
    // an image that finishes loading grows its bubble: stay at the bottom if the agent was there
    this.scroller.addEventListener('load', () => this.stick && this.scrollToBottom(), true);
    byId('timeline-older').addEventListener('click', () => this.loadOlder());
  }

  reset() {
    this.messages = new Map();
    this.order = [];
    this.locals = new Map();
    this.hasMore = false;
    this.loadingOlder = false;
    this.generation = (this.generation ?? 0) + 1;
    clear(this.list);
    byId('timeline-older').hidden = true;
  }

  /** Shows a conversation (its detail from GET conversations/{id}): referral, then the newest page. */
  async open(conversation) {
    this.reset();
    this.conversation = conversation;
    this.referral(conversation.referral);
    byId('timeline-error').hidden = true;
    byId('timeline-empty').hidden = true;
    byId('timeline-loading').hidden = false;
    const generation = this.generation;
    try {
      const page = await get(`${conversationPath(conversation.id, 'messages')}?limit=${PAGE}`);
      if (generation !== this.generation) return;
      this.hasMore = Boolean(page.hasMore);
      for (const m of page.items ?? []) this.place(m, 'end');
      this.settle();
      this.scrollToBottom();
      // a short first page does not scroll: nothing would ever ask for the older ones
      if (this.hasMore && this.scroller.scrollHeight <= this.scroller.clientHeight) await this.loadOlder();
    } catch (e) {
      if (generation === this.generation) this.problem(e);
    } finally {
      byId('timeline-loading').hidden = true;
    }
  }

  /** Fetches the newest page again and merges it (a new message or a status change arrived). */
  async refresh() {
    if (!this.conversation) return;
    const generation = this.generation;
    const stick = this.nearBottom();
    const page = await get(`${conversationPath(this.conversation.id, 'messages')}?limit=${PAGE}`);
    if (generation !== this.generation) return;
    for (const m of page.items ?? []) this.place(m, 'end');
    this.settle();
    if (stick) this.scrollToBottom();
  }

  async loadOlder() {
    if (!this.hasMore || this.loadingOlder || this.order.length === 0) return;
    this.loadingOlder = true;
    const generation = this.generation;
    const button = byId('timeline-older');
    button.disabled = true;
    button.textContent = t('timeline.loadingOlder');
    const before = this.scroller.scrollHeight - this.scroller.scrollTop;
    try {
      const path = `${conversationPath(this.conversation.id, 'messages')}?limit=${PAGE}&before=${encodeURIComponent(this.order[0])}`;
      const page = await get(path);
      if (generation !== this.generation) return;
      this.hasMore = Boolean(page.hasMore);
      const items = page.items ?? [];
      for (let i = items.length - 1; i >= 0; i -= 1) this.place(items[i], 'start');
      this.settle();
      // keep the message the agent was looking at where it was
      this.scroller.scrollTop = this.scroller.scrollHeight - before;
    } catch (e) {
      this.problem(e);
    } finally {
      this.loadingOlder = false;
      button.disabled = false;
      button.textContent = t('timeline.older');
      button.hidden = !this.hasMore;
    }
  }

  /** Adds or rewrites one message; new ones go at the start (older page) or before the local ones. */
  place(message, where) {
    const node = renderMessage(message, this.context());
    const local = [...this.locals.entries()].find(([, serverId]) => serverId === message.id);
    if (this.messages.has(message.id)) {
      if (JSON.stringify(this.messages.get(message.id)) !== JSON.stringify(message)) byId(`message-${message.id}`)?.replaceWith(node);
    } else if (local) {
      byId(`message-${local[0]}`)?.replaceWith(node);
      this.locals.delete(local[0]);
      this.order.push(message.id);
    } else if (where === 'start') {
      this.list.prepend(node);
      this.order.unshift(message.id);
    } else {
      const firstLocal = this.list.querySelector('li.local');
      this.list.insertBefore(node, firstLocal);
      this.order.push(message.id);
    }
    this.messages.set(message.id, message);
  }

  /** A message being sent: shown at once with status SENDING. */
  addLocal(message) {
    this.locals.set(message.id, null);
    this.list.append(renderMessage({ ...message, local: true }, this.context()));
    byId('timeline-empty').hidden = true;
    this.scrollToBottom();
  }

  /** The server accepted a local message as `serverId`: it replaces the bubble when it arrives. */
  confirmLocal(localId, serverId) {
    if (this.messages.has(serverId)) {
      byId(`message-${localId}`)?.remove();
      this.locals.delete(localId);
    } else {
      this.locals.set(localId, serverId);
    }
  }

  /** A local message was refused: its bubble shows why, with Retry when trying again can help. */
  failLocal(message, reason, retry) {
    const failed = { ...message, local: true, status: 'FAILED', explanation: reason, retry };
    byId(`message-${message.id}`)?.replaceWith(renderMessage(failed, this.context()));
    if (this.stick) this.scrollToBottom();
  }

  removeLocal(localId) {
    byId(`message-${localId}`)?.remove();
    this.locals.delete(localId);
  }

  context() {
    return {
      customerName: this.conversation?.customer?.name,
      lookup: (externalId) => this.byExternalId(externalId),
      retry: (message, button) => this.actions.retry(message, button),
      reply: (message) => this.actions.reply(message),
      jump: (externalId) => this.jump(externalId),
    };
  }

  byExternalId(externalId) {
    for (const m of this.messages.values()) if (m.externalId === externalId) return m;
    return undefined;
  }

  /** After a change: quotes that can now be resolved, reactions shown on their target, empty state. */
  settle() {
    const context = this.context();
    for (const block of this.list.querySelectorAll('blockquote.quote[data-resolved="false"]')) fillQuote(block, context);
    for (const node of this.list.querySelectorAll('li.reaction-message')) {
      const m = this.messages.get(node.dataset.messageId);
      node.hidden = Boolean(m?.content?.target && this.byExternalId(m.content.target));
    }
    byId('timeline-empty').hidden = this.list.childElementCount > 0;
    byId('timeline').dataset.loaded = String(this.order.length);
    byId('timeline').dataset.hasMore = String(this.hasMore);
    if (!this.loadingOlder) byId('timeline-older').hidden = !this.hasMore;
  }

  jump(externalId) {
    const node = [...this.list.querySelectorAll('li.message')].find((n) => n.dataset.externalId === externalId);
    if (!node) return;
    node.scrollIntoView({ block: 'center', behavior: 'smooth' });
    node.classList.add('highlight');
    node.tabIndex = -1;
    node.focus({ preventScroll: true });
    setTimeout(() => node.classList.remove('highlight'), 2000);
  }

  referral(value) {
    const box = clear(byId('referral'));
    let r = value;
    if (typeof r === 'string') {
      try {
        r = JSON.parse(r);
      } catch {
        r = null;
      }
    }
    box.hidden = !r;
    if (!r) return;
    const link = safeUrl(r.sourceUrl);
    append(box,
      el('p', { class: 'referral-label' }, el('span', { 'aria-hidden': 'true' }, '📣 '), t(r.sourceType === 'post' ? 'referral.post' : 'referral.ad')),
      r.headline ? text('p', r.headline, { class: 'referral-headline' }) : null,
      r.body ? text('p', r.body, { class: 'referral-body' }) : null,
      link ? el('a', { href: link, target: '_blank', rel: 'noopener', class: 'referral-link', dir: 'ltr' }, link) : null,
    );
  }

  problem(error) {
    const box = byId('timeline-error');
    box.replaceChildren(el('strong', {}, t('timeline.error')), ' ', text('span', error.message, { class: 'detail' }));
    box.hidden = false;
  }

  nearBottom() {
    return this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToBottom() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.stick = true;
  }
}
