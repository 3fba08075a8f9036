import type { Type, ValidationPipeOptions } from '@nestjs/common';

import type { BuiltInErrorName } from './catalog/built-in.errors';
import type { ErrorDefinition } from './catalog/error-definition.interface';
import type { ErrorsFilter } from './filter/errors.filter';
import type {
  ErrorFormat,
  ErrorFormatName,
} from './formats/error-format.interface';
import type { ExceptionMapping } from './mapping/exception-mapping.interface';
import type { FieldErrorsOptions } from './validation/validation-errors.util';

/**
 * Options of the global validation pipe: Nest's `ValidationPipeOptions`
 * (its `exceptionFactory` is replaced by the 422 field-error map) plus the
 * message hook of `FieldErrorsOptions`.
 * @publicApi
 */
export type ErrorsValidationOptions = Omit<
  ValidationPipeOptions,
  'exceptionFactory' | 'errorFormat'
> &
  FieldErrorsOptions & {
    /**
     * Deepest request body (or query) accepted where a DTO is expected;
     * deeper payloads answer 400 before any validation work.
     * @default 64
     */
    maxDepth?: number;
  };

/**
 * Options of `ErrorsModule.forRoot()` / `forRootAsync()`. Every field is
 * optional: `ErrorsModule.forRoot()` alone gives the full contract.
 * @publicApi
 */
export interface ErrorsModuleOptions {
  /**
   * Base of the documentation links: `error.docs` is
   * `${docsBaseUrl}/${httpStatus}/${code}`.
   * @default '/docs/errors' (a relative link, so `docs` is never missing)
   */
  docsBaseUrl?: string;
  /**
   * The app's errors, from `defineErrors`. Codes must be unique across the
   * catalog and the built-ins; a duplicate fails at startup.
   * @default none
   */
  catalog?: Readonly<Record<string, ErrorDefinition>>;
  /**
   * Overrides the code and/or message of built-in errors, by name:
   * `{ NotFound: { code: 1404 }, InternalServerError: { message: '…' } }`.
   * @default none (the table in `BUILT_IN_ERRORS`)
   * @see BUILT_IN_ERRORS
   */
  builtInErrors?: Partial<
    Record<BuiltInErrorName, Partial<Pick<ErrorDefinition, 'code' | 'message'>>>
  >;
  /**
   * The wire format of every error response: `'envelope'` (the contract's
   * `{ request_id, error }`, `application/json`), `'problem'` (RFC 9457
   * problem details, `application/problem+json`), `'nest'` (Nest's default
   * `{ statusCode, error, message, timestamp, path }` plus `code` and
   * `request_id`), or an `ErrorFormat` object of your own. Checked at startup.
   * @default 'envelope'
   * @see ErrorFormat
   */
  format?: ErrorFormatName | ErrorFormat;
  /**
   * Lets a client's `Accept: application/problem+json` choose problem
   * details; any other `Accept` (absent, `application/json`, `*\/*`,
   * `text/html`, garbage) gets `format`. Errors are never answered 406.
   * Adds `Vary: Accept` to every error response. No cost when off, and none
   * on successful requests.
   * @default false
   */
  negotiate?: boolean;
  /**
   * Header read from requests and written on every response, success or error.
   * @default 'x-request-id'
   */
  requestIdHeader?: string;
  /**
   * Reuse a well-formed incoming request id (printable ASCII, no whitespace,
   * at most 128 characters) instead of generating one. Turn off when clients
   * are untrusted and ids must be unique server-side.
   * @default true
   */
  trustRequestId?: boolean;
  /**
   * Keep the request id in an `AsyncLocalStorage`, so `getRequestId()` works
   * anywhere in the request's async context. Turning it off saves the
   * async-context cost (noticeable on Node 20, where AsyncLocalStorage runs on
   * async_hooks; small on Node >= 24): `getRequestId()` then returns
   * `undefined`, while `@RequestId()`, the header and error bodies keep working.
   * @default true
   */
  asyncContext?: boolean;
  /**
   * Makes new request ids.
   * @default crypto.randomUUID (UUID v4)
   */
  generateRequestId?: () => string;
  /**
   * Put the original message of an unexpected error into `error.cause`.
   * For development only: messages can leak internals (SQL, paths, secrets).
   * @default false
   */
  exposeInternalErrors?: boolean;
  /**
   * The global validation pipe. `false` turns it off; an object configures it
   * (`whitelist`, `transform`, `forbidNonWhitelisted`, …). Failures answer 422
   * with `error.errors`. Needs `class-validator` and `class-transformer`.
   * @default {} (on, with Nest's ValidationPipe defaults)
   */
  validation?: false | ErrorsValidationOptions;
  /**
   * Response headers (case-insensitive names) that survive on an error
   * response when a handler or middleware set them before the error. Error
   * responses keep CORS, `Vary`, security policies (HSTS, CSP, …),
   * `WWW-Authenticate`, `Allow`, `Retry-After`, rate-limit headers and the
   * request id; every other header set before the error (`Cache-Control`,
   * `ETag`, `Content-*`, `Location`, `Set-Cookie`, …) is removed, and errors
   * carry `Cache-Control: no-store` unless the error sets its own caching
   * headers.
   * @default [] (only the built-in list)
   * @example keepResponseHeaders: ['x-api-version']
   */
  keepResponseHeaders?: readonly string[];
  /**
   * A subclass of `ErrorsFilter` to use as the global filter, for apps that
   * override its protected hooks (`mapException`, `normalize`, `render`,
   * `buildBody`, `log`).
   * @default ErrorsFilter
   */
  filter?: Type<ErrorsFilter>;
  /**
   * App-wide domain error mappings: a thrown instance of `exception` (or of
   * a subclass) answers with the catalog entry `error`. `@MapException()` on
   * a controller or handler takes precedence (the nearest scope wins); among
   * these, the most specific class wins. Checked at startup.
   * @default [] (no mappings)
   * @example
   * mappings: [{ exception: ProjectMissingError, error: AppErrors.ProjectNotFound, cause: true }]
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any domain error type
  mappings?: ReadonlyArray<ExceptionMapping<any>>;
}
