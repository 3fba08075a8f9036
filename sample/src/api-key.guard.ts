import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { ApiException } from 'nestjs-api-errors';

import { AppErrors } from './app.errors';

/** Accepts `x-api-key: demo-key`; anything else is a 401 envelope. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const key = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined> }>().headers[
      'x-api-key'
    ];
    if (key === undefined) throw new ApiException(AppErrors.MissingApiKey);
    if (key !== 'demo-key') {
      throw new ApiException(AppErrors.InvalidApiKey, {
        cause: 'This key does not exist.',
        headers: { 'WWW-Authenticate': 'ApiKey header="x-api-key"' },
      });
    }
    return true;
  }
}
