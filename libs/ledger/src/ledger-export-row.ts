import {
  EscalationLevel,
  EvidenceRecord,
  Plan,
  ProgressReport,
  Review,
  REVIEW_LABELS,
  STATUS_LABELS,
  Submission,
  TYPE_LABELS,
} from '@rectiflow/contracts';
import { calendarDay } from '@rectiflow/rectification';
import { escalationCell, ledgerOverdueDays, toNumber } from './ledger-item';
import type { LedgerRaw } from './ledger.types';

/** An export row: the list columns plus the parts of the workflow state the ledger prints (the ledger* columns). */
export interface LedgerExportRaw extends LedgerRaw {
  plan: string | Plan | null;
  evidence: string | EvidenceRecord[] | null;
  review: string | Review | null;
  progress: string | ProgressReport | null;
  submission: string | Submission | null;
}

export type LedgerCell = string | number | Date | null;

/** Excel keeps at most 32 767 characters in a cell; a longer value makes the file unreadable. */
const MAX_CELL = 32_000;
const MAX_EVIDENCE_LINES = 30;
const EXCERPT = 300;

const clip = (s: string, n = MAX_CELL): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** MariaDB returns JSON columns as text, MySQL 8 as parsed JSON. */
const json = <T>(v: string | T | null): T | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : v;

/** A calendar date as an Excel date: UTC midnight is a whole day serial, so no time zone shifts it. */
export function excelDate(ymd: string | null): Date | null {
  if (!ymd) return null;
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The calendar day of an instant in the bureau's time zone, as YYYY-MM-DD. */
export const dayIn = (at: Date, timeZone: string): string => calendarDay(at, timeZone);

/** The 16 cells of one ledger line (LEDGER_COLUMNS order), and whether it is overdue (highlighted). */
export function ledgerCells(
  r: LedgerExportRaw,
  seq: number,
  now: Date,
  timeZone: string,
): { cells: LedgerCell[]; overdue: boolean } {
  const plan = json<Plan>(r.plan);
  const evidence = json<EvidenceRecord[]>(r.evidence) ?? [];
  const review = json<Review>(r.review);
  const overdue = Boolean(r.overdue);
  const days = ledgerOverdueDays(r, now, timeZone);
  const level = Number(r.escalationLevel) as EscalationLevel;
  const score = toNumber(r.score);
  const closedDay = r.closedAt ? dayIn(new Date(r.closedAt), timeZone) : null;
  return {
    overdue,
    cells: [
      seq,
      clip(r.projectName ?? r.evaluationTitle ?? ''),
      [score === null ? null : score.toFixed(2), r.grade].filter(Boolean).join(' / '),
      clip(`${r.findingSeq}. ${r.findingTitle}`),
      TYPE_LABELS[r.type],
      clip(measuresText(plan)),
      r.unitName ?? String(r.unitId),
      r.responsiblePerson ?? plan?.responsiblePerson ?? '',
      excelDate(r.originalDeadline),
      Number(r.extensionCount) > 0 || r.currentDeadline !== r.originalDeadline
        ? excelDate(r.currentDeadline)
        : null,
      clip(progressText(r, json<ProgressReport>(r.progress), json<Submission>(r.submission), timeZone)),
      clip(evidenceText(evidence)),
      review ? clip(`${REVIEW_LABELS[review.result]}${review.comment ? `：${review.comment}` : ''}`) : '',
      excelDate(closedDay),
      overdue ? `是（${days} 天）` : '否',
      escalationCell(level, Math.max(level, Number(r.maxEscalationLevel ?? 0)) as EscalationLevel),
    ],
  };
}

function measuresText(plan: Plan | null): string {
  if (!plan) return '';
  const status = plan.decision ? (plan.decision.approved ? '' : '（方案已退回）') : '（待审核）';
  const lines = plan.measures.map((m, i) => `${i + 1}. ${m.content}（${m.targetDate}前）`);
  return `${lines.join('\n')}${status ? `\n${status}` : ''}`;
}

/** 进展: the dates are the bureau's calendar days (a report at 07:00 Beijing time is not "yesterday"). */
function progressText(
  r: LedgerRaw,
  progress: ProgressReport | null,
  submission: Submission | null,
  timeZone: string,
): string {
  const status = STATUS_LABELS[r.status];
  const day = (iso: string) => dayIn(new Date(iso), timeZone);
  if (progress) return `${status}\n最新进展（${day(progress.at)}）：${clip(progress.content, EXCERPT)}`;
  if (submission) return `${status}\n整改情况（${day(submission.at)}）：${clip(submission.account, EXCERPT)}`;
  return status;
}

function evidenceText(records: EvidenceRecord[]): string {
  if (records.length === 0) return '';
  const lines = records
    .slice(0, MAX_EVIDENCE_LINES)
    .map((e) => `${e.description}（生效 ${e.effectiveDate}）：${e.files.map((f) => f.name).join('、')}`);
  if (records.length > MAX_EVIDENCE_LINES) lines.push(`…另有 ${records.length - MAX_EVIDENCE_LINES} 批`);
  const files = records.reduce((n, e) => n + e.files.length, 0);
  return `共 ${files} 个文件\n${lines.join('\n')}`;
}
