import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from './role';

export const ROLES_KEY = 'rectiflow:roles';

/**
 * Restricts a route (or controller) to the given roles; others get 403 FORBIDDEN naming the required roles.
 * A handler's @Roles replaces its controller's. Roles say what kind of action is allowed; which units' data a
 * caller may touch is AccessScopeService's job (404 outside one's units).
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `仅限角色: ${roles.join(', ')}` }),
  );
