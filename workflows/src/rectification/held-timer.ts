import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/**
 * One durable timer kept across the workflow loop's turns while the moment it waits for stays the same: a step
 * that does not move the next reminder or rung costs no CancelTimer + StartTimer pair. Replaced (cancelled and
 * started anew) only when the next due timer changes.
 */
export class HeldTimer {
  private held?: { key: string; at: number; scope: CancellationScope; fired: Promise<boolean> };

  /** Resolves true when the timer for (key, at) fires, false when it was replaced or dropped first. */
  arm(key: string, at: number): Promise<boolean> {
    if (this.held && this.held.key === key && this.held.at === at) return this.held.fired;
    this.drop();
    const scope = new CancellationScope();
    const fired = scope
      .run(() => sleep(Math.max(1, at - Date.now())))
      .then(
        () => true,
        (err: unknown) => {
          if (isCancellation(err)) return false;
          throw err;
        },
      );
    this.held = { key, at, scope, fired };
    return fired;
  }

  /** Cancels the pending timer, if any (the next due moment changed, or nothing is due any more). */
  drop(): void {
    this.held?.scope.cancel();
    this.held = undefined;
  }

  /** Forgets a timer that fired, so the next arm starts a new one. */
  forget(): void {
    this.held = undefined;
  }
}
