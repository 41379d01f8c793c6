import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TIMESTAMP_HEADER = 'X-Rectiflow-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'X-Rectiflow-Signature';
export const WEBHOOK_DELIVERY_HEADER = 'X-Rectiflow-Delivery';
export const WEBHOOK_EVENT_HEADER = 'X-Rectiflow-Event';

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, timestamp in Unix seconds. Signing the
 * timestamp with the body lets a receiver refuse replays of an old, validly signed request.
 */
export function signWebhook(secret: string, timestamp: string, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `sha256=${mac.digest('hex')}`;
}

export interface WebhookVerification {
  secret: string;
  /** The raw request body exactly as received (before any JSON parsing). */
  body: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
  /** Oldest (and most future) timestamp accepted, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** For tests; Unix milliseconds. */
  now?: number;
}

/** What a receiver runs on each request; true only for a fresh request signed with `secret`. */
export function verifyWebhookSignature(v: WebhookVerification): boolean {
  if (!v.timestamp || !v.signature || !/^\d{1,12}$/.test(v.timestamp)) return false;
  const age = Math.abs((v.now ?? Date.now()) / 1000 - Number(v.timestamp));
  if (age > (v.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(v.secret, v.timestamp, v.body));
  const given = Buffer.from(v.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
