// Sending an approved template when the channel's window is closed: pick one of the channel's
// approved templates (customer's language first), fill one input per parameter (header, body,
// buttons; the example as placeholder), checked here (every value filled) before POST template;
// the server's refusals (422, one per part) are shown at their part, a 409 with its detail.

import { ApiError, conversationPath, get, post } from './api.js';
import { byId, clear, el, text } from './dom.js';
import { t } from './i18n.js';

const MEDIA_FORMATS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT']);

export class TemplateForm {
  /** @param page {timeline, announce(text)} */
  constructor(page) {
    this.page = page;
    this.conversation = null;
    this.items = [];
    this.form = byId('template-form');
    this.select = byId('template-select');
    this.select.addEventListener('change', () => this.choose());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send();
    });
    // a value filled in after a refused send takes its "fill in" problem away at once
    byId('template-params').addEventListener('input', (e) => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement) || !input.classList.contains('template-param-input')) return;
      if (input.value.trim() === '') return;
      input.setAttribute('aria-invalid', 'false');
      const problem = byId(`${input.id}-problem`);
      if (problem) {
        problem.hidden = true;
        problem.textContent = '';
      }
      const inputs = byId('template-params').querySelectorAll('input.template-param-input');
      if ([...inputs].every((i) => i.value.trim() !== '')) this.problem(null);
    });
  }

  async open(conversation) {
    if (this.conversation?.id === conversation.id && this.items.length > 0) return;
    this.conversation = conversation;
    this.items = [];
    clear(this.select);
    clear(byId('template-params'));
    this.problem(null);
    try {
      const answer = await get(conversationPath(conversation.id, 'templates'));
      this.items = (answer.items ?? []).filter((x) => !x.status || x.status === 'APPROVED');
    } catch (e) {
      this.problem(e.message);
    }
    this.select.append(el('option', { value: '' }, t(this.items.length ? 'template.choose' : 'template.none')));
    this.items.forEach((x, i) => this.select.append(el('option', { value: String(i), 'data-name': x.name, 'data-language': x.language }, `${x.name} (${x.language})`)));
    this.select.disabled = this.items.length === 0;
    this.choose();
  }

  current() {
    return this.select.value === '' ? null : this.items[Number(this.select.value)];
  }

  choose() {
    const template = this.current();
    const params = clear(byId('template-params'));
    byId('template-send').disabled = !template;
    this.problem(null);
    if (!template) return;
    let buttonOrdinal = 0;
    for (const c of template.components ?? []) {
      const type = String(c.type ?? '').toUpperCase();
      const part = { HEADER: 'header', BODY: 'body', FOOTER: 'footer' }[type] ?? (type.startsWith('BUTTON') ? 'button' : 'other');
      const buttonIndex = part === 'button' ? c.buttonIndex ?? c.index ?? buttonOrdinal++ : null;
      const count = Number(c.parameters ?? c.parameterCount ?? 0);
      const where = part === 'button' ? `button ${buttonIndex}` : part;
      const group = el('fieldset', { class: `template-part part-${part}`, 'data-part': where });
      group.append(el('legend', {}, part === 'button' ? t('template.button', { n: buttonIndex + 1 }) : t(`template.part.${part}`)));
      if (c.text) group.append(text('p', c.text, { class: 'template-text' }));
      const media = part === 'header' && MEDIA_FORMATS.has(String(c.format ?? '').toUpperCase());
      for (let i = 0; i < count; i += 1) group.append(this.input(c, where, i, media));
      group.append(el('p', { class: 'field-problem part-problem', 'data-problem-for': where, hidden: true }));
      if (count > 0 || c.text) params.append(group);
    }
  }

  input(c, where, i, media) {
    const id = `template-param-${where.replace(' ', '-')}-${i}`;
    const names = Array.isArray(c.parameterNames) ? c.parameterNames : [];
    const label = media ? t('template.mediaLink', { format: String(c.format).toLowerCase() }) : names[i] ? names[i] : `{{${i + 1}}}`;
    const example = Array.isArray(c.examples) ? c.examples[i] : undefined;
    return el('div', { class: 'template-param' },
      el('label', { for: id }, label),
      el('input', {
        id,
        type: media ? 'url' : 'text',
        dir: media ? 'ltr' : 'auto',
        class: 'template-param-input',
        'data-part': where,
        'data-index': String(i),
        'data-name': names[i] || null,
        'data-media': media ? String(c.format).toLowerCase() : null,
        placeholder: example ?? '',
        'aria-describedby': `${id}-problem`,
        required: true,
      }),
      el('p', { id: `${id}-problem`, class: 'field-problem', hidden: true }));
  }

  /** The values, and whether every input is filled (marking the empty ones). */
  collect() {
    const template = this.current();
    const body = { name: template.name, language: template.language, header: [], body: [], buttons: [] };
    const buttons = new Map();
    let complete = true;
    for (const input of byId('template-params').querySelectorAll('input.template-param-input')) {
      const value = input.value.trim();
      const problem = byId(`${input.id}-problem`);
      const empty = value === '';
      input.setAttribute('aria-invalid', String(empty));
      problem.hidden = !empty;
      problem.textContent = empty ? t('template.fill') : '';
      complete &&= !empty;
      const parameter = input.dataset.media ? { type: 'media', kind: input.dataset.media, link: value } : { type: 'text', text: value };
      if (input.dataset.name) parameter.name = input.dataset.name;
      const part = input.dataset.part;
      if (part === 'header' || part === 'body') body[part].push(parameter);
      else if (part.startsWith('button ')) {
        const index = Number(part.slice(7));
        if (!buttons.has(index)) buttons.set(index, []);
        buttons.get(index).push(parameter);
      }
    }
    body.buttons = [...buttons.entries()].map(([index, parameters]) => ({ index, parameters }));
    return { body, complete, expected: this.expectedCount(template) };
  }

  expectedCount(template) {
    return (template.components ?? []).reduce((n, c) => n + Number(c.parameters ?? c.parameterCount ?? 0), 0);
  }

  async send() {
    const template = this.current();
    if (!template) return;
    const { body, complete, expected } = this.collect();
    const given = body.header.length + body.body.length + body.buttons.reduce((n, b) => n + b.parameters.length, 0);
    if (!complete || given !== expected) {
      this.problem(t('template.incomplete'));
      byId('template-params').querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    const button = byId('template-send');
    button.disabled = true;
    this.problem(null);
    try {
      await post(conversationPath(this.conversation.id, 'template'), body, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
      for (const input of byId('template-params').querySelectorAll('input')) input.value = '';
      this.page.announce(t('template.queued', { name: template.name }));
      await this.page.timeline.refresh().catch(() => {});
    } catch (e) {
      this.refused(e);
    } finally {
      button.disabled = false;
    }
  }

  refused(e) {
    if (e instanceof ApiError && e.status === 422 && e.errors.length > 0) {
      const general = [];
      for (const p of e.errors) {
        const detail = typeof p === 'string' ? p : p.detail ?? p.reason;
        const spot = typeof p === 'object' && p.part ? byId('template-params').querySelector(`[data-problem-for="${CSS.escape(p.part)}"]`) : null;
        if (spot) {
          spot.textContent = spot.textContent ? `${spot.textContent} · ${detail}` : detail;
          spot.hidden = false;
          spot.closest('fieldset')?.classList.add('has-problem');
        } else {
          general.push(detail);
        }
      }
      this.problem(general.length ? general.join(' · ') : t('template.refused'));
    } else {
      this.problem(e.message);
    }
  }

  problem(message) {
    const box = byId('template-error');
    box.textContent = message ?? '';
    box.hidden = !message;
    if (!message) {
      for (const p of byId('template-params').querySelectorAll('.part-problem')) {
        p.textContent = '';
        p.hidden = true;
      }
      for (const f of byId('template-params').querySelectorAll('fieldset.has-problem')) f.classList.remove('has-problem');
    }
  }
}
