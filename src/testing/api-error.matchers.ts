import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { checkApiError } from './api-error.check';
import type { ApiErrorCheck, ExpectApiErrorOptions } from './api-error.check';
import { formatFailure, formatNegatedFailure } from './api-error.report';
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
}

/** What a custom matcher returns (Jest, Vitest). */
interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The part of a matcher's `this` the matchers read. */
interface MatcherContext {
  isNot?: boolean;
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
});

/**
 * Registers `toBeApiError` and `toHaveFieldErrors` on an `expect` that has
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
