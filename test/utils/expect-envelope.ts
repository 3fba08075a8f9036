import { STATUS_CODES } from 'node:http';

import type { Response } from 'supertest';

import type { ErrorCode, FieldErrors } from '../../src';
import { expectApiError, expectValidationErrors } from '../../src/testing';

export interface ExpectedEnvelope {
  status: number;
  code: ErrorCode;
  message: string;
  cause?: string;
  errors?: FieldErrors;
  details?: Record<string, unknown>;
  /** Defaults to the relative docs path of the module's default `docsBaseUrl`. */
  docsBaseUrl?: string;
  requestIdHeader?: string;
}

/**
 * Asserts the whole error response through the testing kit (status, JSON
 * content type, envelope shape, request id header equal to `request_id`,
 * code, message, cause, docs), so the kit runs on every e2e case, then the
 * exact body and content type.
 */
export function expectEnvelope(
  res: Response,
  expected: ExpectedEnvelope,
): void {
  const { status, code, message, docsBaseUrl, requestIdHeader } = expected;
  const kitOptions = {
    docsBaseUrl,
    requestIdHeader,
    message,
    cause: expected.cause ?? null,
  };
  if (expected.errors !== undefined && status === 422) {
    expectValidationErrors(res, expected.errors, {
      ...kitOptions,
      exact: true,
    });
  }
  expectApiError(res, { status, code, message }, kitOptions);

  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const error: Record<string, unknown> = {
    status: STATUS_CODES[status],
    code,
    message,
  };
  if (expected.cause !== undefined) error.cause = expected.cause;
  error.docs = `${docsBaseUrl ?? '/docs/errors'}/${status}/${code}`;
  if (expected.errors !== undefined) error.errors = expected.errors;
  if (expected.details !== undefined) error.details = expected.details;
  expect(res.body).toStrictEqual({
    request_id: res.headers[requestIdHeader ?? 'x-request-id'],
    error,
  });
}

/** The built-in entry of a status, for terse expectations. */
export { BUILT_IN_ERRORS } from '../../src';
