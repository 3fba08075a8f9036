import { HttpException, Logger } from '@nestjs/common';

import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import type { JsonValue } from '../formats/field-error.interface';
import type { ErrorCode, ErrorDefinition } from './error-definition.interface';
import { toJsonSafeDetails } from './json-safe.util';

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
  /**
   * Machine-readable values of this occurrence a client may act on
   * (`{ quota: 100, used: 100 }`): `error.details` in the envelope, an
   * extension member in problem details, `details` in the nest shape.
   * JSON-safe values only (strings, booleans, finite numbers, `null`, arrays,
   * plain objects); anything else (functions, bigints, symbols, `NaN`, `Date`
   * and other class instances, cycles) is dropped, with a warning logged once.
   */
  details?: Readonly<Record<string, JsonValue>>;
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
  /** The JSON-safe copy of `options.details`, if any. */
  readonly details: Readonly<Record<string, JsonValue>> | undefined;

  constructor(definition: ErrorDefinition, options: ApiExceptionOptions = {}) {
    const message = options.message ?? definition.message;
    const details = safeDetails(definition, options.details);
    super(
      {
        statusCode: definition.status,
        code: definition.code,
        message,
        ...(options.cause === undefined ? {} : { cause: options.cause }),
        ...(details === undefined ? {} : { details }),
      },
      definition.status,
      { cause: options.cause },
    );
    this.definition = definition;
    this.headers = buildHeaders(options);
    this.details = details;
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

const logger = new Logger(ERRORS_LOGGER_CONTEXT);
/** What was already warned about (code + dropped paths), bounded. */
const warned = new Set<string>();
const MAX_WARNED = 1000;

function safeDetails(
  definition: ErrorDefinition,
  details: unknown,
): Readonly<Record<string, JsonValue>> | undefined {
  const { value, dropped } = toJsonSafeDetails(details);
  if (dropped.length > 0) {
    const key = `${String(definition.code)}:${dropped.join(',')}`;
    if (!warned.has(key) && warned.size < MAX_WARNED) {
      warned.add(key);
      logger.warn(
        `ApiException ${JSON.stringify(definition.code)}: dropped ${dropped.join(', ')} from details. ` +
          'Details must be JSON-safe (strings, booleans, finite numbers, null, arrays, plain objects); ' +
          'convert the value first (e.g. date.toISOString(), String(bigint)).',
      );
    }
  }
  return value;
}
