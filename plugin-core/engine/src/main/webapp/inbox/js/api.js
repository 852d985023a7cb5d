// The agent API as the page uses it: the session's bearer token, JSON in and out, RFC 9457
// problems as errors carrying their detail, and uploads with progress.

/**
 * The API root, from where the page is: <base>/inbox/... -> <base>/api/agent/. The context path
 * (e.g. /switchboard) is never written down, so the page works wherever the bridge is deployed.
 */
export const APP_ROOT = new URL(`${location.pathname.replace(/\/inbox(\/.*)?$/, '')}/`, location.origin);
export const API_ROOT = new URL('api/agent/', APP_ROOT);

/** An answer that was not 2xx: its status and problem body (type, title, detail, errors...). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** A problem's list of reasons (422): `errors` or `problems`, strings or {part, reason, detail}. */
  get errors() {
    const list = this.problem.errors ?? this.problem.problems;
    return Array.isArray(list) ? list : [];
  }
}

let bearer = null;
let sessionEnded = () => {};

export function useSession(token) {
  bearer = token;
}

export function bearerToken() {
  return bearer;
}

/** What to do when a call answers 401 (the session expired): the page asks for a reload in the CRM. */
export function onSessionEnded(handler) {
  sessionEnded = handler;
}

export function reportSessionEnded() {
  sessionEnded();
}

export function url(path) {
  return new URL(path, API_ROOT);
}

async function problemOf(response) {
  const body = await response.text();
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed === 'object') return parsed;
  } catch {
    // not JSON: fall through
  }
  return { title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: body.slice(0, 300) };
}

/**
 * request('GET', 'conversations?view=mine') -> the parsed JSON, or null for 204.
 * A body object is sent as JSON. `anonymous` leaves out the bearer (the session exchange).
 */
export async function request(method, path, { body, headers = {}, anonymous = false, signal } = {}) {
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  if (bearer && !anonymous) all.Authorization = `Bearer ${bearer}`;
  let payload;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    all['Content-Type'] = 'application/json';
  }
  const response = await fetch(url(path), { method, headers: all, body: payload, signal, credentials: 'omit' });
  if (!response.ok) {
    const error = new ApiError(response.status, await problemOf(response));
    if (response.status === 401 && !anonymous) sessionEnded();
    throw error;
  }
  if (response.status === 204) return null;
  const answer = await response.text();
  return answer.trim() === '' ? null : JSON.parse(answer);
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const put = (path, body, options = {}) => request('PUT', path, { ...options, body });

/** Path of one conversation's resource, e.g. conversationPath('c1', 'messages'). */
export function conversationPath(id, rest = '') {
  return `conversations/${encodeURIComponent(id)}${rest ? `/${rest}` : ''}`;
}

/**
 * Sends a file as the raw body of POST uploads; XMLHttpRequest because fetch cannot report upload
 * progress. onProgress(fraction) while it goes; resolves to {id, mimeType, fileName, size}.
 */
export function upload(file, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url('uploads'));
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        body = { detail: xhr.responseText.slice(0, 300) };
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
      } else {
        if (xhr.status === 401) sessionEnded();
        reject(new ApiError(xhr.status, { title: xhr.statusText, status: xhr.status, ...body }));
      }
    });
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.send(file);
  });
}
