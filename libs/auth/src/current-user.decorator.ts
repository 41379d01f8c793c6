import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';
import type { AuthUser } from './auth-user';
import { UnauthenticatedError } from './auth.errors';

/**
 * The caller, as loaded by the JWT guard (fresh from the database on each request, so a role or unit change
 * applies at once). On a @Public() route there is no caller, and asking for one is a 401.
 */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new UnauthenticatedError('missing_token', '未登录：缺少访问令牌');
  return user;
});
