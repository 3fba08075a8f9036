import { Logger } from '@nestjs/common';

import { resolveErrorsOptions } from '../errors-module.options';
import { BUILT_IN_FORMATS } from '../formats/built-in.formats';
import type { NormalizedError } from '../formats/normalized-error.interface';
import { chooseFormat, renderContext, renderSafely } from './render.util';

const error: NormalizedError = {
  status: 404,
  code: 'not_found',
  message: 'Missing.',
  unexpected: false,
};

describe('chooseFormat', () => {
  it('reads no header while negotiate is off', () => {
    const request = {
      get headers(): never {
        throw new Error('read');
      },
    };
    expect(chooseFormat(resolveErrorsOptions(), request)).toBe(
      BUILT_IN_FORMATS.envelope,
    );
  });

  it('keeps the configured format without a request (Node parser errors)', () => {
    const options = resolveErrorsOptions({ format: 'nest', negotiate: true });
    expect(chooseFormat(options, undefined)).toBe(BUILT_IN_FORMATS.nest);
  });

  it.each([
    [{ accept: 'application/problem+json' }, 'problem'],
    [{ accept: ['application/json', 'application/problem+json'] }, 'problem'],
    [{ accept: 'text/html' }, 'nest'],
    [{}, 'nest'],
  ] as const)('negotiates %p → %s', (headers, name) => {
    const options = resolveErrorsOptions({ format: 'nest', negotiate: true });
    expect(chooseFormat(options, { headers })).toBe(BUILT_IN_FORMATS[name]);
    // Fastify wraps the Node request in `.raw`.
    expect(chooseFormat(options, { raw: { headers } })).toBe(
      BUILT_IN_FORMATS[name],
    );
  });
});

describe('renderContext', () => {
  it.each([
    [{ method: 'POST', url: '/a/b?x=1' }, 'POST', '/a/b'],
    [{ method: 'GET', originalUrl: '/v1/a?b', url: '/a' }, 'GET', '/v1/a'],
    [{}, 'GET', '/'],
    [undefined, 'GET', '/'],
  ])('%p → %s %s', (request, method, path) => {
    const context = renderContext(error, 'r', request, 'https://d');
    expect(context).toMatchObject({
      requestId: 'r',
      docs: 'https://d/404/not_found',
      method,
      path,
      statusText: 'Not Found',
    });
    expect(new Date(context.timestamp).toISOString()).toBe(context.timestamp);
  });
});

describe('renderSafely', () => {
  const logger = new Logger('test');
  beforeEach(() => jest.spyOn(logger, 'error').mockImplementation(() => {}));

  it('serializes the body', () => {
    expect(
      renderSafely(
        { contentType: 'x/y', render: () => ({ a: 1 }) },
        error,
        renderContext(error, 'r', {}, '/d'),
        () => ({ contentType: 'fallback', body: {} }),
        logger,
      ),
    ).toEqual({ contentType: 'x/y', body: '{"a":1}' });
  });

  it('sends a string as is', () => {
    expect(
      renderSafely(
        { contentType: 'text/plain', render: () => 'Not found' },
        error,
        renderContext(error, 'r', {}, '/d'),
        () => ({ contentType: 'fallback', body: {} }),
        logger,
      ).body,
    ).toBe('Not found');
  });
});
