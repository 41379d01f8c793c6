import { ESCALATION_LABELS, STATUS_LABELS } from '@rectiflow/contracts';
import type { EscalationLevel, RectificationStatus } from '@rectiflow/contracts';
import { addDays, chineseDate, daysBetween } from '../context/format';

/** One open item as the digest sees it. */
export interface DigestItem {
  id: string;
  unitId: number;
  unitName: string;
  projectName: string;
  findingSeq: number;
  findingTitle: string;
  status: RectificationStatus;
  deadline: string; // YYYY-MM-DD
  escalationLevel: number;
  pendingExtension: boolean;
  link: string;
}

export interface DigestLine {
  n: number;
  unit: string;
  project: string;
  seq: number;
  finding: string;
  deadline: string;
  note: string;
  link: string;
}

export interface DigestSection {
  count: number;
  items: DigestLine[];
  /** How many are counted but not listed. */
  more: number;
}

export interface DigestSections {
  overdue: DigestSection;
  dueSoon: DigestSection;
  awaiting: DigestSection;
}

/** The deadline is the unit's while it still owes work (the workflow's ladder runs on the same statuses). */
const UNIT_OWES_WORK: readonly RectificationStatus[] = [
  'issued',
  'acknowledged',
  'plan_submitted',
  'in_progress',
];
/** Waiting for the bureau: a plan to approve, an account to review (认定), an extension to decide. */
const AWAITING_BUREAU: readonly RectificationStatus[] = ['plan_submitted', 'submitted'];
export const DIGEST_HORIZON_DAYS = 7;
const MAX_LINES = 30;

/**
 * Sections of a digest for `today` (YYYY-MM-DD in the bureau's zone). An item may be both overdue and awaiting.
 * Within a section items go by `rank` (lower first), then deadline: a bureau's own units before unfiled ones.
 */
export function digestSections(
  items: DigestItem[],
  today: string,
  rank: (i: DigestItem) => number = () => 0,
): DigestSections {
  const horizon = addDays(today, DIGEST_HORIZON_DAYS);
  const byDeadline = [...items].sort(
    (a, b) => rank(a) - rank(b) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id),
  );
  const owes = byDeadline.filter((i) => UNIT_OWES_WORK.includes(i.status));
  const overdue = owes.filter((i) => i.deadline < today);
  const dueSoon = owes.filter((i) => i.deadline >= today && i.deadline <= horizon);
  const awaiting = byDeadline.filter((i) => AWAITING_BUREAU.includes(i.status) || i.pendingExtension);
  return {
    overdue: section(overdue, (i) => {
      const level =
        i.escalationLevel > 0 ? `，已发${ESCALATION_LABELS[i.escalationLevel as EscalationLevel]}` : '';
      return `已逾期 ${daysBetween(i.deadline, today)} 天${level}`;
    }),
    dueSoon: section(dueSoon, (i) => {
      const days = daysBetween(today, i.deadline);
      return days === 0 ? '今日到期' : `还有 ${days} 天到期`;
    }),
    awaiting: section(awaiting, (i) =>
      i.pendingExtension && !AWAITING_BUREAU.includes(i.status) ? '延期申请待审批' : STATUS_LABELS[i.status],
    ),
  };
}

export const isEmptyDigest = (s: DigestSections): boolean =>
  s.overdue.count + s.dueSoon.count + s.awaiting.count === 0;

function section(items: DigestItem[], note: (i: DigestItem) => string): DigestSection {
  return {
    count: items.length,
    items: items.slice(0, MAX_LINES).map((i, index) => ({
      n: index + 1,
      unit: i.unitName,
      project: i.projectName,
      seq: i.findingSeq,
      finding: i.findingTitle,
      deadline: chineseDate(i.deadline),
      note: note(i),
      link: i.link,
    })),
    more: Math.max(0, items.length - MAX_LINES),
  };
}
