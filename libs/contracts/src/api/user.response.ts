import type { Role } from '../accounts/role';
import type { Page } from './page.response';

/** One account as the user administration answers it; times ISO 8601. */
export interface UserResponse {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  isUnitHead: boolean;
  /** consecutive failed logins */
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /users */
export type UserPage = Page<UserResponse>;
