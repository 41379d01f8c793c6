/** The six roles of DOMAIN.md / issue 5. Bureau roles act across all units; department roles within their own. */
export const ROLES = [
  'bureau_admin',
  'bureau_reviewer',
  'bureau_leader',
  'dept_user',
  'dept_leader',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const BUREAU_ROLES: readonly Role[] = ['bureau_admin', 'bureau_reviewer', 'bureau_leader'];
/** Roles of a department or project unit (never of the bureau). */
export const DEPT_ROLES: readonly Role[] = ['dept_user', 'dept_leader'];
/** Roles that may read every unit's items. */
export const READ_ALL_ROLES: readonly Role[] = [
  'bureau_admin',
  'bureau_reviewer',
  'bureau_leader',
  'auditor',
];
