import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { PERMISSIONS, type Permission } from './role';

export const ROLES_KEY = 'rectiflow:roles';

/**
 * Restricts a route (or controller) to the roles PERMISSIONS grants `permission`; others get 403 FORBIDDEN naming
 * the required roles. A handler's decorator replaces its controller's. It says what kind of action is allowed;
 * which units' data a caller may touch is AccessScopeService's job (404 outside one's units).
 */
export const RequiresPermission = (permission: Permission): MethodDecorator & ClassDecorator => {
  const roles = PERMISSIONS[permission];
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `仅限角色: ${roles.join(', ')}` }),
  );
};
