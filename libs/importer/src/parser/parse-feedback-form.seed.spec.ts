import { parseFixture, readFixture, SEED_FIXTURE } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';
import { hasRecognisableStructure } from './recognisable-structure';

/** The golden case: the real feedback form every other behaviour is measured against. */
describe('parseFeedbackForm — seed 000_e9da2ade9415734b', () => {
  const result = parseFixture(SEED_FIXTURE);

  it('reads every evaluation field', () => {
    expect(result.evaluation).toEqual({
      organizer: '景德镇市财政局',
      supervisingDepartment: '景德镇市工业和信息化局',
      projectUnit: '景德镇市工业和信息化局',
      projectPeriod: '2023年1月-12月',
      evaluator: '江西源起思成管理咨询有限公司',
      evaluationPeriod: '2024年6月-7月',
      score: 80.08,
      grade: '良',
      projectName: '2023年工业发展专项资金项目',
      title: '景德镇市财政支出绩效评价结果反馈表',
      basicInfo: expect.stringMatching(/^基于《景德镇市工业倍增三年行动计划/),
      performanceSummary: expect.stringMatching(/^1\. 强化政策引导，助力工业发展。/),
      budget: 2900,
      allocated: 1717,
      spent: 1659,
      executionRate: 96.62,
      documentNumber: null,
      documentDate: null,
      rectificationDeadline: null,
    });
    expect(result.kind).toBe('feedback_form');
    expect(result.resultsTableRows).toBeNull();
  });

  it('reads the budget figures from 基本情况', () => {
    const { budget, allocated, spent, executionRate } = result.evaluation;
    expect({ budget, allocated, spent, executionRate }).toEqual({
      budget: 2900,
      allocated: 1717,
      spent: 1659,
      executionRate: 96.62,
    });
  });

  it('keeps 基本情况 and 主要绩效情况 as clean paragraphs', () => {
    const { basicInfo, performanceSummary } = result.evaluation;
    expect(basicInfo).not.toMatch(/<\/?p>/);
    expect(basicInfo!.split('\n')).toHaveLength(2);
    expect(basicInfo).toMatch(/^基于《景德镇市工业倍增三年行动计划（2021—2023年）》/);
    expect(basicInfo).toContain('预算资金执行率96.62%。');
    expect(basicInfo).toMatch(/开展中小企业培训活动及其他工业发展相关工作。$/);
    expect(performanceSummary!.split('\n')).toHaveLength(2);
    expect(performanceSummary).toMatch(/^1\. 强化政策引导，助力工业发展。/);
    expect(performanceSummary).toMatch(/稳固工业发展整体面貌。$/);
  });

  it('finds four problems with their titles, paired 1↔1 … 4↔4', () => {
    expect(result.findings.map((f) => [f.seq, f.title, f.recommendationSeq])).toEqual([
      [1, '预算绩效管理待完善，预算编制依据不全面', 1],
      [2, '贷款贴息项目立项程序不足，工作管理有待加强', 2],
      [3, '项目制度建设待健全，实施管理能力待强化', 3],
      [4, '企业对项目实施成效认可度待提升，工业经营培育不够', 4],
    ]);
  });

  it('splits problem 1 into 一是/二是 with their ①②③ details', () => {
    const [first] = result.findings;
    expect(first.text).toMatch(/^预算绩效管理待完善，预算编制依据不全面。一是项目绩效目标编制不够严谨。/);
    expect(first.text).toMatch(/预算内容与项目内容未完全匹配。$/);
    expect(first.points).toEqual([
      {
        label: '一是',
        text: '项目绩效目标编制不够严谨。2023 年工业发展专项资金项目绩效目标存在与实际工作内容未全面相关、与预算确定的项目投资额不匹配的情况、部分指标设定不合理的情况。',
        details: ['绩效目标与实际工作内容未全面相关。', '设置指标归类不够科学。', '指标值难以衡量。'],
      },
      {
        label: '二是',
        text: '项目预算编制依据不全面。2023 年工业发展专项资金项目存在预算编制依据不足、未涵盖项目主要工作内容的情况。',
        details: [
          '预算编制无具体测算明细。',
          '资金测算未全面涵盖项目工作内容。结合 2023 年工业发展专项资金项目 5 个子项绩效目标内容，预算内容中缺少扶持困难地区发展工业资金补助、扶持企业壮大规模奖补等内容，预算内容与项目内容未完全匹配。',
        ],
      },
    ]);
  });

  it('gives problem 2 (details only, no 一是) one unlabelled point holding ①–④', () => {
    expect(result.findings[1].points).toEqual([
      {
        label: '',
        text: '贷款贴息项目在立项、绩效目标申报、资金分配、工作开展等方面存在未按标准要求开展相关工作的情况，具体为：',
        details: [
          '事前绩效评估认识不足。',
          '项目目标与预算确定的投资额未完全匹配、绩效指标设定不够精准。',
          '资金分配不够精准。',
          '未全面按文件要求开展项目调度、检查工作。',
        ],
      },
    ]);
  });

  it('rejoins problem 3 across the page break and drops the repeated table label', () => {
    const third = result.findings[2];
    expect(third.text).toBe(
      '项目制度建设待健全，实施管理能力待强化。一是制度建设不够完备。市工信局未制定项目实际涉及的荣誉奖励、升规入统企业奖补、地区扶持企业壮大规模奖补等工作方面的奖补核定相关制度，制度建设不够完备。二是部分工作成效情况未跟进统计。',
    );
    expect(third.points.map((p) => [p.label, p.text])).toEqual([
      [
        '一是',
        '制度建设不够完备。市工信局未制定项目实际涉及的荣誉奖励、升规入统企业奖补、地区扶持企业壮大规模奖补等工作方面的奖补核定相关制度，制度建设不够完备。',
      ],
      ['二是', '部分工作成效情况未跟进统计。'],
    ]);
    for (const f of result.findings) {
      expect(f.text).not.toMatch(/主要问题\s*与建议/);
      expect(f.text).not.toMatch(/<\/?p>/);
    }
  });

  it('gives problem 4 two points', () => {
    expect(result.findings[3].points.map((p) => p.label)).toEqual(['一是', '二是']);
    expect(result.findings[3].points[1].text).toMatch(
      /^产业经营带动不足，企业经营不够规范。2023年景德镇市工业发展存在不足/,
    );
  });

  it('finds four recommendations; recommendation 3 is rejoined across the blank line', () => {
    expect(result.recommendations.map((r) => [r.seq, r.title])).toEqual([
      [1, '强化项目预算管理，结合实际编制预算'],
      [2, '规范项目立项程序，加强工作管理'],
      [3, '健全项目管理制度，加强项目整体工作管理'],
      [4, '加强工业发展及管理，提升企业对项目成效认可度'],
    ]);
    expect(result.recommendations[2].text).toContain(
      '对照指导文件要求，及时开展相应信息统计工作，整体规范项目工作开展。',
    );
    expect(result.recommendations[3].text).toMatch(/从而促进企业规范经营。$/);
    for (const r of result.recommendations) expect(r.text).not.toMatch(/主要问题\s*与建议/);
  });

  it('raises no warnings at all', () => {
    expect(result.warnings).toEqual([]);
    expect(hasRecognisableStructure(result)).toBe(true);
  });

  it('gives the same result with CRLF line endings and a BOM', () => {
    const crlf = `\ufeff${readFixture(SEED_FIXTURE).replace(/\n/g, '\r\n')}`;
    const again = parseFeedbackForm(crlf);
    // Spans are offsets into each input, so they differ; the text they cover does not.
    const withoutSpans = (r: typeof result) => ({
      ...r,
      findings: r.findings.map((f) => ({ ...f, span: null })),
      recommendations: r.recommendations.map((x) => ({ ...x, span: null })),
    });
    expect(withoutSpans(again)).toEqual(withoutSpans(result));
    const covered = (text: string, r: typeof result) =>
      r.findings.map((f) => (f.span ? text.slice(f.span.start, f.span.end).replace(/\s+/g, '') : null));
    expect(covered(crlf, again)).toEqual(covered(readFixture(SEED_FIXTURE), result));
  });
});
