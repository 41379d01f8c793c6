import { parseFixture, warningCodes } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';

/** Facts that contradict each other, or are missing, are reported rather than corrected. */
describe('parseFeedbackForm — header consistency', () => {
  it('score 85.3 with grade 优 → SCORE_GRADE_MISMATCH, both kept as written', () => {
    const r = parseFixture('variations/mismatch-score-grade.txt');
    expect(r.evaluation).toMatchObject({ score: 85.3, grade: '优' });
    expect(warningCodes(r)).toEqual(['SCORE_GRADE_MISMATCH']);
    expect(r.warnings[0].message).toContain('良');
  });

  it('400 / 480 ≠ 98.5% → EXECUTION_RATE_MISMATCH', () => {
    const r = parseFixture('variations/mismatch-execution-rate.txt');
    expect(r.evaluation).toMatchObject({ budget: 500, allocated: 480, spent: 400, executionRate: 98.5 });
    expect(warningCodes(r)).toEqual(['EXECUTION_RATE_MISMATCH']);
    expect(r.warnings[0].message).toContain('83.33');
  });

  it('missing 评价机构 / 评价时间 / 评价结论 are named; the grade is derived from the score', () => {
    const r = parseFixture('variations/header-missing-fields.txt');
    expect(r.evaluation).toMatchObject({
      organizer: '昌江区财政局',
      supervisingDepartment: '昌江区医疗保障局',
      projectUnit: '昌江区医疗保障局',
      projectPeriod: '2023年1月-12月',
      evaluator: null,
      evaluationPeriod: null,
      score: 58.5,
      grade: '差',
      budget: 900,
      executionRate: 97.78,
    });
    expect(warningCodes(r)).toEqual([
      'MISSING_HEADER_FIELD',
      'MISSING_HEADER_FIELD',
      'MISSING_HEADER_FIELD',
      'GRADE_DERIVED_FROM_SCORE',
    ]);
    const missing = r.warnings.filter((w) => w.code === 'MISSING_HEADER_FIELD').map((w) => w.message);
    expect(missing.join()).toMatch(/评价机构.*评价时间.*评价结论/);
    expect(r.findings).toHaveLength(2);
  });

  it("accepts the seed's own figures: 1659 / 1717 = 96.62% is consistent", () => {
    const r = parseFeedbackForm(
      '基本情况\t预算2900万元，到位1717万元，实际支出1659万元，执行率96.62%。\n存在的问题\n1. 某问题。',
    );
    expect(warningCodes(r)).not.toContain('EXECUTION_RATE_MISMATCH');
    const off = parseFeedbackForm(
      '基本情况\t预算2900万元，到位1717万元，实际支出1659万元，执行率96.70%。\n存在的问题\n1. 某问题。',
    );
    expect(warningCodes(off)).toContain('EXECUTION_RATE_MISMATCH');
  });

  it('reads score and grade written in prose when the header lacks them', () => {
    const r = parseFeedbackForm(
      '基本情况\t经评价，该项目综合得分86.5分，评价等级为“良”。\n存在的问题\n1. 某问题。',
    );
    expect(r.evaluation).toMatchObject({ score: 86.5, grade: '良' });
    expect(warningCodes(r)).not.toContain('SCORE_GRADE_MISMATCH');
  });
});
