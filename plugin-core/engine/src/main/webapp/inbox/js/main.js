// The shared inbox page: signs in with the CRM's token, then wires the inbox list, the timeline,
// the composer, the customer panel, assignment, presence and the live feed together. Two modes:
// embed=ticket (one conversation, framed in the CRM's ticket page) and embed=inbox (three columns).

import { ApiError, conversationPath, get, onSessionEnded, post } from './api.js';
import { byId, clear, el, text } from './dom.js';
import { preferredLanguage, setLanguage, t } from './i18n.js';
import { forget, signIn } from './session.js';
import { LiveEvents } from './events.js';
import { Presence } from './presence.js';
import { InboxList } from './inbox-list.js';
import { Timeline } from './conversation.js';
import { Composer } from './composer.js';
import { CustomerPanel } from './customer-panel.js';
import { Assignment } from './assignment.js';
import { renderHeader } from './conversation-header.js';
import { renderViewers } from './viewers.js';

const params = new URLSearchParams(location.search);
const crm = params.get('crm') || 'rt';
const embed = params.get('embed') === 'ticket' ? 'ticket' : 'inbox';

const state = { session: null, open: null, readTimer: null };

const page = {
  session: () => state.session,
  agent: () => state.session?.agent,
  announce,
  fail,
  select: (id) => select(id),
  changed: (conversation) => {
    if (conversation?.id === state.open?.id) renderHeader(state.open);
    list?.changed();
  },
  windowClosed: () => reloadOpen(),
};

let list = null;
const presence = new Presence();
page.presence = presence;
const timeline = new Timeline({ retry, reply: (message) => composer.setReplyTo(message) });
page.timeline = timeline;
const composer = new Composer(page);
const panel = new CustomerPanel(page);
const assignment = new Assignment(page);
const events = new LiveEvents({
  message: (data) => {
    if (data.conversation !== state.open?.id) return;
    timeline.refresh().catch(() => {});
    markRead();
  },
  conversation: (data) => {
    list?.changed();
    if (data.id === state.open?.id) reloadOpen();
  },
  presence: (data) => {
    if (data.conversation === state.open?.id) renderViewers(data.viewers, state.session?.agent?.login);
  },
  connected: () => (byId('live-state').hidden = true),
  disconnected: () => (byId('live-state').hidden = false),
});

function announce(message) {
  const region = byId('announcer');
  region.textContent = '';
  // a new text node after a tick, so that screen readers announce a repeated message too
  setTimeout(() => (region.textContent = message), 50);
}

/** Shows an error (an API problem or any other) in the alert region. */
function fail(error) {
  const alert = clear(byId('alert'));
  const title = error instanceof ApiError ? error.problem.title || t('error.generic') : t('error.generic');
  alert.append(el('strong', {}, title), ' ', text('span', error.message, { class: 'detail' }));
  alert.append(' ', el('button', { type: 'button', class: 'link-button', on: { click: () => (alert.hidden = true) } }, t('error.dismiss')));
  alert.hidden = false;
}

/** The session is over (expired, or never began): nothing works until the CRM page is reloaded. */
function sessionEnded(reason) {
  forget(crm);
  events.stop();
  presence.open(null);
  byId('session-ended-detail').textContent = reason ?? '';
  byId('session-ended').hidden = false;
  document.body.dataset.session = 'ended';
}

async function select(id) {
  if (!id) return;
  const url = new URL(location.href);
  url.searchParams.set('conversation', id);
  history.replaceState(history.state, '', url);
  list?.select(id);
  byId('conversation-none').hidden = true;
  byId('conversation-missing').hidden = true;
  let conversation;
  try {
    conversation = await get(conversationPath(id));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      state.open = null;
      byId('conversation-body').hidden = true;
      byId('customer-panel').hidden = true;
      byId('conversation-missing').hidden = false;
      presence.open(null);
    } else if (!(e instanceof ApiError && e.status === 401)) {
      fail(e);
    }
    return;
  }
  state.open = conversation;
  document.body.dataset.conversation = id;
  byId('conversation-body').hidden = false;
  byId('customer-panel').hidden = false;
  renderHeader(conversation);
  renderViewers(conversation.viewers, state.session.agent?.login);
  assignment.open(conversation);
  panel.open(conversation);
  composer.open(conversation);
  presence.open(id);
  await timeline.open(conversation);
  markRead(true);
  if (embed === 'inbox' && matchMedia('(max-width: 899px)').matches) byId('conversation').scrollIntoView();
}

/** The open conversation's summary changed (assignment, labels, window): shown without a reload. */
async function reloadOpen() {
  const open = state.open;
  if (!open) return;
  try {
    const fresh = await get(conversationPath(open.id));
    if (state.open?.id !== fresh.id) return;
    state.open = fresh;
    renderHeader(fresh);
    renderViewers(fresh.viewers, state.session.agent?.login);
    assignment.open(fresh);
    panel.open(fresh);
    composer.conversation = fresh;
    composer.applyWindow(fresh.window);
  } catch {
    // the next event or the agent's next action tries again
  }
}

/** Marks the open conversation read (at once when opened, else at most every 2 s while visible). */
function markRead(now = false) {
  const open = state.open;
  if (!open || document.visibilityState === 'hidden') return;
  clearTimeout(state.readTimer);
  state.readTimer = setTimeout(() => {
    post(conversationPath(open.id, 'read'))
      .then(() => list?.select(open.id, true))
      .catch(() => {});
  }, now ? 0 : 2000);
}

async function retry(message, button) {
  if (message.local) {
    message.retry?.();
    return;
  }
  if (button) button.disabled = true;
  try {
    await post(`messages/${encodeURIComponent(message.id)}/retry`);
    announce(t('status.retrying'));
    await timeline.refresh();
  } catch (e) {
    if (button) button.disabled = false;
    const box = button?.closest('.failure');
    if (box) box.append(el('p', { class: 'retry-error', role: 'alert', dir: 'auto' }, e.message));
  }
}

async function start() {
  document.body.dataset.embed = embed;
  await setLanguage(preferredLanguage());
  onSessionEnded(() => sessionEnded());
  try {
    state.session = await signIn(crm);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 400)) sessionEnded(e.message);
    else fail(e);
    return;
  }
  if (!state.session) {
    sessionEnded(t('session.noToken'));
    return;
  }
  byId('agent-name').textContent = state.session.agent?.name || state.session.agent?.login || '';
  events.start();
  if (embed === 'inbox') {
    list = new InboxList(page);
    byId('inbox').hidden = false;
    await list.start(state.session.teams);
  }
  const id = params.get('conversation');
  if (id) await select(id);
  else byId('conversation-none').hidden = false;
  document.body.dataset.ready = 'true';
}

// A page being left (or frozen in the back/forward cache) closes its live feed: a stream left
// open holds one of the browser's few connections to the bridge, and after a handful of ticket
// pages the next one would wait for a free connection. Back from the cache, it reconnects.
window.addEventListener('pagehide', () => events.stop());
window.addEventListener('pageshow', (e) => {
  if (e.persisted && state.session) events.start();
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') markRead();
});

start().catch(fail);
