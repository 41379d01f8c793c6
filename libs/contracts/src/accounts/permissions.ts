import { BUREAU_ROLES, DEPT_ROLES, READ_ALL_ROLES, type Role } from './role';

/**
 * Which roles may do what — the one table the API's route guards (@RequiresPermission), the sidebar and the
 * pages' buttons all read, so a role never sees a button the API would refuse. Which units' data a caller may
 * touch is the other rule (AccessScopeService: 404 outside one's units). The step catalog gives each
 * rectification step actForDepartment or takeBureauSteps.
 */
export const PERMISSIONS = {
  /** Lists that span every unit: units, users, the results-application rule. */
  readAcrossUnits: READ_ALL_ROLES,
  /** Create, import and edit 评价结果 drafts, and issue them (下发). */
  editEvaluations: ['bureau_admin', 'bureau_reviewer'],
  manageAccounts: ['bureau_admin'],
  readAuditLog: ['bureau_admin', 'auditor'],
  manageDeliveryFailures: ['bureau_admin'],
  readCalendar: ['bureau_admin', 'bureau_reviewer', 'auditor'],
  editCalendar: ['bureau_admin'],
  readPolicyDefaults: BUREAU_ROLES,
  editPolicyDefaults: ['bureau_admin'],
  /** 回头看: confirm that a closed item has held, or reopen it (反弹). */
  decideRecheck: ['bureau_reviewer'],
  editResultsRule: ['bureau_admin'],
  /**
   * Act for the responsible unit, within its own units (AccessScopeService.assertCanAct checks both): 签收, 整改方案,
   * 佐证材料, 提交, 延期申请, and the 回复 to a 督办文书.
   */
  actForDepartment: DEPT_ROLES,
  /** The bureau's steps (review, extension decisions…). bureau_leader and auditor read, they never act. */
  takeBureauSteps: ['bureau_reviewer', 'bureau_admin'],
  runProbe: ['bureau_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const hasPermission = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);
