import { fieldChanges } from './field-changes';

describe('fieldChanges', () => {
  it('lists only the fields the patch really changes', () => {
    const before = {
      name: 'a',
      role: 'dept_user',
      email: null as string | null,
      emails: ['x@y.cn'],
      active: true,
    };
    expect(
      fieldChanges(before, {
        name: 'a',
        role: 'dept_leader',
        email: 'e@f.cn',
        emails: ['x@y.cn'],
        active: undefined,
      }),
    ).toEqual({ role: { from: 'dept_user', to: 'dept_leader' }, email: { from: null, to: 'e@f.cn' } });
    expect(fieldChanges(before, {})).toEqual({});
    expect(fieldChanges(before, { email: null })).toEqual({});
    expect(fieldChanges(before, { emails: [] })).toEqual({ emails: { from: ['x@y.cn'], to: [] } });
  });
});
