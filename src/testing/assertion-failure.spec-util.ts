import { ApiErrorAssertionError } from './api-error.assertions';

/** Runs an assertion that must fail and returns its error, for message checks. */
export function failure(run: () => void): ApiErrorAssertionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiErrorAssertionError) return error;
    throw error;
  }
  throw new Error('expected the assertion to fail, it passed');
}
