import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { AppConfig } from '@rectiflow/config';
import { REDIS } from '@rectiflow/queue';
import { LockoutPolicy, lockoutPolicy } from './lockout-policy';

/**
 * Failed-login counter per (username, client IP) in Redis, shared by every API instance. Keys hold a hash of
 * the pair (no usernames or addresses in Redis) and expire by themselves; they live under the deployment's
 * QUEUE_PREFIX.
 */
@Injectable()
export class LoginLimiterService {
  readonly policy: LockoutPolicy;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.policy = lockoutPolicy(config.auth);
  }

  /** Seconds the pair is still locked for, 0 if it may try. */
  async lockedForSeconds(username: string, ip: string): Promise<number> {
    await this.ready();
    const ms = await this.redis.pttl(this.key('lock', username, ip));
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Counts a failure; returns the lock in seconds if this failure locked the pair, else 0. */
  async recordFailure(username: string, ip: string): Promise<number> {
    const fails = this.key('fail', username, ip);
    // SET NX starts the window on the first failure; INCR keeps the key's expiry.
    const results = await this.redis
      .multi()
      .set(fails, '0', 'PX', this.policy.windowSeconds * 1000, 'NX')
      .incr(fails)
      .exec();
    const count = Number(results?.[1]?.[1] ?? 0);
    if (count < this.policy.maxFailures) return 0;
    await this.redis
      .multi()
      .set(this.key('lock', username, ip), '1', 'PX', this.policy.lockSeconds * 1000)
      .del(fails)
      .exec();
    return this.policy.lockSeconds;
  }

  /**
   * Counts one login request for the username (any address, existing or not); true when over the per-minute
   * limit. Fixed one-minute windows.
   */
  async overUsernameRate(username: string): Promise<boolean> {
    await this.ready();
    const key = this.nameKey('rate', username);
    const results = await this.redis.multi().set(key, '0', 'PX', 60_000, 'NX').incr(key).exec();
    return Number(results?.[1]?.[1] ?? 0) > this.config.auth.loginUsernameRateLimitPerMinute;
  }

  /**
   * The account layer for a username that has no account: counted and locked exactly like app_user.failedLogins
   * / lockedUntil, so after accountMaxFailures failures an unknown name answers what an existing one does (429)
   * and the answer reveals nothing.
   */
  async unknownNameLockedForSeconds(username: string): Promise<number> {
    const ms = await this.redis.pttl(this.nameKey('lock', username));
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  async recordUnknownNameFailure(username: string): Promise<number> {
    const key = this.nameKey('fail', username);
    // Like the account counter, it is cleared by nothing but time (a day): no one can log in as this name.
    const results = await this.redis
      .multi()
      .incr(key)
      .expire(key, 24 * 3600)
      .exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    if (count < this.policy.accountMaxFailures) return 0;
    await this.redis.set(this.nameKey('lock', username), '1', 'PX', this.policy.accountLockSeconds * 1000);
    return this.policy.accountLockSeconds;
  }

  /** An administrator's unlock: the username's own counter and lock, and those of every address it failed from. */
  async clearUsername(username: string): Promise<void> {
    const keys = [this.nameKey('fail', username), this.nameKey('lock', username)];
    for (const kind of ['fail', 'lock'] as const) {
      let cursor = '0';
      do {
        const [next, found] = await this.redis.scan(
          cursor,
          'MATCH',
          `${this.pairPrefix(kind, username)}*`,
          'COUNT',
          200,
        );
        keys.push(...found);
        cursor = next;
      } while (cursor !== '0');
    }
    await this.redis.del(...keys);
  }

  async clear(username: string, ip: string): Promise<void> {
    await this.redis.del(this.key('fail', username, ip), this.key('lock', username, ip));
  }

  /**
   * The shared client has no offline queue (fail fast when Redis is down), so a login arriving while it is still
   * connecting — right after boot or a reconnect — would fail; wait briefly for it instead.
   */
  private async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, 2000);
      this.redis.once('ready', done);
    });
  }

  private nameKey(kind: 'rate' | 'fail' | 'lock', username: string): string {
    const name = createHash('sha256').update(username.trim().toLowerCase()).digest('hex');
    return `${this.config.redis.queuePrefix}:login-name-${kind}:${name}`;
  }

  private key(kind: 'fail' | 'lock', username: string, ip: string): string {
    return `${this.pairPrefix(kind, username)}${createHash('sha256').update(ip).digest('hex')}`;
  }

  /** The pair keys of one username share this prefix, so an unlock finds them all. */
  private pairPrefix(kind: 'fail' | 'lock', username: string): string {
    // Usernames compare case-insensitively in the database (utf8mb4_unicode_ci), so they do here too.
    const name = createHash('sha256').update(username.trim().toLowerCase()).digest('hex');
    return `${this.config.redis.queuePrefix}:login-${kind}:${name}:`;
  }
}
