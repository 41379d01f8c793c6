import { DataSource } from 'typeorm';
import type { RectificationState, RectificationStatus } from '../../../libs/contracts/src';
import { bureauReviewer, quietPolicy } from '../../support/rectification-fixtures';

/** A read-model row as the projection writes it, with the deadline given as a calendar date. */
export async function insertDigestItem(
  db: DataSource,
  tag: string,
  o: {
    evaluationId: string;
    seq: number;
    unitId: number;
    status: RectificationStatus;
    deadline: string;
    escalationLevel?: number;
    pendingExtension?: boolean;
  },
): Promise<string> {
  const id = `rectification-${o.evaluationId}-${o.seq}`;
  const title = `问题${tag}-${o.seq}`;
  const at = `${o.deadline}T15:59:59.999Z`;
  const state: RectificationState = {
    id,
    evaluationId: o.evaluationId,
    findingSeq: o.seq,
    findingTitle: title,
    status: o.status,
    type: 'deadline',
    unitId: o.unitId,
    policy: quietPolicy(),
    deliveryDate: '2026-01-05',
    issuedAt: '2026-01-05T02:00:00.000Z',
    issuedBy: bureauReviewer,
    deadlines: [{ date: o.deadline, at, version: 1, setAt: '2026-01-05T02:00:00.000Z', reason: 'issued' }],
    overdue: false,
    escalationLevel: 0,
    plans: [],
    evidence: [],
    submissions: [],
    reviews: [],
    extensions: o.pendingExtension
      ? [
          {
            id: 1,
            reason: '跨年度',
            requested: { date: '2099-01-01', at: '2099-01-01T15:59:59.999Z' },
            previous: { date: o.deadline, at },
            by: bureauReviewer,
            at: '2026-01-06T00:00:00.000Z',
          },
        ]
      : [],
    progressReports: [],
    nextProgressReportDue: null,
    escalations: [],
    reminders: [],
    assignments: [],
    acknowledgedAt: null,
    closedAt: null,
    cancelled: null,
    eventSeq: 1,
  };
  await db.query(
    `INSERT INTO rectification (id, evaluationId, findingSeq, findingTitle, status, type, unitId, originalDeadline, currentDeadline,
       currentDeadlineAt, escalationLevel, issuedAt, state, lastEventSeq)
     VALUES (?, ?, ?, ?, ?, 'deadline', ?, ?, ?, ?, ?, ?, ?, 1)`,
    [
      id,
      o.evaluationId,
      o.seq,
      title,
      o.status,
      o.unitId,
      o.deadline,
      o.deadline,
      new Date(at),
      o.escalationLevel ?? 0,
      new Date('2026-01-05T02:00:00Z'),
      JSON.stringify(state),
    ],
  );
  return title;
}
