// "Agent Two is viewing / typing…" above the composer: the other agents present in the
// conversation in the last 20 s (from the detail, then from presence events), never the agent
// looking at the page.

import { byId, clear, name } from './dom.js';
import { formatList, t } from './i18n.js';

export function renderViewers(viewers, myLogin) {
  const others = (viewers ?? []).filter((v) => v.login !== myLogin);
  const box = clear(byId('viewers'));
  box.hidden = others.length === 0;
  box.dataset.count = String(others.length);
  box.dataset.typing = String(others.some((v) => v.typing));
  if (others.length === 0) return;
  const typing = others.filter((v) => v.typing);
  const viewing = others.filter((v) => !v.typing);
  const sentence = (list, key) => {
    const names = list.map((v) => v.name || v.login);
    // the names are isolated (<bdi>) inside the translated sentence
    const [before, after] = t(key, { n: list.length, names: '\u0000' }).split('\u0000');
    const parts = [];
    names.forEach((n, i) => {
      parts.push(name(n, { class: 'viewer', 'data-login': list[i].login }));
      if (i < names.length - 1) parts.push(i === names.length - 2 ? separatorLast() : ', ');
    });
    return [before, ...parts, after ?? ''];
  };
  box.append('👀 ');
  if (typing.length) box.append(...sentence(typing, 'viewers.typing'));
  if (typing.length && viewing.length) box.append(' · ');
  if (viewing.length) box.append(...sentence(viewing, 'viewers.viewing'));
}

function separatorLast() {
  // the word Intl.ListFormat puts before the last name ("and", "و")
  const sample = formatList(['\u0001', '\u0002']);
  return sample.slice(sample.indexOf('\u0001') + 1, sample.indexOf('\u0002'));
}
