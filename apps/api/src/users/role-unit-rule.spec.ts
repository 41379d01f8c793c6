import { ROLES } from '@rectiflow/auth';
import { roleUnitProblem } from './role-unit-rule';

describe('which roles belong in which kind of unit', () => {
  it.each([
    ['bureau_admin', 'bureau', true],
    ['bureau_reviewer', 'bureau', true],
    ['bureau_leader', 'bureau', true],
    ['bureau_admin', 'department', false],
    ['bureau_reviewer', 'project_unit', false],
    ['dept_user', 'department', true],
    ['dept_user', 'project_unit', true],
    ['dept_leader', 'department', true],
    ['dept_user', 'bureau', false],
    ['dept_leader', 'bureau', false],
    ['auditor', 'bureau', true],
    ['auditor', 'department', true],
  ] as const)('%s in a %s: %s', (role, kind, ok) => {
    expect(roleUnitProblem(role, kind) === null).toBe(ok);
  });

  it('covers every role', () => {
    for (const role of ROLES) expect(() => roleUnitProblem(role, 'bureau')).not.toThrow();
  });
});
