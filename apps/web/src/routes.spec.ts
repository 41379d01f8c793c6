import { buildIssueBody } from '../public/assets/issue-body.js';
import { href, matchRoute, rectificationHref } from '../public/assets/routes.js';

const EVAL = '98710fed-487a-4d5d-b23f-bb01a7b293b4';

describe('hash routes', () => {
  it('matches every page and keeps the query', () => {
    expect(matchRoute('')).toMatchObject({ name: 'evaluations' });
    expect(matchRoute('#/login')).toMatchObject({ name: 'login' });
    expect(matchRoute('#/evaluations/import')).toMatchObject({ name: 'import' });
    expect(matchRoute(`#/evaluations/${EVAL}`)).toMatchObject({ name: 'evaluation', id: EVAL });
    expect(matchRoute(`#/evaluations/${EVAL}/issue`)).toMatchObject({ name: 'issue', id: EVAL });
    expect(matchRoute('#/notifications/')).toMatchObject({ name: 'notifications' });
    const ledger = matchRoute('#/ledger?status=issued&status=closed');
    expect(ledger.name).toBe('ledger');
    expect(ledger.query.getAll('status')).toEqual(['issued', 'closed']);
    expect(matchRoute('#/evaluations/not-a-uuid').name).toBe('not_found');
    expect(matchRoute('#/admin').name).toBe('not_found');
  });

  it('round-trips a rectification id through a link', () => {
    const id = `rectification-${EVAL}-3`;
    expect(rectificationHref(id)).toBe(`#/rectifications/${id}`);
    expect(matchRoute(rectificationHref(id))).toMatchObject({ name: 'rectification', id });
    expect(matchRoute('#/rectifications/%E0%A4%A').name).toBe('not_found');
    expect(href('/ledger', { evaluationId: EVAL, overdue: 'true' })).toBe(
      `#/ledger?evaluationId=${EVAL}&overdue=true`,
    );
  });
});

describe('the 下发 request body', () => {
  it('sends only what the form set: default rule by type, overrides only for changed rows', () => {
    expect(
      buildIssueBody({
        deliveryDate: '2026-12-01',
        unitId: '7',
        type: 'deadline',
        ruleKind: '',
        requirePlanApproval: true,
        overrides: [
          { seq: 1, unitId: '', type: '', ruleKind: '' },
          { seq: 2, unitId: '', type: '', ruleKind: 'date', ruleDate: '2027-03-31' },
          { seq: 4, unitId: '9', type: 'continuous', ruleKind: 'working_days', ruleDays: '20' },
        ],
      }),
    ).toEqual({
      deliveryDate: '2026-12-01',
      unitId: 7,
      type: 'deadline',
      overrides: [
        { seq: 2, deadlineRule: { kind: 'date', date: '2027-03-31' } },
        { seq: 4, unitId: 9, type: 'continuous', deadlineRule: { kind: 'working_days', days: 20 } },
      ],
      policy: { requirePlanApproval: true },
    });
    expect(
      buildIssueBody({ deliveryDate: '2026-12-01', unitId: '7', ruleKind: 'calendar_days', ruleDays: '90' }),
    ).toEqual({ deliveryDate: '2026-12-01', unitId: 7, deadlineRule: { kind: 'calendar_days', days: 90 } });
  });
});
