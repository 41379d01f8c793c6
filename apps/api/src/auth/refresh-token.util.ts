import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 256 bits, so guessing is hopeless and the token need not be throttled. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Only this hash is stored. A plain SHA-256 (no salt, no slow hash) is enough because the input is already
 * 256 random bits, and it must be searchable by equality.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedRefreshToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
