import type { RectificationState } from '../../../libs/contracts/src/rectification/rectification.types';
import { applyCommand, initialState } from './rectification-state.machine';
import { fireTimer, nextTimer, TimerRules } from './rectification-timers';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const actor = { userId: 1, name: '甲', role: 'dept_user', unitId: 2 };
const reviewer = { userId: 2, name: '乙', role: 'bureau_reviewer', unitId: 1 };

function state(deadlineOffsetS = 100): RectificationState {
  const at = new Date(T0 + deadlineOffsetS * 1000).toISOString();
  return initialState(
    {
      rectificationId: 'rectification-e-1',
      evaluationId: 'e',
      findingSeq: 1,
      findingTitle: 't',
      unitId: 2,
      type: 'deadline',
      deadline: { date: '2026-12-01', at },
      deliveryDate: '2026-11-20',
      policy: {
        requirePlanApproval: true,
        reminderOffsetsSeconds: [30, 10],
        escalationOffsetsSeconds: [5, 10, 20, 40],
        maxExtensions: 2,
        progressReportIntervalSeconds: 50,
      },
      issuedBy: reviewer,
    },
    new Date(T0).toISOString(),
  );
}

/** Drives the timers as the workflow loop does, returning what fired. */
function runUntil(s: RectificationState, untilMs: number): string[] {
  const fired: string[] = [];
  for (;;) {
    const t = nextTimer(s, T0);
    if (!t || t.at > untilMs) return fired;
    const r = fireTimer(s, t, Math.max(t.at, T0));
    if (r) fired.push(`${r.event.action}${r.notifications[0]?.level ? `:${r.notifications[0].level}` : ''}`);
  }
}

describe('rectification timers', () => {
  it('reminds, marks overdue, then climbs the ladder in order', () => {
    const s = state();
    expect(runUntil(s, T0 + 1000_000)).toEqual([
      'deadline_reminder',
      'deadline_reminder',
      'overdue',
      'escalation:1',
      'escalation:2',
      'escalation:3',
      'escalation:4',
    ]);
    expect(nextTimer(s, T0 + 1000_000)).toBeNull();
  });

  it('skips reminders whose time was already past when the deadline was set', () => {
    const s = state(20); // the 30 s reminder would be before issuing
    expect(runUntil(s, T0 + 20_000)).toEqual(['deadline_reminder', 'overdue']);
  });

  it('pauses the ladder while the item waits for review', () => {
    const s = state();
    applyCommand(s, 'acknowledge', { actor }, new Date(T0).toISOString());
    s.status = 'submitted';
    expect(nextTimer(s, T0)).toBeNull();
  });

  it('jumps to the highest rung due at once instead of sending every missed one', () => {
    const s = state();
    runUntil(s, T0 + 100_000); // reminders + overdue
    const t = nextTimer(s, T0 + 200_000)!;
    const r = fireTimer(s, t, T0 + 100_000 + 25_000)!; // 25 s late: 提醒函, 督办 and 约谈 are all due
    expect(r.notifications).toEqual([{ event: 'escalation', level: 3 }]);
    expect(s.escalationLevel).toBe(3);
  });

  it('restarts reminders and the ladder from a new deadline after an approved extension', () => {
    const s = state();
    runUntil(s, T0 + 106_000);
    expect(s.escalationLevel).toBe(1);
    const now = new Date(T0 + 106_000).toISOString();
    applyCommand(s, 'acknowledge', { actor }, now); // an extension is asked for only after 签收
    applyCommand(
      s,
      'requestExtension',
      {
        actor,
        reason: '跨年度项目须待下年预算批复',
        newDeadline: { date: '2026-12-31', at: new Date(T0 + 500_000).toISOString() },
      },
      now,
    );
    applyCommand(s, 'decideExtension', { actor: reviewer, approve: true }, now);
    expect(s.overdue).toBe(false);
    expect(s.escalationLevel).toBe(0);
    expect(s.deadlines.map((d) => d.version)).toEqual([1, 2]);
    expect(nextTimer(s, T0 + 106_000)).toMatchObject({
      kind: 'reminder',
      key: 'reminder:v2:30',
      at: T0 + 470_000,
    });
  });

  it('asks for progress reports every interval while ongoing, and none after closure', () => {
    const s = state();
    const now = new Date(T0).toISOString();
    applyCommand(s, 'acknowledge', { actor }, now);
    applyCommand(
      s,
      'submitPlan',
      {
        actor,
        responsiblePerson: '张',
        measures: [{ content: 'm', targetDate: '2026-12-01', targetAt: now }],
      },
      now,
    );
    applyCommand(s, 'approvePlan', { actor: reviewer }, now);
    applyCommand(
      s,
      'addEvidence',
      {
        actor,
        files: [{ fileId: 1, sha256: 'a', name: 'a.pdf', size: 1, mimeType: 'application/pdf' }],
        description: 'd',
        effectiveDate: '2026-12-01',
      },
      now,
    );
    applyCommand(s, 'submit', { actor, account: 'a' }, now);
    applyCommand(s, 'review', { actor: reviewer, result: 'ongoing', comment: '需长期坚持' }, now);
    expect(nextTimer(s, T0)).toMatchObject({ kind: 'progress_report', at: T0 + 50_000 });
    applyCommand(s, 'cancel', { actor: reviewer, reason: 'x' }, now);
    expect(nextTimer(s, T0)).toBeNull();
  });

  it('分阶段整改: reminds at each milestone of the accepted plan, once, and not for a returned plan', () => {
    const s = state(1000);
    const now = new Date(T0).toISOString();
    const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();
    applyCommand(s, 'acknowledge', { actor }, now);
    const measures = [
      { content: '修订制度', targetDate: '2026-12-10', targetAt: at(100) },
      { content: '完成测算', targetDate: '2026-12-20', targetAt: at(200) },
    ];
    applyCommand(s, 'submitPlan', { actor, responsiblePerson: '张', measures }, now);
    expect(nextTimer(s, T0)).toMatchObject({ kind: 'reminder' }); // waiting for approval: no milestone yet
    applyCommand(s, 'approvePlan', { actor: reviewer }, now);
    const fired: string[] = [];
    for (;;) {
      const t = nextTimer(s, T0);
      if (!t || t.kind !== 'milestone') break;
      const r = fireTimer(s, t, t.at)!;
      fired.push(`${r.event.action}:${(r.event.payload as { measure: number }).measure}`);
      expect(r.notifications[0]).toMatchObject({
        event: 'milestone_due',
        payload: { measure: measures[fired.length - 1].content },
      });
    }
    expect(fired).toEqual(['milestone_due:1', 'milestone_due:2']);
    expect(s.reminders.filter((r) => r.kind === 'milestone').map((r) => r.key)).toEqual([
      'milestone:p1:1',
      'milestone:p1:2',
    ]);
  });
});

