import { NOTIFICATION_EVENTS } from '@rectiflow/contracts';
import { ALL_TEMPLATES, KIND_LABELS, NOTIFICATION_KINDS, routeOf } from './notification-catalog';

describe('notification catalog', () => {
  it('routes every workflow event to a template and someone to tell', () => {
    for (const event of NOTIFICATION_EVENTS.filter((e) => e !== 'escalation')) {
      const route = routeOf(event);
      expect(ALL_TEMPLATES).toContain(route.template);
      expect(route.audiences.length).toBeGreaterThan(0);
    }
    for (const kind of NOTIFICATION_KINDS) expect(KIND_LABELS[kind]).toBeTruthy();
  });

  it('climbs the escalation ladder in who is told', () => {
    expect([1, 2, 3, 4].map((l) => routeOf('escalation', l as 1 | 2 | 3 | 4).audiences)).toEqual([
      ['unit', 'unit_staff', 'issuer'],
      ['unit', 'unit_staff', 'issuer', 'unit_head'],
      ['unit', 'unit_staff', 'issuer', 'unit_head', 'bureau_leaders'],
      ['unit', 'unit_staff', 'issuer', 'unit_head', 'bureau_leaders', 'parent_unit_users', 'bureau'],
    ]);
    expect(() => routeOf('escalation')).toThrow('level');
  });

  it('lets the item policy name the audiences of a rung, ignoring unknown names', () => {
    expect(routeOf('escalation', 2, ['unit', 'bureau_leaders']).audiences).toEqual([
      'unit',
      'bureau_leaders',
    ]);
    expect(routeOf('escalation', 2, ['unit', 'everyone']).audiences).toContain('unit_head');
    expect(routeOf('escalation', 2, []).audiences).toContain('unit_head');
  });

  it('sends what the bureau must act on to its reviewers', () => {
    for (const e of ['plan_submitted', 'submitted', 'extension_requested'] as const)
      expect(routeOf(e).audiences).toEqual(['bureau_reviewers']);
  });
});
