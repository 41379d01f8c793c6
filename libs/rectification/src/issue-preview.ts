import { ladderSchedule, type RectificationPolicy, ESCALATION_LABELS } from '@rectiflow/contracts';
import type { IssuePlan } from './issue-plan';

/** One finding as issuing would create it: its deadline, every reminder and every rung with its planned day. */
export interface IssuePreviewFinding {
  seq: number;
  title: string;
  unitId: number;
  unitName: string;
  deadline: { date: string; at: string; provisional: boolean; past: boolean };
  reminders: { offsetDays: number; plannedDate: string; skipped: boolean }[];
  rungs: { level: 1 | 2 | 3 | 4; label: string; plannedDate: string }[];
}

export interface IssuePreview {
  dryRun: true;
  workflows: number;
  pastDeadlines: number;
  provisionalDeadlines: number;
  warnings: string[];
  findings: IssuePreviewFinding[];
}

const DAY = 86400;

/** YYYY-MM-DD of an instant in the bureau's time zone. */
export function dayIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));
}

/**
 * What issuing the plan would do, computed with the workflow's own ladder rule (ladder-schedule.ts): a reminder
 * whose moment lies before now is skipped, 提醒函 of a past deadline is planned now and each later rung its
 * policy gap after it.
 */
export function previewIssue(
  plan: IssuePlan,
  titles: ReadonlyMap<number, string>,
  unitNames: ReadonlyMap<number, string>,
  timeZone: string,
  nowMs: number,
): IssuePreview {
  const findings = plan.items.map((item): IssuePreviewFinding => {
    const policy = plan.policies[item.type] as RectificationPolicy;
    const at = Date.parse(item.deadline.at);
    return {
      seq: item.seq,
      title: titles.get(item.seq) ?? '',
      unitId: item.unitId,
      unitName: unitNames.get(item.unitId) ?? '',
      deadline: {
        date: item.deadline.date,
        at: item.deadline.at,
        provisional: item.deadline.provisional === true,
        past: at < nowMs,
      },
      reminders: policy.reminderOffsetsSeconds.map((s) => ({
        offsetDays: Math.round(s / DAY),
        plannedDate: dayIn(at - s * 1000, timeZone),
        skipped: at - s * 1000 < nowMs,
      })),
      rungs: ladderSchedule(policy.escalationOffsetsSeconds, at, [], nowMs).map((r) => ({
        level: r.level,
        label: ESCALATION_LABELS[r.level],
        plannedDate: dayIn(r.at, timeZone),
      })),
    };
  });
  const past = findings.filter((f) => f.deadline.past);
  const provisional = findings.filter((f) => f.deadline.provisional);
  return {
    dryRun: true,
    workflows: findings.length,
    pastDeadlines: past.length,
    provisionalDeadlines: provisional.length,
    warnings: issueWarnings(past, provisional),
    findings,
  };
}

type Warned = Pick<IssuePreviewFinding, 'seq'> & { deadline: { date: string } };

/** The warnings of an issue plan as issued (the real issue answers them too). */
export function planWarnings(plan: IssuePlan, nowMs: number): string[] {
  return issueWarnings(
    plan.items.filter((i) => Date.parse(i.deadline.at) < nowMs),
    plan.items.filter((i) => i.deadline.provisional === true),
  );
}

export function issueWarnings(past: Warned[], provisional: Warned[]): string[] {
  const seqs = (f: Warned[]) => f.map((x) => x.seq).join('、');
  const out: string[] = [];
  if (past.length)
    out.push(
      `问题 ${seqs(past)} 的整改时限已过：下发后立即逾期，当即发出提醒函，其后按督办策略逐级升级（须确认 acknowledgePastDeadlines）`,
    );
  if (provisional.length) {
    const years = [...new Set(provisional.map((f) => f.deadline.date.slice(0, 4)))].join('、');
    out.push(
      `问题 ${seqs(provisional)} 的整改时限为暂定：${years} 年的放假调休安排尚未载入，暂按周末计算工作日，载入后将自动重算`,
    );
  }
  return out;
}
