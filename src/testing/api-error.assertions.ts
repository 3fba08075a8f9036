import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { checkApiError, expectedBodyOf } from './api-error.check';
import type { ApiErrorCheck, ExpectApiErrorOptions } from './api-error.check';
import { formatFailure } from './api-error.report';
import { checkValidationErrors } from './field-errors.check';
import type {
  ExpectedFieldErrors,
  ExpectValidationErrorsOptions,
} from './field-errors.check';
import type { HttpResponseLike } from './http-response.util';

/** @internal What an `ApiErrorAssertionError` is made of. */
export interface AssertionFailure {
  message: string;
  problems: readonly string[];
  expected: unknown;
  actual: unknown;
}

/** @internal A failed response check as an assertion failure. */
export function failureOf(check: ApiErrorCheck): AssertionFailure {
  return {
    message: formatFailure(check),
    problems: check.problems,
    expected: expectedBodyOf(check),
    actual: check.response.body,
  };
}

/**
 * The error the assertions throw. Its message lists every problem and shows
 * the expected and the received response, whole envelope included, so any
 * runner (node:test, Jest, Mocha, Vitest) prints everything needed.
 * `expected` and `actual` hold the two bodies for runners that also print a
 * diff (Vitest assigns them, so they are writable). Not a Node
 * `AssertionError`, on purpose: Jest re-renders those and would print the
 * envelope twice.
 * @publicApi
 */
export class ApiErrorAssertionError extends Error {
  /** One line per problem, e.g. `error.code: expected 2000, received "2000"`. */
  declare readonly problems: readonly string[];
  /** What would have passed (a body, or a thrown error's fields). */
  declare expected: unknown;
  /** What was received. */
  declare actual: unknown;

  constructor(
    failure: AssertionFailure,
    stackStartFn?: (...args: never[]) => unknown,
  ) {
    super(failure.message);
    this.name = 'ApiErrorAssertionError';
    // Non-enumerable, so node:test and util.inspect do not print them after
    // the message again; writable, because Vitest assigns its own copies.
    Object.defineProperties(this, {
      problems: { value: Object.freeze([...failure.problems]) },
      expected: { value: failure.expected, writable: true },
      actual: { value: failure.actual, writable: true },
    });
    if (stackStartFn) Error.captureStackTrace?.(this, stackStartFn);
  }
}

/**
 * Asserts that `res` is the error `expected`, a catalog entry or, for the
 * built-in errors, an HTTP status. Checks the status, the JSON content type,
 * the envelope's shape (no missing, empty or unknown field), `error.status`,
 * `code`, `message`, `cause` (when given), `docs`, and that `request_id`
 * equals the request-id header. Works with any test runner.
 *
 * @example
 * expectApiError(await request(app.getHttpServer()).get('/keys/bad'), AppErrors.InvalidApiKey, {
 *   cause: 'This key does not exist.',
 * });
 * expectApiError(await request(server).get('/nope'), 404);
 * @throws ApiErrorAssertionError when the response does not match.
 * @publicApi
 */
export function expectApiError(
  res: HttpResponseLike,
  expected: ErrorDefinition | number,
  options?: ExpectApiErrorOptions,
): void {
  const check = checkApiError(res, expected, options);
  if (check.problems.length > 0)
    throw new ApiErrorAssertionError(failureOf(check), expectApiError);
}

/**
 * Asserts that `res` is a validation failure (422, the built-in validation
 * code, the envelope with `error.errors`) carrying the given fields: a list
 * of paths, or paths to their messages (`string[]` for the exact list, a
 * string or RegExp for one message, or `expect.any(Array)`-style matchers).
 * With `exact: true` no other field may fail.
 *
 * @example
 * expectValidationErrors(res, ['owner.email', 'items.0.sku']);
 * expectValidationErrors(res, { 'owner.email': ['owner.email must be an email'] }, { exact: true });
 * @throws ApiErrorAssertionError when the response does not match.
 * @publicApi
 */
export function expectValidationErrors(
  res: HttpResponseLike,
  fields: ExpectedFieldErrors,
  options?: ExpectValidationErrorsOptions,
): void {
  const check = checkValidationErrors(res, fields, options);
  if (check.problems.length > 0)
    throw new ApiErrorAssertionError(failureOf(check), expectValidationErrors);
}
