// The live feed: GET events as Server-Sent Events, read with fetch and a ReadableStream because
// EventSource cannot send the Authorization header. Parses `event:` / `data:` lines (a blank line
// ends an event, `:` lines are keep-alive comments) and reconnects with a growing pause.

import { bearerToken, reportSessionEnded, url } from './api.js';

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30000;

/**
 * Splits a stream's text into events; feed() takes chunks as they come, calls onEvent(type, data)
 * for each complete event. Exported for tests.
 */
export class EventParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.type = '';
    this.data = [];
  }

  feed(chunk) {
    this.buffer += chunk;
    let newline;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const length = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + length);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) this.onEvent(this.type || 'message', this.data.join('\n'));
      this.type = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
  }
}

/**
 * Keeps one connection to the feed open. handlers: {conversation(data), message(data),
 * presence(data), connected(), disconnected()}; data is the parsed JSON of the event.
 */
export class LiveEvents {
  constructor(handlers) {
    this.handlers = handlers;
    this.pause = FIRST_PAUSE_MS;
    this.stopped = false;
    this.controller = null;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.controller?.abort();
  }

  async connect() {
    if (this.stopped) return;
    this.controller = new AbortController();
    try {
      const response = await fetch(url('events'), {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${bearerToken()}` },
        signal: this.controller.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      if (response.status === 401) {
        this.stopped = true;
        reportSessionEnded();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      this.pause = FIRST_PAUSE_MS;
      this.handlers.connected?.();
      await this.read(response.body);
    } catch (e) {
      if (this.stopped) return;
    }
    this.handlers.disconnected?.();
    this.retryLater();
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventParser((type, data) => this.dispatch(type, data));
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  }

  dispatch(type, data) {
    const handler = this.handlers[type];
    if (!handler) return;
    try {
      handler(JSON.parse(data));
    } catch (e) {
      console.warn('switchboard: event', type, e);
    }
  }

  retryLater() {
    if (this.stopped) return;
    const wait = this.pause * (0.75 + Math.random() * 0.5);
    this.pause = Math.min(this.pause * 2, LONGEST_PAUSE_MS);
    setTimeout(() => this.connect(), wait);
  }
}
