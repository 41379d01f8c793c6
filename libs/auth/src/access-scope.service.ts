import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@rectiflow/common';
import type { AuthUser } from './auth-user';
import { ForbiddenError } from './auth.errors';
import { hasPermission, PERMISSIONS, READ_ALL_ROLES } from './role';
import { unitSubtreeIds } from './unit-subtree.query';
import type { UnitScope } from './unit-scope.query';

/**
 * The unit-scoping rule — the core security rule of the API. Every route that returns or changes an item that
 * belongs to a unit must pass through here:
 *
 *  - bureau_admin, bureau_reviewer, bureau_leader, auditor see every unit;
 *  - dept_user sees its own unit only;
 *  - dept_leader sees its unit and every unit below it (its project units);
 *  - anything else sees nothing (fail closed).
 *
 * Outside one's scope an item does not exist: use assertCanSeeUnit, which answers 404 (never 403), so that a
 * department cannot even learn that another unit's item id is taken. The tree is read from the database on each
 * call (one small recursive query, dept_leader only), so a reparented unit applies at once.
 */
@Injectable()
export class AccessScopeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 'all' or the exact unit ids the user may see. Combine with restrictToUnits() for list queries. */
  async visibleUnitIds(user: AuthUser): Promise<UnitScope> {
    if (READ_ALL_ROLES.includes(user.role)) return 'all';
    if (user.role === 'dept_user') return [user.unitId];
    if (user.role === 'dept_leader') return unitSubtreeIds(this.dataSource.manager, user.unitId);
    return [];
  }

  async canSeeUnit(user: AuthUser, unitId: number | null | undefined): Promise<boolean> {
    const scope = await this.visibleUnitIds(user);
    if (scope === 'all') return true;
    return unitId !== null && unitId !== undefined && scope.includes(unitId);
  }

  /**
   * Throws NotFoundError(what) — 404 "<what>不存在" — when the unit is outside the user's scope. Call it with the
   * unit that owns the item, before reading anything else about the item, e.g.
   * `await scope.assertCanSeeUnit(user, rectification.unitId, '整改事项')`.
   */
  async assertCanSeeUnit(user: AuthUser, unitId: number | null | undefined, what: string): Promise<void> {
    if (!(await this.canSeeUnit(user, unitId))) throw new NotFoundError(what);
  }

  /**
   * May the user act for the department (PERMISSIONS.actForDepartment: its steps, a 督办文书's 回复) for an item of
   * this unit? True only for those roles within their scope. Bureau roles see everything but never act as the
   * department: their own steps (issue, review, decide) are guarded by @RequiresPermission or the
   * step catalog instead.
   */
  async canAct(user: AuthUser, unitId: number | null | undefined): Promise<boolean> {
    if (!hasPermission(user.role, 'actForDepartment')) return false;
    return this.canSeeUnit(user, unitId);
  }

  /**
   * canAct as an assertion: 404 when the unit is outside the user's scope (existence is not revealed), 403 when
   * the user sees the item but its role does not act for departments.
   */
  async assertCanAct(user: AuthUser, unitId: number | null | undefined, what: string): Promise<void> {
    await this.assertCanSeeUnit(user, unitId, what);
    const roles = PERMISSIONS.actForDepartment;
    if (!hasPermission(user.role, 'actForDepartment'))
      throw new ForbiddenError(`无权执行此操作：仅责任单位（${roles.join(' / ')}）可办理`, {
        requiredRoles: roles,
        role: user.role,
      });
  }
}
