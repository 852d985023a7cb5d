// The reply box: a textarea (Enter sends, Shift+Enter is a new line, Ctrl+Enter sends too), files,
// quick replies, a small emoji palette, replying to a message, internal notes. Each send carries
// its own Idempotency-Key, kept for Retry, so a reply is never sent twice. When the channel's
// window is closed the textarea gives way to the approved-template form.

import { ApiError, conversationPath, post } from './api.js';
import { append, byId, clear, el, text } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { Attachments } from './attachments.js';
import { QuickReplies } from './quick-replies.js';
import { TemplateForm } from './template-form.js';
import { excerpt } from './message-content.js';

const EMOJI = ['😀', '😊', '😂', '🙂', '😉', '😍', '🤔', '😅', '😢', '😮', '🙏', '👍', '👎', '👌', '👏', '🙌', '💪', '🤝',
  '👋', '❤️', '💙', '💚', '🔥', '⭐', '✨', '🎉', '🎁', '✅', '❌', '⚠️', '❗', '❓', '📦', '🚚', '🛒', '💳', '📞', '📧', '📍', '⏰'];

export class Composer {
  /** @param page {timeline, presence, agent(), windowClosed(), fail(error)} */
  constructor(page) {
    this.page = page;
    this.conversation = null;
    this.replyTo = null;
    this.closeTimer = null;
    this.textarea = byId('composer-text');
    this.sendButton = byId('send-button');
    this.note = byId('note-mode');
    this.attachments = new Attachments(() => this.updateSend());
    this.quick = new QuickReplies(this.textarea, (reply) => this.insertQuickReply(reply));
    this.templates = new TemplateForm(page);
    this.wire();
    this.emojiPalette();
  }

  wire() {
    this.textarea.addEventListener('keydown', (e) => this.key(e));
    this.textarea.addEventListener('input', () => {
      this.page.presence.typed();
      this.quick.update();
      this.updateSend();
      this.grow();
    });
    this.textarea.addEventListener('blur', () => setTimeout(() => this.quick.close(), 150));
    this.sendButton.addEventListener('click', () => this.send());
    this.note.addEventListener('change', () => this.noteMode());
    byId('reply-cancel').addEventListener('click', () => this.setReplyTo(null));
    byId('write-note').addEventListener('click', () => {
      this.note.checked = true;
      this.showFreeForm(true);
      this.noteMode();
      this.textarea.focus();
    });
  }

