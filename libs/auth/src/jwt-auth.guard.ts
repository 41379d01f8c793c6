import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppUserEntity } from '@rectiflow/persistence';
import { AccessTokenService } from './access-token.service';
import type { AuthenticatedRequest } from './authenticated-request';
import { UnauthenticatedError } from './auth.errors';
import { IS_PUBLIC_KEY } from './public.decorator';
import { SessionLivenessService } from './session-liveness.service';

/**
 * Global guard: every HTTP route needs `Authorization: Bearer <access token>` unless marked @Public().
 * The account is reloaded on each request (one primary-key read) so that deactivation, a role change or a move
 * to another unit takes effect immediately rather than when the token expires; so does the end of the login
 * session the token belongs to (logout, refresh-token reuse, password change).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    @InjectRepository(AppUserEntity) private readonly users: Repository<AppUserEntity>,
    private readonly sessions: SessionLivenessService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()]))
      return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const { userId, sessionId } = await this.tokens.verify(bearerToken(req.headers.authorization));
    const row = await this.users.findOne({
      where: { id: userId },
      select: { id: true, username: true, displayName: true, role: true, unitId: true, active: true },
    });
    if (!row || !row.active)
      throw new UnauthenticatedError('account_inactive', '账号不存在或已停用，请联系管理员');
    if (!sessionId || !(await this.sessions.isLive(sessionId)))
      throw new UnauthenticatedError(
        'session_revoked',
        '登录会话已注销（退出登录、修改密码或令牌被盗用），请重新登录',
      );
    req.user = {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      unitId: row.unitId,
    };
    return true;
  }
}

function bearerToken(header: string | undefined): string {
  if (!header)
    throw new UnauthenticatedError('missing_token', '未登录：缺少访问令牌 (Authorization: Bearer …)');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError('malformed_token', 'Authorization 头格式应为 "Bearer <令牌>"');
  return match[1];
}
