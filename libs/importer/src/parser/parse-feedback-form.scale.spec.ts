import { warningCodes } from '../testing/fixtures.testing';
import { parseFeedbackForm } from './parse-feedback-form';

const HEADER = [
  '某市2023年度专项资金绩效评价结果反馈表',
  '评价组织机构\t某市财政局\t项目主管部门\t某市农业农村局',
  '评价分值\t82\t评价结论\t良',
].join('\n');

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 15 → 十五, 101 → 一百零一, 120 → 一百二十 (as documents write them). */
function chinese(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const belowHundred = (m: number, inHundreds: boolean): string => {
    if (m === 0) return '';
    if (m < 10) return (inHundreds ? '零' : '') + CN_DIGITS[m];
    const tens = Math.floor(m / 10);
    const units = m % 10;
    return `${tens === 1 && !inHundreds ? '' : CN_DIGITS[tens]}十${units ? CN_DIGITS[units] : ''}`;
  };
  return hundreds > 0 ? `${CN_DIGITS[hundreds]}百${belowHundred(rest, true)}` : belowHundred(rest, false);
}

function form(count: number, marker: (i: number) => string): string {
  const problems = Array.from(
    { length: count },
    (_, k) => `${marker(k + 1)}第${k + 1}号站点资金拨付不及时，影响工程进度。`,
  );
  const recs = Array.from({ length: count }, (_, k) => `${marker(k + 1)}加快第${k + 1}号站点资金拨付。`);
  return `${HEADER}\n一、存在的问题\n${problems.join('\n')}\n二、相关建议\n${recs.join('\n')}\n`;
}

/** Issue 14: no silent cap at 99 numbered findings. */
describe('parseFeedbackForm — any count of numbered findings', () => {
  it.each([
    ['1. … 500.', 500, (i: number) => `${i}. `],
    ['1、… 120、', 120, (i: number) => `${i}、`],
    ['（一）…（一百二十）', 120, (i: number) => `（${chinese(i)}）`],
  ])('reads %s as %i findings, each paired with its own recommendation', (_name, count, marker) => {
    const r = parseFeedbackForm(form(count, marker));
    expect(r.findings).toHaveLength(count);
    expect(r.recommendations).toHaveLength(count);
    r.findings.forEach((f, i) => {
      expect(f.title).toBe(`第${i + 1}号站点资金拨付不及时，影响工程进度`);
      expect(f.recommendationSeq).toBe(i + 1);
    });
    expect(warningCodes(r).filter((c) => c !== 'MISSING_HEADER_FIELD')).toEqual([]);
  });

  it('（一百零一） and 一百一十 parse as the numbers they are', () => {
    const r = parseFeedbackForm(form(112, (i) => `（${chinese(i)}）`));
    expect(r.findings[100].title).toBe('第101号站点资金拨付不及时，影响工程进度');
    expect(r.findings[111].title).toBe('第112号站点资金拨付不及时，影响工程进度');
  });

  it('warns when numbering jumps too far to be a typo, and when a finding is implausibly long', () => {
    const long = '项目资金管理存在薄弱环节，部分资金使用不规范。'.repeat(200);
    const text = `${HEADER}\n一、存在的问题\n1. 资金拨付不及时。\n2. ${long}\n9. 台账记录不完整。\n二、相关建议\n1. 加快拨付。\n2. 规范管理。\n`;
    const r = parseFeedbackForm(text);
    expect(r.findings).toHaveLength(2);
    expect(warningCodes(r)).toEqual(expect.arrayContaining(['NUMBERING_JUMP', 'FINDING_TOO_LONG']));
    expect(r.findings[1].confidence.reasons.map((x) => x.code)).toContain('too_long');
    expect(r.warnings.find((w) => w.code === 'FINDING_TOO_LONG')!.message).toContain('第 2 个问题');
  });
});
