import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { clientIp } from './client-ip';

/** The caller's IP for the audit log: `@ClientIp() ip: string`. */
export const ClientIp = createParamDecorator((_data: unknown, ctx: ExecutionContext): string =>
  clientIp(ctx.switchToHttp().getRequest<Request>()),
);
