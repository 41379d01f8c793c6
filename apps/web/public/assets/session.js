/**
 * Who is signed in. The access token lives only in this module's memory (gone on reload, never readable by
 * another page); the refresh token is in sessionStorage (this tab only, cleared with it) so a reload can sign
 * back in. Neither ever goes into a URL or localStorage.
 */

import { readJson, send, toError } from './http.js';

const REFRESH_KEY = 'rectiflow.refreshToken';

let accessToken = null;
let me = null;
let refreshing = null;
const listeners = new Set();

const storage = {
  get: () => sessionStorage.getItem(REFRESH_KEY),
  set: (t) => sessionStorage.setItem(REFRESH_KEY, t),
  clear: () => sessionStorage.removeItem(REFRESH_KEY),
};

function notify(reason) {
  listeners.forEach((fn) => fn(reason));
}

function adopt(pair) {
  accessToken = pair.accessToken;
  storage.set(pair.refreshToken);
}

async function loadMe() {
  const res = await send('/auth/me', { token: accessToken });
  if (!res.ok) throw await toError(res);
  me = await readJson(res);
}

function clear() {
  accessToken = null;
  me = null;
  storage.clear();
}

export const session = {
  get token() {
    return accessToken;
  },
  /** GET /auth/me: id, username, displayName, role, unitId, unit { name, kind }, … */
  get me() {
    return me;
  },
  get role() {
    return me?.role ?? null;
  },
  onChange(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },

  async login(username, password) {
    const res = await send('/auth/login', { method: 'POST', json: { username, password } });
    if (!res.ok) throw await toError(res);
    adopt(await readJson(res));
    await loadMe();
    notify('login');
  },

  /** After a reload: trade the stored refresh token for a new pair. False when there is no session to resume. */
  async restore() {
    if (!storage.get()) return false;
    try {
      await this.refresh();
      await loadMe();
      return true;
    } catch (err) {
      if (err?.name !== 'NetworkError') clear();
      throw err;
    }
  },

  /**
   * Rotates the pair. Single-flight: the server spends a refresh token on first use and treats reuse as theft
   * (ending the session), so concurrent 401s must share one refresh.
   */
  refresh() {
    if (!refreshing) {
      refreshing = (async () => {
        const refreshToken = storage.get();
        if (!refreshToken) throw await toError({ status: 401 }, null);
        const res = await send('/auth/refresh', { method: 'POST', json: { refreshToken } });
        if (!res.ok) {
          const err = await toError(res);
          if (res.status === 401) this.expire();
          throw err;
        }
        adopt(await readJson(res));
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  },

  /** The session is over (refresh refused, account disabled): forget it and let the router show the login. */
  expire() {
    const had = accessToken !== null || me !== null;
    clear();
    if (had) notify('expired');
  },

  async logout() {
    const refreshToken = storage.get();
    clear();
    notify('logout');
    if (refreshToken)
      await send('/auth/logout', { method: 'POST', json: { refreshToken } }).catch(() => undefined);
  },
};