describe('rectification timers, rung by rung (patch escalation-ladder-rung-by-rung)', () => {
  const R: TimerRules = { rungByRung: true };
  /** A simulated clock: each timer fires at its moment or now, whichever is later. */
  function simulate(s: RectificationState, fromMs: number, untilMs: number): { what: string; atS: number }[] {
    const fired: { what: string; atS: number }[] = [];
    let clock = fromMs;
    for (let i = 0; i < 50; i++) {
      const t = nextTimer(s, clock, R);
      if (!t || t.at > untilMs) break;
      clock = Math.max(clock, t.at);
      const r = fireTimer(s, t, clock, R);
      if (r)
        fired.push({
          what: `${r.event.action}${r.notifications[0]?.level ? `:${r.notifications[0].level}` : ''}`,
          atS: (clock - T0) / 1000,
        });
    }
    return fired;
  }

  it('back-dated item: skipped reminders recorded, overdue, 提醒函 now, then each rung its gap after the last', () => {
    const s = state(-1000); // the deadline lay 1000 s before issuing
    expect(simulate(s, T0, T0 + 1000_000)).toEqual([
      { what: 'reminder_skipped', atS: 0 },
      { what: 'reminder_skipped', atS: 0 },
      { what: 'overdue', atS: 0 },
      { what: 'escalation:1', atS: 0 },
      { what: 'escalation:2', atS: 5 },
      { what: 'escalation:3', atS: 15 },
      { what: 'escalation:4', atS: 35 },
    ]);
    expect(s.reminders.filter((r) => r.skipped).map((r) => r.key)).toEqual([
      'reminder:v1:30',
      'reminder:v1:10',
    ]);
    expect(nextTimer(s, T0 + 1000_000, R)).toBeNull();
  });

  it('a timer that fires late sends only the next rung and keeps the gaps after it', () => {
    const s = state();
    simulate(s, T0, T0 + 100_000); // reminders, overdue
    const t = nextTimer(s, T0 + 100_000, R)!;
    const late = T0 + 100_000 + 25_000; // 25 s late: the old rules would jump to 约谈
    const r = fireTimer(s, t, late, R)!;
    expect(r.notifications).toEqual([
      { event: 'escalation', level: 1, payload: { previousRungs: [], issuerUserId: reviewer.userId } },
    ]);
    expect(nextTimer(s, late, R)).toMatchObject({ kind: 'escalation', at: late + 5_000 });
  });

  it('cites the rungs actually sent, with their moments, in the next notice', () => {
    const s = state(-1000);
    simulate(s, T0, T0 + 20_000);
    const t = nextTimer(s, T0 + 20_000, R)!;
    const r = fireTimer(s, t, T0 + 35_000, R)!;
    expect(r.notifications[0]).toEqual({
      event: 'escalation',
      level: 4,
      payload: {
        previousRungs: [
          { level: 1, label: '提醒函', at: new Date(T0).toISOString() },
          { level: 2, label: '督办', at: new Date(T0 + 5_000).toISOString() },
          { level: 3, label: '约谈', at: new Date(T0 + 15_000).toISOString() },
        ],
        issuerUserId: reviewer.userId,
      },
    });
  });

  it('records a reminder the deadline overtook (worker away) as skipped instead of dropping it', () => {
    const s = state(); // reminders due at 70 s and 90 s, deadline at 100 s
    const fired = simulate(s, T0 + 120_000, T0 + 120_000);
    expect(fired.map((f) => f.what)).toEqual([
      'reminder_skipped',
      'reminder_skipped',
      'overdue',
      'escalation:1',
    ]);
  });
});

describe('recipients per rung are policy', () => {
  it('names the policy audiences of a rung in its notice, and only of that rung', () => {
    const s = state(-1000);
    s.policy.escalationAudiences = { 2: ['unit', 'bureau_leaders'] };
    const R: TimerRules = { rungByRung: true };
    const fired = [];
    for (let clock = T0, i = 0; i < 20; i++) {
      const t = nextTimer(s, clock, R);
      if (!t || t.at > T0 + 10_000) break;
      clock = Math.max(clock, t.at);
      const r = fireTimer(s, t, clock, R);
      if (r?.notifications[0]) fired.push(r.notifications[0]);
    }
    expect(fired.map((n) => n.payload?.audiences ?? null)).toEqual([null, ['unit', 'bureau_leaders']]);
  });
});
