import { parseFixture, warningCodes } from '../testing/fixtures.testing';

/** Each numbering style from DOMAIN.md, one fixture each. */
describe('parseFeedbackForm — numbering styles', () => {
  const titlesAndPairs = (file: string) =>
    parseFixture(file).findings.map((f) => [f.title, f.recommendationSeq]);

  it('"1、" items with （1）(2) details; header written as "label：value" pairs', () => {
    const r = parseFixture('variations/numbering-arabic-dun-with-paren-details.txt');
    expect(r.evaluation).toMatchObject({
      title: '浮梁县2023年度高标准农田建设项目绩效评价结果反馈表',
      projectName: '浮梁县2023年度高标准农田建设项目',
      organizer: '浮梁县财政局',
      supervisingDepartment: '浮梁县农业农村局',
      projectUnit: '浮梁县农田建设服务中心',
      projectPeriod: '2023年1月-12月',
      evaluator: '江西华审工程造价咨询有限公司',
      evaluationPeriod: '2024年4月-5月',
      score: 78.3,
      grade: '中',
      budget: 3200,
      allocated: 3000,
      spent: 2850,
      executionRate: 95,
    });
    expect(r.evaluation.basicInfo).toMatch(/^2023年度高标准农田建设项目预算3200万元/);
    expect(r.evaluation.performanceSummary).toBe('项目新建高标准农田2.1万亩，完成年度建设任务。');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['项目前期论证不充分，设计变更频繁', 1],
      ['资金拨付进度滞后，影响工程推进', 2],
      ['后期管护机制不健全', 3],
    ]);
    expect(r.findings[0].points).toEqual([
      {
        label: '',
        text: '部分标段开工后调整设计方案，具体表现为：',
        details: ['田间道路走向调整3处', '灌溉渠系设计与实际地形不符', '变更未履行审批程序。'],
      },
    ]);
    expect(r.findings[1].points).toEqual([]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '加强前期论证，严格控制设计变更',
      '加快资金拨付，保障工程进度',
      '建立长效管护机制，明确管护主体和经费来源',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('"（一）" items whose "1." lines become points', () => {
    const r = parseFixture('variations/numbering-cn-paren-fullwidth-with-arabic-points.txt');
    expect(r.findings.map((f) => f.title)).toEqual([
      '项目管理不够规范',
      '绩效目标设置不合理',
      '资产管理薄弱，新购设备未及时入账',
    ]);
    expect(r.findings[0].points).toEqual([
      { label: '1.', text: '项目招标文件编制不严谨。', details: [] },
      { label: '2.', text: '合同管理不到位，部分合同未约定质保金。', details: [] },
    ]);
    expect(r.findings[1].points.map((p) => p.text)).toEqual(['绩效指标未细化量化。', '部分指标值明显偏低。']);
    expect(r.findings[2].points).toEqual([]);
    expect(r.recommendations.map((x) => [x.seq, x.title])).toEqual([
      [1, '规范项目管理，严格执行招投标和合同管理制度'],
      [2, '科学设置绩效目标，细化量化绩效指标'],
      [3, '加强资产管理，及时办理资产入账手续'],
    ]);
    expect(r.findings.map((f) => f.recommendationSeq)).toEqual([1, 2, 3]);
    expect(r.evaluation).toMatchObject({
      supervisingDepartment: '景德镇市教育局',
      projectUnit: '景德镇市第一中学',
      score: 83.2,
      grade: '良',
    });
    expect(r.warnings).toEqual([]);
  });

  it('"(一)" half-width items with 一是/二是 points separated by "；"', () => {
    const r = parseFixture('variations/numbering-cn-paren-halfwidth.txt');
    expect(titlesAndPairs('variations/numbering-cn-paren-halfwidth.txt')).toEqual([
      ['服务覆盖面不足', 1],
      ['资金使用效益不高', 2],
      ['监督考核机制缺失', 3],
    ]);
    expect(r.findings[0].points).toEqual([
      { label: '一是', text: '部分社区未设立服务站点', details: [] },
      { label: '二是', text: '服务对象识别不精准，存在漏登情况。', details: [] },
    ]);
    expect(r.findings[2].text).toBe('监督考核机制缺失。未建立服务质量考核办法。');
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '扩大服务覆盖面，完善服务对象动态管理',
      '提高资金使用效益，统一补贴发放标准',
      '建立服务质量考核机制，加强日常监督',
    ]);
    expect(r.evaluation).toMatchObject({
      budget: 450,
      allocated: 450,
      spent: 390,
      executionRate: 86.67,
      score: 72,
      grade: '中',
    });
    expect(r.warnings).toEqual([]);
  });

  it('"一、" items under unnumbered "存在问题：" / "改进建议：" headings', () => {
    const r = parseFixture('variations/numbering-cn-dun-items.txt');
    expect(r.findings.map((f) => [f.seq, f.title, f.recommendationSeq])).toEqual([
      [1, '垃圾转运设施老化，部分转运站超负荷运行', 1],
      [2, '考核结果运用不充分，考核扣款未落实到位', 2],
      [3, '保洁作业监管存在盲区，乡村保洁频次不达标', 3],
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '加快更新转运设施，合理布局转运站点',
      '严格落实考核扣款，强化考核结果运用',
      '加强作业监管，确保保洁频次达标',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('"(1)" items, mixing half-width and full-width parentheses', () => {
    expect(titlesAndPairs('variations/numbering-arabic-paren-items.txt')).toEqual([
      ['项目申报审核不严，个别企业重复申报享受补助', 1],
      ['补助资金兑付不及时，平均兑付周期超过6个月', 2],
      ['绩效跟踪监控缺失，未开展年中绩效监控', 3],
    ]);
    const r = parseFixture('variations/numbering-arabic-paren-items.txt');
    expect(r.recommendations).toHaveLength(3);
    expect(r.recommendations[2].title).toBe('开展绩效运行监控，及时纠偏');
    expect(r.warnings).toEqual([]);
  });

  it('"①②③" used as the item numbering (not as details)', () => {
    const r = parseFixture('variations/numbering-circled-items.txt');
    expect(r.findings.map((f) => [f.title, f.points, f.recommendationSeq])).toEqual([
      ['居民参与度不高，改造方案未充分征求居民意见', [], 1],
      ['工程质量把关不严，部分路面出现破损', [], 2],
      ['改造后长效管理缺位', [], 3],
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '完善居民参与机制，改造方案公示征求意见',
      '强化工程质量监管，落实质保责任',
      '建立长效管理机制，引入物业服务',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('"一是…；二是…；三是…" inline on one line as the items', () => {
    const r = parseFixture('variations/numbering-yishi-inline-items.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['培训补贴审核不严，部分培训学员签到记录不完整', 1],
      ['创业担保贷款回收率偏低，逾期金额较大', 2],
      ['就业见习岗位开发不足，见习人数未达目标', 3],
    ]);
    expect(r.recommendations.map((x) => x.text)).toEqual([
      '严格培训补贴审核，完善培训过程记录',
      '加强创业担保贷款贷后管理，提高回收率',
      '拓展就业见习岗位，扩大见习规模。',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('unnumbered items separated by "；" (one clause per recommendation, paired by position)', () => {
    const r = parseFixture('variations/items-separated-by-semicolon.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['养护计划编制不科学', 1],
      ['日常巡查记录不完整', 2],
      ['养护资金支出进度慢', 3],
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '科学编制年度养护计划',
      '规范日常巡查记录',
      '加快养护资金支出',
    ]);
    expect(warningCodes(r)).toEqual(['UNNUMBERED_ITEMS', 'PAIRING_BY_POSITION']);
  });

  it('no numbering, one problem per line', () => {
    const r = parseFixture('variations/unnumbered-one-problem-per-line.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['部分学校食堂从业人员健康证过期未更新', 1],
      ['食材采购台账登记不完整，溯源困难', 2],
      ['营养餐膳食搭配不够科学，未配备专职营养师', 3],
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '督促学校及时办理从业人员健康证',
      '完善食材采购台账，建立可追溯机制',
      '聘请专业营养师指导膳食搭配',
    ]);
    expect(r.evaluation).toMatchObject({ score: 91.2, grade: '优' });
    expect(warningCodes(r)).toEqual(['UNNUMBERED_ITEMS', 'PAIRING_BY_POSITION']);
  });

  it('no numbering, one paragraph with one problem per sentence, and one recommendation for all', () => {
    const r = parseFixture('variations/unnumbered-one-paragraph-sentences.txt');
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['绿化养护标准执行不到位，部分苗木长势较差', 1],
      ['公园设施维修响应不及时', 1],
      ['养护合同验收程序不规范', 1],
    ]);
    expect(r.recommendations).toHaveLength(1);
    expect(r.recommendations[0].text).toMatch(/^建议加强日常养护巡查，.*确保养护质量。$/);
    expect(warningCodes(r)).toEqual(['UNNUMBERED_ITEMS', 'SINGLE_RECOMMENDATION_FOR_ALL']);
  });
});
