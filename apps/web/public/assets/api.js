/**
 * Authenticated calls. An expired access token (401 with details.reason expired_token) is refreshed once and the
 * request repeated; any other 401 ends the session. Steps carry an Idempotency-Key (see idempotency.js).
 */

import { fileNameFromDisposition } from './disposition.js';
import { readJson, send, toError } from './http.js';
import { createKeyStore, fingerprintOf } from './idempotency.js';
import { session } from './session.js';

async function authed(path, opts) {
  const first = await send(path, { ...opts, token: session.token });
  if (first.status !== 401) return first;
  const body = await readJson(first);
  if (body?.error?.details?.reason !== 'expired_token' || !session.token) {
    session.expire();
    throw await toError(first, body);
  }
  await session.refresh();
  const again = await send(path, { ...opts, token: session.token });
  if (again.status === 401) session.expire();
  return again;
}

/** JSON answer of an authenticated request; `raw: true` gives the Response (binary bodies). */
export async function api(path, opts = {}) {
  const res = await authed(path, opts);
  if (!res.ok) throw await toError(res);
  return opts.raw ? res : readJson(res);
}

export const get = (path, query) => api(path, { query });
export const post = (path, json) => api(path, { method: 'POST', json });

/**
 * Downloads with the Authorization header (a token never goes into a link), then saves the blob under the name
 * from Content-Disposition.
 */
export async function download(path, query) {
  const res = await api(path, { query, raw: true, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const name = fileNameFromDisposition(res.headers.get('Content-Disposition'), 'download');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

const keys = createKeyStore();

/** POST /rectifications/:id/<path> — a human step; body is JSON or FormData (evidence upload). */
export async function step(id, path, body) {
  const scope = `${id}:${path}`;
  const key = keys.keyFor(scope, fingerprintOf(body));
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  try {
    const state = await api(`/rectifications/${encodeURIComponent(id)}/${path}`, {
      method: 'POST',
      headers: { 'Idempotency-Key': key },
      ...(isForm ? { body } : { json: body }),
    });
    keys.settle(scope);
    return state;
  } catch (err) {
    keys.settle(scope, err);
    throw err;
  }
}

let units = null;
/** GET /units, once per session (the read-all roles only; others get 403). */
export async function listUnits() {
  if (!units) units = get('/units').catch((err) => ((units = null), Promise.reject(err)));
  return units;
}
session.onChange(() => {
  units = null;
});
