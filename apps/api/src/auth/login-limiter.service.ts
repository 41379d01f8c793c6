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

  private key(kind: 'fail' | 'lock', username: string, ip: string): string {
    // Usernames compare case-insensitively in the database (utf8mb4_unicode_ci), so they do here too.
    const pair = createHash('sha256').update(`${username.trim().toLowerCase()}\n${ip}`).digest('hex');
    return `${this.config.redis.queuePrefix}:login-${kind}:${pair}`;
  }
}
