import { recomputeHeaderWarnings, type HeaderState } from './header-warnings';

const seedHeader: HeaderState = {
  organizer: '景德镇市财政局',
  supervisingDepartment: '景德镇市工业和信息化局',
  projectUnit: '景德镇市工业和信息化局',
  projectPeriod: '2023年1月-12月',
  evaluator: '江西源起思成管理咨询有限公司',
  evaluationPeriod: '2024年6月-7月',
  score: 80.08,
  grade: '良',
  budget: 2900,
  allocated: 1717,
  spent: 1659,
  executionRate: 96.62,
};
const codes = (ws: Array<{ code: string }>) => ws.map((w) => w.code);

describe('recomputeHeaderWarnings', () => {
  it('raises SCORE_GRADE_MISMATCH when the grade no longer fits the score, and clears it again', () => {
    const mismatched = recomputeHeaderWarnings([], { ...seedHeader, grade: '优' }, new Set(['grade']));
    expect(mismatched).toEqual([
      {
        code: 'SCORE_GRADE_MISMATCH',
        message: '评价分值 80.08 对应等级「良」，与评价结论「优」不一致 (score and grade disagree)',
      },
    ]);
    expect(
      recomputeHeaderWarnings(mismatched, { ...seedHeader, score: 91, grade: '优' }, new Set(['score'])),
    ).toEqual([]);
  });

  it('drops GRADE_DERIVED_FROM_SCORE once the grade is set by hand, not when only the score changes', () => {
    const derived = [{ code: 'GRADE_DERIVED_FROM_SCORE', message: 'x' }];
    expect(codes(recomputeHeaderWarnings(derived, seedHeader, new Set(['grade'])))).toEqual([]);
    expect(codes(recomputeHeaderWarnings(derived, { ...seedHeader, score: 85 }, new Set(['score'])))).toEqual(
      ['GRADE_DERIVED_FROM_SCORE'],
    );
  });

  it('recomputes MISSING_HEADER_FIELD from the cells that are still empty', () => {
    const before = [
      { code: 'MISSING_HEADER_FIELD', message: '缺少表头字段「评价机构」(missing header field: evaluator)' },
      {
        code: 'MISSING_HEADER_FIELD',
        message: '缺少表头字段「评价时间」(missing header field: evaluationPeriod)',
      },
      { code: 'PAIRING_BY_POSITION', message: 'kept' },
    ];
    const after = recomputeHeaderWarnings(
      before,
      { ...seedHeader, evaluationPeriod: null },
      new Set(['evaluator']),
    );
    expect(after).toEqual([
      { code: 'PAIRING_BY_POSITION', message: 'kept' },
      {
        code: 'MISSING_HEADER_FIELD',
        message: '缺少表头字段「评价时间」(missing header field: evaluationPeriod)',
      },
    ]);
  });

  it('checks the execution rate against spent/allocated or spent/budget when a figure changes', () => {
    expect(recomputeHeaderWarnings([], seedHeader, new Set(['spent']))).toEqual([]);
    expect(
      codes(recomputeHeaderWarnings([], { ...seedHeader, executionRate: 90 }, new Set(['executionRate']))),
    ).toEqual(['EXECUTION_RATE_MISMATCH']);
    // 1659 / 2900 = 57.21 % — some bureaus divide by the budget
    expect(
      recomputeHeaderWarnings([], { ...seedHeader, executionRate: 57.21 }, new Set(['executionRate'])),
    ).toEqual([]);
  });

  it('leaves every warning alone when nothing relevant changed', () => {
    const ws = [{ code: 'SCORE_GRADE_MISMATCH', message: 'm' }];
    expect(recomputeHeaderWarnings(ws, seedHeader, new Set())).toEqual(ws);
  });
});
