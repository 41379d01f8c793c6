import { parseFixture, warningCodes } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';
import { hasRecognisableStructure } from './recognisable-structure';

/** Things printed on the same page that must never become problems or recommendations. */
describe('parseFeedbackForm — declared-none and page noise', () => {
  it('"暂无。" / "无。" → zero findings, zero recommendations, NO_PROBLEMS_DECLARED', () => {
    const r = parseFixture('variations/problems-none-declared-zanwu.txt');
    expect(r.findings).toEqual([]);
    expect(r.recommendations).toEqual([]);
    expect(warningCodes(r)).toEqual(['NO_PROBLEMS_DECLARED']);
    expect(r.evaluation).toMatchObject({ score: 95.2, grade: '优', projectUnit: '浮梁县图书馆' });
    expect(hasRecognisableStructure(r)).toBe(true);
  });

  it('"无" alone in the 主要问题与建议 cell → NO_PROBLEMS_DECLARED', () => {
    const r = parseFixture('variations/problems-none-declared-wu-cell.txt');
    expect(r.findings).toEqual([]);
    expect(warningCodes(r)).toEqual(['NO_PROBLEMS_DECLARED']);
  });

  it.each(['暂无', '无', '暂无问题。', '未发现明显问题。', '没有。'])(
    '"存在的问题：%s" declares none',
    (none) => {
      const r = parseFeedbackForm(`评价分值\t90\t评价结论\t优\n存在的问题：${none}\n`);
      expect(r.findings).toEqual([]);
      expect(warningCodes(r)).toContain('NO_PROBLEMS_DECLARED');
    },
  );

  it('score tables (before and after) and the attachment list are ignored', () => {
    const r = parseFixture('variations/noise-score-table-and-attachments.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['农家书屋图书更新不及时，部分图书出版年限超过10年', 1],
      ['文化活动开展记录不完整，难以核实活动场次', 2],
    ]);
    expect(r.recommendations.map((x) => x.text)).toEqual([
      '建立图书定期更新机制，优化图书结构。',
      '规范活动记录，完善活动影像资料。',
    ]);
    expect(r.evaluation.basicInfo).toBe(
      '项目预算资金260万元，到位资金260万元，实际支出247万元，预算执行率95%。',
    );
    expect(r.evaluation.score).toBe(84);
    expect(r.warnings).toEqual([]);
  });

  it('signature, seal, contact line, date and distribution list after the recommendations are ignored', () => {
    const r = parseFixture('variations/noise-signature-date-seal.txt');
    expect(r.findings).toHaveLength(2);
    expect(r.recommendations.map((x) => x.text)).toEqual([
      '规范危房鉴定程序，落实鉴定责任。',
      '加快补助资金发放，严禁截留挪用。',
    ]);
    expect(r.evaluation.evaluator).toBe('江西中信会计师事务所有限公司');
    expect(r.warnings).toEqual([]);
  });

  it('a second report on the same page is ignored with SECOND_REPORT_IGNORED', () => {
    const r = parseFixture('variations/noise-second-report-same-page.txt');
    expect(r.evaluation).toMatchObject({
      organizer: '珠山区财政局',
      supervisingDepartment: '珠山区民政局',
      score: 81.5,
      grade: '良',
    });
    expect(r.findings.map((f) => f.title)).toEqual([
      '运营补贴核定依据不充分，未与服务人次挂钩',
      '服务中心日常运营监管薄弱',
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '建立与服务人次挂钩的补贴核定机制',
      '加强日常运营监管',
    ]);
    expect(r.recommendations[1].text).not.toContain('城市照明');
    expect(warningCodes(r)).toEqual(['SECOND_REPORT_IGNORED']);
  });

  it('a second report without its own title is still cut off at its header table', () => {
    const text = [
      '评价组织机构\t甲市财政局\t评价分值\t88\t评价结论\t良',
      '存在的问题',
      '1. 第一份报告的问题。',
      '相关建议',
      '1. 第一份报告的建议。',
      '评价组织机构\t乙市财政局\t项目主管部门\t乙市交通局',
      '存在的问题',
      '1. 第二份报告的问题。',
    ].join('\n');
    const r = parseFeedbackForm(text);
    expect(r.findings.map((f) => f.title)).toEqual(['第一份报告的问题']);
    expect(r.recommendations.map((x) => x.title)).toEqual(['第一份报告的建议']);
    expect(r.evaluation.organizer).toBe('甲市财政局');
    expect(warningCodes(r)).toContain('SECOND_REPORT_IGNORED');
  });
});
