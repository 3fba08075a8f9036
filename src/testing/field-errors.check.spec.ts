import { expectValidationErrors } from './api-error.assertions';
import { failure } from './assertion-failure.spec-util';

const ID = 'e2cef6f6-296d-4044-b362-73fb2bce4a72';

function response(body: unknown, status = 422) {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': ID,
    },
    body,
  };
}

describe('expectValidationErrors', () => {
  const body = () => ({
    request_id: ID,
    error: {
      status: 'Unprocessable Entity',
      code: 'validation_failed',
      message: 'The given data was invalid.',
      docs: '/docs/errors/422/validation_failed',
      errors: {
        'owner.email': ['owner.email must be an email'],
        'items.0.sku': [
          'items.0.sku must be a string',
          'items.0.sku should not be empty',
        ],
      },
    },
  });
  const res = (b: unknown = body()) => response(b, 422);

  it('passes on paths, on exact messages, on patterns and on asymmetric matchers', () => {
    expect(() => expectValidationErrors(res(), ['owner.email'])).not.toThrow();
    expect(() =>
      expectValidationErrors(res(), ['items.0.sku', 'owner.email'], {
        exact: true,
      }),
    ).not.toThrow();
    expect(() =>
      expectValidationErrors(
        res(),
        {
          'owner.email': ['owner.email must be an email'],
          'items.0.sku': expect.arrayContaining([
            'items.0.sku should not be empty',
          ]),
        },
        { exact: true },
      ),
    ).not.toThrow();
    expect(() =>
      expectValidationErrors(res(), {
        'owner.email': /email/,
        'items.0.sku': 'items.0.sku must be a string',
      }),
    ).not.toThrow();
    expect(() =>
      expectValidationErrors(res(), { 'owner.email': expect.any(Array) }),
    ).not.toThrow();
  });

  it('fails on a missing field, listing the fields present', () => {
    const error = failure(() => expectValidationErrors(res(), ['owner.name']));
    expect(error.problems).toEqual([
      'error.errors["owner.name"]: missing (fields present: owner.email, items.0.sku)',
    ]);
    expect(error.message).toMatch(
      /^Expected the response to be a validation error \(HTTP 422\) with the field errors owner.name, but:/,
    );
    expect(error.message).toContain(
      '"owner.name": [\n          "<any message>"\n        ]',
    );
  });

  it('fails on extra fields when exact, and on wrong messages', () => {
    const error = failure(() =>
      expectValidationErrors(
        res(),
        { 'owner.email': ['must be an email'] },
        { exact: true },
      ),
    );
    expect(error.problems).toEqual([
      'error.errors["owner.email"]: expected ["must be an email"], received ["owner.email must be an email"]',
      'error.errors: unexpected fields "items.0.sku"',
    ]);
  });

  it('fails on a 422 without a field map, and on a map with empty message lists', () => {
    const noMap = body() as { error: Record<string, unknown> };
    delete noMap.error.errors;
    expect(
      failure(() => expectValidationErrors(res(noMap), [])).problems,
    ).toEqual(['error.errors: missing']);
    const empty = body();
    (empty.error.errors as Record<string, string[]>)['owner.email'] = [];
    expect(
      failure(() => expectValidationErrors(res(empty), [])).problems,
    ).toEqual(['error.errors.owner.email: must not be empty']);
  });

  it('fails on a 400 carrying field errors', () => {
    const b = {
      ...body(),
      error: {
        ...body().error,
        status: 'Bad Request',
        code: 'bad_request',
        docs: '/docs/errors/400/bad_request',
      },
    };
    expect(
      failure(() => expectValidationErrors(response(b, 400), ['owner.email']))
        .problems,
    ).toEqual([
      'HTTP status: expected 422, received 400',
      'error.status: expected "Unprocessable Entity", received "Bad Request"',
      'error.code: expected "validation_failed", received "bad_request"',
      'error.docs: expected "/docs/errors/422/validation_failed", received "/docs/errors/400/bad_request"',
    ]);
  });
});
