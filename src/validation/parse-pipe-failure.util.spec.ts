import type { NormalizedError } from '../formats/normalized-error.interface';
import { nameFailedParameter } from './parse-pipe-failure.util';

const failure = (expected: string): NormalizedError => ({
  status: 400,
  code: 'bad_request',
  message: `Validation failed (${expected} is expected)`,
  unexpected: false,
});

const express = (path: string, params: object, query: object = {}) => ({
  route: { path },
  params,
  query,
});

describe('nameFailedParameter', () => {
  it('names the declared path parameter, never a query key the client chose', () => {
    const request = express(
      '/items/:id',
      { id: '1.5' },
      { '<script>x</script>': '1' },
    );
    expect(
      nameFailedParameter(failure('numeric string'), request).message,
    ).toBe('The path parameter "id" is invalid: numeric string is expected.');
  });

  it("reads Fastify's routeOptions", () => {
    const request = {
      routeOptions: { url: '/p/:uuid' },
      params: { uuid: 'nope' },
    };
    expect(nameFailedParameter(failure('uuid v4'), request).message).toBe(
      'The path parameter "uuid" is invalid: uuid v4 is expected.',
    );
  });

  it.each([
    ['no matched route', { params: { id: 'x' } }, 'numeric string'],
    [
      'two failing parameters',
      express('/:a/:b', { a: 'x', b: 'y' }),
      'numeric string',
    ],
    [
      'an enum (cannot be checked)',
      express('/:kind', { kind: 'x' }),
      'enum string',
    ],
    [
      'only a query value fails',
      express('/items/:id', { id: '7' }, { page: 'x' }),
      'numeric string',
    ],
  ])('keeps the generic message with %s', (_label, request, expected) => {
    const error = failure(expected);
    expect(nameFailedParameter(error, request)).toBe(error);
  });
});
