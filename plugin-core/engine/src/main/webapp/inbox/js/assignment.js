// Who answers a conversation: Take (the agent's own login), Hand over / Reassign to another agent
// of the conversation's team (GET agents), Unassign. The CRM's ticket owner follows on the server.

import { conversationPath, get, put } from './api.js';
import { append, byId, clear, el, name } from './dom.js';
import { t } from './i18n.js';

export class Assignment {
  /** @param page {session(), changed(conversation), announce(text)} */
  constructor(page) {
    this.page = page;
    this.conversation = null;
    this.agents = null;
    byId('assign-take').addEventListener('click', () => this.assign(this.me()));
    byId('assign-to').addEventListener('click', () => {
      const login = byId('assign-agent').value;
      if (login) this.assign(login);
    });
    byId('assign-agent').addEventListener('change', () => {
      byId('assign-to').disabled = !byId('assign-agent').value;
    });
    byId('assign-unassign').addEventListener('click', () => this.assign(null));
  }

  me() {
    return this.page.session()?.agent?.login;
  }

  async open(conversation) {
    this.conversation = conversation;
    this.error(null);
    this.render();
    if (this.agents === null) {
      try {
        this.agents = (await get('agents')).items ?? [];
      } catch (e) {
        this.agents = [];
        this.error(e.message);
      }
      this.render();
    }
  }

  render() {
    const c = this.conversation;
    if (!c) return;
    const mine = c.assignee && c.assignee === this.me();
    const who = byId('assignee');
    who.dataset.assignee = c.assignee ?? '';
    append(clear(who), c.assignee ? [t('assign.assignedTo'), ' ', name(this.nameOf(c.assignee))] : t('assign.nobody'));
    byId('assign-take').hidden = Boolean(mine);
    byId('assign-unassign').hidden = !c.assignee;
    byId('assign-to').textContent = t(mine ? 'assign.handOver' : c.assignee ? 'assign.reassign' : 'assign.assign');
    const select = clear(byId('assign-agent'));
    select.append(el('option', { value: '' }, t('assign.chooseAgent')));
    for (const a of this.candidates()) select.append(el('option', { value: a.login }, a.name ? `${a.name} (${a.login})` : a.login));
    byId('assign-to').disabled = true;
  }

  /** Agents of the conversation's team, without the one it is assigned to. */
  candidates() {
    const c = this.conversation;
    return (this.agents ?? []).filter(
      (a) => a.login !== c.assignee && (!c.team || !Array.isArray(a.teams) || a.teams.length === 0 || a.teams.includes(c.team)));
  }

  nameOf(login) {
    if (login === this.me()) return t('assign.you');
    return (this.agents ?? []).find((a) => a.login === login)?.name || login;
  }

  async assign(login) {
    const c = this.conversation;
    if (!c) return;
    const buttons = ['assign-take', 'assign-to', 'assign-unassign'].map(byId);
    buttons.forEach((b) => (b.disabled = true));
    this.error(null);
    try {
      await put(conversationPath(c.id, 'assignment'), { agent: login, team: c.team ?? null });
      c.assignee = login;
      this.render();
      this.page.announce(login ? t('assign.done', { name: this.nameOf(login) }) : t('assign.unassigned'));
      this.page.changed(c);
    } catch (e) {
      this.error(e.message);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      byId('assign-to').disabled = !byId('assign-agent').value;
    }
  }

  error(message) {
    const box = byId('assignment-error');
    box.textContent = message ?? '';
    box.hidden = !message;
  }
}
