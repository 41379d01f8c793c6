import { summarize } from './report-summary';

describe('summarize', () => {
  it('counts as the ledger filters do: overdue only among open items, cancelled out of the rate', () => {
    const s = summarize([
      { status: 'closed', overdue: true, extensionCount: 1 },
      { status: 'closed', overdue: false, extensionCount: 0 },
      { status: 'in_progress', overdue: true, extensionCount: 2 },
      { status: 'ongoing', overdue: false, extensionCount: 0 },
      { status: 'cancelled', overdue: true, extensionCount: 0 },
    ]);
    expect(s).toEqual({
      total: 5,
      closed: 2,
      ongoing: 2,
      overdue: 1,
      cancelled: 1,
      completionRate: 50,
      extensions: 3,
    });
  });

  it('has no completion rate when nothing is to be rectified', () => {
    expect(summarize([{ status: 'cancelled', overdue: false, extensionCount: 0 }]).completionRate).toBeNull();
  });
});
