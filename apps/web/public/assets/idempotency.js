/**
 * One Idempotency-Key per user action. The server uses it as the workflow Update id, so a step retried with the
 * same key is applied once. A retry of the *same* submission after a network error or a 5xx (the step may or
 * may not have been applied) reuses the key; any answer that proves the outcome (2xx, 4xx) retires it, and a
 * changed submission gets a new one.
 */

/**
 * A v4 UUID. crypto.randomUUID exists only in secure contexts (https, localhost); on a plain-http intranet
 * address the page falls back to getRandomValues, which is available everywhere.
 */
export function uuid(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl?.randomUUID === 'function') return cryptoImpl.randomUUID();
  const b = cryptoImpl.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether an outcome leaves it unknown if the step was applied, so a retry must carry the same key. */
export function outcomeUnknown(err) {
  if (!err) return false;
  if (err.name === 'NetworkError') return true;
  return typeof err.status === 'number' && err.status >= 500;
}

export function createKeyStore(newKey = uuid) {
  const pending = new Map();
  return {
    /** The key for this action (`scope`, e.g. item + step) and this exact submission (`fingerprint`). */
    keyFor(scope, fingerprint) {
      const p = pending.get(scope);
      if (p && p.fingerprint === fingerprint) return p.key;
      const key = newKey();
      pending.set(scope, { fingerprint, key });
      return key;
    },
    /** Call with the error (or nothing on success) once the request has an outcome. */
    settle(scope, err) {
      if (!outcomeUnknown(err)) pending.delete(scope);
    },
  };
}

/** A stable fingerprint of a submission: JSON body, or a FormData's fields and files (name, size, date). */
export function fingerprintOf(body) {
  if (body && typeof body.entries === 'function' && typeof body.append === 'function') {
    const parts = [];
    for (const [k, v] of body.entries())
      parts.push([k, typeof v === 'string' ? v : `file:${v.name}:${v.size}:${v.lastModified ?? ''}`]);
    return JSON.stringify(parts);
  }
  return JSON.stringify(body ?? null);
}
