import { docsUrl, formatEnvelope, serializeEnvelope } from './envelope.format';
import type { NormalizedError } from './normalized-error.interface';

describe('formatEnvelope', () => {
  it.each<[NormalizedError, Record<string, unknown>]>([
    [
      {
        status: 401,
        code: 2000,
        message: 'Invalid key.',
        cause: 'No such key.',
        unexpected: false,
      },
      {
        status: 'Unauthorized',
        code: 2000,
        message: 'Invalid key.',
        cause: 'No such key.',
        docs: 'https://d/401/2000',
      },
    ],
    [
      {
        status: 404,
        code: 'not_found',
        message: 'Missing.',
        unexpected: false,
      },
      {
        status: 'Not Found',
        code: 'not_found',
        message: 'Missing.',
        docs: 'https://d/404/not_found',
      },
    ],
    [
      {
        status: 422,
        code: 'validation_failed',
        message: 'Invalid.',
        fieldErrors: [
          { source: 'body' as const, path: ['a'], messages: ['x'] },
        ],
        unexpected: false,
      },
      {
        status: 'Unprocessable Entity',
        code: 'validation_failed',
        message: 'Invalid.',
        docs: 'https://d/422/validation_failed',
        errors: { a: ['x'] },
      },
    ],
    [
      { status: 599, code: 'http_599', message: 'Odd.', unexpected: false },
      {
        status: 'Server Error',
        code: 'http_599',
        message: 'Odd.',
        docs: 'https://d/599/http_599',
      },
    ],
  ])('formats %p', (error, body) => {
    expect(formatEnvelope(error, 'req-1', 'https://d')).toStrictEqual({
      request_id: 'req-1',
      error: body,
    });
  });

  it('puts the fields in the contract order', () => {
    const envelope = formatEnvelope(
      {
        status: 400,
        code: 'c',
        message: 'm',
        cause: 'x',
        fieldErrors: [],
        unexpected: false,
      },
      'r',
      '/d',
    );
    expect(Object.keys(envelope.error)).toEqual([
      'status',
      'code',
      'message',
      'cause',
      'docs',
      'errors',
    ]);
  });

  it('encodes codes that are not URL-safe', () => {
    expect(docsUrl('/docs/errors', 400, 'a b/c')).toBe(
      '/docs/errors/400/a%20b%2Fc',
    );
  });

  it('answers each base, status and code with its own URL (remembered ones included)', () => {
    expect(docsUrl('/a', 404, 'not_found')).toBe('/a/404/not_found');
    expect(docsUrl('/a', 404, 'not_found')).toBe('/a/404/not_found');
    expect(docsUrl('/b', 404, 'not_found')).toBe('/b/404/not_found');
    expect(docsUrl('/b', 410, 'not_found')).toBe('/b/410/not_found');
    expect(docsUrl('/b', 410, 7)).toBe('/b/410/7');
    expect(docsUrl('/b', 410, '7')).toBe('/b/410/7');
  });

  it('stays right past the bound of remembered codes', () => {
    for (let i = 0; i < 2_500; i++)
      expect(docsUrl('/d', 400, `code_${i}`)).toBe(`/d/400/code_${i}`);
    expect(docsUrl('/d', 400, 'code_0')).toBe('/d/400/code_0');
  });
});

describe('serializeEnvelope', () => {
  const errors: Array<[string, NormalizedError]> = [
    [
      'a plain 404',
      {
        status: 404,
        code: 'not_found',
        message: 'Missing.',
        unexpected: false,
      },
    ],
    [
      'a numeric code with a cause',
      {
        status: 401,
        code: 2000,
        message: 'Invalid key.',
        cause: 'No such key.',
        unexpected: false,
      },
    ],
    [
      'text JSON must escape',
      {
        status: 400,
        code: 'bad "code"/\\',
        message: 'Quote " backslash \\ newline \n tab \t é € 😀 \u0001 \ud800',
        cause: '</script>',
        unexpected: false,
      },
    ],
    [
      'field errors and details',
      {
        status: 422,
        code: 'validation_failed',
        message: 'Invalid.',
        fieldErrors: [
          { source: 'body', path: ['email'], messages: ['must be an email'] },
          { source: 'query', path: ['page'], messages: ['must be a number'] },
          { source: 'body', path: ['email'], messages: ['is required'] },
        ],
        details: { limit: 10, nested: { list: [1, 'two', null] } },
        unexpected: false,
      },
    ],
    [
      'a status Node does not name',
      { status: 499, code: 'closed', message: 'Closed.', unexpected: false },
    ],
    [
      'values a custom normalize() may leave (not strings)',
      {
        status: 500,
        code: 'internal',
        message: undefined as unknown as string,
        cause: 42 as unknown as string,
        unexpected: true,
      },
    ],
  ];

  it.each(errors)(
    'writes the same JSON as the envelope object: %s',
    (_, error) => {
      for (const id of [
        'e2cef6f6-296d-4044-b362-73fb2bce4a72',
        'id-with-"quote"',
      ]) {
        expect(serializeEnvelope(error, id, 'https://d')).toBe(
          JSON.stringify(formatEnvelope(error, id, 'https://d')),
        );
      }
    },
  );

  it('writes each base, status and code with its own docs link (remembered ones included)', () => {
    const error: NormalizedError = {
      status: 404,
      code: 'gone',
      message: 'Gone.',
      unexpected: false,
    };
    for (const [base, status] of [
      ['https://a', 404],
      ['https://b', 404],
      ['https://a', 410],
      ['https://a', 404],
    ] as const) {
      const text = serializeEnvelope({ ...error, status }, 'id', base);
      expect(JSON.parse(text)).toEqual(
        formatEnvelope({ ...error, status }, 'id', base),
      );
    }
  });
});
