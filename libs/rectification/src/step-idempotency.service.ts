import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { AppError } from '@rectiflow/common';
import { AppConfig } from '@rectiflow/config';
import { REDIS } from '@rectiflow/queue';

interface Stored<T> {
  done: boolean;
  /** What the key was first used for (step + item): the same key for another request is refused. */
  request: string;
  body?: T;
}

/** How long an answered key keeps its answer (a client retries within minutes, not days). */
const ANSWER_TTL_SECONDS = 24 * 3600;
/** A claim held by a request in flight; it expires if that API process dies mid-step. */
const CLAIM_TTL_MS = 60_000;
const POLL_MS = 50;

/**
 * Same `Idempotency-Key` → same answer. The workflow Update id already makes a retried step apply once, but the
 * *answer* to a retry used to depend on timing (a retry after the item closed met the closed-item check, 409).
 * The first request with a key claims it in Redis (SET NX), runs, and stores its 200 body under (user, key);
 * every retry — sequential or concurrent — waits for that answer and returns it. A failed first attempt frees the
 * key so a retry runs afresh. Redis down: the step still runs (the Update id still applies it once).
 */
@Injectable()
export class StepIdempotencyService {
  private readonly logger = new Logger(StepIdempotencyService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async once<T>(userId: number, key: string, request: string, run: () => Promise<T>): Promise<T> {
    const slot = `${this.config.redis.queuePrefix}:idem:${userId}:${createHash('sha256').update(key).digest('hex')}`;
    const deadline = Date.now() + CLAIM_TTL_MS;
    for (;;) {
      let claimed: boolean;
      try {
        const pending: Stored<T> = { done: false, request };
        claimed = (await this.redis.set(slot, JSON.stringify(pending), 'PX', CLAIM_TTL_MS, 'NX')) === 'OK';
        if (!claimed) {
          const answer = await this.answerOf<T>(slot, request);
          if (answer) return answer.body as T;
        }
      } catch (err) {
        if (err instanceof AppError) throw err;
        this.logger.warn({ err: (err as Error).message }, 'idempotency store unavailable; running the step');
        return run();
      }
      if (claimed) return this.runClaimed(slot, request, run);
      if (Date.now() > deadline)
        throw new AppError('CONFLICT', '同一 Idempotency-Key 的请求仍在处理中，请稍后重试');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private async answerOf<T>(slot: string, request: string): Promise<Stored<T> | null> {
    const raw = await this.redis.get(slot);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored<T>;
    if (stored.request !== request)
      throw new AppError('CONFLICT', '该 Idempotency-Key 已用于另一个请求，请换一个键', {
        field: 'Idempotency-Key',
      });
    return stored.done ? stored : null;
  }

  private async runClaimed<T>(slot: string, request: string, run: () => Promise<T>): Promise<T> {
    let body: T;
    try {
      body = await run();
    } catch (err) {
      await this.redis.del(slot).catch(() => undefined);
      throw err;
    }
    const answer: Stored<T> = { done: true, request, body };
    await this.redis
      .set(slot, JSON.stringify(answer), 'EX', ANSWER_TTL_SECONDS)
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'could not store the idempotent answer'));
    return body;
  }
}
