import type { ErrorRenderContext } from './error-format.interface';
import type { FieldError } from './field-error.interface';
import { formatNest } from './nest.format';

const context: ErrorRenderContext = {
  requestId: 'req-1',
  docs: '/docs/errors/404/not_found',
  method: 'GET',
  path: '/projects/9',
  timestamp: '2026-01-01T00:00:00.000Z',
  statusText: 'Not Found',
};

describe('formatNest', () => {
  it("writes Nest's shape plus code and request_id", () => {
    expect(
      formatNest(
        { status: 404, code: 'not_found', message: 'Nope.', unexpected: false },
        context,
      ),
    ).toStrictEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Nope.',
      timestamp: '2026-01-01T00:00:00.000Z',
      path: '/projects/9',
      code: 'not_found',
      request_id: 'req-1',
    });
  });

  it('adds cause and details only when present', () => {
    const body = formatNest(
      {
        status: 429,
        code: 'quota',
        message: 'Quota.',
        cause: 'Used 100 of 100.',
        details: { quota: 100 },
        unexpected: false,
      },
      { ...context, statusText: 'Too Many Requests' },
    );
    expect(body).toMatchObject({
      cause: 'Used 100 of 100.',
      details: { quota: 100 },
    });
  });

  /** The nest shape's `message` of a 422 with these fields. */
  const messagesOf = (fieldErrors: FieldError[]) =>
    formatNest(
      {
        status: 422,
        code: 'validation_failed',
        message: 'Invalid.',
        fieldErrors,
        unexpected: false,
      },
      context,
    ).message;

  it('makes a 422 message one string per failing field', () => {
    expect(
      messagesOf([
        {
          source: 'body',
          path: ['email'],
          messages: ['email is bad', 'email is empty'],
        },
        {
          source: 'query',
          path: ['page'],
          messages: ['page must be an integer'],
        },
      ]),
    ).toStrictEqual([
      'email is bad; email is empty',
      'page must be an integer',
    ]);
  });

  it('starts every field string with the field path', () => {
    expect(
      messagesOf([
        {
          source: 'body',
          path: ['owner', 'email'],
          messages: ['Invalid email address'],
        },
        {
          source: 'body',
          path: ['name'],
          messages: ['name is short', 'Too small'],
        },
        { source: 'body', path: [], messages: ['Passwords must match'] },
        { source: 'query', path: ['page'], messages: ['Expected a number'] },
      ]),
    ).toStrictEqual([
      'owner.email: Invalid email address',
      'name is short; Too small',
      'body: Passwords must match',
      'page: Expected a number',
    ]);
  });
});
