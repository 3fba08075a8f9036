import { HttpException } from '@nestjs/common';

import type { ErrorCode, ErrorDefinition } from './error-definition.interface';

/**
 * Options of an `ApiException`.
 * @publicApi
 */
export interface ApiExceptionOptions {
  /**
   * Client-facing detail of this occurrence, sent as `error.cause`
   * (e.g. `'This key does not exist.'`). Never put internals here.
   */
  cause?: string;
  /** Replaces the definition's message for this occurrence. */
  message?: string;
  /**
   * Seconds, or the moment, after which the client may retry: written as the
   * `Retry-After` header (useful with 429 and 503).
   */
  retryAfter?: number | Date;
  /** Extra response headers, e.g. `{ 'WWW-Authenticate': 'Bearer' }`. */
  headers?: Record<string, string>;
}

/**
 * An `HttpException` built from a catalog entry. Code that only knows Nest
 * keeps working (`getStatus()`, `getResponse()`), and the errors filter
 * answers it with the definition's code, message and docs link.
 *
 * @example
 * throw new ApiException(AppErrors.InvalidApiKey, { cause: 'This key does not exist.' });
 * @publicApi
 */
export class ApiException extends HttpException {
  /** The catalog entry this exception was built from. */
  readonly definition: ErrorDefinition;
  /** Response headers to send with the error (`retryAfter` included). */
  readonly headers: Readonly<Record<string, string>>;
  /** The client-facing cause (`error.cause`), if any. */
  declare readonly cause: string | undefined;

  constructor(definition: ErrorDefinition, options: ApiExceptionOptions = {}) {
    const message = options.message ?? definition.message;
    super(
      {
        statusCode: definition.status,
        code: definition.code,
        message,
        ...(options.cause === undefined ? {} : { cause: options.cause }),
      },
      definition.status,
      { cause: options.cause },
    );
    this.definition = definition;
    this.headers = buildHeaders(options);
  }

  /** The definition's code. */
  get code(): ErrorCode {
    return this.definition.code;
  }
}

function buildHeaders(options: ApiExceptionOptions): Record<string, string> {
  const headers = { ...options.headers };
  const { retryAfter } = options;
  if (retryAfter instanceof Date) {
    headers['Retry-After'] = retryAfter.toUTCString();
  } else if (typeof retryAfter === 'number' && Number.isFinite(retryAfter)) {
    headers['Retry-After'] = String(Math.max(0, Math.ceil(retryAfter)));
  }
  return headers;
}
