import { parseFixture, readFixture, SEED_FIXTURE } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';

/** Text damaged by extraction: mixed punctuation widths, hard line wraps, leaked HTML. */
describe('parseFeedbackForm — text quality', () => {
  it('tolerates full-width/half-width punctuation and digits while keeping the original text', () => {
    const r = parseFixture('variations/punctuation-mixed-width.txt');
    expect(r.evaluation).toMatchObject({
      projectPeriod: '2023年1月－12月',
      score: 82.5,
      grade: '良',
      budget: 1200,
      allocated: 1200,
      spent: 1140,
      executionRate: 95,
    });
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual([
      ['维修项目储备不足', 1],
      ['工程验收不规范', 2],
      ['维修资金拨付滞后', 3],
    ]);
    expect(r.findings[0].text).toBe('维修项目储备不足;部分学校维修需求未纳入项目库.');
    expect(r.findings[1].points).toEqual([
      { label: '一是', text: '验收资料不全', details: [] },
      { label: '二是', text: '未组织使用单位参与验收。', details: [] },
    ]);
    expect(r.recommendations.map((x) => x.title)).toEqual([
      '建立校舍维修项目储备库，动态更新维修需求',
      '规范工程验收程序,完善验收资料',
      '加快维修资金拨付',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('rejoins lines broken mid-sentence (PDF-style hard wraps)', () => {
    const r = parseFixture('variations/lines-broken-mid-sentence.txt');
    expect(r.findings.map((f) => f.text)).toEqual([
      '食品安全抽检计划编制不够科学，抽检品类与本地消费结构匹配度不高，部分高风险品类抽检比例偏低。',
      '专项资金支出进度前慢后快，第四季度支出占全年支出的58%，资金使用均衡性不足。',
    ]);
    expect(r.recommendations.map((x) => x.text)).toEqual([
      '结合本地消费结构和风险监测结果科学编制抽检计划，提高高风险品类抽检比例。',
      '合理安排资金支出进度，均衡使用专项资金。',
    ]);
    expect(r.evaluation.basicInfo).toBe(
      '项目预算资金600万元，到位资金600万元，实际支出552万元，预算执行率92%。',
    );
    expect(r.evaluation).toMatchObject({ budget: 600, allocated: 600, spent: 552, executionRate: 92 });
    expect(r.warnings).toEqual([]);
  });

  it('reads a seed whose tabs became runs of spaces and whose <p> tags became <P class=…>', () => {
    const mangled = readFixture(SEED_FIXTURE)
      .replace(/<p>/g, '<P class="MsoNormal">')
      .replace(/<\/p>/g, '</P>');
    const r = parseFeedbackForm(mangled);
    expect(r.findings).toHaveLength(4);
    expect(r.recommendations).toHaveLength(4);
    expect(r.findings.every((f) => !/<|>/.test(f.text))).toBe(true);
    expect(r.evaluation.organizer).toBe('景德镇市财政局');
  });

  it.each([
    ['TABs replaced by spaces', (t: string) => t.replace(/\t/g, '    ')],
    ['TABs replaced by " | " (table copied from a rendered page)', (t: string) => t.replace(/\t/g, ' | ')],
    ['<p> tags removed, so headings and items share a line', (t: string) => t.replace(/<\/?p>/g, '')],
    ['every line break doubled', (t: string) => t.replace(/\n/g, '\n\n')],
    ['blank lines removed', (t: string) => t.replace(/\n+/g, '\n')],
  ])('reads the seed with %s', (_name, transform) => {
    const r = parseFeedbackForm(transform(readFixture(SEED_FIXTURE)));
    expect(r.evaluation).toMatchObject({
      organizer: '景德镇市财政局',
      evaluator: '江西源起思成管理咨询有限公司',
      score: 80.08,
      grade: '良',
    });
    expect(r.findings.map((f) => [f.title, f.recommendationSeq])).toEqual(
      parseFixture(SEED_FIXTURE).findings.map((f) => [f.title, f.recommendationSeq]),
    );
    expect(r.findings[2].text).toContain('市工信局未制定项目实际涉及的荣誉奖励');
    expect(r.recommendations).toHaveLength(4);
    expect(r.warnings).toEqual([]);
  });

  it('parses a whole HTML document passed as text', () => {
    const r = parseFeedbackForm(
      '<!DOCTYPE html><html><body><table><tr><td>评价分值</td><td>85</td><td>评价结论</td><td>良</td></tr></table>' +
        '<p>存在的问题</p><p>1. 制度&nbsp;不健全。</p><p>相关建议</p><p>1. 健全制度。</p></body></html>',
    );
    expect(r.evaluation.score).toBe(85);
    expect(r.findings.map((f) => f.title)).toEqual(['制度 不健全']);
    expect(r.recommendations.map((x) => x.title)).toEqual(['健全制度']);
  });

  it('does not read "5.4%" or "185.79 亿元" at a line start as item numbers', () => {
    const r = parseFeedbackForm(
      [
        '存在的问题',
        '1. 工业经济承压前行，规模以上工业增加值增长',
        '5.4%，低于年初目标。',
        '2. 项目投资进度偏慢，全年实现工业项目投资',
        '185.79 亿元，未达预期。',
      ].join('\n'),
    );
    expect(r.findings.map((f) => f.text)).toEqual([
      '工业经济承压前行，规模以上工业增加值增长5.4%，低于年初目标。',
      '项目投资进度偏慢，全年实现工业项目投资185.79 亿元，未达预期。',
    ]);
  });
});
