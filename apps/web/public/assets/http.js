/** fetch with the API's conventions: JSON in and out, errors as ApiError / NetworkError. No session here. */

import { ApiError, NetworkError } from './errors.js';

export const API_BASE = '/api/v1';

export async function send(path, { method = 'GET', headers = {}, json, body, query, token } = {}) {
  const all = { Accept: 'application/json', ...headers };
  if (token) all.Authorization = `Bearer ${token}`;
  let payload = body;
  if (json !== undefined) {
    all['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  }
  try {
    return await fetch(`${API_BASE}${path}${query ? `?${query}` : ''}`, {
      method,
      headers: all,
      body: payload,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new NetworkError(err);
  }
}

export async function readJson(res) {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function toError(res, body) {
  return new ApiError(res.status, body === undefined ? await readJson(res) : body);
}
