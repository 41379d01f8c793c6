import { LEDGER_COLUMNS } from './ledger-columns';
import { excelDate, LedgerExportRaw, ledgerCells } from './ledger-export-row';

const actor = { userId: 1, name: '张三', role: 'dept_user', unitId: 7 };

function raw(over: Partial<LedgerExportRaw> = {}): LedgerExportRaw {
  return {
    id: 'rectification-e-1',
    evaluationId: 'e',
    evaluationTitle: '2023年工业发展专项资金绩效评价',
    projectName: '工业发展专项资金',
    score: '80.08',
    grade: '良',
    findingSeq: 1,
    findingTitle: '预算编制依据不全面',
    status: 'closed',
    type: 'deadline',
    unitId: 7,
    unitName: '市工信局',
    responsiblePerson: '张三',
    originalDeadline: '2027-03-31',
    currentDeadline: '2027-06-30',
    extensionCount: 1,
    overdue: 0,
    escalationLevel: 0,
    maxEscalationLevel: 0,
    deadlineProvisional: 0,
    evidenceCount: 2,
    lastReviewResult: 'rectified',
    closedAt: new Date('2027-05-31T17:00:00Z'), // 2027-06-01 in Beijing
    cancelledAt: null,
    updatedAt: new Date('2027-05-31T17:00:00Z'),
    plan: JSON.stringify({
      version: 1,
      responsiblePerson: '张三',
      measures: [
        { content: '修订绩效目标编制办法', targetDate: '2027-01-15', targetAt: '' },
        { content: '逐项测算', targetDate: '2027-02-28', targetAt: '' },
      ],
      submittedBy: actor,
      submittedAt: '2026-12-01T00:00:00Z',
      decision: { approved: true, by: actor, at: '2026-12-02T00:00:00Z' },
    }),
    evidence: [
      {
        id: 1,
        files: [
          { fileId: 3, sha256: 'a', name: '整改报告.pdf', size: 1, mimeType: 'application/pdf' },
          { fileId: 4, sha256: 'b', name: '制度.docx', size: 1, mimeType: 'x' },
        ],
        description: '整改报告及制度',
        effectiveDate: '2027-01-10',
        addedBy: actor,
        addedAt: '2027-01-11T00:00:00Z',
      },
    ],
    review: JSON.stringify({
      id: 1,
      submissionId: 1,
      result: 'rectified',
      comment: '同意销号',
      by: actor,
      at: '2027-05-31T17:00:00Z',
    }),
    progress: null,
    submission: { id: 1, account: '已按方案完成整改', by: actor, at: '2027-05-30T00:00:00Z' },
    ...over,
  };
}

describe('ledgerCells', () => {
  const now = new Date('2027-07-10T04:00:00Z');

  it('fills the 16 columns of DOMAIN.md from the row and the workflow state (JSON text or parsed)', () => {
    const { cells, overdue } = ledgerCells(raw(), 5, now, 'Asia/Shanghai');
    expect(cells).toHaveLength(LEDGER_COLUMNS.length);
    expect(overdue).toBe(false);
    expect(cells).toEqual([
      5,
      '工业发展专项资金',
      '80.08 / 良',
      '1. 预算编制依据不全面',
      '限期整改',
      '1. 修订绩效目标编制办法（2027-01-15前）\n2. 逐项测算（2027-02-28前）',
      '市工信局',
      '张三',
      new Date(Date.UTC(2027, 2, 31)),
      new Date(Date.UTC(2027, 5, 30)),
      '已销号\n整改情况（2027-05-30）：已按方案完成整改',
      '共 2 个文件\n整改报告及制度（生效 2027-01-10）：整改报告.pdf、制度.docx',
      '已整改：同意销号',
      new Date(Date.UTC(2027, 5, 1)),
      '否',
      '无',
    ]);
  });

  it('marks an overdue line with its days and level, and leaves 延期后时限 empty without an extension', () => {
    const open = raw({
      status: 'in_progress',
      overdue: 1,
      escalationLevel: 2,
      maxEscalationLevel: 2,
      extensionCount: 0,
      currentDeadline: '2027-03-31',
      closedAt: null,
      review: null,
      plan: null,
      evidence: null,
      submission: null,
      lastReviewResult: null,
    });
    const { cells, overdue } = ledgerCells(open, 1, now, 'Asia/Shanghai');
    expect(overdue).toBe(true);
    expect(cells[9]).toBeNull();
    expect(cells[13]).toBeNull();
    expect(cells[14]).toBe('是（101 天）');
    expect(cells[15]).toBe('督办');
    expect(cells[5]).toBe('');
    expect(cells[10]).toBe('整改中');
  });

  it('shows the highest rung beside the current one after an extension restarted the ladder', () => {
    const extended = raw({
      status: 'in_progress',
      escalationLevel: 1,
      maxEscalationLevel: 3,
      closedAt: null,
    });
    expect(ledgerCells(extended, 1, now, 'Asia/Shanghai').cells[15]).toBe('最高：约谈；当前：提醒函');
    const reset = raw({ status: 'in_progress', escalationLevel: 0, maxEscalationLevel: 2, closedAt: null });
    expect(ledgerCells(reset, 1, now, 'Asia/Shanghai').cells[15]).toBe('最高：督办；当前：无');
  });

  it('keeps cells under the Excel limit', () => {
    const long = raw({ findingTitle: '问'.repeat(40_000) });
    expect(String(ledgerCells(long, 1, now, 'Asia/Shanghai').cells[3]).length).toBeLessThanOrEqual(32_000);
  });

  it('turns calendar dates into whole-day Excel dates', () => {
    expect(excelDate('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(excelDate(null)).toBeNull();
  });

  it('dates 进展 by the bureau calendar day, not the UTC day', () => {
    // 2027-05-31 17:00 UTC is 2027-06-01 01:00 in Beijing.
    const reported = raw({
      status: 'ongoing',
      progress: { id: 1, content: '完成第二阶段', by: actor, at: '2027-05-31T17:00:00Z' },
    });
    expect(ledgerCells(reported, 1, now, 'Asia/Shanghai').cells[10]).toBe(
      '持续整改\n最新进展（2027-06-01）：完成第二阶段',
    );
  });
});
