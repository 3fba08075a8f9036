import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { spec } from 'pactum';

import '../src/testing/jest';
import {
  configureApiErrorTesting,
  expectApiError,
  expectValidationErrors,
} from '../src/testing';
import type { HttpResponseLike } from '../src/testing';
import { AppErrors } from './fixtures/app.errors';
import { AppModule } from './fixtures/app.module';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

type Transport = (
  app: INestApplication,
  path: string,
  init?: { body?: object; headers?: Record<string, string> },
) => Promise<HttpResponseLike>;

/** The response shapes the kit reads, each from a real request. */
const transports: Record<string, Transport> = {
  supertest: async (app, path, init = {}) => {
    const req = init.body
      ? http(app).post(path).send(init.body)
      : http(app).get(path);
    return req.set(init.headers ?? {});
  },
  fetch: async (app, path, init = {}) => {
    const response = await fetch(`${await app.getUrl()}${path}`, {
      method: init.body ? 'POST' : 'GET',
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { response, body: await response.json() };
  },
  pactum: async (app, path, init = {}) => {
    const request = spec()
      .withMethod(init.body ? 'POST' : 'GET')
      .withPath(`${await app.getUrl()}${path}`)
      .withHeaders(init.headers ?? {});
    if (init.body) request.withJson(init.body);
    // The type pactum gives its responses (e.g. in `stores`): no cast needed.
    const res: IncomingMessage & { body: Record<string, unknown> } =
      await request.toss();
    return res;
  },
  inject: async (app, path, init = {}) => {
    const fastify = app.getHttpAdapter().getInstance();
    return fastify.inject({
      method: init.body ? 'POST' : 'GET',
      url: path,
      payload: init.body,
      headers: init.headers,
    });
  },
};

function transportsFor(Adapter: unknown): Array<[string, Transport]> {
  return Object.entries(transports).filter(
    ([name]) => name !== 'inject' || Adapter === FastifyAdapter,
  );
}

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail, it passed');
}

describe.each(platforms)('testing kit on real responses (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter);
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  describe.each(transportsFor(Adapter))('through %s', (_, send) => {
    it('passes on every kind of error the module answers', async () => {
      expectApiError(
        await send(app, '/api-exception'),
        AppErrors.InvalidApiKey,
        { cause: 'This key does not exist.' },
      );
      expectApiError(
        await send(app, '/api-exception/plain'),
        AppErrors.ProjectNotFound,
        { cause: null },
      );
      expectApiError(await send(app, '/nest/not-found'), 404, {
        message: 'Project 42 was not found.',
      });
      expectApiError(await send(app, '/no/such/route'), 404, {
        message: /^Cannot GET/,
      });
      expectApiError(await send(app, '/throw/error'), 500, { cause: null });
      expectApiError(
        await send(app, '/unauthorized', {
          headers: { 'x-request-id': 'client-id-1' },
        }),
        401,
        {
          requestId: 'client-id-1',
        },
      );
      expectValidationErrors(
        await send(app, '/signup', { body: { email: 'nope', password: 1 } }),
        {
          email: ['email must be an email'],
          password: expect.arrayContaining(['password must be a string']),
        },
        { exact: true },
      );
    });

    it('passes through the Jest matchers', async () => {
      expect(await send(app, '/api-exception')).toBeApiError(
        AppErrors.InvalidApiKey,
      );
      expect(await send(app, '/api-exception')).not.toBeApiError(
        AppErrors.ProjectNotFound,
      );
      expect(
        await send(app, '/signup', { body: { email: 'a@b.co' } }),
      ).toHaveFieldErrors(['password'], { exact: true });
    });

    it('fails on a wrong code, naming it', async () => {
      const res = await send(app, '/api-exception');
      expect(
        messageOf(() => expectApiError(res, AppErrors.ProjectNotFound)),
      ).toContain(
        'Expected the response to be the API error "project_not_found" (HTTP 404), but:\n' +
          '  - HTTP status: expected 404, received 401\n' +
          '  - error.status: expected "Not Found", received "Unauthorized"\n' +
          '  - error.code: expected "project_not_found", received 2000\n',
      );
    });

    it('fails when the request-id header is not the one the test expects', async () => {
      const res = await send(app, '/api-exception');
      expect(
        messageOf(() =>
          expectApiError(res, AppErrors.InvalidApiKey, {
            requestIdHeader: 'x-correlation-id',
          }),
        ),
      ).toMatch(
        /^Expected the response to be the API error 2000 \(HTTP 401\), but:\n {2}- x-correlation-id header: missing\n\nExpected:/,
      );
    });

    it('fails on a 500 when a 404 was expected', async () => {
      const res = await send(app, '/throw/error');
      const message = messageOf(() => expectApiError(res, 404));
      expect(message).toContain(
        '  - HTTP status: expected 404, received 500\n',
      );
      expect(message).toContain('"code": "internal_error"');
    });

    it('fails on a missing field error, listing the ones present', async () => {
      const res = await send(app, '/signup', {
        body: { email: 'nope', password: 'long enough' },
      });
      expect(
        messageOf(() => expectValidationErrors(res, ['password'])),
      ).toContain(
        '  - error.errors["password"]: missing (fields present: email)\n',
      );
    });
  });
});

describe.each(platforms)(
  'testing kit configured like the app (%p)',
  (Adapter) => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(
        AppModule.withOptions({
          catalog: AppErrors,
          docsBaseUrl: 'https://api.example.com/docs/errors/',
          requestIdHeader: 'X-Correlation-Id',
          builtInErrors: { NotFound: { code: 'resource_missing' } },
        }),
        Adapter,
      );
      configureApiErrorTesting({
        docsBaseUrl: 'https://api.example.com/docs/errors/',
        requestIdHeader: 'X-Correlation-Id',
        builtInErrors: { NotFound: { code: 'resource_missing' } },
      });
    });
    afterAll(async () => {
      configureApiErrorTesting();
      await app.close();
    });

    it('expects the configured docs URL, header and built-in codes', async () => {
      expectApiError(
        await http(app).get('/api-exception'),
        AppErrors.InvalidApiKey,
      );
      expectApiError(await http(app).get('/no/such/route'), 404);
      expectApiError(
        await http(app).get('/unauthorized').set('x-correlation-id', 'abc-123'),
        401,
        { requestId: 'abc-123' },
      );
    });

    it('fails when the test forgets the configuration', async () => {
      const res = await http(app).get('/api-exception');
      expect(
        messageOf(() =>
          expectApiError(res, AppErrors.InvalidApiKey, {
            docsBaseUrl: '/docs/errors',
          }),
        ),
      ).toContain(
        '  - error.docs: expected "/docs/errors/401/2000", received "https://api.example.com/docs/errors/401/2000"\n',
      );
    });
  },
);
