import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'rectiflow:isPublic';

/**
 * Opts a route (or a whole controller) out of the global JWT guard. Every other route requires a valid access
 * token, so forgetting a decorator fails closed.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
