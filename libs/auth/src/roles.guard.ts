import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from './authenticated-request';
import { ForbiddenError, UnauthenticatedError } from './auth.errors';
import type { Role } from './role';
import { ROLES_KEY } from './roles.decorator';

/** Global guard, after JwtAuthGuard: enforces @RequiresPermission. Routes without it are open to every signed-in role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new UnauthenticatedError('missing_token', '未登录：缺少访问令牌');
    if (!roles.includes(user.role))
      throw new ForbiddenError(`无权执行此操作：需要角色 ${roles.join(' / ')}，当前角色为 ${user.role}`, {
        requiredRoles: roles,
        role: user.role,
      });
    return true;
  }
}
