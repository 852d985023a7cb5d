// Files an agent attaches to a reply: each is uploaded at once (POST uploads, raw body), shown as
// a chip with its progress, its error (too large, a type the channel cannot send) and a remove
// button. The composer sends the ids of those that finished.

import { upload } from './api.js';
import { byId, clear, el, name } from './dom.js';
import { formatBytes, t } from './i18n.js';

export class Attachments {
  constructor(onChange = () => {}) {
    this.onChange = onChange;
    this.list = byId('attachments');
    this.input = byId('attach-input');
    this.files = [];
    byId('attach-button').addEventListener('click', () => this.input.click());
    this.input.addEventListener('change', () => {
      for (const file of this.input.files) this.add(file);
      this.input.value = '';
    });
  }

  add(file) {
    const entry = { file, id: null, error: null, progress: 0, key: crypto.randomUUID() };
    this.files.push(entry);
    this.render();
    upload(file, (fraction) => {
      entry.progress = fraction;
      const bar = this.list.querySelector(`[data-key="${entry.key}"] progress`);
      if (bar) bar.value = fraction;
    })
      .then((answer) => {
        entry.id = answer.id;
      })
      .catch((e) => {
        entry.error = e.status === 413 ? t('attach.tooLarge', { detail: e.message }) : e.message || t('attach.failed');
      })
      .finally(() => {
        this.render();
        this.onChange();
      });
    this.onChange();
  }

  remove(entry) {
    this.files = this.files.filter((f) => f !== entry);
    this.render();
    this.onChange();
  }

  render() {
    clear(this.list);
    this.list.hidden = this.files.length === 0;
    for (const entry of this.files) {
      const state = entry.error ? 'error' : entry.id ? 'ready' : 'uploading';
      this.list.append(el('li', { class: `attachment attachment-${state}`, 'data-key': entry.key, 'data-upload-id': entry.id, 'data-state': state },
        el('span', { class: 'attachment-name' }, name(entry.file.name)),
        el('span', { class: 'attachment-size' }, formatBytes(entry.file.size)),
        state === 'uploading' ? el('progress', { max: '1', value: String(entry.progress), 'aria-label': t('attach.progress') }) : null,
        entry.error ? el('span', { class: 'attachment-error', role: 'alert', dir: 'auto' }, entry.error) : null,
        el('button', {
          type: 'button',
          class: 'attachment-remove',
          'aria-label': t('attach.remove', { name: entry.file.name }),
          on: { click: () => this.remove(entry) },
        }, '×')));
    }
  }

  uploading() {
    return this.files.some((f) => !f.id && !f.error);
  }

  failed() {
    return this.files.some((f) => f.error);
  }

  ids() {
    return this.files.filter((f) => f.id).map((f) => f.id);
  }

  names() {
    return this.files.filter((f) => f.id).map((f) => f.file.name);
  }

  clear() {
    this.files = [];
    this.render();
  }
}
