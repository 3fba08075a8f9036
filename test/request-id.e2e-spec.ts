import type { INestApplication } from '@nestjs/common';

import { getRequestId } from '../src';
import { AppModule } from './fixtures/app.module';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(platforms)('request ids (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter);
  });
  afterAll(() => app.close());

  it('assigns a UUID v4 and sends it on a success response', async () => {
    const res = await http(app).get('/ok');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toMatch(UUID_V4);
    expect(res.body).toEqual({
      requestId: res.headers['x-request-id'],
      fromStorage: res.headers['x-request-id'],
    });
  });

  it.each([
    ['/api-exception', 'get'],
    ['/no/such/route', 'get'],
    ['/guarded', 'get'],
    ['/throw/error', 'get'],
  ])('sends the same id in header and body for %s', async (path) => {
    const res = await http(app).get(path).set('x-request-id', 'client-id-123');
    expect(res.headers['x-request-id']).toBe('client-id-123');
    expect(res.body.request_id).toBe('client-id-123');
  });

  it('reuses a well-formed incoming id of exactly 128 printable characters', async () => {
    const id = `${'a'.repeat(100)}!#$%&'*+-.^_\`|~:;<=>?@[]{}`
      .slice(0, 128)
      .padEnd(128, 'z');
    const res = await http(app).get('/ok').set('x-request-id', id);
    expect(res.headers['x-request-id']).toBe(id);
    expect(res.body.requestId).toBe(id);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['inner whitespace', 'abc def'],
    ['a tab', 'abc\tdef'],
    ['non-ASCII', 'café'],
  ])(
    'replaces a malformed incoming id (%s) with a new UUID',
    async (_label, id) => {
      const res = await http(app)
        .get('/ok')
        .set('x-request-id', Buffer.from(id, 'latin1').toString('latin1'));
      expect(res.headers['x-request-id']).toMatch(UUID_V4);
    },
  );

  it('gives the id to handlers and guards after a JSON body was parsed', async () => {
    const res = await http(app)
      .post('/echo')
      .send({ hello: 'world' })
      .set('x-request-id', 'body-id');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      body: { hello: 'world' },
      requestId: 'body-id',
      fromStorage: 'body-id',
    });
  });

  it('gives each of 200 concurrent requests only its own id (handler, guard, storage)', async () => {
    await new Promise<void>((resolve) =>
      app.getHttpServer().listen(0, '127.0.0.1', resolve),
    );
    const { port } = app.getHttpServer().address();
    const ids = Array.from({ length: 200 }, (_, i) => `concurrent-${i}`);
    const results = await Promise.all(
      ids.map((id) =>
        fetch(`http://127.0.0.1:${port}/context`, {
          headers: { 'x-request-id': id },
        }).then(async (r) => ({
          id,
          header: r.headers.get('x-request-id'),
          body: (await r.json()) as Record<string, unknown>,
        })),
      ),
    );
    for (const { id, header, body } of results) {
      expect({ header, ...body }).toEqual({
        header: id,
        requestId: id,
        fromStorage: id,
        guard: id,
      });
    }
  });

  it('returns undefined outside a request', () => {
    expect(getRequestId()).toBeUndefined();
  });
});

describe.each(platforms)('request id options (%p)', (Adapter) => {
  it('uses a custom header, case-insensitively, on success and error', async () => {
    const app = await createApp(
      AppModule.withOptions({ requestIdHeader: 'X-Correlation-Id' }),
      Adapter,
    );
    const ok = await http(app).get('/ok').set('x-correlation-id', 'corr-1');
    expect(ok.headers['x-correlation-id']).toBe('corr-1');
    expect(ok.headers['x-request-id']).toBeUndefined();
    const failed = await http(app)
      .get('/api-exception')
      .set('x-correlation-id', 'corr-2');
    expectEnvelope(failed, {
      status: 401,
      code: 2000,
      message: 'The API key provided is invalid.',
      cause: 'This key does not exist.',
      requestIdHeader: 'x-correlation-id',
    });
    expect(failed.body.request_id).toBe('corr-2');
    await app.close();
  });

  it('ignores incoming ids when trustRequestId is false', async () => {
    const app = await createApp(
      AppModule.withOptions({ trustRequestId: false }),
      Adapter,
    );
    const res = await http(app)
      .get('/api-exception')
      .set('x-request-id', 'forged');
    expect(res.headers['x-request-id']).toMatch(UUID_V4);
    expect(res.body.request_id).toBe(res.headers['x-request-id']);
    await app.close();
  });

  it('keeps ids in header, body and @RequestId() without the async context', async () => {
    const app = await createApp(
      AppModule.withOptions({ asyncContext: false }),
      Adapter,
    );
    const ok = await http(app)
      .post('/echo')
      .send({ a: 1 })
      .set('x-request-id', 'no-als');
    expect(ok.body).toEqual({ body: { a: 1 }, requestId: 'no-als' });
    const failed = await http(app)
      .get('/api-exception')
      .set('x-request-id', 'no-als-2');
    expect([failed.headers['x-request-id'], failed.body.request_id]).toEqual([
      'no-als-2',
      'no-als-2',
    ]);
    await app.close();
  });

  it('answers with a UUID when a custom generator throws', async () => {
    const app = await createApp(
      AppModule.withOptions({
        generateRequestId: () => {
          throw new Error('no entropy');
        },
      }),
      Adapter,
    );
    const res = await http(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.headers['x-request-id']).toMatch(UUID_V4);
    expect(res.body.request_id).toBe(res.headers['x-request-id']);
    await app.close();
  });

  it('uses generateRequestId for new ids', async () => {
    let n = 0;
    const app = await createApp(
      AppModule.withOptions({ generateRequestId: () => `req_${++n}` }),
      Adapter,
    );
    expect((await http(app).get('/ok')).headers['x-request-id']).toBe('req_1');
    expect((await http(app).get('/nope')).body.request_id).toBe('req_2');
    await app.close();
  });
});

describe.each(platforms)(
  'request ids on what main.ts mounted before the module (%p)',
  (Adapter) => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(AppModule.withOptions(), Adapter, {
        setup: (created) =>
          created.enableCors({ origin: 'https://app.example' }),
      });
    });
    afterAll(() => app.close());

    it.each(['/teams', '/no-such-route'])(
      'carries the id on a CORS preflight to %s, answered by the CORS layer',
      async (path) => {
        const res = await http(app)
          .options(path)
          .set('origin', 'https://app.example')
          .set('access-control-request-method', 'POST')
          .set('x-request-id', 'preflight-1');
        expect(res.status).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe(
          'https://app.example',
        );
        expect(res.headers['x-request-id']).toBe('preflight-1');
      },
    );

    it('keeps the id of a request through CORS into the envelope', async () => {
      const res = await http(app)
        .get('/no-such-route')
        .set('origin', 'https://app.example');
      expect(res.status).toBe(404);
      expect(res.headers['access-control-allow-origin']).toBe(
        'https://app.example',
      );
      expect(res.headers['x-request-id']).toBe(res.body.request_id);
    });
  },
);
