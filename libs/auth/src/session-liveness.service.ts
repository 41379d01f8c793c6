import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long one process trusts a "session is live" answer; a revocation elsewhere is seen within this. */
export const SESSION_CHECK_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

/**
 * Whether the login session (refresh-token family) an access token belongs to is still live. Logout, refresh-token
 * theft detection, a password change or a reset revoke the family; from then on its access tokens are refused
 * (401 session_revoked) instead of working until they expire. Answers are cached briefly per process; a
 * revocation made by this process clears its cache at once.
 */
@Injectable()
export class SessionLivenessService {
  private readonly cache = new Map<string, { live: boolean; until: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isLive(sessionId: string): Promise<boolean> {
    const now = Date.now();
    const hit = this.cache.get(sessionId);
    if (hit && hit.until > now) return hit.live;
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM refresh_token WHERE familyId = ? AND revokedAt IS NULL AND expiresAt > NOW(3) LIMIT 1',
      [sessionId],
    );
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(sessionId, { live: rows.length > 0, until: now + SESSION_CHECK_CACHE_MS });
    return rows.length > 0;
  }

  /** Called after revoking sessions in this process; `undefined` forgets every cached answer (e.g. all of a user's). */
  forget(sessionId?: string): void {
    if (sessionId === undefined) this.cache.clear();
    else this.cache.delete(sessionId);
  }
}
