import { randomUUID } from 'node:crypto';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import {
  isGrpcServiceError,
  ServiceError,
  type WorkflowHandle,
  WorkflowUpdateFailedError,
} from '@temporalio/client';

/** Attempts in all when the server turns an Update away before any worker judged it. */
const ATTEMPTS = 4;
const BACKOFF_MS = 50;
/** The failure type the server gives an Update it rejected itself (temporal's update registry). */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';
/** gRPC status code 9 (the server's WorkflowNotReady). */
const FAILED_PRECONDITION = 9;
/** The server's words for an Update whose workflow task it refused after the worker had seen the Update. */
const TASK_FAILED = /workflow task failure/i;

/**
 * Did the server drop this Update without recording it, so that sending it again is the way to get an answer?
 *  - `UnprocessedUpdate` (failure, source Server): the request rode on a workflow task that completed without
 *    answering it — seen for 1–5 of 50 concurrent Updates on one workflow whose handlers run a local activity.
 *  - FAILED_PRECONDITION "…due to unexpected workflow task failure" (the SDK wraps it in a ServiceError): the
 *    worker ran the handler but the server refused the task's completion — seen in CI when a timer fired while a
 *    撤销 completed the workflow (UnhandledCommand). The history has no trace of it and the worker rewinds, so
 *    the next task sees the Update afresh (and may now refuse it: that answer is final).
 * The workflow's own rejections (validators throw `TransitionNotAllowed`) are never resent — they are the answer.
 */
export function isDroppedUpdate(err: unknown): boolean {
  if (err instanceof WorkflowUpdateFailedError)
    return err.cause instanceof ApplicationFailure && err.cause.type === UNPROCESSED_UPDATE;
  const grpc = err instanceof ServiceError ? err.cause : err;
  return isGrpcServiceError(grpc) && grpc.code === FAILED_PRECONDITION && TASK_FAILED.test(grpc.details);
}

/**
 * `executeUpdate`, sent again under the same Update id while the server drops it unrecorded (isDroppedUpdate).
 * Nothing was applied, and the Update id makes a repeat apply at most once.
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
      if (!isDroppedUpdate(err) || attempt >= ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** (attempt - 1)));
    }
  }
}
