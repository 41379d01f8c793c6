import {
  ESCALATION_LABELS,
  EscalationLevel,
  REVIEW_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
} from '@rectiflow/contracts';
import { overdueDays } from '@rectiflow/rectification';
import type { LedgerItem, LedgerRaw } from './ledger.types';

export const toNumber = (v: string | number | null): number | null =>
  v === null || v === undefined ? null : Number(v);

/** Overdue days as the detail view counts them: up to closure/cancellation, or today while open. */
export function ledgerOverdueDays(r: LedgerRaw, now: Date, timeZone: string): number {
  return r.overdue ? overdueDays(r.currentDeadline, r.closedAt ?? r.cancelledAt, now, timeZone) : 0;
}

/** A raw row as the list answers it: labels in Chinese beside the codes, links to the detail and its evidence. */
export function toLedgerItem(r: LedgerRaw, now: Date, timeZone: string): LedgerItem {
  const level = Number(r.escalationLevel) as EscalationLevel;
  const highest = Math.max(level, Number(r.maxEscalationLevel ?? 0)) as EscalationLevel;
  const base = `/api/v1/rectifications/${encodeURIComponent(r.id)}`;
  return {
    id: r.id,
    evaluation: {
      id: r.evaluationId,
      title: r.evaluationTitle,
      projectName: r.projectName,
      score: toNumber(r.score),
      grade: r.grade,
    },
    findingSeq: Number(r.findingSeq),
    findingTitle: r.findingTitle,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    type: r.type,
    typeLabel: TYPE_LABELS[r.type],
    unit: { id: Number(r.unitId), name: r.unitName },
    responsiblePerson: r.responsiblePerson,
    originalDeadline: r.originalDeadline,
    currentDeadline: r.currentDeadline,
    deadlineProvisional: Boolean(Number(r.deadlineProvisional ?? 0)),
    reboundOf: r.reboundOf ?? null,
    extensionCount: Number(r.extensionCount),
    overdue: Boolean(r.overdue),
    overdueDays: ledgerOverdueDays(r, now, timeZone),
    escalationLevel: level,
    escalationLabel: ESCALATION_LABELS[level],
    maxEscalationLevel: highest,
    maxEscalationLabel: ESCALATION_LABELS[highest],
    evidenceCount: Number(r.evidenceCount),
    lastReviewResult: r.lastReviewResult,
    lastReviewLabel: r.lastReviewResult ? REVIEW_LABELS[r.lastReviewResult] : null,
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
    updatedAt: new Date(r.updatedAt).toISOString(),
    repeatFinding: Boolean(Number(r.repeatFinding ?? 0)),
    links: { self: base, evaluation: `/api/v1/evaluations/${r.evaluationId}`, evidence: `${base}/evidence` },
  };
}

/** 督办级别 as the ledger prints it: the current rung, and the highest when an extension restarted the ladder. */
export function escalationCell(current: EscalationLevel, highest: EscalationLevel): string {
  return highest > current
    ? `最高：${ESCALATION_LABELS[highest]}；当前：${ESCALATION_LABELS[current]}`
    : ESCALATION_LABELS[current];
}
