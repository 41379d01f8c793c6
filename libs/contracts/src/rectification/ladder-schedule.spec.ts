import { ladderSchedule, nextRung } from './ladder-schedule';

const DAY = 86400;
const DAY_MS = DAY * 1000;
const DEFAULT = [1 * DAY, 8 * DAY, 15 * DAY, 30 * DAY];
const NOW = Date.parse('2026-12-02T02:00:00Z');

describe('ladderSchedule', () => {
  it('plans the ladder at its own offsets when the deadline is ahead', () => {
    const deadline = NOW + 10 * DAY_MS;
    expect(ladderSchedule(DEFAULT, deadline, [], NOW)).toEqual([
      { level: 1, at: deadline + 1 * DAY_MS, sent: false },
      { level: 2, at: deadline + 8 * DAY_MS, sent: false },
      { level: 3, at: deadline + 15 * DAY_MS, sent: false },
      { level: 4, at: deadline + 30 * DAY_MS, sent: false },
    ]);
  });

  it('back-dated (送达日 90 days ago, 10-day deadline): 提醒函 now, then each rung its gap after the previous', () => {
    const deadline = NOW - 80 * DAY_MS;
    const plan = ladderSchedule(DEFAULT, deadline, [], NOW);
    expect(plan.map((r) => (r.at - NOW) / DAY_MS)).toEqual([0, 7, 14, 29]);
    expect(plan.every((r) => !r.sent)).toBe(true);
  });

  it('after the 提醒函 was sent, 督办 is due 7 days after it — not at deadline + 8 days, long past', () => {
    const deadline = NOW - 80 * DAY_MS;
    const sentAt = NOW + 1000;
    expect(
      nextRung(DEFAULT, deadline, [{ level: 1, at: new Date(sentAt).toISOString() }], NOW + 5000),
    ).toEqual({
      level: 2,
      at: sentAt + 7 * DAY_MS,
      sent: false,
    });
  });

  it('a late rung (worker outage) pushes every later rung by the same delay', () => {
    const deadline = NOW;
    const late = deadline + 10 * DAY_MS; // 提醒函 due at +1 day, sent at +10 days
    const plan = ladderSchedule(DEFAULT, deadline, [{ level: 1, at: late }], late);
    expect(plan[0]).toEqual({ level: 1, at: late, sent: true });
    expect(plan.slice(1).map((r) => (r.at - deadline) / DAY_MS)).toEqual([17, 24, 39]);
  });

  it('never plans a rung earlier than its own offset after the deadline', () => {
    const deadline = NOW;
    const early = deadline + 1 * DAY_MS;
    const plan = ladderSchedule(DEFAULT, deadline, [{ level: 1, at: early }], early);
    expect(plan.map((r) => (r.at - deadline) / DAY_MS)).toEqual([1, 8, 15, 30]);
  });

  it('treats a jumped-over rung of an old history as done and continues above the highest sent', () => {
    const deadline = NOW - 20 * DAY_MS;
    const sent = [{ level: 3 as const, at: NOW }];
    expect(nextRung(DEFAULT, deadline, sent, NOW)).toEqual({ level: 4, at: NOW + 15 * DAY_MS, sent: false });
  });

  it('has nothing left after 通报', () => {
    const sent = [1, 2, 3, 4].map((level) => ({ level: level as 1 | 2 | 3 | 4, at: NOW }));
    expect(nextRung(DEFAULT, NOW - 40 * DAY_MS, sent, NOW)).toBeNull();
  });
});
