// The page's one way to the server: the real /v2 and /emulator API, authenticated by the session cookie
// (sent by the browser, HttpOnly) and, on every state-changing call, the session's CSRF token as a header.
let csrfToken = null;
let onSignedOut = () => {};

export function useCsrf(token) {
  csrfToken = token;
}

export function whenSignedOut(callback) {
  onSignedOut = callback;
}

/** An API answer that is not 2xx: the 100ms error body {code, message, details} when there is one. */
export class ApiFailure extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text };
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/dashboard/api/sign-in') onSignedOut();
    throw new ApiFailure(response.status, json);
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const del = (path) => api('DELETE', path);

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.append(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
