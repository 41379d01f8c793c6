import type { EntityManager } from 'typeorm';
import type { RectificationState, TimelineEvent } from '@rectiflow/contracts';

/**
 * Lets another library add rows to the projection's transaction (e.g. a 督办文书 with its 文号 when a rung is
 * reached) without the projection knowing about it. Called on every attempt, retries included, so an
 * implementation must be idempotent by (rectificationId, event.seq). What it returns runs after the commit, in
 * the same activity attempt; it must not throw for work that can be redone later.
 * Provided (optionally) by a global module; without one the projection is unchanged.
 */
export abstract class RectificationProjectionHook {
  abstract onEvent(
    tx: EntityManager,
    snapshot: RectificationState,
    event: TimelineEvent,
  ): Promise<(() => Promise<void>) | void>;
}
