import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@rectiflow/config';
import type { AuthUser } from './auth-user';
import { UnauthenticatedError } from './auth.errors';
import type { Role } from './role';

/** Claims of an access token. role/unitId are for the UI only: the guard reloads the user on every request. */
export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  username: string;
  role: Role;
  unitId: number;
  /** The login session (refresh-token family): revoking it revokes this token too (SessionLivenessService). */
  sid: string;
}

export interface VerifiedAccessToken {
  userId: number;
  sessionId: string | null;
}

const ISSUER = 'rectiflow';
const AUDIENCE = 'rectiflow-api';

/**
 * Signs and checks the short-lived access JWT (HS256 with auth.jwtSecret). The `typ` claim, issuer and audience
 * keep any other token signed with the same secret (e.g. a future download link) from passing as an access token.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTtlSeconds;
  }

  sign(user: AuthUser, sessionId: string): Promise<string> {
    const claims: AccessTokenClaims = {
      sid: sessionId,
      sub: String(user.id),
      typ: 'access',
      username: user.username,
      role: user.role,
      unitId: user.unitId,
    };
    return this.jwt.signAsync(claims, {
      secret: this.config.auth.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.auth.accessTtlSeconds,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
  }

  /** Returns the user and session ids, or throws 401 with reason invalid_token / expired_token. */
  async verify(token: string): Promise<VerifiedAccessToken> {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.auth.jwtSecret,
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError')
        throw new UnauthenticatedError('expired_token', '访问令牌已过期，请刷新或重新登录');
      throw new UnauthenticatedError('invalid_token', '访问令牌无效');
    }
    const id = Number(claims.sub);
    if (claims.typ !== 'access' || !Number.isInteger(id) || id <= 0)
      throw new UnauthenticatedError('invalid_token', '访问令牌无效');
    return { userId: id, sessionId: typeof claims.sid === 'string' ? claims.sid : null };
  }
}
