import type { RectificationState } from '@rectiflow/contracts';
import { planWarnings } from './plan-warnings';

const measure = (content: string, targetDate: string) => ({ content, targetDate, targetAt: '' });

describe('plan warnings', () => {
  it('warns about each measure due after the current deadline, none otherwise', () => {
    const s = {
      deadlines: [{ date: '2027-01-31' }, { date: '2027-03-31' }],
      plans: [{ measures: [measure('修订制度', '2027-03-31'), measure('补齐台账', '2027-04-15')] }],
    } as unknown as RectificationState;
    expect(planWarnings(s)).toEqual([
      {
        code: 'MEASURE_AFTER_DEADLINE',
        message: '整改措施第 2 项「补齐台账」的完成时限 2027-04-15 晚于整改时限 2027-03-31',
      },
    ]);
    expect(planWarnings({ ...s, plans: [] } as RectificationState)).toEqual([]);
  });
});
