import type {
  RecipientUnit,
  RecipientUser,
  ResolvedRecipient,
} from '../recipients/recipient-resolver.service';
import { PlannedNotification, planDeliveries } from './delivery-plan';

const user = (id: number, over: Partial<RecipientUser> = {}): RecipientUser => ({
  id,
  displayName: `用户${id}`,
  email: `u${id}@dept.example.cn`,
  role: 'dept_user',
  isUnitHead: false,
  ...over,
});
const unit: RecipientUnit = {
  id: 7,
  name: '市城市管理局',
  contactEmails: ['Office@Dept.example.cn', 'u1@dept.example.cn'],
  webhookUrl: 'https://hooks.example.cn/x?token=1',
};

function notification(
  event: PlannedNotification['event'],
  recipients: ResolvedRecipient[],
  key = 'rectification-e-1.4.issued',
): PlannedNotification {
  return {
    key,
    event,
    level: event === 'escalation' ? 2 : null,
    message: { title: 't', body: 'b', link: null },
    ref: {
      rectificationId: 'rectification-e-1',
      evaluationId: 'e',
      findingSeq: 1,
      unitId: 7,
      deadline: '2026-12-31',
      occurredAt: '2026-12-01T00:00:00Z',
    },
    recipients,
  };
}

describe('planning deliveries', () => {
  it('makes one delivery per recipient and channel, with deterministic keys', () => {
    const plan = planDeliveries(
      notification('issued', [
        { audience: 'unit', unit },
        { audience: 'unit_staff', user: user(1) },
        { audience: 'unit_staff', user: user(2) },
      ]),
      {
        preferences: new Map(),
        emailEnabled: true,
      },
    );
    const keys = plan.map((d) => d.deliveryKey);
    expect(keys).toHaveLength(6);
    expect(keys).toEqual(
      expect.arrayContaining([
        'rectification-e-1.4.issued.in_app.u1',
        'rectification-e-1.4.issued.email.u1',
        'rectification-e-1.4.issued.in_app.u2',
        'rectification-e-1.4.issued.email.u2',
        // office@ is mailed as a unit contact; u1@ only once, as the user it belongs to
        expect.stringMatching(/^rectification-e-1\.4\.issued\.email\.unit7-[0-9a-f]{12}$/),
        'rectification-e-1.4.issued.webhook.unit7',
      ]),
    );
    const contact = plan.find((d) => d.recipient.kind === 'unit' && d.channel === 'email');
    expect(contact?.recipient).toEqual({
      kind: 'unit',
      unitId: 7,
      name: '市城市管理局',
      email: 'office@dept.example.cn',
    });
  });

  it('reaches a person once even through several audiences', () => {
    const head = user(3, { role: 'dept_leader' });
    const plan = planDeliveries(
      notification('escalation', [
        { audience: 'unit_head', user: head },
        { audience: 'unit_staff', user: head },
      ]),
      {
        preferences: new Map(),
        emailEnabled: true,
      },
    );
    expect(plan.map((d) => `${d.channel}:${d.recipient.kind === 'user' && d.recipient.userId}`)).toEqual([
      'in_app:3',
      'email:3',
    ]);
  });

  it('follows preferences, except for escalations to leaders', () => {
    const preferences = new Map([
      [1, ['in_app' as const]],
      [3, [] as never[]],
    ]);
    const issued = planDeliveries(notification('issued', [{ audience: 'unit_staff', user: user(1) }]), {
      preferences,
      emailEnabled: true,
    });
    expect(issued.map((d) => d.channel)).toEqual(['in_app']);
    const escalation = planDeliveries(
      notification('escalation', [{ audience: 'unit_head', user: user(3, { isUnitHead: true }) }]),
      { preferences, emailEnabled: true },
    );
    expect(escalation.map((d) => d.channel)).toEqual(['in_app', 'email']);
    const toStaff = planDeliveries(notification('escalation', [{ audience: 'unit_staff', user: user(3) }]), {
      preferences,
      emailEnabled: true,
    });
    expect(toStaff).toEqual([]);
  });

  it('plans no email without SMTP and no email for a user without an address', () => {
    const plan = planDeliveries(
      notification('issued', [
        { audience: 'unit', unit },
        { audience: 'unit_staff', user: user(4, { email: null }) },
      ]),
      {
        preferences: new Map(),
        emailEnabled: false,
      },
    );
    expect(plan.map((d) => d.channel).sort()).toEqual(['in_app', 'webhook']);
  });

  it('keeps ":" out of job ids', () => {
    const [d] = planDeliveries(notification('issued', [{ audience: 'unit_staff', user: user(1) }], 'a:b:c'), {
      preferences: new Map(),
      emailEnabled: false,
    });
    expect(d.deliveryKey).toBe('a_b_c.in_app.u1');
  });
});
