/**
 * Test data for bench/ledger-export.bench.ts: N rectifications over N/4 evaluations and 20 units, written
 * straight into the read model with state JSON shaped like the workflow's (plans, evidence, submissions, reviews).
 */
import type { DataSource } from 'typeorm';

/** N rectifications over N/4 evaluations and 20 units; a fifth overdue, half with a plan, evidence and a review. */
export async function seedLedger(ds: DataSource, n: number): Promise<void> {
  const units = Array.from({ length: 20 }, (_, i) => [
    `bench-${i}`,
    `景德镇市第${i + 1}责任单位`,
    'department',
    '[]',
  ]);
  await ds.query(
    `INSERT INTO unit (code, name, kind, contactEmails) VALUES ${units.map(() => '(?, ?, ?, ?)').join(',')}`,
    units.flat(),
  );
  const unitIds = ((await ds.query('SELECT id FROM unit ORDER BY id')) as { id: number }[]).map((u) => u.id);
  const evaluations = Math.ceil(n / 4);
  for (let from = 0; from < evaluations; from += 1000) {
    const chunk = Array.from({ length: Math.min(1000, evaluations - from) }, (_, k) => from + k);
    await ds.query(
      `INSERT INTO evaluation (id, status, title, projectName, score, grade, warnings) VALUES ${chunk.map(() => `(?, 'issued', ?, ?, ?, ?, '[]')`).join(',')}`,
      chunk.flatMap((e) => [
        evaluationId(e),
        '景德镇市财政支出绩效评价结果反馈表',
        `2023年工业发展专项资金项目（第${e}号）`,
        70 + (e % 30),
        e % 30 >= 20 ? '优' : e % 30 >= 10 ? '良' : '中',
      ]),
    );
  }
  for (let from = 0; from < n; from += 500) {
    const chunk = Array.from({ length: Math.min(500, n - from) }, (_, k) => from + k);
    await ds.query(
      `INSERT INTO rectification (id, evaluationId, findingSeq, findingTitle, status, type, unitId, originalDeadline, currentDeadline, currentDeadlineAt,
         extensionCount, escalationLevel, overdue, responsiblePerson, evidenceCount, lastReviewResult, issuedAt, closedAt, state, lastEventSeq,
         ledgerPlan, ledgerEvidence, ledgerReview, ledgerSubmission)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(',')}`,
      chunk.flatMap((i) => rectificationRow(i, unitIds[i % unitIds.length])),
    );
  }
}

const evaluationId = (e: number): string => `00000000-0000-4000-8000-${String(e).padStart(12, '0')}`;

function rectificationRow(i: number, unitId: number): unknown[] {
  const e = Math.floor(i / 4);
  const seq = (i % 4) + 1;
  const id = `rectification-${evaluationId(e)}-${seq}`;
  const deadline = new Date(Date.UTC(2026, 0, 1) + (i % 700) * 86400000).toISOString().slice(0, 10);
  const overdue = i % 5 === 0;
  const closed = i % 3 === 0 && !overdue;
  const actor = { userId: 1, name: '张三', role: 'dept_user', unitId };
  const plan = i % 2 === 0;
  const state = {
    id,
    evaluationId: evaluationId(e),
    findingSeq: seq,
    findingTitle: '预算绩效管理待完善，预算编制依据不全面',
    status: closed ? 'closed' : plan ? 'in_progress' : 'issued',
    deadlines: [
      {
        version: 1,
        date: deadline,
        at: `${deadline}T15:59:59.999Z`,
        setAt: '2025-12-01T00:00:00.000Z',
        reason: 'issued',
      },
    ],
    plans: plan
      ? [
          {
            version: 1,
            responsiblePerson: '张三',
            submittedBy: actor,
            submittedAt: '2025-12-05T00:00:00.000Z',
            decision: { approved: true, by: actor, at: '2025-12-06T00:00:00.000Z' },
            measures: [
              {
                content: '修订项目绩效目标编制办法，细化可衡量的产出和效益指标',
                targetDate: deadline,
                targetAt: '',
              },
              {
                content: '按子项细化预算测算明细，建立项目库动态管理机制',
                targetDate: deadline,
                targetAt: '',
              },
            ],
          },
        ]
      : [],
    evidence: plan
      ? [
          {
            id: 1,
            description: '整改报告及制度文件',
            effectiveDate: '2026-01-10',
            addedBy: actor,
            addedAt: '2026-01-11T00:00:00.000Z',
            files: [
              {
                fileId: i,
                sha256: 'a'.repeat(64),
                name: '整改报告（盖章版）.pdf',
                size: 123456,
                mimeType: 'application/pdf',
              },
            ],
          },
        ]
      : [],
    submissions: closed
      ? [
          {
            id: 1,
            account: '已按整改方案完成制度修订并组织培训，相关佐证材料已上传。',
            by: actor,
            at: '2026-02-01T00:00:00.000Z',
          },
        ]
      : [],
    reviews: closed
      ? [
          {
            id: 1,
            submissionId: 1,
            result: 'rectified',
            comment: '同意销号',
            by: { ...actor, role: 'bureau_reviewer' },
            at: '2026-02-10T00:00:00.000Z',
          },
        ]
      : [],
    progressReports: [],
    extensions: [],
    escalations: [],
    reminders: [],
    eventSeq: 5,
  };
  return [
    id,
    evaluationId(e),
    seq,
    state.findingTitle,
    state.status,
    ['immediate', 'deadline', 'phased', 'continuous'][i % 4],
    unitId,
    deadline,
    deadline,
    new Date(`${deadline}T15:59:59.999Z`),
    0,
    overdue ? (i % 4) + 1 : 0,
    overdue ? 1 : 0,
    plan ? '张三' : null,
    plan ? 1 : 0,
    closed ? 'rectified' : null,
    new Date('2025-12-01T00:00:00Z'),
    closed ? new Date('2026-02-10T00:00:00Z') : null,
    JSON.stringify(state),
    5,
    // the columns the projection copies from the state for the printed ledger
    ...[state.plans, state.evidence, state.reviews, state.submissions].map((a) =>
      a.length > 0 ? JSON.stringify(a === state.evidence ? a : a[a.length - 1]) : null,
    ),
  ];
}
