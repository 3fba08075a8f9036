import { BUILT_IN_FORMATS } from '../formats/built-in.formats';
import { expectApiError, expectValidationErrors } from './api-error.assertions';
import { readerFor } from './error-body.reader';
import { alignParameterKeys } from './format-readers';

const problemResponse = (body: object, status = 404) => ({
  status,
  headers: {
    'content-type': 'application/problem+json; charset=utf-8',
    'x-request-id': 'r1',
  },
  body,
});

const PROBLEM_404 = {
  type: '/docs/errors/404/not_found',
  title: 'The requested resource does not exist.',
  status: 404,
  detail: 'Project 42 was not found.',
  instance: '/projects/42',
  code: 'not_found',
  request_id: 'r1',
};

describe('the kit reads problem details', () => {
  it('passes a correct body, reading title and detail for the message', () => {
    expect(() =>
      expectApiError(problemResponse(PROBLEM_404), 404, {
        message: 'Project 42 was not found.',
        cause: null,
      }),
    ).not.toThrow();
    expect(() =>
      expectApiError(problemResponse(PROBLEM_404), {
        status: 404,
        code: 'not_found',
        message: 'The requested resource does not exist.',
      }),
    ).not.toThrow();
  });

  it('names the problem members in its report', () => {
    expect(() =>
      expectApiError(
        problemResponse({ ...PROBLEM_404, type: '/elsewhere', extra: 1 }),
        404,
      ),
    ).toThrow(
      /- extra: unexpected field \(1\)\n.*- type: expected "\/docs\/errors\/404\/not_found", received "\/elsewhere"/s,
    );
  });

  it('reads pointers and parameters as field paths', () => {
    const res = problemResponse(
      {
        ...PROBLEM_404,
        type: '/docs/errors/422/validation_failed',
        title: 'The given data was invalid.',
        status: 422,
        code: 'validation_failed',
        detail: undefined,
        errors: [
          { detail: 'bad email', pointer: '#/owner/email' },
          { detail: 'odd', pointer: '#/a~1b~0c/%C3%A9' },
          { detail: 'page must be positive', parameter: 'page' },
          { detail: 'Passwords must match', pointer: '#' },
        ],
      },
      422,
    );
    delete (res.body as { detail?: string }).detail;
    expect(() =>
      expectValidationErrors(
        res,
        {
          'owner.email': ['bad email'],
          'a/b~c.é': ['odd'],
          'query.page': ['page must be positive'],
          body: ['Passwords must match'],
        },
        { exact: true },
      ),
    ).not.toThrow();
  });
});

describe('the kit reads the nest shape', () => {
  const nest = (body: object, status = 404) => ({
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': 'r1',
    },
    body: {
      statusCode: status,
      error: 'Not Found',
      timestamp: '2026-01-01T00:00:00.000Z',
      path: '/x',
      code: 'not_found',
      request_id: 'r1',
      ...body,
    },
  });

  it('checks message, code and request id', () => {
    expect(() =>
      expectApiError(nest({ message: 'Nope.' }), 404, {
        format: 'nest',
        message: 'Nope.',
      }),
    ).not.toThrow();
    expect(() =>
      expectApiError(nest({ message: 'Nope.', request_id: 'other' }), 404, {
        format: 'nest',
      }),
    ).toThrow(/request_id: "other" differs from the x-request-id header "r1"/);
  });

  it('keys 422 messages by the path they start with, with or without a colon', () => {
    const res = nest(
      {
        error: 'Unprocessable Entity',
        code: 'validation_failed',
        message: [
          'name must be longer than or equal to 3 characters',
          'owner.email: Invalid email address',
          'body: Passwords must match',
        ],
      },
      422,
    );
    expect(() =>
      expectValidationErrors(res, ['name', 'owner.email', 'body'], {
        format: 'nest',
        exact: true,
      }),
    ).not.toThrow();
  });

  it('refuses an envelope when the app answers the nest shape', () => {
    expect(() =>
      expectApiError(
        {
          status: 404,
          headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
          body: { request_id: 'r1', error: { status: 'Not Found' } },
        },
        404,
        { format: 'nest' },
      ),
    ).toThrow(/statusCode: missing/);
  });
});

describe('readerFor', () => {
  it('reads a custom format through its read()', () => {
    const reader = readerFor(
      { headers: {} },
      {
        contentType: 'application/vnd.x+json',
        render: () => ({}),
        read: (body: unknown) => ({ message: (body as { m: string }).m }),
      },
    );
    const read = reader.read({ m: 'x' });
    expect(reader.mediaType).toBe('application/vnd.x+json');
    expect([...read.carries]).toEqual(['message']);
    expect(read.message).toBe('x');
    expect(reader.render({ message: read.message })).toEqual({
      error: { message: 'x' },
    });
  });

  it('reports a read() that throws or finds nothing', () => {
    const format = {
      contentType: 'application/json',
      render: () => ({}),
      read: () => {
        throw new Error('boom');
      },
    };
    expect(readerFor({ headers: {} }, format).shapeProblems({}, false)).toEqual(
      ["body: the format's read() failed: boom"],
    );
  });

  it('reads a built-in format object as the built-in', () => {
    expect(readerFor({ headers: {} }, BUILT_IN_FORMATS.nest).format).toBe(
      'nest',
    );
  });

  it('reads an application/problem+json response as problem details, whatever the format', () => {
    expect(
      readerFor(
        { headers: { 'content-type': 'application/problem+json' } },
        'envelope',
      ).format,
    ).toBe('problem');
  });

  it('aligns parameter keys with the expected source', () => {
    expect(
      alignParameterKeys({ 'parameter.page': ['a'], id: ['b'] }, [
        'query.page',
        'params.id',
      ]),
    ).toEqual({ 'query.page': ['a'], 'params.id': ['b'] });
  });
});
