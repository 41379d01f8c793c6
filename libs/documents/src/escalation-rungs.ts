import type { EscalationLevel, RectificationState, TimelineEvent } from '@rectiflow/contracts';

export type Rung = Exclude<EscalationLevel, 0>;

/**
 * The rungs an `escalation` event reached. Usually one; when several offsets had passed by the time the timer
 * fired (a worker away for days, an item issued late) the workflow climbs several rungs in one event, and each
 * rung still gets its own letter. The rung before is the previous escalation of the same deadline version
 * (an approved extension restarts the ladder).
 */
export function rungsReached(snapshot: RectificationState, event: TimelineEvent): Rung[] {
  if (event.action !== 'escalation') return [];
  const level = Number(event.payload.level);
  if (!Number.isInteger(level) || level < 1 || level > 4) return [];
  const index = snapshot.escalations.findIndex((e) => e.level === level && e.at === event.at);
  let from = level - 1;
  if (index >= 0) {
    const version = snapshot.escalations[index].deadlineVersion;
    const previous = snapshot.escalations
      .slice(0, index)
      .filter((e) => e.deadlineVersion === version)
      .pop();
    from = previous ? previous.level : 0;
  }
  const rungs: Rung[] = [];
  for (let l = from + 1; l <= level; l++) rungs.push(l as Rung);
  return rungs;
}
