import './jest';

import { defineErrors } from '../catalog/define-errors';
import { apiErrorMatchers, setupApiErrorMatchers } from './api-error.matchers';

const AppErrors = defineErrors({
  InvalidApiKey: {
    status: 401,
    code: 2000,
    message: 'The API key provided is invalid.',
  },
});

const ID = 'req-1';
const headers = { 'content-type': 'application/json', 'x-request-id': ID };
const invalidKey = {
  status: 401,
  headers,
  body: {
    request_id: ID,
    error: {
      status: 'Unauthorized',
      code: 2000,
      message: 'The API key provided is invalid.',
      docs: '/docs/errors/401/2000',
    },
  },
};
const validation = {
  status: 422,
  headers,
  body: {
    request_id: ID,
    error: {
      status: 'Unprocessable Entity',
      code: 'validation_failed',
      message: 'The given data was invalid.',
      docs: '/docs/errors/422/validation_failed',
      errors: { email: ['email must be an email'] },
    },
  },
};

describe('apiErrorMatchers', () => {
  it('registers toBeApiError and toHaveFieldErrors on the global expect with one import', () => {
    expect(invalidKey).toBeApiError(AppErrors.InvalidApiKey);
    expect(invalidKey).toBeApiError(AppErrors.InvalidApiKey, { cause: null });
    expect(invalidKey).not.toBeApiError(401);
    expect(validation).toHaveFieldErrors(['email'], { exact: true });
    expect(validation).toHaveFieldErrors({ email: expect.any(Array) });
    expect(validation).not.toHaveFieldErrors(['password']);
  });

  it('fails with the same report as expectApiError', () => {
    expect(() =>
      expect(invalidKey).toBeApiError(AppErrors.InvalidApiKey, {
        cause: 'This key does not exist.',
      }),
    ).toThrow(
      'Expected the response to be the API error 2000 (HTTP 401), but:\n  - error.cause: expected "This key does not exist.", received (none)',
    );
    expect(() => expect(validation).toHaveFieldErrors(['password'])).toThrow(
      'error.errors["password"]: missing (fields present: email)',
    );
  });

  it('explains a negated match that passed', () => {
    expect(() =>
      expect(invalidKey).not.toBeApiError(AppErrors.InvalidApiKey),
    ).toThrow(
      `Expected the response not to be the API error 2000 (HTTP 401), but it is:\n  HTTP 401, content-type: application/json, x-request-id: ${ID}`,
    );
  });

  it('fails, rather than crashes, on something that is not a response', () => {
    expect(() => expect('Not Found').toBeApiError(404)).toThrow(
      'Expected an HTTP response, received string "Not Found".',
    );
    expect('Not Found').not.toBeApiError(404);
  });

  it('registers on any expect with extend (Vitest, @jest/globals)', () => {
    const extended: Record<string, unknown> = {};
    setupApiErrorMatchers({
      extend: (matchers) => Object.assign(extended, matchers),
    });
    expect(Object.keys(extended).sort()).toEqual([
      'toBeApiError',
      'toHaveFieldErrors',
      'toThrowApiError',
    ]);
    expect(
      apiErrorMatchers.toBeApiError.call(
        {},
        invalidKey,
        AppErrors.InvalidApiKey,
      ).pass,
    ).toBe(true);
    expect(apiErrorMatchers.toBeApiError.call({}, invalidKey, 404).pass).toBe(
      false,
    );
  });

  it('throws on misuse, e.g. a status no built-in error answers', () => {
    expect(() => expect(invalidKey).toBeApiError(2000)).toThrow(
      'No built-in error answers HTTP 2000.',
    );
  });
});
