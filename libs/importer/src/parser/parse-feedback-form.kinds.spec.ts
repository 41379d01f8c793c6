import { parseFixture, warningCodes } from '../testing/fixtures.testing';

const titles = (r: ReturnType<typeof parseFixture>) => r.findings.map((f) => f.title);

/** Every kind of document a bureau receives, read as a careful reader would. */
describe('parseFeedbackForm — document kinds', () => {
  it('a 第三方 full evaluation report: score and grade from the 评价结论 section, (一)(二) problems', () => {
    const r = parseFixture('variations/kind-evaluation-report-third-party.txt');
    expect(r.kind).toBe('evaluation_report');
    expect(r.evaluation).toMatchObject({
      title: '乐平市2023年度农村饮水安全巩固提升工程资金绩效评价报告',
      organizer: '乐平市财政局',
      evaluator: '江西恒信工程咨询有限公司',
      score: 86.5,
      grade: '良',
      documentDate: '2024-07-15',
      budget: 1200,
      spent: 1035,
    });
    expect(titles(r)).toEqual([
      '项目前期论证不充分，部分工程选址变更频繁',
      '资金拨付进度滞后',
      '工程建成后管护机制不健全',
    ]);
    expect(r.findings.map((f) => f.recommendationSeq)).toEqual([1, 2, 3]);
    expect(warningCodes(r).filter((c) => c !== 'MISSING_HEADER_FIELD')).toEqual([]);
  });

  it('a 部门整体支出 self-evaluation report: 自评得分, grade derived, the unit is its own evaluator', () => {
    const r = parseFixture('variations/kind-self-evaluation-dept-report.txt');
    expect(r.kind).toBe('self_evaluation');
    expect(r.evaluation).toMatchObject({
      title: '浮梁县农业农村局2023年度部门整体支出绩效自评报告',
      score: 90,
      grade: '优',
      evaluator: '浮梁县农业农村局',
      documentDate: '2024-03-20',
    });
    // 一是…；二是…；三是…等。 inside one sentence; "其他需要说明的问题 暂无" is no problem
    expect(titles(r)).toEqual([
      '部分项目绩效目标设置不够细化，量化指标偏少',
      '预算执行进度前紧后松，第四季度支出占比偏高',
      '绩效运行监控流于形式，未能及时纠偏等',
    ]);
    expect(r.recommendations).toHaveLength(3);
    expect(warningCodes(r)).toEqual(['GRADE_DERIVED_FROM_SCORE', 'EVALUATOR_IS_SELF']);
  });

  it('a 项目支出绩效自评表: score from the 合计 row, 较好 mapped to 良, "运转正常，暂无问题" is zero problems', () => {
    const r = parseFixture('variations/kind-self-evaluation-table.txt');
    expect(r.kind).toBe('self_evaluation');
    expect(r.evaluation).toMatchObject({
      title: '项目支出绩效自评表',
      projectName: '乡村学校少年宫运转经费',
      supervisingDepartment: '乐平市教育体育局',
      projectUnit: '乐平市第三中学',
      evaluator: '乐平市第三中学',
      score: 92.5,
      grade: '良',
    });
    expect(r.findings).toEqual([]);
    expect(warningCodes(r)).toEqual([
      'SCORE_FROM_TOTAL_ROW',
      'EVALUATOR_IS_SELF',
      'GRADE_WORD_MAPPED',
      'NO_PROBLEMS_DECLARED',
    ]);
  });

  it('an 审计整改 report headed 问题一：… — the 整改情况 / 整改措施 / 下一步 lines are body, not findings', () => {
    const r = parseFixture('variations/kind-audit-rectification-labels.txt');
    expect(r.kind).toBe('audit_report');
    expect(titles(r)).toEqual([
      '部分专项资金未及时拨付，滞留财政账户1260万元',
      '政府采购预算编制不完整，部分项目未编入采购预算',
      '国有资产管理不规范，部分资产账实不符',
    ]);
    expect(r.findings[0].text).toContain('整改情况：已于2023年9月拨付到位1180万元');
    // "二、下一步工作打算" and the signature end the last problem
    expect(r.findings[2].text).not.toContain('长效机制');
    expect(r.evaluation).toMatchObject({
      title: '关于2022年度市本级预算执行审计发现问题整改情况的报告',
      projectUnit: '乐平市财政局',
      documentDate: '2023-10-30',
    });
    expect(r.findings.every((f) => f.confidence.reasons[0].code === 'audit_heading')).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('an audit report headed （一）关于“…”的问题 with nested 1.整改措施 2.整改情况', () => {
    const r = parseFixture('variations/kind-audit-rectification-guanyu.txt');
    expect(r.kind).toBe('audit_report');
    expect(titles(r)).toEqual(['工程项目未按规定办理竣工决算', '住房保障资金闲置', '公务用车管理不规范']);
    expect(r.findings[1].text).toContain('3.下一步打算');
    expect(r.warnings).toEqual([]);
  });

  it('an audit report headed 1.…问题的整改情况: the title is the problem, without 的整改情况', () => {
    const r = parseFixture('variations/kind-audit-rectification-arabic.txt');
    expect(r.kind).toBe('audit_report');
    expect(titles(r)).toEqual(['学生资助资金发放不及时', '食堂财务管理不规范', '部分学校固定资产未入账']);
    expect(r.findings.map((f) => f.title).join()).not.toMatch(/整改/);
  });

  it('a 事前绩效评估 review letter: header, 文号, date, deadline; problems in the attachment → 0 findings + warning', () => {
    const r = parseFixture('variations/kind-review-letter-attachment.txt');
    expect(r.kind).toBe('review_letter');
    expect(r.evaluation).toMatchObject({
      title: '乐平市财政局关于反馈2023年新建项目事前绩效评估审核意见的函',
      organizer: '乐平市财政局',
      supervisingDepartment: '市交通运输局',
      documentNumber: '乐财绩函〔2023〕5号',
      documentDate: '2023-01-18',
      rectificationDeadline: '2023-02-18',
    });
    expect(r.findings).toEqual([]);
    expect(warningCodes(r)).toEqual(['PROBLEMS_IN_ATTACHMENT']);
    expect(r.warnings[0].message).toMatch(/附件/);
  });

  it('a cover letter signed with a Chinese-numeral date, score and grade in its prose', () => {
    const r = parseFixture('variations/kind-review-letter-cn-date.txt');
    expect(r.kind).toBe('review_letter');
    expect(r.evaluation).toMatchObject({
      organizer: '珠山区财政局',
      supervisingDepartment: '区民政局',
      documentNumber: '珠财绩〔2023〕18号',
      documentDate: '2023-08-25',
      rectificationDeadline: '2023-09-30',
      score: 78.5,
      grade: '中',
    });
    expect(r.findings).toEqual([]);
    expect(warningCodes(r)).toEqual(['PROBLEMS_IN_ATTACHMENT']);
  });

  it.each([
    ['pipes', 'variations/kind-results-table-pipes.txt', 4],
    ['tabs', 'variations/kind-results-table-tabs.txt', 3],
    ['one cell per line', 'variations/kind-results-table-cells.txt', 3],
  ])(
    'a 结果公示 table as %s: kind results_table with its row count, never rows as problems',
    (_n, file, rows) => {
      const r = parseFixture(file);
      expect(r.kind).toBe('results_table');
      expect(r.resultsTableRows).toBe(rows);
      expect(r.findings).toEqual([]);
      expect(r.evaluation.score).toBeNull();
      expect(r.evaluation.projectUnit).toBeNull();
      expect(warningCodes(r)).toEqual(['RESULTS_TABLE']);
    },
  );

  it('zero-problem documents: "运转正常，暂无问题" and "未发现问题" import with 0 findings and a warning', () => {
    const form = parseFixture('variations/problems-none-weifaxian.txt');
    expect(form.kind).toBe('feedback_form');
    expect(form.findings).toEqual([]);
    expect(warningCodes(form)).toContain('NO_PROBLEMS_DECLARED');
    expect(warningCodes(form)).not.toContain('NO_PROBLEMS_SECTION');
    const self = parseFixture('variations/problems-none-not-found.txt');
    expect(self.kind).toBe('self_evaluation');
    expect(self.evaluation).toMatchObject({ score: 95, grade: '优' });
    expect(self.findings).toEqual([]);
    expect(warningCodes(self)).toEqual(['NO_PROBLEMS_DECLARED']);
  });
});
