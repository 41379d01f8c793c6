import type { Role } from './role';

/** The authenticated caller, as the JWT guard puts it on the request. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
}
