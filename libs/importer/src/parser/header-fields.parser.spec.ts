import {
  cleanHeaderValue,
  findGradeInProse,
  findHeaderLabels,
  labelOnlyField,
  parseGrade,
  parseInlineHeader,
  parseScore,
} from './header-fields.parser';

describe('header fields', () => {
  it('reads several "label：value" pairs from one line', () => {
    expect(parseInlineHeader('评价机构：某某会计师事务所  评价时间：2024年6月-7月')).toEqual([
      { field: 'evaluator', value: '：某某会计师事务所  ' },
      { field: 'evaluationPeriod', value: '：2024年6月-7月' },
    ]);
  });

  it('recognises a label cell, longest alias first', () => {
    expect(labelOnlyField('评价组织机构')).toBe('organizer');
    expect(labelOnlyField('项目单位名称：')).toBe('projectUnit');
    expect(labelOnlyField('评价机构（盖章）')).toBeNull();
  });

  it('ignores labels inside prose and titles', () => {
    expect(findHeaderLabels('由第三方评价机构开展评价')).toEqual([]);
    expect(findHeaderLabels('评价结果反馈表')).toEqual([]);
  });

  it('parses scores and grades as written', () => {
    expect(parseScore('80.08')).toBe(80.08);
    expect(parseScore('８５．５分')).toBe(85.5);
    expect(parseScore('良')).toBeNull();
    expect(parseGrade('良好')).toBe('良');
    expect(parseGrade('“优秀”')).toBe('优');
    expect(parseGrade('综合评价等级为中')).toBe('中');
    expect(parseGrade('合格')).toBeNull();
    expect(findGradeInProse('评价等级为“差”。')).toBe('差');
  });

  it('treats placeholders as missing', () => {
    expect(cleanHeaderValue('  ——  ')).toBeNull();
    expect(cleanHeaderValue('无')).toBeNull();
    expect(cleanHeaderValue('：景德镇市财政局，')).toBe('景德镇市财政局');
  });
});
