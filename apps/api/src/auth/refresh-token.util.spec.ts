import { createHash } from 'node:crypto';
import { hashRefreshToken, isWellFormedRefreshToken, newRefreshToken } from './refresh-token.util';

describe('refresh tokens', () => {
  it('are 32 random bytes in base64url (43 characters), all different', () => {
    const tokens = Array.from({ length: 200 }, newRefreshToken);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(isWellFormedRefreshToken(t)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('are stored as their SHA-256 in hex: 64 characters, deterministic, never the token itself', () => {
    const t = newRefreshToken();
    const h = hashRefreshToken(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(createHash('sha256').update(t).digest('hex'));
    expect(hashRefreshToken(t)).toBe(h);
    expect(hashRefreshToken(newRefreshToken())).not.toBe(h);
    expect(h).not.toContain(t);
  });

  it('rejects malformed input before any lookup', () => {
    for (const bad of [
      '',
      'abc',
      'a'.repeat(44),
      `${'a'.repeat(42)}=`,
      `${'a'.repeat(42)}/`,
      `${'a'.repeat(42)} `,
    ])
      expect(isWellFormedRefreshToken(bad)).toBe(false);
  });
});
