import type { RectificationState, TimelineEvent } from '@rectiflow/contracts';
import { rungsReached } from './escalation-rungs';

const at = '2026-11-20T01:00:00.000Z';
const event = (level: number, action = 'escalation'): TimelineEvent => ({
  seq: 9,
  action,
  actor: null,
  at,
  payload: { level, label: 'x' },
});
const state = (escalations: RectificationState['escalations']) => ({ escalations }) as RectificationState;

describe('rungsReached', () => {
  it('is the one rung of an ordinary escalation', () => {
    const s = state([
      { level: 1, label: '提醒函', deadlineVersion: 1, at: '2026-11-10T01:00:00.000Z' },
      { level: 2, label: '督办', deadlineVersion: 1, at },
    ]);
    expect(rungsReached(s, event(2))).toEqual([2]);
  });

  it('lists every rung climbed at once, so each gets its letter', () => {
    expect(rungsReached(state([{ level: 3, label: '约谈', deadlineVersion: 1, at }]), event(3))).toEqual([
      1, 2, 3,
    ]);
  });

  it('restarts after an extension: rungs of an older deadline version do not count', () => {
    const s = state([
      { level: 2, label: '督办', deadlineVersion: 1, at: '2026-11-01T01:00:00.000Z' },
      { level: 1, label: '提醒函', deadlineVersion: 2, at },
    ]);
    expect(rungsReached(s, event(1))).toEqual([1]);
  });

  it('ignores other events', () => {
    expect(rungsReached(state([]), event(1, 'overdue'))).toEqual([]);
  });
});
