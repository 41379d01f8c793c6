import { BUREAU_ROLES, DEPT_ROLES, type Role, type UnitKind } from '@rectiflow/auth';

/**
 * Why an account of `role` cannot belong to a unit of `kind`, or null. Bureau roles see every unit, so placing
 * one in a department by mistake would leak everything; department roles in the bureau would act for it.
 * Auditors may sit anywhere (e.g. an external audit office set up as its own unit).
 */
export function roleUnitProblem(role: Role, kind: UnitKind): string | null {
  if (BUREAU_ROLES.includes(role) && kind !== 'bureau') return `角色 ${role} 只能属于财政局类单位 (bureau)`;
  if (DEPT_ROLES.includes(role) && kind === 'bureau') return `角色 ${role} 只能属于主管部门或项目单位`;
  return null;
}
