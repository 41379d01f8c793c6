import { DigestItem, digestSections, isEmptyDigest } from './digest-sections';

const item = (id: string, over: Partial<DigestItem>): DigestItem => ({
  id,
  unitId: 1,
  unitName: '单位',
  projectName: '项目',
  findingSeq: 1,
  findingTitle: '问题',
  status: 'in_progress',
  deadline: '2026-12-20',
  escalationLevel: 0,
  pendingExtension: false,
  link: `https://x/r/${id}`,
  ...over,
});

describe('digest sections', () => {
  const today = '2026-12-20';

  it('sorts open items into overdue, due within 7 days and awaiting the bureau', () => {
    const s = digestSections(
      [
        item('late', { deadline: '2026-12-10', escalationLevel: 1 }),
        item('today', { deadline: '2026-12-20', status: 'issued' }),
        item('week', { deadline: '2026-12-27', status: 'acknowledged' }),
        item('later', { deadline: '2026-12-28' }),
        item('review', { deadline: '2026-12-01', status: 'submitted' }),
        item('plan', { deadline: '2026-12-25', status: 'plan_submitted' }),
        item('ext', { deadline: '2026-12-15', pendingExtension: true }),
        item('ongoing', { deadline: '2026-11-01', status: 'ongoing' }),
      ],
      today,
    );
    const ids = (lines: { link: string }[]) => lines.map((l) => l.link.split('/').pop());
    expect(ids(s.overdue.items)).toEqual(['late', 'ext']);
    expect(s.overdue.items.map((l) => l.note)).toEqual(['已逾期 10 天，已发提醒函', '已逾期 5 天']);
    expect(ids(s.dueSoon.items)).toEqual(['today', 'plan', 'week']);
    expect(s.dueSoon.items.map((l) => l.note)).toEqual(['今日到期', '还有 5 天到期', '还有 7 天到期']);
    expect(ids(s.awaiting.items)).toEqual(['review', 'ext', 'plan']);
    expect(s.awaiting.items.map((l) => l.note)).toEqual(['待认定', '延期申请待审批', '方案待审']);
  });

  it('lists higher-ranked items first (a bureau’s own units before unfiled ones)', () => {
    const s = digestSections(
      [item('unfiled', { deadline: '2026-12-01', unitId: 9 }), item('own', { deadline: '2026-12-10' })],
      today,
      (i) => (i.unitId === 9 ? 1 : 0),
    );
    expect(s.overdue.items.map((l) => l.link.split('/').pop())).toEqual(['own', 'unfiled']);
  });

  it('counts everything but lists at most 30 per section', () => {
    const many = Array.from({ length: 35 }, (_, i) =>
      item(`r${String(i).padStart(2, '0')}`, { deadline: '2026-12-01' }),
    );
    const s = digestSections(many, today);
    expect(s.overdue).toMatchObject({ count: 35, more: 5 });
    expect(s.overdue.items).toHaveLength(30);
  });

  it('is empty when nothing needs attention', () => {
    expect(isEmptyDigest(digestSections([item('far', { deadline: '2027-06-01' })], today))).toBe(true);
  });
});
