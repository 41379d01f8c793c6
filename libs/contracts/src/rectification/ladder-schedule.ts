import type { EscalationLevel } from './rectification.types';

/**
 * When each rung of the escalation ladder (提醒函 → 督办 → 约谈 → 通报) is due. Pure, and the one rule used by
 * the workflow's timers and by the issuing dry run, so what the bureau is shown is what will happen.
 *
 * Rung 1 is due at deadline + offset[0], but never before `now` when catching up (a back-dated item gets its
 * 提醒函 now, not "in the past"). Rung k > 1 is due at the later of deadline + offset[k-1] and the moment rung
 * k-1 was actually sent (or is planned) plus the policy's gap between the two — so no rung is ever skipped and
 * none precedes its predecessor by less than the gap the bureau decided.
 * Pure data, no runtime imports: workflow code imports this file.
 */

export type Rung = Exclude<EscalationLevel, 0>;
export const RUNGS: readonly Rung[] = [1, 2, 3, 4];

export interface SentRung {
  level: EscalationLevel;
  /** ISO instant or epoch ms. */
  at: string | number;
}

export interface PlannedRung {
  level: Rung;
  /** Epoch ms: when it was sent, or when it is due. */
  at: number;
  sent: boolean;
}

const toMs = (at: string | number): number => (typeof at === 'number' ? at : Date.parse(at));

/**
 * Every rung with its moment. `sent` are the rungs already sent against this deadline (any order; the first
 * sending of each level counts).
 */
export function ladderSchedule(
  escalationOffsetsSeconds: readonly number[],
  deadlineMs: number,
  sent: readonly SentRung[],
  nowMs: number,
): PlannedRung[] {
  const sentAt = new Map<number, number>();
  for (const r of sent) if (r.level > 0 && !sentAt.has(r.level)) sentAt.set(r.level, toMs(r.at));
  // A history from before this rule may have jumped rungs: everything up to the highest sent counts as done.
  const top = Math.max(0, ...sentAt.keys());
  const topAt = sentAt.get(top) ?? 0;
  const out: PlannedRung[] = [];
  let previous: number | null = null;
  for (const level of RUNGS) {
    if (level <= top) {
      const at = sentAt.get(level) ?? topAt;
      out.push({ level, at, sent: true });
      previous = at;
      continue;
    }
    const offset = escalationOffsetsSeconds[level - 1] ?? Infinity;
    const own = deadlineMs + offset * 1000;
    const at: number =
      previous === null
        ? Math.max(own, nowMs)
        : Math.max(own, previous + (offset - (escalationOffsetsSeconds[level - 2] ?? 0)) * 1000);
    out.push({ level, at, sent: false });
    previous = at;
  }
  return out;
}

/** The next rung to send after `level`, with its moment; null at the top of the ladder. */
export function nextRung(
  escalationOffsetsSeconds: readonly number[],
  deadlineMs: number,
  sent: readonly SentRung[],
  nowMs: number,
): PlannedRung | null {
  return ladderSchedule(escalationOffsetsSeconds, deadlineMs, sent, nowMs).find((r) => !r.sent) ?? null;
}
