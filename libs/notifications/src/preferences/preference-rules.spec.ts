import { effectiveChannels, isLeader, preferenceProblem } from './preference-rules';

describe('preference rules', () => {
  const staff = { role: 'dept_user' as const, isUnitHead: false };
  const head = { role: 'dept_user' as const, isUnitHead: true };
  const leader = { role: 'bureau_leader' as const, isUnitHead: false };

  it('knows who leaders are', () => {
    expect([staff, head, leader, { role: 'dept_leader' as const, isUnitHead: false }].map(isLeader)).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('lets anyone choose channels for ordinary events, and staff even for escalations', () => {
    expect(preferenceProblem(leader, 'issued', [])).toBeNull();
    expect(preferenceProblem(staff, 'escalation', ['in_app'])).toBeNull();
  });

  it('refuses switching off escalations for leaders and unit heads, saying why', () => {
    expect(preferenceProblem(leader, 'escalation', ['in_app'])).toContain('不能关闭');
    expect(preferenceProblem(head, 'escalation', [])).toContain('不能关闭');
    expect(preferenceProblem(head, 'escalation', ['email', 'in_app'])).toBeNull();
  });

  it('refuses unknown channels (webhooks belong to units)', () => {
    expect(preferenceProblem(staff, 'issued', ['webhook'])).toContain('不支持的通知渠道');
  });

  it('defaults to every personal channel', () => {
    expect(effectiveChannels(undefined)).toEqual(['in_app', 'email']);
    expect(effectiveChannels(['email'])).toEqual(['email']);
    expect(effectiveChannels([])).toEqual([]);
  });
});
