import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '@rectiflow/audit';
import {
  AccessScopeService,
  AccessTokenService,
  AuthUser,
  UnauthenticatedError,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '@rectiflow/auth';
import { AppError, NotFoundError } from '@rectiflow/common';
import type { MeResponse } from '@rectiflow/contracts';
import { AppUserEntity, UnitEntity } from '@rectiflow/persistence';
import type { TokenPairDto } from './auth.dto';
import { afterAccountFailure, lockoutMessage, secondsUntil } from './lockout-policy';
import { LoginLimiterService } from './login-limiter.service';
import { ClientMeta, RefreshTokenService } from './refresh-token.service';

/** One message for a wrong password, an unknown username and a disabled account: none of them is revealed. */
const BAD_CREDENTIALS = '用户名或密码错误，或账号已停用';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(AppUserEntity) private readonly users: Repository<AppUserEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly limiter: LoginLimiterService,
    private readonly scope: AccessScopeService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, meta: ClientMeta): Promise<TokenPairDto> {
    const name = username.trim();
    if (await this.limiter.overUsernameRate(name))
      throw new AppError('RATE_LIMITED', '该用户名的登录请求过于频繁，请 1 分钟后再试', {
        retryAfterSeconds: 60,
      });
    const pairWait = await this.limiter.lockedForSeconds(name, meta.ip);
    if (pairWait > 0) throw tooManyFailures(pairWait);

    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :name', { name })
      .getOne();
    const now = new Date();
    const accountWait = user
      ? secondsUntil(user.lockedUntil, now)
      : await this.limiter.unknownNameLockedForSeconds(name);
    if (accountWait > 0) throw tooManyFailures(accountWait);

    const passwordOk = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDummy(password);
    if (!user || !passwordOk || !user.active) {
      const wait = await this.recordFailure(name, user, now, meta);
      if (wait > 0) throw tooManyFailures(wait);
      throw new UnauthenticatedError('invalid_credentials', BAD_CREDENTIALS);
    }

    await this.limiter.clear(name, meta.ip);
    await this.users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await this.refreshTokens.pruneExpired(user.id);
    const authUser = toAuthUser(user);
    const pair = await this.issuePair(authUser, meta);
    await this.audit.record({
      actor: authUser,
      action: 'auth.login',
      entityType: 'app_user',
      entityId: user.id,
      ip: meta.ip,
      payload: { userAgent: meta.userAgent ?? null },
    });
    return pair;
  }

  async refresh(token: string, meta: ClientMeta): Promise<TokenPairDto> {
    const outcome = await this.refreshTokens.rotate(token, meta, async (userId, m) =>
      this.isActive(userId, m),
    );
    switch (outcome.kind) {
      case 'rotated': {
        const user = await this.users.findOneByOrFail({ id: outcome.userId });
        const authUser = toAuthUser(user);
        return {
          accessToken: await this.accessTokens.sign(authUser, outcome.familyId),
          refreshToken: outcome.token,
          expiresIn: this.accessTokens.ttlSeconds,
          tokenType: 'Bearer',
          user: authUser,
        };
      }
      case 'reused':
        await this.audit.record({
          actor: { id: outcome.userId, name: `user#${outcome.userId}` },
          action: 'auth.refresh_reuse',
          entityType: 'app_user',
          entityId: outcome.userId,
          ip: meta.ip,
          payload: { familyId: outcome.familyId, userAgent: meta.userAgent ?? null },
        });
        throw new UnauthenticatedError(
          'refresh_token_reused',
          '刷新令牌已被使用过，为安全起见该登录会话已全部注销，请重新登录',
        );
      case 'expired':
        throw new UnauthenticatedError('expired_refresh_token', '登录已过期，请重新登录');
      default:
        throw new UnauthenticatedError('invalid_refresh_token', '刷新令牌无效或已注销，请重新登录');
    }
  }

  /** Idempotent: an unknown or already revoked token is not an error (the client is logged out either way). */
  async logout(token: string, meta: ClientMeta): Promise<void> {
    const session = await this.refreshTokens.revokeSession(token);
    if (!session) return;
    const user = await this.users.findOneBy({ id: session.userId });
    await this.audit.record({
      actor: user ? toAuthUser(user) : { id: session.userId, name: `user#${session.userId}` },
      action: 'auth.logout',
      entityType: 'app_user',
      entityId: session.userId,
      ip: meta.ip,
      payload: { familyId: session.familyId },
    });
  }

  async me(user: AuthUser): Promise<MeResponse> {
    const row = await this.users.findOneBy({ id: user.id });
    const unit = await this.units.findOneBy({ id: user.unitId });
    if (!row || !unit) throw new NotFoundError('用户');
    const visible = await this.scope.visibleUnitIds(user);
    return {
      ...user,
      email: row.email,
      phone: row.phone,
      isUnitHead: row.isUnitHead,
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId },
      seesAllUnits: visible === 'all',
      ...(visible === 'all' ? {} : { visibleUnitIds: visible }),
    };
  }

  /** Ends every other session: whoever knew the old password may hold a refresh token. */
  async changePassword(user: AuthUser, current: string, next: string, meta: ClientMeta): Promise<void> {
    const wait = await this.limiter.lockedForSeconds(user.username, meta.ip);
    if (wait > 0) throw tooManyFailures(wait);
    const row = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.id })
      .getOneOrFail();
    if (!(await verifyPassword(row.passwordHash, current))) {
      const locked = await this.limiter.recordFailure(user.username, meta.ip);
      if (locked > 0) throw tooManyFailures(locked);
      throw new AppError('VALIDATION_FAILED', '当前密码不正确', {
        fields: { currentPassword: ['当前密码不正确'] },
      });
    }
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(next) });
    await this.refreshTokens.revokeAllForUser(user.id);
    await this.audit.record({
      actor: user,
      action: 'auth.password_changed',
      entityType: 'app_user',
      entityId: user.id,
      ip: meta.ip,
    });
  }

  private async issuePair(user: AuthUser, meta: ClientMeta): Promise<TokenPairDto> {
    const refresh = await this.refreshTokens.issue(user.id, meta);
    return {
      accessToken: await this.accessTokens.sign(user, refresh.familyId),
      refreshToken: refresh.token,
      expiresIn: this.accessTokens.ttlSeconds,
      tokenType: 'Bearer',
      user,
    };
  }

  /** Counts the failure on both layers and writes the trail; returns the lockout it caused, in seconds. */
  private async recordFailure(
    name: string,
    user: AppUserEntity | null,
    now: Date,
    meta: ClientMeta,
  ): Promise<number> {
    const pairLock = await this.limiter.recordFailure(name, meta.ip);
    let accountLock = 0;
    if (user) {
      const next = afterAccountFailure(user.failedLogins, now, this.limiter.policy);
      await this.users
        .createQueryBuilder()
        .update()
        .set({
          failedLogins: () => 'failedLogins + 1',
          ...(next.lockedUntil ? { lockedUntil: next.lockedUntil } : {}),
        })
        .where('id = :id', { id: user.id })
        .execute();
      accountLock = secondsUntil(next.lockedUntil, now);
    } else {
      accountLock = await this.limiter.recordUnknownNameFailure(name);
    }
    const locked = Math.max(pairLock, accountLock);
    await this.audit.record({
      actor: null,
      action: 'auth.login_failed',
      entityType: 'app_user',
      // The account id (if any) lets admins see attacks on an account; the response never reveals it.
      entityId: user?.id ?? null,
      ip: meta.ip,
      payload: { username: name.slice(0, 64), userAgent: meta.userAgent ?? null, lockedForSeconds: locked },
    });
    return locked;
  }

  private async isActive(userId: number, m: EntityManager): Promise<boolean> {
    const row = await m
      .getRepository(AppUserEntity)
      .findOne({ where: { id: userId }, select: { active: true } });
    return row?.active === true;
  }
}

function toAuthUser(u: AppUserEntity): AuthUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId };
}

function tooManyFailures(seconds: number): AppError {
  return new AppError('RATE_LIMITED', lockoutMessage(seconds), { retryAfterSeconds: seconds });
}
