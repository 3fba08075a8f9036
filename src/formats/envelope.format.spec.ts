import { docsUrl, formatEnvelope } from './envelope.format';
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
