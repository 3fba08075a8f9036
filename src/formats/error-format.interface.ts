import type { ErrorCode } from '../catalog/error-definition.interface';
import type { FieldErrors } from './error-envelope.interface';
import type { JsonValue } from './field-error.interface';
import type { NormalizedError } from './normalized-error.interface';

/**
 * The names of the built-in wire formats.
 * - `'envelope'`: `{ request_id, error: { status, code, message, cause?, docs, errors?, details? } }`
 *   (`application/json`), the default.
 * - `'problem'`: RFC 9457 problem details (`application/problem+json`).
 * - `'nest'`: Nest's default shape plus fields:
 *   `{ statusCode, error, message, timestamp, path, code, request_id, cause?, details? }`.
 * @publicApi
 */
export type ErrorFormatName = 'envelope' | 'problem' | 'nest';

/**
 * What a format may use besides the `NormalizedError`: everything here is
 * decided before rendering (stage 4), so a format picks nothing itself.
 * @publicApi
 */
export interface ErrorRenderContext {
  /** The request's id, equal to the request-id response header. */
  readonly requestId: string;
  /** `${docsBaseUrl}/${status}/${code}` (relative when `docsBaseUrl` is). */
  readonly docs: string;
  /** The request method, e.g. `'POST'` (`'GET'` when unknown). */
  readonly method: string;
  /**
   * The request path without its query string, as the client sent it;
   * `'/'` for a request Node's HTTP parser could not read.
   */
  readonly path: string;
  /** When the error was answered, ISO 8601 (`new Date().toISOString()`). */
  readonly timestamp: string;
  /** Reason phrase of the status: `'Not Found'`. */
  readonly statusText: string;
}

/**
 * What the testing kit reads back from an error body, returned by
 * `ErrorFormat.read`. Give what the format carries: the kit checks exactly
 * the fields present (a format without codes leaves `code` out).
 * @publicApi
 */
export interface ApiErrorView {
  code?: ErrorCode;
  message?: string;
  /** Detail of the occurrence, when the body has one. */
  cause?: string;
  /** The documentation link, when the format carries one. */
  docs?: string;
  /** The request id, when the format carries one. */
  requestId?: string;
  /** Validation failures: field path (`owner.email`, `query.page`) → messages. */
  errors?: FieldErrors;
  details?: Record<string, JsonValue>;
}

/**
 * A wire format: a pure function from the normalized error (+ context) to a
 * body, and the content type that goes with it. Pass one as
 * `ErrorsModule.forRoot({ format })` to answer in an API's existing shape.
 *
 * @example
 * const LaravelFormat: ErrorFormat = {
 *   contentType: 'application/json; charset=utf-8',
 *   render: (error) => ({ message: error.message, ...(error.fieldErrors && { errors: toFieldErrorMap(error.fieldErrors) }) }),
 *   read: (body) => ({ code: 'validation_failed', message: (body as { message: string }).message }),
 * };
 * @publicApi
 */
export interface ErrorFormat<Body = unknown> {
  /** Content-Type of the error responses, e.g. `'application/json; charset=utf-8'`. */
  readonly contentType: string;
  /**
   * Builds the body. Must not throw; if it does, the error is logged and
   * the envelope is sent instead, so the client still gets an answer.
   */
  render(error: NormalizedError, context: ErrorRenderContext): Body;
  /**
   * How the testing kit (`expectApiError`, the matchers) reads a body of
   * this format back; `undefined` when the body is not one. Without it the
   * kit checks only status, content type and request id header.
   */
  read?(body: unknown): ApiErrorView | undefined;
  /**
   * JSON Schema of the body, for the OpenAPI document of `@ApiErrors()`.
   * @default `{ type: 'object' }`
   */
  readonly schema?: Readonly<Record<string, unknown>>;
}
