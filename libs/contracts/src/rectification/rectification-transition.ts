import type { NotificationEvent } from './rectification.activities';
import type {
  Actor,
  DeadlineVersion,
  EscalationLevel,
  ExtensionRequest,
  RectificationState,
  RectificationStatus,
  TimelineEvent,
} from './rectification.types';

/**
 * What a step or timer does to a rectification: the timeline event it records and the notifications it asks
 * for. Pure helpers over the state, shared by the step catalog and the workflow's timers.
 */

/** A notification the workflow asks for; the workflow turns it into a NotificationRequest with a stable key. */
export interface NotificationIntent {
  event: NotificationEvent;
  level?: EscalationLevel;
  payload?: Record<string, unknown>;
}

export interface Transition {
  event: TimelineEvent;
  notifications: NotificationIntent[];
}

/** Appends the next timeline event; seq numbers are dense and start at 1, the idempotency key downstream. */
export function record(
  state: RectificationState,
  action: string,
  actor: Actor | null,
  at: string,
  payload: Record<string, unknown>,
): TimelineEvent {
  state.eventSeq += 1;
  return { seq: state.eventSeq, action, actor, at, payload };
}

export function isFinal(status: RectificationStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}

export function pendingExtension(state: RectificationState): ExtensionRequest | undefined {
  const last = state.extensions[state.extensions.length - 1];
  return last && !last.decision ? last : undefined;
}

export function currentDeadline(state: RectificationState): DeadlineVersion {
  return state.deadlines[state.deadlines.length - 1];
}
