import { PAIRING_CODES, parseFixture, warningCodes } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';

/** Where the recommendations sit relative to the problems, and how they pair up. */
describe('parseFeedbackForm — problem/recommendation layouts', () => {
  it('both lists inside one table cell on one line ("存在问题：1.…；2.…。改进建议：1.…")', () => {
    const r = parseFixture('variations/layout-combined-cell.txt');
    expect(r.findings.map((f) => [f.seq, f.title, f.recommendationSeq])).toEqual([
      [1, '水质检测频次不足，部分水厂未按规定开展日检', 1],
      [2, '工程建设档案资料不齐全', 2],
      [3, '水费收缴率偏低，运行维护资金缺口较大', 3],
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '落实水质检测制度，确保检测频次达标',
      '规范工程档案管理，及时归档建设资料',
      '完善水价形成机制，提高水费收缴率',
    ]);
    expect(r.findings[2].text).not.toContain('改进建议');
    expect(r.warnings).toEqual([]);
  });

  it('two separate numbered sections in a narrative report, ending at the next sibling section', () => {
    const r = parseFixture('variations/layout-separate-sections.txt');
    expect(r.evaluation).toMatchObject({
      title: '景德镇市2023年度市级科技计划项目资金绩效评价报告（摘要）',
      projectName: '景德镇市2023年度市级科技计划项目',
      organizer: '景德镇市财政局',
      supervisingDepartment: '景德镇市科学技术局',
      projectPeriod: '2023年1月-2023年12月',
      evaluator: '江西正源会计师事务所有限公司',
      score: 76.4,
      grade: '中',
      budget: 1500,
      spent: 1275,
      executionRate: 85,
    });
    expect(r.evaluation.performanceSummary).toBe('全年立项科技计划项目68项，完成验收41项。');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['项目立项评审机制不完善', 1],
      ['项目过程管理薄弱', 2],
      ['成果转化率偏低', 3],
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '完善立项评审机制，扩充专家库，建立专家轮换和回避制度',
      '加强项目过程管理，对进度滞后项目实行预警督办',
      '健全成果转化激励机制，推动科技成果落地',
    ]);
    // "五、评价结论", the signature and the date are not part of recommendation 3
    expect(r.recommendations[2].text).toBe('健全成果转化激励机制，推动科技成果落地。');
    expect(r.warnings).toEqual([]);
  });

  it('interleaved "问题N：" / "建议N：" pairs', () => {
    const r = parseFixture('variations/layout-interleaved-labels.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['部分产业项目收益分配机制不明确，联农带农效果不明显', 1],
      ['项目资产确权登记滞后，形成的资产未及时移交村集体', 2],
      ['项目库建设质量不高，入库项目论证不充分', 3],
    ]);
    expect(r.recommendations.map((x) => [x.seq, x.text])).toEqual([
      [1, '完善产业项目收益分配方案，明确脱贫户收益比例。'],
      [2, '加快资产确权登记和移交，建立资产台账。'],
      [3, '提高项目库建设质量，强化入库项目论证。'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('interleaved "…。建议：…" right after each numbered problem', () => {
    const r = parseFixture('variations/layout-interleaved-inline-advice.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['设备购置论证不充分，部分设备使用率低', 1],
      ['专项资金与日常经费混用，核算不清晰', 2],
      ['绩效自评质量不高，自评结果与实际偏差较大', 3],
    ]);
    expect(r.findings[0].text).toBe(
      '设备购置论证不充分，部分设备使用率低。经抽查，CT设备日均检查人次低于设计能力的40%。',
    );
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '加强设备购置前的需求论证，提高设备使用效率',
      '严格专款专用，单独核算项目资金',
      '规范绩效自评工作，如实反映项目绩效',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('interleaved "存在问题：" / "改进建议：" sub-headings inside each "（一）" item', () => {
    const r = parseFixture('variations/layout-interleaved-subheadings.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['数据共享不足', 1],
      ['运维保障不到位', 2],
    ]);
    expect(r.findings[0].text).toContain('数据共享接口开通率仅为35%');
    expect(r.findings[0].text).not.toContain('制定数据共享目录');
    expect(r.recommendations.map((x) => x.text)).toEqual([
      '制定数据共享目录，推动部门系统接口对接。',
      '完善运维合同条款，明确响应时限和考核要求。',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('an interleaved recommendation may itself have 一是/二是 clauses', () => {
    const r = parseFeedbackForm(
      '存在的问题\n1. 台账不全。建议：一是补齐台账；二是定期核对。\n2. 公示不及时。建议：按时公示。',
    );
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['台账不全', 1],
      ['公示不及时', 2],
    ]);
    expect(r.recommendations.map((x) => x.text)).toEqual(['一是补齐台账；二是定期核对。', '按时公示。']);
  });

  it('no recommendations: findings unpaired and NO_RECOMMENDATIONS', () => {
    const r = parseFixture('variations/recs-none.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['防火物资储备台账不规范，物资出入库记录不完整', null],
      ['护林员巡护轨迹监管不到位，存在漏巡现象', null],
    ]);
    expect(r.recommendations).toEqual([]);
    expect(warningCodes(r)).toEqual(['NO_RECOMMENDATIONS']);
  });

  it('one recommendation paragraph for all problems: every finding → 1 and SINGLE_RECOMMENDATION_FOR_ALL', () => {
    const r = parseFixture('variations/recs-single-for-all.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['部分惠民演出场次观众人数较少，群众知晓率不高', 1],
      ['演出团队遴选程序不够规范', 1],
      ['活动档案资料归集不完整', 1],
    ]);
    expect(r.recommendations).toHaveLength(1);
    expect(r.recommendations[0].title).toBe(
      '建议项目单位进一步加强项目全过程管理，加大活动宣传力度，规范演出团队遴选和活动档案管理，切实提高文化惠民工程实施效果',
    );
    expect(warningCodes(r)).toEqual(['SINGLE_RECOMMENDATION_FOR_ALL']);
  });

  it('more recommendations than problems: COUNT_MISMATCH and the extra one stays unpaired', () => {
    const r = parseFixture('variations/recs-more-than-problems.txt');
    expect(r.findings.map((f) => f.recommendationSeq)).toEqual([1, 2]);
    expect(r.recommendations.map((x) => [x.seq, x.title])).toEqual([
      [1, '明确服务主体遴选标准，公开遴选结果'],
      [2, '采用遥感等技术手段核验服务面积'],
      [3, '建立项目绩效跟踪评价机制，定期评估服务效果'],
    ]);
    expect(warningCodes(r)).toEqual(['COUNT_MISMATCH']);
  });

  it('explicitly numbered lists with equal counts are not reported as positional guesses', () => {
    for (const file of ['variations/layout-combined-cell.txt', 'variations/layout-separate-sections.txt']) {
      expect(warningCodes(parseFixture(file)).filter((c) => PAIRING_CODES.includes(c))).toEqual([]);
    }
  });
});
