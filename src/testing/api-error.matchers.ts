import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { checkApiError } from './api-error.check';
import type { ApiErrorCheck, ExpectApiErrorOptions } from './api-error.check';
import {
  formatFailure,
  formatNegatedFailure,
  formatNegatedThrownFailure,
  formatThrownFailure,
} from './api-error.report';
import {
  callForOutcome,
  checkApiException,
  isThenable,
} from './api-exception.check';
import type { ExpectApiExceptionOptions, Outcome } from './api-exception.check';
import { checkValidationErrors } from './field-errors.check';
import type {
  ExpectedFieldErrors,
  ExpectValidationErrorsOptions,
} from './field-errors.check';
import { NotAResponseError } from './http-response.util';

/**
 * The matchers' signatures, for declaration merging with any `expect`
 * (Jest's are merged by `nestjs-api-errors/testing/jest`; see the README for Vitest).
 * @publicApi
 */
export interface ApiErrorMatchers<R = unknown> {
  /**
   * The response is the error `expected` (a catalog entry, or an HTTP status
   * for the built-ins); same checks as `expectApiError`.
   * @example expect(res).toBeApiError(AppErrors.InvalidApiKey, { cause: 'This key does not exist.' });
   */
  toBeApiError(
    expected: ErrorDefinition | number,
    options?: ExpectApiErrorOptions,
  ): R;
  /**
   * The response is a 422 carrying these field errors; same checks as
   * `expectValidationErrors`.
   * @example expect(res).toHaveFieldErrors(['owner.email'], { exact: true });
   */
  toHaveFieldErrors(
    fields: ExpectedFieldErrors,
    options?: ExpectValidationErrorsOptions,
  ): R;
  /**
   * The function throws (or, with `.rejects`, the promise rejects with) the
   * API error `expected`: an `ApiException`, or a Nest `HttpException` the
   * app answers with that status, code and message; same checks as
   * `expectApiException`.
   * @example expect(() => guard.check('bad')).toThrowApiError(AppErrors.InvalidApiKey);
   * @example await expect(service.find('nope')).rejects.toThrowApiError(404);
   */
  toThrowApiError(
    expected: ErrorDefinition | number,
    options?: ExpectApiExceptionOptions,
  ): R;
}

/** What a custom matcher returns (Jest, Vitest). */
interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The part of a matcher's `this` the matchers read. */
interface MatcherContext {
  isNot?: boolean;
  /** `'rejects'` under `.rejects` (Jest, Vitest). */
  promise?: string;
}

/**
 * The matchers as plain functions, for `expect.extend(apiErrorMatchers)`.
 * @publicApi
 */
export const apiErrorMatchers = Object.freeze({
  toBeApiError(
    this: MatcherContext,
    received: unknown,
    expected: ErrorDefinition | number,
    options?: ExpectApiErrorOptions,
  ): MatcherResult {
    return toResult(() => checkApiError(received, expected, options));
  },
  toHaveFieldErrors(
    this: MatcherContext,
    received: unknown,
    fields: ExpectedFieldErrors,
    options?: ExpectValidationErrorsOptions,
  ): MatcherResult {
    return toResult(() => checkValidationErrors(received, fields, options));
  },
  toThrowApiError(
    this: MatcherContext,
    received: unknown,
    expected: ErrorDefinition | number,
    options?: ExpectApiExceptionOptions,
  ): MatcherResult {
    const outcome = outcomeOf(received, this.promise);
    if (typeof outcome === 'string')
      return { pass: false, message: () => outcome };
    const check = checkApiException(outcome, expected, options);
    const pass = check.problems.length === 0;
    return {
      pass,
      message: () =>
        pass ? formatNegatedThrownFailure(check) : formatThrownFailure(check),
    };
  },
});

/** What was thrown, or why the matcher cannot tell. */
function outcomeOf(received: unknown, promise?: string): Outcome | string {
  if (promise === 'rejects') return { threw: true, value: received };
  if (typeof received === 'function') {
    const outcome = callForOutcome(received as () => unknown);
    if (!isThenable(outcome)) return outcome;
    // Settled later than a synchronous matcher can wait: never leave it unhandled.
    Promise.resolve(outcome).catch(() => undefined);
    return 'toThrowApiError: the function returned a promise. Use `await expect(fn()).rejects.toThrowApiError(...)`, or `await expectApiException(fn, ...)`.';
  }
  if (isThenable(received)) {
    Promise.resolve(received).catch(() => undefined);
    return 'toThrowApiError: received a promise. Use `await expect(promise).rejects.toThrowApiError(...)`.';
  }
  return `toThrowApiError: expected a function (or a promise with .rejects), received ${typeof received}.`;
}

/**
 * Registers `toBeApiError`, `toHaveFieldErrors` and `toThrowApiError` on an `expect` that has
 * `extend`: Jest's global or `@jest/globals` one, Vitest's.
 *
 * @example
 * import { expect } from 'vitest';
 * setupApiErrorMatchers(expect);
 * @publicApi
 */
export function setupApiErrorMatchers(expect: {
  extend(matchers: Record<string, unknown>): unknown;
}): void {
  expect.extend({ ...apiErrorMatchers });
}

function toResult(run: () => ApiErrorCheck): MatcherResult {
  let check: ApiErrorCheck;
  try {
    check = run();
  } catch (error) {
    // Not a response at all: a failed expectation, not a crash of the matcher.
    if (error instanceof NotAResponseError)
      return { pass: false, message: () => error.message };
    throw error;
  }
  const pass = check.problems.length === 0;
  return {
    pass,
    message: () => (pass ? formatNegatedFailure(check) : formatFailure(check)),
  };
}
