import { DEFAULT_RESULTS_RULE, resultsRuleProblem, suggestTreatment, TreatmentFacts } from './results-rule';

const facts = (over: Partial<TreatmentFacts> & { overdueAt4?: number }): TreatmentFacts => ({
  grades: ['优'],
  due: 3,
  closed: 3,
  notRectified: 0,
  overdueAtRung: (level) => (level <= 4 ? (over.overdueAt4 ?? 0) : 0),
  ...over,
});

describe('结果应用 rule', () => {
  it('applies the defaults: 优/良 all closed, 中, 未整改, overdue at 通报, 差', () => {
    expect(suggestTreatment(DEFAULT_RESULTS_RULE, facts({ grades: ['优', '良'] }))).toEqual({
      treatment: '优先保障',
      reasons: ['评价等级均为「优」、「良」', '3个问题全部销号'],
    });
    expect(suggestTreatment(DEFAULT_RESULTS_RULE, facts({ closed: 2 }))).toEqual({
      treatment: '正常安排',
      reasons: ['尚有1个问题未销号'],
    });
    expect(suggestTreatment(DEFAULT_RESULTS_RULE, facts({ grades: ['良', '中'] })).treatment).toBe(
      '从严审核/调减',
    );
    expect(suggestTreatment(DEFAULT_RESULTS_RULE, facts({ notRectified: 1, closed: 2 })).reasons).toEqual([
      '1个问题认定为未整改',
    ]);
    expect(suggestTreatment(DEFAULT_RESULTS_RULE, facts({ overdueAt4: 2, closed: 1 })).reasons).toEqual([
      '2个问题逾期且已升级至通报及以上',
    ]);
    expect(suggestTreatment(DEFAULT_RESULTS_RULE, facts({ grades: ['中', '差'] }))).toEqual({
      treatment: '调减或取消',
      reasons: ['评价等级为「差」'],
    });
    expect(suggestTreatment(DEFAULT_RESULTS_RULE, facts({ grades: [] })).reasons).toEqual([
      '本年度无已评定等级的评价',
    ]);
  });

  it('accepts the defaults and refuses bad rules with a Chinese reason', () => {
    expect(resultsRuleProblem(DEFAULT_RESULTS_RULE)).toBeNull();
    const bad = (patch: Record<string, unknown>) => resultsRuleProblem({ ...DEFAULT_RESULTS_RULE, ...patch });
    expect(bad({ reduce: { label: '调减', grades: ['差', '中'] } })).toBe(
      '评价等级「中」同时出现在调减或取消规则和从严审核规则中',
    );
    expect(bad({ priority: { label: '优先', grades: ['甲'], requireAllClosed: true } })).toContain(
      '「甲」无效',
    );
    expect(bad({ strict: { ...DEFAULT_RESULTS_RULE.strict, overdueFromRung: 5 } })).toContain('逾期督办级别');
    expect(bad({ normal: { label: '' } })).toContain('1至20个字');
    expect(bad({ normal: { label: '正常', extra: 1 } })).toContain('未知字段「extra」');
    expect(bad({ other: {} })).toContain('未知部分「other」');
    expect(resultsRuleProblem({ reduce: DEFAULT_RESULTS_RULE.reduce })).toBe('缺少从严审核规则');
  });
});
