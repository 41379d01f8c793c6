import { readFixture } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';

/** Every heading wording from DOMAIN.md, substituted into one template. */
describe('parseFeedbackForm — section heading variants', () => {
  const template = readFixture('variations/heading-variants.template.txt');
  const problemHeadings = [
    '存在的问题',
    '存在问题',
    '存在主要问题',
    '主要问题',
    '审计发现的主要问题',
    '存在的问题及原因分析',
    '一、存在的问题',
    '（一）存在问题：',
  ];
  const recommendationHeadings = [
    '相关建议',
    '改进建议',
    '意见建议',
    '下一步改进措施',
    '相关措施及建议',
    '审计建议',
    '对策和思考',
    '二、相关建议：',
    '（二）对策和思考',
  ];
  const cases = problemHeadings.flatMap((p) => recommendationHeadings.map((r) => [p, r] as const));

  it.each(cases)('%s + %s → 2 problems paired with 2 recommendations', (problems, recommendations) => {
    const r = parseFeedbackForm(
      template.replace('{{PROBLEMS_HEADING}}', problems).replace('{{RECS_HEADING}}', recommendations),
    );
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['维修计划编制缺乏依据，未开展道路病害普查', 1],
      ['工程结算审核不严，部分工程量计算有误', 2],
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '开展道路病害普查，科学编制维修计划',
      '加强工程结算审核，据实结算工程量',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('without any problems heading there is no problems section', () => {
    const r = parseFeedbackForm(
      template
        .replace('主要问题与建议\n', '')
        .replace('{{PROBLEMS_HEADING}}\n', '')
        .replace('{{RECS_HEADING}}', '其他事项'),
    );
    expect(r.findings).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain('NO_PROBLEMS_SECTION');
  });
});
