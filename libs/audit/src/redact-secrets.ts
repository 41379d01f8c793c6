const SECRET_KEY = /pass(word)?|secret|token|hash|authori[sz]ation|cookie/i;
const MAX_DEPTH = 6;
/** Larger payloads are cut down to a preview: the log is a trail, not a document store. */
export const MAX_PAYLOAD_CHARS = 16_000;

/**
 * A copy of `value` with secret-looking keys replaced by '[redacted]', so that a careless caller cannot write a
 * password or token into the append-only (and therefore unerasable) audit log.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactSecrets(v, depth + 1);
  }
  return out;
}

/** Redacted and size-capped payload, ready for the JSON column. */
export function auditPayload(
  payload: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!payload) return null;
  const clean = redactSecrets(payload) as Record<string, unknown>;
  const text = JSON.stringify(clean);
  if (text.length <= MAX_PAYLOAD_CHARS) return clean;
  return { truncated: true, preview: text.slice(0, MAX_PAYLOAD_CHARS) };
}
