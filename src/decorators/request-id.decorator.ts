import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';

import { getRequestId } from '../request-id/request-id.storage';
import { readRequestId } from '../request-id/request-id.util';

/**
 * Handler parameter decorator: the current request's id (the value of the
 * request-id response header and of `request_id` in error bodies).
 *
 * @example
 * @Get() list(@RequestId() requestId: string) { … }
 * @publicApi
 */
export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    readRequestId(context.switchToHttp().getRequest()) ?? getRequestId(),
);
