import { parseFixture, readFixture, warningCodes } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';

const titles = (r: ReturnType<typeof parseFixture>) => r.findings.map((f) => f.title);

/** Layouts of problems met in real documents beyond the tidy feedback form. */
describe('parseFeedbackForm — layouts of real documents', () => {
  it('"…，二是…，三是…": the clause before 二是 is problem 1, and says it was guessed', () => {
    const r = parseFixture('variations/layout-inline-comma-erde.txt');
    expect(titles(r)).toEqual([
      '送戏下乡场次安排与群众需求衔接不够',
      '部分乡镇综合文化站设施闲置',
      '项目资金支付凭证不完整',
    ]);
    expect(r.findings[0].confidence.reasons.map((x) => x.code)).toContain('lead_clause');
    expect(r.findings[0].confidence.score).toBeLessThan(r.findings[1].confidence.score);
    expect(warningCodes(r)).toContain('SINGLE_RECOMMENDATION_FOR_ALL');
  });

  it('unnumbered problems one per sentence, the last without a full stop', () => {
    const r = parseFixture('variations/unnumbered-sentences-no-final-stop.txt');
    expect(titles(r)).toEqual(['绩效目标编制不够完善', '内控制度不够健全', '固定资产登记不及时']);
    expect(r.findings.every((f) => f.confidence.reasons[0].code === 'sentence_split')).toBe(true);
    expect(warningCodes(r)).toEqual(expect.arrayContaining(['UNNUMBERED_ITEMS', 'PAIRING_BY_POSITION']));
  });

  it('问题一：… / 建议一：… labels: titles without the labels, paired by number', () => {
    const r = parseFixture('variations/layout-problem-label-cn.txt');
    expect(r.kind).toBe('feedback_form');
    expect(titles(r)).toEqual([
      '工程量清单编制不准确，部分工程结算量与清单差异较大',
      '工程验收程序不规范，部分路段未经验收即投入使用',
      '维修资金使用效益不高，同一路段一年内重复维修',
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '加强工程量清单编审，提高清单编制准确性',
      '严格执行工程验收制度',
      '科学制定维修计划，避免重复维修',
    ]);
    expect(r.findings.map((f) => f.recommendationSeq)).toEqual([1, 2, 3]);
    expect(warningCodes(r).filter((c) => c !== 'MISSING_HEADER_FIELD')).toEqual([]);
  });

  it('(一)(二) category headings over nested 1. 2.: the numbered entries are the problems', () => {
    const r = parseFixture('variations/layout-category-groups-nested.txt');
    expect(titles(r)).toEqual([
      '部分非税收入未及时缴库，涉及金额356万元',
      '预算调整不规范，3个部门未经批准调整支出用途',
      '就业补助资金超范围支出42万元',
      '部分项目资金闲置一年以上',
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual(['严格预算执行', '加强专项资金管理']);
    expect(warningCodes(r)).toEqual(expect.arrayContaining(['COUNT_MISMATCH']));
  });

  it('titles inside quotes keep their quotes and inner punctuation', () => {
    const r = parseFixture('variations/layout-titles-in-quotes.txt');
    expect(titles(r)).toEqual(['“重分配、轻管理”现象仍然存在', '“项目等资金”与“资金等项目”并存']);
  });

  it('numbering that restarts after a page number continues the list, with a warning', () => {
    const r = parseFixture('variations/numbering-restarts-after-page-break.txt');
    expect(titles(r)).toEqual([
      '村庄保洁经费未足额落实，部分村保洁员工资拖欠',
      '农村户厕改造质量不高，部分厕所已停止使用',
      '生活污水处理设施运行率偏低',
      '垃圾转运车辆不足，部分村垃圾清运不及时',
      '项目档案资料归档不规范',
    ]);
    expect(r.findings[2].text).not.toContain('垃圾');
    expect(r.findings.map((f) => f.recommendationSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(warningCodes(r)).toContain('NUMBERING_RESTART');
    expect(warningCodes(r)).not.toContain('COUNT_MISMATCH');
  });

  it('fewer recommendations than problems, in another order: paired by topic, the guess flagged', () => {
    const r = parseFixture('variations/recs-fewer-paired-by-topic.txt');
    expect(r.findings.map((f) => [f.title.slice(0, 8), f.recommendationSeq])).toEqual([
      ['培训机构资质审核', 2],
      ['培训补贴发放滞后', 1],
      ['培训后就业跟踪缺', 3],
      ['资金使用台账不健', null],
    ]);
    expect(warningCodes(r)).toEqual(expect.arrayContaining(['COUNT_MISMATCH', 'PAIRING_BY_TOPIC']));
    expect(r.findings[0].confidence.reasons.map((x) => x.code)).toContain('paired_by_topic');
    expect(r.findings[3].confidence.reasons.map((x) => x.code)).toContain('unpaired');
  });

  it('site furniture, a page footer mid-sentence, a repeated label and masked names', () => {
    const r = parseFixture('variations/noise-site-furniture-page-numbers.txt');
    expect(r.evaluation).toMatchObject({
      title: '乐平市2023年度就业见习补贴资金绩效评价结果反馈表',
      projectUnit: '乐平市****服务中心',
      evaluator: '江西****咨询有限公司',
      score: 83,
      grade: '良',
    });
    expect(r.findings[0].text).toBe(
      '见习单位审核把关不严，个别单位见习岗位与学员专业不符，见习期间管理松散。',
    );
    expect(r.recommendations.map((x) => x.text)).toEqual([
      '严格见习单位审核，加强见习期间管理。',
      '简化补贴审核流程，确保补贴按时拨付。',
    ]);
    const all = JSON.stringify(r);
    for (const furniture of ['打印', '关闭窗口', '分享到', '字号', '扫一扫', '当前位置'])
      expect(all).not.toContain(furniture);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['R优 £良 £中 £差', '优'],
    ['£优 R良 £中 £差', '良'],
    ['□优 ☑良 □中 □差', '良'],
    ['○优 ○良 √中 ○差', '中'],
    ['□优秀 □良好 □中等 ■差', '差'],
  ])('checkbox residue "%s" for the grade reads as %s', (cell, grade) => {
    const text = readFixture('variations/header-checkbox-grade.txt').replace('R优 £良 £中 £差', cell);
    const r = parseFeedbackForm(text);
    expect(r.evaluation.grade).toBe(grade);
    expect(warningCodes(r)).not.toContain('GRADE_DERIVED_FROM_SCORE');
  });

  it('traditional characters: headings, labels and grade are read, the text comes out simplified', () => {
    const r = parseFixture('variations/text-traditional-characters.txt');
    expect(r.kind).toBe('feedback_form');
    expect(r.evaluation).toMatchObject({
      title: '景德镇市2023年度旅游发展专项资金绩效评价结果反馈表',
      organizer: '景德镇市财政局',
      evaluator: '江西中信会计师事务所有限公司',
      score: 81,
      grade: '良',
    });
    expect(titles(r)).toEqual([
      '专项资金使用范围不规范，部分资金用于日常办公支出',
      '项目绩效目标设置不合理，指标难以量化',
    ]);
    expect(r.findings.map((f) => f.recommendationSeq)).toEqual([1, 2]);
    expect(warningCodes(r)).toEqual(['TRADITIONAL_CONVERTED']);
  });

  it('two reports on one page: only the first one’s problems, a warning about the second', () => {
    const r = parseFixture('variations/noise-second-report-same-page.txt');
    expect(titles(r)).toEqual(['运营补贴核定依据不充分，未与服务人次挂钩', '服务中心日常运营监管薄弱']);
    expect(warningCodes(r)).toContain('SECOND_REPORT_IGNORED');
  });
});
