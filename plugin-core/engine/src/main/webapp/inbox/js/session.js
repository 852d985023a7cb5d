// Signing in: the CRM frames the page with a short-lived token in the URL fragment; the page takes
// it out of the address bar at once (so it is not in history, bookmarks or screenshots) and trades
// it for the engine's session. The session lives in memory and in this tab's sessionStorage only,
// so a reload inside the same tab keeps working while the fragment is gone.

import { post, useSession } from './api.js';

const storeKey = (crm) => `switchboard.inbox.session.${crm}`;

/** The token from #token=..., removed from the address bar; null when there is none. */
export function takeTokenFromAddress() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (token !== null) {
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  return token;
}

function stored(crm) {
  try {
    const session = JSON.parse(sessionStorage.getItem(storeKey(crm)) ?? 'null');
    return session && session.session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/**
 * The session for the CRM connection `crm`: a fresh one from the address's token, else the one
 * this tab already had. Resolves to {session, expiresAt, agent, crm, teams} or null (no way in);
 * an invalid token rejects with the server's ApiError (its detail says why).
 */
export async function signIn(crm) {
  const token = takeTokenFromAddress();
  if (token) {
    const session = await post('session', { crm, token }, { anonymous: true });
    sessionStorage.setItem(storeKey(crm), JSON.stringify(session));
    useSession(session.session);
    return session;
  }
  const kept = stored(crm);
  if (kept) useSession(kept.session);
  return kept;
}

/** Forgets the session (it ended): the next load needs a new token from the CRM. */
export function forget(crm) {
  sessionStorage.removeItem(storeKey(crm));
  useSession(null);
}
