import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

const VALID = /^[\w.:-]{8,128}$/;

/**
 * The id that makes a step idempotent: `Idempotency-Key` or `X-Request-Id` from the client (the same value on a
 * retry applies the step once — it becomes the workflow Update id). Without one, every request is new.
 */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<Request>();
  for (const header of ['idempotency-key', 'x-request-id']) {
    const v = req.headers[header];
    if (typeof v === 'string' && VALID.test(v)) return v;
  }
  return randomUUID();
});
