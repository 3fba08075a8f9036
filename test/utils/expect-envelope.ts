import { STATUS_CODES } from 'node:http';

import type { Response } from 'supertest';

import type { ErrorCode, FieldErrors } from '../../src';

export interface ExpectedEnvelope {
  status: number;
  code: ErrorCode;
  message: string;
  cause?: string;
  errors?: FieldErrors;
  /** Defaults to the relative docs path of the module's default `docsBaseUrl`. */
  docsBaseUrl?: string;
  requestIdHeader?: string;
}

/**
 * Asserts the whole error response: status, JSON content type, the request
 * id header equal to `request_id`, and the exact `error` object.
 */
export function expectEnvelope(res: Response, expected: ExpectedEnvelope): void {
  const header = res.headers[expected.requestIdHeader ?? 'x-request-id'];
  expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
    status: expected.status,
    contentType: 'application/json; charset=utf-8',
  });
  expect(typeof header).toBe('string');
  const error: Record<string, unknown> = {
    status: STATUS_CODES[expected.status],
    code: expected.code,
    message: expected.message,
  };
  if (expected.cause !== undefined) error.cause = expected.cause;
  error.docs = `${expected.docsBaseUrl ?? '/docs/errors'}/${expected.status}/${expected.code}`;
  if (expected.errors !== undefined) error.errors = expected.errors;
  expect(res.body).toStrictEqual({ request_id: header, error });
}

/** The built-in entry of a status, for terse expectations. */
export { BUILT_IN_ERRORS } from '../../src';
