import { randomUUID } from 'node:crypto';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';

/** Attempts in all when the server turns an Update away before any worker judged it. */
const ATTEMPTS = 4;
const BACKOFF_MS = 50;
/** The failure type the server gives an Update it rejected itself (temporal's update registry). */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';

/**
 * `executeUpdate`, sent again (same Update id) when the server rejected it because no worker processed it
 * (failure type `UnprocessedUpdate`, source Server) — seen for 1–5 of 50 concurrent Updates on one workflow
 * whose handlers run a local activity: the request rode on a workflow task that completed without answering it.
 * Nothing was applied, and the Update id makes a repeat apply at most once. The workflow's own rejections
 * (validators throw `TransitionNotAllowed`) are never retried — they are the answer.
 */
export async function executeUpdate<Ret, Args extends [unknown, ...unknown[]], Name extends string>(
  handle: WorkflowHandle,
  def: UpdateDefinition<Ret, Args, Name>,
  options: { args: Args; updateId?: string },
): Promise<Ret> {
  // One id for every attempt, so the workflow sees at most one of them whatever the server did.
  const sent = { ...options, updateId: options.updateId ?? randomUUID() };
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.executeUpdate(def, sent);
    } catch (err) {
      const unprocessed =
        err instanceof WorkflowUpdateFailedError &&
        err.cause instanceof ApplicationFailure &&
        err.cause.type === UNPROCESSED_UPDATE;
      if (!unprocessed || attempt >= ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** (attempt - 1)));
    }
  }
}
