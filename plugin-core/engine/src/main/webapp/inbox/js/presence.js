// Telling other agents who is looking: while a conversation is open the page says so every 10 s,
// with typing:true while the agent typed in the last 5 s (and once at once when typing starts, so
// that the warning shows up without waiting for the next beat).

import { conversationPath, post } from './api.js';

const BEAT_MS = 10000;
const TYPING_MS = 5000;

export class Presence {
  constructor() {
    this.conversation = null;
    this.lastKey = 0;
    this.timer = null;
  }

  /** Starts the beat for a conversation (null stops it). */
  open(conversationId) {
    clearInterval(this.timer);
    this.conversation = conversationId;
    this.lastKey = 0;
    if (!conversationId) return;
    this.beat();
    this.timer = setInterval(() => this.beat(), BEAT_MS);
  }

  /** The agent pressed a key in the composer. */
  typed() {
    const wasTyping = this.typing();
    this.lastKey = Date.now();
    if (!wasTyping) this.beat();
  }

  typing() {
    return Date.now() - this.lastKey < TYPING_MS;
  }

  beat() {
    if (!this.conversation || document.visibilityState === 'hidden') return;
    post(conversationPath(this.conversation, 'presence'), { typing: this.typing() }).catch(() => {
      // presence is a courtesy: a missed beat is not worth an error on screen
    });
  }
}
