import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';

import { AppModule } from './fixtures/app.module';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const ALLOWED = 'https://app.example';
const REFUSED = 'https://evil.example';
const PREFLIGHT_MESSAGE =
  'A CORS preflight request needs the Origin and Access-Control-Request-Method headers.';

/** `enableCors()` with an origin callback that fails for one origin, as an allow-list lookup can. */
function withCors(options: Record<string, unknown> = {}) {
  return (app: INestApplication) =>
    app.enableCors({
      origin: (
        origin: string | undefined,
        callback: (error: Error | null, allow?: boolean) => void,
      ) =>
        origin === REFUSED
          ? callback(new Error(`Origin lookup failed for ${origin}`))
          : callback(null, true),
      ...options,
    });
}

describe.each(platforms)('CORS layer errors (%p)', (Adapter) => {
  const fastify = Adapter.name === 'FastifyAdapter';
  let app: INestApplication;
  let logger: CaptureLogger;

  beforeAll(async () => {
    logger = new CaptureLogger();
    app = await createApp(AppModule.withOptions(), Adapter, {
      setup: withCors(),
      logger,
    });
  });
  afterAll(() => app.close());
  beforeEach(() => logger.entries.splice(0));

  it.each([
    ['a request', 'get', {}],
    ['a preflight', 'options', { 'access-control-request-method': 'GET' }],
  ] as const)(
    'answers an origin callback failure on %s with the 500 envelope, logged once',
    async (_name, method, headers) => {
      const res = await http(app)
        [method]('/ok')
        .set({ origin: REFUSED, ...headers })
        .set('x-request-id', 'cors-500');
      expectEnvelope(res, {
        status: 500,
        code: 'internal_error',
        message:
          'An unexpected error occurred. Retry later, or contact support with the request id.',
      });
      expect(res.headers['x-request-id']).toBe('cors-500');
      expect(res.text).not.toContain('lookup failed');
      const errors = logger.errors();
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toBe(
        `${method.toUpperCase()} /ok failed (request_id cors-500): Origin lookup failed for ${REFUSED}`,
      );
    },
  );

  it.each([
    ['without Access-Control-Request-Method', { origin: ALLOWED }],
    ['without Origin', { 'access-control-request-method': 'GET' }],
    ['with neither header', {}],
  ])(
    'answers an OPTIONS request %s (Fastify: strict preflight 400 as the envelope)',
    async (_name, headers) => {
      const res = await http(app)
        .options('/ok')
        .set(headers)
        .set('x-request-id', 'preflight-2');
      expect(res.headers['x-request-id']).toBe('preflight-2');
      if (fastify) {
        // @fastify/cors refuses it itself (`strictPreflight`, on by default).
        expectEnvelope(res, {
          status: 400,
          code: 'bad_request',
          message: PREFLIGHT_MESSAGE,
        });
        expect(res.headers['cache-control']).toBe('no-store');
        expect(logger.errors()).toEqual([]);
      } else {
        // Express's `cors` answers every OPTIONS request as a preflight.
        expect(res.status).toBe(204);
        expect(res.text).toBe('');
      }
      if ('origin' in headers)
        expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    },
  );

  it("keeps the CORS headers on a handler's success", async () => {
    const res = await http(app).get('/ok').set('origin', ALLOWED);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
  });
});

describe.each(platforms)('CORS without a strict preflight (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter, {
      setup: withCors({ strictPreflight: false }),
    });
  });
  afterAll(() => app.close());

  it('answers an OPTIONS request without Access-Control-Request-Method with 204 on both adapters', async () => {
    const res = await http(app).options('/ok').set('origin', ALLOWED);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['x-request-id']).toBeDefined();
  });
});

/** Each adapter's CORS layer; @fastify/cors also in its later hook, after the body is read. */
const corsLayers = [
  ...platforms.map((Adapter) => [Adapter.name, Adapter, undefined] as const),
  [
    'FastifyAdapter, @fastify/cors hook: preHandler',
    FastifyAdapter,
    'preHandler',
  ] as const,
];

describe.each(corsLayers)(
  'CORS headers on error envelopes (%s)',
  (_layer, Adapter, hook) => {
    let app: INestApplication;
    let logger: CaptureLogger;

    beforeAll(async () => {
      logger = new CaptureLogger();
      app = await createApp(AppModule.withOptions(), Adapter, {
        setup: withCors(hook === undefined ? {} : { hook }),
        logger,
      });
    });
    afterAll(() => app.close());
    beforeEach(() => logger.entries.splice(0));

    it.each([
      [
        'a thrown NotFoundException',
        '/nest/not-found',
        'Project 42 was not found.',
      ],
      ['an unknown route', '/no/such/route', 'Cannot GET /no/such/route'],
    ] as const)(
      'keeps the CORS headers on %s',
      async (_name, path, message) => {
        const res = await http(app)
          .get(path)
          .set({ origin: ALLOWED, 'x-request-id': 'cors-error-1' });
        expectEnvelope(res, { status: 404, code: 'not_found', message });
        expect(res.headers['x-request-id']).toBe('cors-error-1');
        expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
        expect(res.headers['cache-control']).toBe('no-store');
      },
    );

    it('answers an origin callback failure with the 500 envelope, logged once', async () => {
      const res = await http(app)
        .get('/ok')
        .set({ origin: REFUSED, 'x-request-id': 'cors-500-2' });
      expectEnvelope(res, {
        status: 500,
        code: 'internal_error',
        message:
          'An unexpected error occurred. Retry later, or contact support with the request id.',
      });
      expect(res.headers['x-request-id']).toBe('cors-500-2');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(logger.errors()).toHaveLength(1);
    });

    it('answers a preflight on an unknown route as the CORS layer does, with the id', async () => {
      const res = await http(app)
        .options('/no/such/route')
        .set({ origin: ALLOWED, 'access-control-request-method': 'POST' })
        .set('x-request-id', 'preflight-4');
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers['x-request-id']).toBe('preflight-4');
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    });

    it('answers an OPTIONS request without Origin as the envelope on Fastify, 204 on Express', async () => {
      const res = await http(app)
        .options('/ok')
        .set({ 'access-control-request-method': 'GET' })
        .set('x-request-id', 'preflight-5');
      expect(res.headers['x-request-id']).toBe('preflight-5');
      if (Adapter.name === 'FastifyAdapter') {
        expectEnvelope(res, {
          status: 400,
          code: 'bad_request',
          message: PREFLIGHT_MESSAGE,
        });
      } else {
        expect(res.status).toBe(204);
      }
    });
  },
);
