import { executionRateDiscrepancy, findBudgetFigures } from './budget-figures.parser';

describe('budget figures', () => {
  it('reads the seed sentence', () => {
    expect(
      findBudgetFigures(
        '2023年工业发展专项资金项目预算2900万元，2023年申请到位1717万元。2023年实际支出1659万元，预算资金执行率96.62%。',
      ),
    ).toEqual({ budget: 2900, allocated: 1717, spent: 1659, executionRate: 96.62 });
  });

  it('converts 元 and 亿元 to 万元 and accepts thousands separators', () => {
    expect(findBudgetFigures('年初预算1.2亿元，下达资金9,500,000元，累计支出800万元，执行率84.21%')).toEqual({
      budget: 12000,
      allocated: 950,
      spent: 800,
      executionRate: 84.21,
    });
  });

  it('accepts a rate that matches spent/allocated or spent/budget, and reports the expected rate otherwise', () => {
    expect(
      executionRateDiscrepancy({ budget: 2900, allocated: 1717, spent: 1659, executionRate: 96.62 }),
    ).toBeNull();
    expect(
      executionRateDiscrepancy({ budget: 2900, allocated: 1717, spent: 1659, executionRate: 57.21 }),
    ).toBeNull();
    expect(
      executionRateDiscrepancy({ budget: 2900, allocated: 1717, spent: 1659, executionRate: 96.7 }),
    ).toBe(96.62);
    expect(
      executionRateDiscrepancy({ budget: null, allocated: null, spent: 1659, executionRate: 96.7 }),
    ).toBeNull();
  });
});
