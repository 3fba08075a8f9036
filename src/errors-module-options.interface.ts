import type { Type, ValidationPipeOptions } from '@nestjs/common';

import type { BuiltInErrorName } from './catalog/built-in.errors';
import type { ErrorDefinition } from './catalog/error-definition.interface';
import type { ErrorsFilter } from './filter/errors.filter';
import type {
  ErrorFormat,
  ErrorFormatName,
} from './formats/error-format.interface';
import type { ExceptionMapping } from './mapping/exception-mapping.interface';
import type { StandardSchemaV1 } from './validation/standard-schema.util';
import type { ErrorTranslator } from './validation/translate.interface';
import type { ErrorReporterDefinition } from './reporting/error-report.interface';
import type { FieldErrorsOptions } from './validation/validation-errors.util';

/**
 * Options of the global validation pipe (and of `ErrorsValidationPipe`):
 * Nest's `ValidationPipeOptions` (its `exceptionFactory` is replaced by the
 * 422 field-error map) plus the message hook of `FieldErrorsOptions`, the
 * bounds of the 422 and, per parameter, a Standard Schema.
 * @publicApi
 */
export type ErrorsValidationOptions = Omit<
  ValidationPipeOptions,
  | 'exceptionFactory'
  | 'errorFormat'
  | 'maxErrorMessagesLength'
  | 'errorHttpStatusCode'
  | 'disableErrorMessages'
> &
  FieldErrorsOptions & {
    /**
     * Deepest request body (or query) accepted where a DTO is expected;
     * deeper payloads answer 400 before any validation work.
     * @default 64
     */
    maxDepth?: number;
    /**
     * Most fields a 422 lists. Past it the walk over the validator's errors
     * stops, `error.cause` says "Only the first N invalid fields are listed."
     * and `details.truncated` is `true`.
     * @default 100
     */
    maxFields?: number;
    /**
     * Size, in bytes, under which a 422 body stays: fields that would push it
     * past are left out (reported like `maxFields`). About 2 KiB of it is kept
     * for the rest of the body.
     * @default 65536 (64 KiB)
     */
    maxResponseBytes?: number;
    /**
     * Nest's `ValidationPipe` option (11.1+, 12), honoured by the 422 map:
     * characters of messages, each counted with its field path; the fields
     * past it are left out (reported like `maxFields`).
     * @default Infinity (the byte and field limits apply)
     */
    maxErrorMessagesLength?: number;
    /**
     * A Standard Schema v1 (Zod 4, Valibot, ArkType) to validate with instead
     * of class-validator, for `new ErrorsValidationPipe({ schema })` on one
     * parameter. The schema's output reaches the handler. On the global pipe
     * leave it unset: NestJS 12's `@Body({ schema })` is read per parameter.
     * @default none
     */
    schema?: StandardSchemaV1;
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
   * @default a random UUID v4, like `crypto.randomUUID()`
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
   * Localises error responses for the request being answered: called with
   * the error's message and each field message of a 422; what it translates
   * is sent with `Content-Language`. `nestjsI18nTranslator()` looks messages
   * up in nestjs-i18n (`errors.<code>`) in the request's language.
   * @default none (only nestjs-i18n validation keys are translated, when
   * nestjs-i18n is in use)
   * @see nestjsI18nTranslator
   */
  translate?: ErrorTranslator;
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
   * At startup, warn (once each, through Nest's `Logger`) about global
   * filters and pipes that shadow or double the module's own: an
   * `useGlobalFilters()` / `APP_FILTER` filter catching HTTP exceptions or
   * everything, a global `ValidationPipe` (`useGlobalPipes()` / `APP_PIPE`).
   * `false` silences the warnings; a global `ValidationPipe` is still
   * settled (the module's pipe stands down).
   * @default true
   */
  warnOnConflicts?: boolean;
  /**
   * A subclass of `ErrorsFilter` to use as the global filter, for apps that
   * override its protected hooks (`mapException`, `normalize`, `render`,
   * `buildBody`, `log`).
   * @default ErrorsFilter
   */
  filter?: Type<ErrorsFilter>;
  /**
   * App-wide domain error mappings: a thrown instance of `exception` (or of
   * a subclass) answers with the catalog entry `error`, or only the
   * instances its `when` accepts. `@MapException()` on a controller or
   * handler takes precedence (the nearest scope wins); among these, the most
   * specific class wins. Checked at startup.
   * @default [] (no mappings)
   * @example
   * mappings: [{ exception: ProjectMissingError, error: AppErrors.ProjectNotFound, cause: true }]
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any domain error type
  mappings?: ReadonlyArray<ExceptionMapping<any>>;
  /**
   * Where errors are reported, after the response was written: functions,
   * injectable classes with `report(report)` (resolved through DI: a
   * registered provider is reused, another class is created with its
   * dependencies), or objects with `report(report)`. Each gets one frozen
   * `ErrorReport` per error answered (original exception, normalized error,
   * request id, method, path without query string). A reporter that throws or
   * rejects is logged once and changes nothing. See `sentryReporter`.
   * @default [] (nothing reported beyond the log line of unexpected errors)
   */
  reporters?: ReadonlyArray<ErrorReporterDefinition>;
  /**
   * Record errors on the request's active OpenTelemetry span when the optional
   * peer `@opentelemetry/api` is installed (loaded once, at bootstrap): the
   * request id (`request_id`) and `http.response.status_code` always; for a
   * 5xx also the exception event, `error.type` and status ERROR (a 4xx leaves
   * the status unset). `false` never loads `@opentelemetry/api`.
   * @default true (used when `@opentelemetry/api` is installed)
   */
  openTelemetry?: boolean;
  /**
   * Take the request id from the trace id of a valid W3C `traceparent`
   * header (32 hex digits), so the id a customer quotes finds the trace.
   * Takes precedence over `requestIdHeader`; a missing, malformed or all-zero
   * `traceparent` falls back to the usual rules.
   * @default false
   */
  requestIdFromTraceparent?: boolean;
}
