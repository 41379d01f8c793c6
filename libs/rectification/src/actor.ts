import type { AuthUser } from '@rectiflow/auth';
import type { Actor } from '@rectiflow/contracts';

/** The workflow's record of who acted: enough to show and to compare, nothing secret. */
export const toActor = (user: AuthUser): Actor => ({
  userId: user.id,
  name: user.displayName,
  role: user.role,
  unitId: user.unitId,
});
