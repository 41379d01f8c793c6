import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SessionLivenessService } from '@rectiflow/auth';
import { AppConfig } from '@rectiflow/config';
import { RefreshTokenEntity } from '@rectiflow/persistence';
import { hashRefreshToken, isWellFormedRefreshToken, newRefreshToken } from './refresh-token.util';

export interface ClientMeta {
  ip: string;
  userAgent?: string;
}

/** What presenting a refresh token led to. Revocations are committed before the caller turns a failure into 401. */
export type RotationOutcome =
  | { kind: 'rotated'; userId: number; token: string; familyId: string }
  | { kind: 'unknown' }
  | { kind: 'expired'; userId: number }
  | { kind: 'revoked'; userId: number }
  | { kind: 'reused'; userId: number; familyId: string };

/**
 * Refresh tokens: opaque, stored as SHA-256, one family per login. Rotation is strict — each token works once;
 * presenting an already-rotated token revokes the whole family (the token was copied: by whom we cannot tell,
 * so both holders must log in again).
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sessions: SessionLivenessService,
  ) {}

  /** A new token (new family unless `familyId` is given). Returns the plaintext, which is never stored. */
  async issue(
    userId: number,
    meta: ClientMeta,
    familyId: string = randomUUID(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ token: string; id: string; familyId: string }> {
    const token = newRefreshToken();
    const result = await manager.getRepository(RefreshTokenEntity).insert({
      userId,
      familyId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTtlSeconds * 1000),
      userAgent: meta.userAgent ? meta.userAgent.slice(0, 255) : null,
      ip: meta.ip.slice(0, 45),
    });
    return { token, id: String(result.identifiers[0].id), familyId };
  }

  /**
   * Exchanges a live token for its successor. The row is locked (SELECT … FOR UPDATE) so two concurrent
   * refreshes with one token cannot both succeed: the second sees it replaced and is treated as reuse.
   * `isUserActive` lets the caller refuse deactivated accounts inside the same transaction.
   */
  async rotate(
    token: string,
    meta: ClientMeta,
    isUserActive: (userId: number, manager: EntityManager) => Promise<boolean>,
  ): Promise<RotationOutcome> {
    if (!isWellFormedRefreshToken(token)) return { kind: 'unknown' };
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(RefreshTokenEntity);
      const row = await repo.findOne({
        where: { tokenHash: hashRefreshToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { kind: 'unknown' } as const;
      const now = new Date();
      if (row.revokedAt) {
        if (row.replacedById === null) return { kind: 'revoked', userId: row.userId } as const;
        await this.revokeFamily(row.familyId, m);
        return { kind: 'reused', userId: row.userId, familyId: row.familyId } as const;
      }
      if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'expired', userId: row.userId } as const;
      if (!(await isUserActive(row.userId, m))) {
        await this.revokeFamily(row.familyId, m);
        return { kind: 'revoked', userId: row.userId } as const;
      }
      const next = await this.issue(row.userId, meta, row.familyId, m);
      await repo.update({ id: row.id }, { revokedAt: now, replacedById: next.id });
      return { kind: 'rotated', userId: row.userId, token: next.token, familyId: row.familyId } as const;
    });
  }

  /** Ends the session the token belongs to. Returns the owner, or null for an unknown token. */
  async revokeSession(token: string): Promise<{ userId: number; familyId: string } | null> {
    if (!isWellFormedRefreshToken(token)) return null;
    const row = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOne({ where: { tokenHash: hashRefreshToken(token) }, select: { userId: true, familyId: true } });
    if (!row) return null;
    await this.revokeFamily(row.familyId);
    return { userId: row.userId, familyId: row.familyId };
  }

  /** Every session of a user: after a password change, a reset or deactivation. */
  async revokeAllForUser(userId: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager
      .getRepository(RefreshTokenEntity)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.sessions.forget();
  }

  /** Drops a user's tokens that expired over a day ago; they can no longer be presented, so reuse needs no record. */
  async pruneExpired(userId: number): Promise<void> {
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder()
      .delete()
      .where('userId = :userId AND expiresAt < :before', {
        userId,
        before: new Date(Date.now() - 24 * 3600 * 1000),
      })
      .execute();
  }

  private async revokeFamily(
    familyId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager
      .getRepository(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.sessions.forget(familyId);
  }
}
