import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from './auth.errors';
import type { AuthUser } from './auth-user';
import { hasPermission, PERMISSIONS, ROLES, type Role } from './role';
import { RequiresPermission } from './roles.decorator';
import { RolesGuard } from './roles.guard';

@RequiresPermission('readAcrossUnits')
class CalendarLikeController {
  @RequiresPermission('editCalendar')
  edit(): void {}

  read(): void {}
}

function httpContext(handler: () => void, role: Role): ExecutionContext {
  const user: AuthUser = { id: 1, username: 'u', displayName: '用户', role, unitId: 1 };
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => CalendarLikeController,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

describe('RequiresPermission + RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());
  const proto = CalendarLikeController.prototype;

  it.each(ROLES)('lets %s through exactly when PERMISSIONS grants the handler’s permission', (role) => {
    const allowed = hasPermission(role, 'editCalendar');
    const attempt = () => guard.canActivate(httpContext(proto.edit, role));
    if (allowed) expect(attempt()).toBe(true);
    else expect(attempt).toThrow(ForbiddenError);
  });

  it('falls back to the controller’s permission and names the required roles in the refusal', () => {
    expect(guard.canActivate(httpContext(proto.read, 'auditor'))).toBe(true);
    try {
      guard.canActivate(httpContext(proto.read, 'dept_user'));
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ForbiddenError);
      expect((e as ForbiddenError).details).toEqual({
        requiredRoles: PERMISSIONS.readAcrossUnits,
        role: 'dept_user',
      });
      expect((e as Error).message).toContain('无权执行此操作');
    }
  });
});

describe('PERMISSIONS', () => {
  it('grants every permission to at least one known role, and nothing to unknown ones', () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect({ permission, granted: roles.length > 0 }).toEqual({ permission, granted: true });
      for (const r of roles) expect(ROLES).toContain(r);
    }
  });

  it('keeps the department’s and the bureau’s steps apart, and read-only roles out of both', () => {
    for (const r of PERMISSIONS.actForDepartment) expect(PERMISSIONS.takeBureauSteps).not.toContain(r);
    for (const reader of ['bureau_leader', 'auditor'] as const) {
      expect(hasPermission(reader, 'takeBureauSteps')).toBe(false);
      expect(hasPermission(reader, 'actForDepartment')).toBe(false);
    }
  });
});
