/**
 * The API's conventions in one place: JSON under /api/v1, errors as ApiError with the server's Chinese message,
 * the access token in memory only and the refresh token in this tab's sessionStorage (never in a URL or
 * localStorage). An expired access token is refreshed once and the request repeated.
 */
import type { TokenPairResponse } from '@contracts/api';

export const API_BASE = '/api/v1';
const REFRESH_KEY = 'rectiflow.refreshToken';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** What the client keeps of a login or refresh answer. */
export type TokenPair = Pick<TokenPairResponse, 'accessToken' | 'refreshToken'>;

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const expiredListeners = new Set<() => void>();

export const tokens = {
  get access() {
    return accessToken;
  },
  get refresh() {
    return sessionStorage.getItem(REFRESH_KEY);
  },
  adopt(pair: TokenPair) {
    accessToken = pair.accessToken;
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  },
  clear() {
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
  },
  onExpired(fn: () => void) {
    expiredListeners.add(fn);
    return () => expiredListeners.delete(fn);
  },
};

export type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

export function queryString(q?: Query): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const e = body?.error;
  return new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? (res.status >= 500 ? '服务暂时不可用，请稍后重试' : `请求失败（${res.status}）`),
    e?.details,
  );
}

export async function refreshSession(): Promise<boolean> {
  const refresh = tokens.refresh;
  if (!refresh) return false;
  refreshing ??= fetch(`${API_BASE}/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refreshToken: refresh }),
  })
    .then(async (res) => {
      if (!res.ok) return false;
      tokens.adopt((await res.json()) as TokenPairResponse);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function expire(): void {
  tokens.clear();
  expiredListeners.forEach((fn) => fn());
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** answer the Response itself (downloads) */
  raw?: boolean;
}

async function send(path: string, o: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...o.headers };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  let body = o.body;
  if (o.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(o.json);
  }
  try {
    return await fetch(`${API_BASE}${path}${queryString(o.query)}`, {
      method: o.method ?? 'GET',
      headers,
      body,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
}

export async function api<T>(path: string, o: RequestOptions = {}): Promise<T> {
  let res = await send(path, o);
  if (res.status === 401 && path !== '/auth/login') {
    if (await refreshSession()) res = await send(path, o);
    if (res.status === 401) {
      const err = await toApiError(res);
      expire();
      throw err;
    }
  }
  if (!res.ok) throw await toApiError(res);
  if (o.raw) return res as unknown as T;
  if (res.status === 204) return null as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

export const get = <T>(path: string, query?: Query) => api<T>(path, { query });
export const post = <T>(path: string, json?: unknown, headers?: Record<string, string>) =>
  api<T>(path, { method: 'POST', json: json ?? {}, headers });
export const patch = <T>(path: string, json: unknown) => api<T>(path, { method: 'PATCH', json });
export const put = <T>(path: string, json: unknown) => api<T>(path, { method: 'PUT', json });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/** A route that another branch adds may be absent: 404 means "暂不可用", not an error. */
export const isUnavailable = (err: unknown): boolean => err instanceof ApiError && err.status === 404;

/** Multipart upload with progress (fetch has no upload progress); same token and refresh rules. */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress: (percent: number) => void,
  headers: Record<string, string> = {},
): Promise<T> {
  const attempt = () =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${API_BASE}${path}`);
      xhr.setRequestHeader('Accept', 'application/json');
      if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试'));
      xhr.send(form);
    });
  return (async () => {
    let r = await attempt();
    if (r.status === 401 && (await refreshSession())) r = await attempt();
    const body = r.text ? JSON.parse(r.text) : null;
    if (r.status >= 400) {
      if (r.status === 401) expire();
      const e = body?.error;
      throw new ApiError(
        r.status,
        e?.code ?? `HTTP_${r.status}`,
        e?.message ?? `上传失败（${r.status}）`,
        e?.details,
      );
    }
    onProgress(100);
    return body as T;
  })();
}

/** Fetches a file with the Authorization header and saves it under the server's file name. */
export async function download(path: string, query?: Query): Promise<string> {
  const blob = await fetchBlob(path, query);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob.blob);
  a.download = blob.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  return blob.name;
}

export async function fetchBlob(path: string, query?: Query): Promise<{ blob: Blob; name: string }> {
  const res = await api<Response>(path, { query, raw: true, headers: { Accept: '*/*' } });
  return { blob: await res.blob(), name: fileName(res.headers.get('Content-Disposition')) };
}

export function fileName(disposition: string | null, fallback = 'download'): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** One Idempotency-Key per attempt of a step, reused when the same attempt is retried. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
