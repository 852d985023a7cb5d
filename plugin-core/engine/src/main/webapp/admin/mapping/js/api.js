// The admin API as the page uses it: bearer token, the actor's name, RFC 9457 problems as errors.

const API_ROOT = new URL('../../../api/admin/', import.meta.url);
const TOKEN_KEY = 'switchboard.adminToken';
const ACTOR_KEY = 'switchboard.actor';

/** An answer that was not 2xx: its status and problem body (type, title, detail, problems...). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  get problems() {
    return Array.isArray(this.problem.problems) ? this.problem.problems : [];
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  setToken: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  forgetToken: () => sessionStorage.removeItem(TOKEN_KEY),
  actor: () => localStorage.getItem(ACTOR_KEY) || '',
  setActor: (name) => localStorage.setItem(ACTOR_KEY, name.trim()),
};

/**
 * HTTP header values are Latin-1; text in Arabic script (a name, a comment) is sent as an RFC 8187 ext-value
 * (UTF-8''%D8%A3...), plain ASCII names as they are.
 */
export function headerValue(name) {
  return /^[\x20-\x7e]*$/.test(name) ? name : `UTF-8''${encodeURIComponent(name)}`;
}

let unauthorizedHandler = async () => {};

/** What to do on a 401: typically ask for the token again; the request is then repeated once. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

async function problemOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object') return body;
  } catch {
    // not JSON: fall through
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: text.slice(0, 300) };
}

/**
 * request('GET', 'crm-connections') -> the parsed JSON (or the Response when raw is set).
 * body: an object (sent as JSON) or {raw: string, type: 'application/yaml'}.
 */
export async function request(method, path, { body, headers = {}, raw = false, retried = false } = {}) {
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  const token = session.token();
  if (token) all.Authorization = `Bearer ${token}`;
  const actor = session.actor();
  if (actor) all['X-Switchboard-Actor'] = headerValue(actor);
  let payload;
  if (body && body.raw !== undefined) {
    payload = body.raw;
    all['Content-Type'] = body.type;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    all['Content-Type'] = 'application/json';
  }
  const response = await fetch(new URL(path, API_ROOT), { method, headers: all, body: payload });
  if (response.status === 401 && !retried) {
    session.forgetToken();
    await unauthorizedHandler();
    return request(method, path, { body, headers, raw, retried: true });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

/** Path of one CRM connection's mapping resource, e.g. mapping('rt', 'versions'). */
export function mappingPath(connection, rest = '') {
  return `crm-connections/${encodeURIComponent(connection)}/mapping${rest ? `/${rest}` : ''}`;
}
