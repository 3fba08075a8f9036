import { expectApiError } from './api-error.assertions';
import { configureApiErrorTesting } from './testing.options';
import { AppErrors } from '../catalog/sample-errors.spec-util';
import { failure } from './assertion-failure.spec-util';

const ID = 'e2cef6f6-296d-4044-b362-73fb2bce4a72';

/** A supertest-shaped response carrying `body`. */
function response(
  body: unknown,
  status = 401,
  headers: Record<string, string> = {},
) {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': ID,
      ...headers,
    },
    body,
  };
}

const invalidKey = () => ({
  request_id: ID,
  error: {
    status: 'Unauthorized',
    code: 2000,
    message: 'The API key provided is invalid.',
    cause: 'This key does not exist.',
    docs: '/docs/errors/401/2000',
  },
});

describe('expectApiError', () => {
  afterEach(() => configureApiErrorTesting());

  it('passes on the exact envelope of a catalog error, with or without checking cause', () => {
    expect(() =>
      expectApiError(response(invalidKey()), AppErrors.InvalidApiKey),
    ).not.toThrow();
    expect(() =>
      expectApiError(response(invalidKey()), AppErrors.InvalidApiKey, {
        cause: 'This key does not exist.',
      }),
    ).not.toThrow();
    expect(() =>
      expectApiError(response(invalidKey()), AppErrors.InvalidApiKey, {
        cause: /does not exist/,
      }),
    ).not.toThrow();
  });

  it('passes on a built-in error named by its status, whatever its message', () => {
    const body = {
      request_id: ID,
      error: {
        status: 'Not Found',
        code: 'not_found',
        message: 'Cannot GET /x',
        docs: '/docs/errors/404/not_found',
      },
    };
    expect(() => expectApiError(response(body, 404), 404)).not.toThrow();
    expect(() =>
      expectApiError(response(body, 404), 404, {
        message: 'Cannot GET /x',
        cause: null,
      }),
    ).not.toThrow();
  });

  it('fails on a wrong code, showing expected and received envelopes whole', () => {
    const body = {
      ...invalidKey(),
      error: { ...invalidKey().error, code: '2000' },
    };
    const error = failure(() =>
      expectApiError(response(body), AppErrors.InvalidApiKey),
    );
    expect(error.message)
      .toBe(`Expected the response to be the API error 2000 (HTTP 401), but:
  - error.code: expected 2000, received "2000"

Expected:
  HTTP 401, content-type: application/json, x-request-id: equal to request_id
  {
    "request_id": "${ID}",
    "error": {
      "status": "Unauthorized",
      "code": 2000,
      "message": "The API key provided is invalid.",
      "cause": "This key does not exist.",
      "docs": "/docs/errors/401/2000"
    }
  }
Received:
  HTTP 401, content-type: application/json; charset=utf-8, x-request-id: ${ID}
  {
    "request_id": "${ID}",
    "error": {
      "status": "Unauthorized",
      "code": "2000",
      "message": "The API key provided is invalid.",
      "cause": "This key does not exist.",
      "docs": "/docs/errors/401/2000"
    }
  }`);
    expect(error.problems).toEqual([
      'error.code: expected 2000, received "2000"',
    ]);
    expect(error.expected).toEqual(invalidKey());
    expect(error.actual).toEqual(body);
    expect(error.name).toBe('ApiErrorAssertionError');
    expect(error.stack).toContain(__filename);
  });

  it('fails when the request-id header is missing', () => {
    const res = response(invalidKey());
    delete (res.headers as Record<string, string>)['x-request-id'];
    const error = failure(() => expectApiError(res, AppErrors.InvalidApiKey));
    expect(error.problems).toEqual(['x-request-id header: missing']);
    expect(error.message).toContain(
      'Received:\n  HTTP 401, content-type: application/json; charset=utf-8, x-request-id: (none)',
    );
  });

  it('fails when the body request_id differs from the header', () => {
    const error = failure(() =>
      expectApiError(
        response(invalidKey(), 401, { 'x-request-id': 'other-id' }),
        AppErrors.InvalidApiKey,
      ),
    );
    expect(error.problems).toEqual([
      `request_id: "${ID}" differs from the x-request-id header "other-id"`,
    ]);
  });

  it('fails on an extra field in the envelope, at either level', () => {
    const body = {
      ...invalidKey(),
      trace: 'abc',
      error: { ...invalidKey().error, stack: 'Error: boom\n    at x' },
    };
    const error = failure(() =>
      expectApiError(response(body), AppErrors.InvalidApiKey),
    );
    expect(error.problems).toEqual([
      'error.stack: unexpected field ("Error: boom\\n    at x")',
      'trace: unexpected field ("abc")',
    ]);
    expect(error.message).toContain('"stack": "Error: boom\\n    at x"');
  });

  it('fails on a 500 dressed as a 404', () => {
    const body = {
      request_id: ID,
      error: {
        status: 'Internal Server Error',
        code: 'internal_error',
        message:
          'An unexpected error occurred. Retry later, or contact support with the request id.',
        docs: '/docs/errors/500/internal_error',
      },
    };
    const error = failure(() => expectApiError(response(body, 404), 404));
    expect(error.problems).toEqual([
      'error.status: expected "Not Found", received "Internal Server Error"',
      'error.code: expected "not_found", received "internal_error"',
      'error.docs: expected "/docs/errors/404/not_found", received "/docs/errors/500/internal_error"',
    ]);
    expect(error.message).toMatch(
      /^Expected the response to be the API error "not_found" \(HTTP 404\), but:/,
    );
  });

  it('fails on a wrong HTTP status, message, cause and content type', () => {
    const body = {
      ...invalidKey(),
      error: { ...invalidKey().error, message: 'Nope.' },
    };
    const error = failure(() =>
      expectApiError(
        response(body, 403, { 'content-type': 'text/html' }),
        AppErrors.InvalidApiKey,
        { cause: null },
      ),
    );
    expect(error.problems).toEqual([
      'HTTP status: expected 401, received 403',
      'content-type header: expected application/json, received "text/html"',
      'error.message: expected "The API key provided is invalid.", received "Nope."',
      'error.cause: expected none, received "This key does not exist."',
    ]);
  });

  it('fails on null, empty and missing fields', () => {
    const body = {
      request_id: ID,
      error: { status: 'Unauthorized', code: 2000, message: '', cause: null },
    };
    const error = failure(() =>
      expectApiError(response(body), AppErrors.InvalidApiKey),
    );
    expect(error.problems).toEqual([
      'error.docs: missing',
      'error.message: must not be empty',
      'error.cause: expected string, received null',
      'error.message: expected "The API key provided is invalid.", received ""',
      'error.docs: expected "/docs/errors/401/2000", received (none)',
    ]);
  });

  it('fails on a body that is not JSON, showing it', () => {
    const res = {
      statusCode: 401,
      headers: { 'x-request-id': ID, 'content-type': 'text/html' },
      body: '<h1>Unauthorized</h1>',
    };
    const error = failure(() => expectApiError(res, AppErrors.InvalidApiKey));
    expect(error.problems).toContain(
      'body: expected object, received "<h1>Unauthorized</h1>"',
    );
    expect(error.message).toContain('(not JSON) "<h1>Unauthorized</h1>"');
  });

  it('checks the expected request id and the configured docs base URL and header', () => {
    const body = {
      ...invalidKey(),
      error: {
        ...invalidKey().error,
        docs: 'https://api.example.com/docs/errors/401/2000',
      },
    };
    const res = {
      status: 401,
      headers: { 'content-type': 'application/json', 'x-correlation-id': ID },
      body,
    };
    configureApiErrorTesting({
      docsBaseUrl: 'https://api.example.com/docs/errors/',
      requestIdHeader: 'X-Correlation-Id',
    });
    expect(() =>
      expectApiError(res, AppErrors.InvalidApiKey, { requestId: ID }),
    ).not.toThrow();
    expect(
      failure(() =>
        expectApiError(res, AppErrors.InvalidApiKey, { requestId: 'sent-id' }),
      ).problems,
    ).toEqual([`request_id: expected "sent-id", received "${ID}"`]);
    expect(
      failure(() =>
        expectApiError(res, AppErrors.InvalidApiKey, {
          docsBaseUrl: '/docs/errors',
        }),
      ).problems,
    ).toEqual([
      'error.docs: expected "/docs/errors/401/2000", received "https://api.example.com/docs/errors/401/2000"',
    ]);
  });

  it('expects overridden built-in codes when configured like the module', () => {
    const body = {
      request_id: ID,
      error: {
        status: 'Not Found',
        code: 'resource_missing',
        message: 'Missing.',
        docs: '/docs/errors/404/resource_missing',
      },
    };
    expect(() =>
      expectApiError(response(body, 404), 404, {
        builtInErrors: { NotFound: { code: 'resource_missing' } },
      }),
    ).not.toThrow();
  });

  it.each([
    [
      'a Fastify inject response',
      {
        statusCode: 401,
        headers: { 'content-type': 'application/json', 'x-request-id': ID },
        body: JSON.stringify(invalidKey()),
        payload: JSON.stringify(invalidKey()),
      },
    ],
    [
      'a fetch Response with its body',
      {
        response: new Response(null, {
          status: 401,
          headers: { 'Content-Type': 'application/json', 'X-Request-Id': ID },
        }),
        body: invalidKey(),
      },
    ],
    [
      'a supertest response whose body was not parsed',
      {
        status: 401,
        headers: { 'content-type': 'application/json', 'x-request-id': [ID] },
        body: {},
        text: JSON.stringify(invalidKey()),
      },
    ],
  ])('reads %s', (_, res) => {
    expect(() =>
      expectApiError(res as never, AppErrors.InvalidApiKey),
    ).not.toThrow();
  });

  it('explains misuse instead of failing obscurely', () => {
    expect(() => expectApiError(new Response('{}') as never, 404)).toThrow(
      'Received a fetch Response without its body. Read it first and pass both: { response, body: await response.json() }.',
    );
    expect(() => expectApiError(undefined as never, 404)).toThrow(
      'Expected an HTTP response, received undefined.',
    );
    expect(() => expectApiError(response({}), 499)).toThrow(
      'No built-in error answers HTTP 499.',
    );
    expect(() => expectApiError(response({}), 'NotFound' as never)).toThrow(
      'Expected an error definition',
    );
  });
});
