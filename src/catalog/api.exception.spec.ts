import { HttpException, Logger } from '@nestjs/common';

import { ApiException } from './api.exception';
import { defineErrors } from './define-errors';

const Errors = defineErrors({
  RateLimited: { status: 429, code: 'rate_limited', message: 'Slow down.' },
});

describe('ApiException', () => {
  it('is an HttpException with the definition as its response', () => {
    const exception = new ApiException(Errors.RateLimited, {
      cause: 'Quota of 10/min used.',
    });
    expect(exception).toBeInstanceOf(HttpException);
    expect(exception.getStatus()).toBe(429);
    expect(exception.getResponse()).toEqual({
      statusCode: 429,
      code: 'rate_limited',
      message: 'Slow down.',
      cause: 'Quota of 10/min used.',
    });
    expect(exception.message).toBe('Slow down.');
    expect(exception.cause).toBe('Quota of 10/min used.');
    expect(exception.code).toBe('rate_limited');
  });

  it.each([
    [{ retryAfter: 30 }, { 'Retry-After': '30' }],
    [{ retryAfter: 1.2 }, { 'Retry-After': '2' }],
    [{ retryAfter: -5 }, { 'Retry-After': '0' }],
    [
      { retryAfter: new Date('2026-01-02T03:04:05Z') },
      { 'Retry-After': 'Fri, 02 Jan 2026 03:04:05 GMT' },
    ],
    [
      { headers: { 'WWW-Authenticate': 'Bearer' } },
      { 'WWW-Authenticate': 'Bearer' },
    ],
    [{}, {}],
  ])('builds response headers from %p', (options, headers) => {
    expect(new ApiException(Errors.RateLimited, options).headers).toEqual(
      headers,
    );
  });

  it('lets one occurrence replace the message', () => {
    expect(
      new ApiException(Errors.RateLimited, { message: 'Slower.' }).message,
    ).toBe('Slower.');
  });
});

describe('ApiException details', () => {
  const Quota = { status: 429, code: 'quota_exceeded', message: 'Quota.' };

  it('keeps JSON-safe details and shows them in getResponse()', () => {
    const exception = new ApiException(Quota, {
      details: { quota: 100, used: 100 },
    });
    expect(exception.details).toStrictEqual({ quota: 100, used: 100 });
    expect(exception.getResponse()).toMatchObject({
      details: { quota: 100, used: 100 },
    });
  });

  it('has no details (not null) without the option', () => {
    const exception = new ApiException(Quota);
    expect(exception.details).toBeUndefined();
    expect(exception.getResponse()).not.toHaveProperty('details');
  });

  it('drops non-JSON values and warns once per code and paths', () => {
    const warn = jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation(() => undefined);
    const make = () =>
      new ApiException(
        { ...Quota, code: 'quota_once' },
        { details: { at: new Date(0) as never, used: 1 } },
      );
    expect(make().details).toStrictEqual({ used: 1 });
    make();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain(
      'ApiException "quota_once": dropped details.at (Date) from details.',
    );
    warn.mockRestore();
  });

  it('keeps its status when details cannot be read', () => {
    const warn = jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation(() => undefined);
    const trapped = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    const exception = new ApiException(
      { ...Quota, code: 'quota_trapped' },
      { details: { p: trapped, used: 1 } },
    );
    expect(exception.getStatus()).toBe(429);
    expect(exception.details).toStrictEqual({ used: 1 });
    warn.mockRestore();
  });
});