  key(e) {
    if (e.isComposing) return;
    if (this.quick.key(e)) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !e.shiftKey)) {
      e.preventDefault();
      this.send();
    } else if (e.key === 'Escape' && this.replyTo) {
      this.setReplyTo(null);
    }
  }

  /** A new conversation is shown: empty box, its window decides between text and templates. */
  open(conversation) {
    this.conversation = conversation;
    this.textarea.value = '';
    this.note.checked = false;
    this.attachments.clear();
    this.setReplyTo(null);
    this.error(null);
    this.noteMode();
    this.applyWindow(conversation.window);
    this.grow();
  }

  /** The window state changed (the detail was fetched again). */
  applyWindow(window) {
    clearTimeout(this.closeTimer);
    const closed = window && window.open === false;
    byId('composer').dataset.window = closed ? 'closed' : 'open';
    if (closed) {
      const since = window.closedSince ?? window.closesAt;
      byId('window-notice').textContent = since ? t('window.closedSince', { time: formatDateTime(since) }) : t('window.closedNow');
      // with a time the notice says it all; the server's detail only when it has none
      byId('window-detail').textContent = since ? '' : window.detail ?? '';
      this.showFreeForm(this.note.checked);
      this.templates.open(this.conversation);
    } else {
      this.showFreeForm(true);
      byId('window-closed').hidden = true;
      const closes = window?.closesAt ? Date.parse(window.closesAt) - Date.now() : NaN;
      // the window closes while the agent looks: switch to templates then, not on the next reload
      if (closes > 0 && closes < 2 ** 31 - 1) this.closeTimer = setTimeout(() => this.page.windowClosed(), closes + 1000);
    }
  }

  showFreeForm(visible) {
    const closed = byId('composer').dataset.window === 'closed';
    byId('free-form').hidden = !visible;
    byId('window-closed').hidden = !closed || (visible && this.note.checked);
    byId('write-note').hidden = !closed;
  }

  noteMode() {
    const note = this.note.checked;
    byId('composer').classList.toggle('note-mode', note);
    this.textarea.setAttribute('placeholder', t(note ? 'composer.notePlaceholder' : 'composer.placeholder'));
    this.sendButton.textContent = t(note ? 'composer.addNote' : 'composer.send');
    byId('attach-button').disabled = note;
    if (byId('composer').dataset.window === 'closed') this.showFreeForm(note);
    this.updateSend();
  }

  setReplyTo(message) {
    this.replyTo = message;
    const box = byId('reply-to');
    box.hidden = !message;
    const quoted = byId('reply-to-text');
    quoted.textContent = message ? excerpt(message) || t('quote.noText') : '';
    if (message) this.textarea.focus();
  }

  insertQuickReply(reply) {
    this.textarea.value = reply.text ?? '';
    this.textarea.focus();
    this.textarea.setSelectionRange(this.textarea.value.length, this.textarea.value.length);
    this.updateSend();
    this.grow();
  }

  emojiPalette() {
    const palette = byId('emoji-palette');
    const button = byId('emoji-button');
    for (const emoji of EMOJI) {
      palette.append(el('button', {
        type: 'button',
        class: 'emoji',
        'aria-label': emoji,
        on: {
          click: () => {
            palette.hidden = true;
            button.setAttribute('aria-expanded', 'false');
            this.insert(emoji);
          },
        },
      }, emoji));
    }
    button.addEventListener('click', () => {
      palette.hidden = !palette.hidden;
      button.setAttribute('aria-expanded', String(!palette.hidden));
      if (!palette.hidden) palette.querySelector('button')?.focus();
    });
    palette.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        palette.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      }
    });
  }

  insert(value) {
    const { selectionStart: start, selectionEnd: end } = this.textarea;
    this.textarea.setRangeText(value, start, end, 'end');
    this.textarea.focus();
    this.updateSend();
  }

  grow() {
    this.textarea.style.blockSize = 'auto';
    this.textarea.style.blockSize = `${Math.min(this.textarea.scrollHeight + 2, 160)}px`;
  }

  updateSend() {
    const empty = this.textarea.value.trim() === '' && (this.note.checked || this.attachments.ids().length === 0);
    this.sendButton.disabled = empty || this.attachments.uploading();
  }

  error(message, detail) {
    const box = byId('composer-error');
    clear(box);
    box.hidden = !message;
    if (message) append(box, el('strong', {}, message), detail ? [' ', text('span', detail, { class: 'detail' })] : null);
  }

  async send() {
    if (this.sendButton.disabled || !this.conversation) return;
    if (this.attachments.failed()) {
      this.error(t('attach.removeFailed'));
      return;
    }
    const words = this.textarea.value.trim();
    const note = this.note.checked;
    const outgoing = {
      key: crypto.randomUUID(),
      conversation: this.conversation.id,
      note,
      body: note ? { text: words } : { text: words, replyTo: this.replyTo?.externalId ?? null, attachments: this.attachments.ids() },
      files: note ? [] : this.attachments.names(),
    };
    this.textarea.value = '';
    this.attachments.clear();
    this.setReplyTo(null);
    this.error(null);
    this.updateSend();
    this.grow();
    await this.deliver(outgoing);
  }

  /** Sends (or sends again, with the same Idempotency-Key) one reply or note. */
  async deliver(outgoing) {
    const local = {
      id: `local-${outgoing.key}`,
      direction: 'OUT',
      type: 'text',
      status: 'SENDING',
      note: outgoing.note,
      author: this.page.agent()?.name || this.page.agent()?.login,
      createdAt: new Date().toISOString(),
      body: [outgoing.body.text, ...outgoing.files.map((f) => `📎 ${f}`)].filter(Boolean).join('\n'),
      quotedExternalId: outgoing.body.replyTo ?? null,
    };
    const timeline = this.page.timeline;
    timeline.removeLocal(local.id);
    timeline.addLocal(local);
    try {
      const path = conversationPath(outgoing.conversation, outgoing.note ? 'notes' : 'messages');
      const answer = await post(path, outgoing.body, { headers: { 'Idempotency-Key': outgoing.key } });
      if (answer?.message ?? answer?.id) timeline.confirmLocal(local.id, answer.message ?? answer.id);
      await timeline.refresh().catch(() => {});
    } catch (e) {
      this.refused(e, local, outgoing);
    }
  }

  refused(e, local, outgoing) {
    const timeline = this.page.timeline;
    if (e instanceof ApiError && e.status === 409) {
      // the channel's policy refused it (the window closed meanwhile): trying again will not help
      timeline.failLocal(local, e.message, null);
      this.error(t('composer.refused'), e.message);
      this.page.windowClosed();
    } else if (e instanceof ApiError && e.status === 422) {
      const reasons = e.errors.map((x) => (typeof x === 'string' ? x : x.detail ?? x.message ?? JSON.stringify(x)));
      timeline.failLocal(local, reasons.join(' · ') || e.message, null);
      this.error(t('composer.invalid'), reasons.join(' · ') || e.message);
    } else if (e instanceof ApiError && e.status === 401) {
      timeline.failLocal(local, t('session.ended'), null);
    } else {
      const reason = e instanceof ApiError ? e.message : t('composer.network');
      timeline.failLocal(local, reason, () => this.deliver(outgoing));
    }
  }
}
