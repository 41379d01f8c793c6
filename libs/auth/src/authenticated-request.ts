import type { Request } from 'express';
import type { AuthUser } from './auth-user';

/** An Express request after the JWT guard: `user` is set on every non-public route. */
export type AuthenticatedRequest = Request & { user?: AuthUser };
