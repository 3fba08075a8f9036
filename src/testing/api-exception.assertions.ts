import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { ApiErrorAssertionError } from './api-error.assertions';
import type { AssertionFailure } from './api-error.assertions';
import { formatThrownFailure } from './api-error.report';
import {
  callForOutcome,
  checkApiException,
  isThenable,
  settle,
} from './api-exception.check';
import type {
  ApiExceptionCheck,
  ExpectApiExceptionOptions,
  Outcome,
} from './api-exception.check';

/**
 * Asserts that code throws the API error `expected` (a catalog entry, or an
 * HTTP status for the built-ins): an `ApiException`, or a Nest
 * `HttpException` the app would answer with that status, code and message.
 * Give it a function, a promise, or the error itself. A promise, or a
 * function returning one, makes it return a promise: `await` it.
 *
 * @example
 * await expectApiException(() => service.findProject('nope'), AppErrors.ProjectNotFound);
 * expectApiException(() => guard.check('bad-key'), AppErrors.InvalidApiKey, { cause: 'This key does not exist.' });
 * expectApiException(new NotFoundException('Project 1 not found'), 404);
 * @throws ApiErrorAssertionError when nothing, or something else, was thrown.
 * @publicApi
 */
export function expectApiException(
  fn: () => PromiseLike<unknown>,
  expected: ErrorDefinition | number,
  options?: ExpectApiExceptionOptions,
): Promise<void>;
export function expectApiException(
  promise: PromiseLike<unknown>,
  expected: ErrorDefinition | number,
  options?: ExpectApiExceptionOptions,
): Promise<void>;
export function expectApiException(
  fnOrError: unknown,
  expected: ErrorDefinition | number,
  options?: ExpectApiExceptionOptions,
): void;
export function expectApiException(
  target: unknown,
  expected: ErrorDefinition | number,
  options?: ExpectApiExceptionOptions,
): void | Promise<void> {
  const assert = (outcome: Outcome) => {
    const check = checkApiException(outcome, expected, options);
    if (check.problems.length > 0)
      throw new ApiErrorAssertionError(
        thrownFailureOf(check),
        expectApiException,
      );
  };
  if (isThenable(target)) return settle(target).then(assert);
  if (typeof target !== 'function')
    return assert({ threw: true, value: target });
  const outcome = callForOutcome(target as () => unknown);
  if (isThenable(outcome)) return settle(outcome).then(assert);
  return assert(outcome);
}

/** @internal A failed thrown-error check as an assertion failure. */
export function thrownFailureOf(check: ApiExceptionCheck): AssertionFailure {
  return {
    message: formatThrownFailure(check),
    problems: check.problems,
    expected: check.expected,
    actual: check.actual,
  };
}
