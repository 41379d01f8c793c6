import type { RecalendarDeadlineCommand } from '../../../libs/contracts/src/rectification/rectification.definitions';
import type { RectificationState } from '../../../libs/contracts/src/rectification/rectification.types';
import {
  currentDeadline,
  isFinal,
  record,
  Transition,
} from '../../../libs/contracts/src/rectification/rectification-transition';

/** Why a recomputed deadline cannot be applied now (Chinese), or null. */
export function recalendarCheck(state: RectificationState, cmd: RecalendarDeadlineCommand): string | null {
  if (isFinal(state.status)) return '整改已结束，不再调整期限';
  if (!currentDeadline(state).provisional) return '当前整改时限不是暂定期限，无需重算';
  if (!cmd?.deadline?.date || !cmd.deadline.at) return '缺少重算后的整改时限';
  return null;
}

/**
 * Replaces the provisional deadline in place: the same deadline version (it is the same rule, now counted with
 * the year's real 放假/调休), so reminders already sent stay sent and the pending ones move with it.
 */
export function recalendarDeadline(
  state: RectificationState,
  cmd: RecalendarDeadlineCommand,
  now: string,
): Transition {
  const d = currentDeadline(state);
  const previous = d.date;
  d.date = cmd.deadline.date;
  d.at = cmd.deadline.at;
  d.provisional = cmd.deadline.provisional === true;
  if (d.provisional && cmd.deadline.workingDays !== undefined) d.workingDays = cmd.deadline.workingDays;
  return {
    event: record(state, 'deadline_recalculated', null, now, {
      year: cmd.year,
      previous,
      deadline: d.date,
      provisional: d.provisional,
    }),
    notifications: [],
  };
}
