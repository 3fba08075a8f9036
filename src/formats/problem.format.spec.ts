import type { ErrorRenderContext } from './error-format.interface';
import { jsonPointer } from './json-pointer.util';
import type { NormalizedError } from './normalized-error.interface';
import { formatProblem } from './problem.format';

const context: ErrorRenderContext = {
  requestId: 'req-1',
  docs: 'https://d/401/2000',
  method: 'GET',
  path: '/keys/1',
  timestamp: '2026-01-01T00:00:00.000Z',
  statusText: 'Unauthorized',
};

describe('formatProblem', () => {
  it.each<[string, Partial<NormalizedError>, Record<string, unknown>]>([
    [
      'a catalog error with a cause',
      { message: 'Invalid key.', cause: 'No such key.' },
      { title: 'Invalid key.', detail: 'No such key.' },
    ],
    [
      'no cause: no detail',
      { message: 'Invalid key.' },
      { title: 'Invalid key.' },
    ],
    [
      "the occurrence's own message becomes the detail",
      { message: 'Project 42 was not found.', title: 'Not found.' },
      { title: 'Not found.', detail: 'Project 42 was not found.' },
    ],
    [
      'own message and cause, joined',
      { message: 'Bad cursor', title: 'Bad request.', cause: 'It expired.' },
      { title: 'Bad request.', detail: 'Bad cursor. It expired.' },
    ],
  ])('%s', (_, fields, expected) => {
    const error: NormalizedError = {
      status: 401,
      code: 2000,
      message: 'Invalid key.',
      unexpected: false,
      ...fields,
    };
    expect(formatProblem(error, context)).toStrictEqual({
      type: 'https://d/401/2000',
      ...expected,
      status: 401,
      instance: '/keys/1',
      code: 2000,
      request_id: 'req-1',
    });
  });

  it('puts the RFC members first, extensions after', () => {
    const body = formatProblem(
      {
        status: 422,
        code: 'validation_failed',
        message: 'Invalid.',
        cause: 'x',
        details: { truncated: true },
        fieldErrors: [],
        unexpected: false,
      },
      context,
    );
    expect(Object.keys(body)).toEqual([
      'type',
      'title',
      'status',
      'detail',
      'instance',
      'code',
      'request_id',
      'details',
      'errors',
    ]);
  });

  it('lists one entry per message: pointers for the body, parameters otherwise', () => {
    const body = formatProblem(
      {
        status: 422,
        code: 'validation_failed',
        message: 'Invalid.',
        fieldErrors: [
          { source: 'body', path: ['owner', 'email'], messages: ['a', 'b'] },
          { source: 'body', path: ['items', 0, 'a/b~c'], messages: ['c'] },
          { source: 'query', path: ['page'], messages: ['d'] },
          { source: 'params', path: ['id'], messages: ['e'] },
          { source: 'body', path: [], messages: ['f'] },
          { source: 'query', path: [], messages: ['g'] },
        ],
        unexpected: false,
      },
      context,
    );
    expect(body.errors).toStrictEqual([
      { detail: 'a', pointer: '#/owner/email' },
      { detail: 'b', pointer: '#/owner/email' },
      { detail: 'c', pointer: '#/items/0/a~1b~0c' },
      { detail: 'd', parameter: 'page' },
      { detail: 'e', parameter: 'id' },
      { detail: 'f', pointer: '#' },
      { detail: 'g', parameter: 'query' },
    ]);
  });
});

describe('jsonPointer', () => {
  it.each<[Array<string | number>, string]>([
    [[], '#'],
    [['a', 0], '#/a/0'],
    [['~/'], '#/~0~1'],
    [[''], '#/'],
    [['a b', 'é', '#%'], '#/a%20b/%C3%A9/%23%25'],
  ])('%p → %s', (path, pointer) => {
    expect(jsonPointer(path)).toBe(pointer);
  });
});
