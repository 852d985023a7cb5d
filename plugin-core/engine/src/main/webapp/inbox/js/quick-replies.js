// Quick replies in the composer: typing "/" at the start of the text opens the admin-managed list
// (GET quick-replies), filtered by what follows the slash; arrows move, Enter or Tab picks, Esc
// closes. The textarea is the combobox, the list its listbox (aria-activedescendant).

import { get } from './api.js';
import { byId, clear, el, text } from './dom.js';
import { t } from './i18n.js';

export class QuickReplies {
  /** @param textarea the composer's textarea; pick(reply) puts the reply's text in it */
  constructor(textarea, pick) {
    this.textarea = textarea;
    this.pick = pick;
    this.list = byId('quick-replies');
    this.items = null;
    this.shown = [];
    this.active = -1;
    textarea.setAttribute('aria-controls', 'quick-replies');
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-expanded', 'false');
  }

  /** The text changed: open, filter or close the list. */
  async update() {
    const value = this.textarea.value;
    const match = /^\/(\S*)$/.exec(value);
    if (!match) return this.close();
    if (this.items === null) {
      try {
        this.items = (await get('quick-replies')).items ?? [];
      } catch {
        this.items = [];
      }
    }
    if (this.textarea.value !== value) return undefined;
    const wanted = match[1].toLowerCase();
    this.shown = this.items.filter((r) =>
      `${r.shortcut} ${r.title ?? ''}`.toLowerCase().includes(wanted));
    this.active = this.shown.length > 0 ? 0 : -1;
    this.render();
    return undefined;
  }

  render() {
    clear(this.list);
    if (this.shown.length === 0) {
      this.list.append(el('li', { class: 'quick-reply-none', role: 'presentation' }, t('quickReplies.none')));
    }
    this.shown.forEach((reply, i) => {
      this.list.append(el('li', {
        id: `quick-reply-${i}`,
        role: 'option',
        class: 'quick-reply',
        'data-shortcut': reply.shortcut,
        'aria-selected': String(i === this.active),
        on: {
          mousedown: (e) => e.preventDefault(),
          click: () => this.choose(i),
        },
      },
      el('span', { class: 'shortcut', dir: 'ltr' }, `/${reply.shortcut}`),
      reply.title ? text('span', reply.title, { class: 'title' }) : null,
      text('span', reply.text, { class: 'preview' })));
    });
    this.list.hidden = false;
    this.textarea.setAttribute('aria-expanded', 'true');
    this.textarea.setAttribute('aria-activedescendant', this.active >= 0 ? `quick-reply-${this.active}` : '');
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  isOpen() {
    return !this.list.hidden;
  }

  close() {
    this.list.hidden = true;
    this.shown = [];
    this.active = -1;
    this.textarea.setAttribute('aria-expanded', 'false');
    this.textarea.removeAttribute('aria-activedescendant');
  }

  choose(i) {
    const reply = this.shown[i];
    this.close();
    if (reply) this.pick(reply);
  }

  /** Keys while the list is open; true when the key was used. */
  key(e) {
    if (!this.isOpen()) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.shown.length === 0) return true;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.shown.length) % this.shown.length;
      this.render();
      return true;
    }
    if ((e.key === 'Enter' || e.key === 'Tab') && this.active >= 0) {
      this.choose(this.active);
      return true;
    }
    if (e.key === 'Escape') {
      this.close();
      return true;
    }
    return false;
  }
}
