import type { Role } from '../accounts/role';

/** The account a token pair was issued to. */
export interface TokenUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
}

/** POST /auth/login and /auth/refresh: a short-lived access token and the refresh token that renews it once. */
export interface TokenPairResponse {
  accessToken: string;
  refreshToken: string;
  /** lifetime of the access token, in seconds */
  expiresIn: number;
  tokenType: 'Bearer';
  user: TokenUser;
}
