import type { INestApplication } from '@nestjs/common';

import { AppModule } from './fixtures/app.module';
import { createApp, http } from './utils/create-app';
import { BUILT_IN_ERRORS, expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const MALFORMED = {
  status: 400,
  code: 'bad_request',
  message: 'The request body could not be parsed. Send well-formed JSON.',
};

describe.each(platforms)('body parser failures (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter);
  });
  afterAll(() => app.close());

  it('answers malformed JSON with 400 and the request id in header and body', async () => {
    const res = await http(app)
      .post('/echo')
      .set('content-type', 'application/json')
      .set('x-request-id', 'parse-fail-1')
      .send('{"broken": ');
    expectEnvelope(res, MALFORMED);
    expect(res.body.request_id).toBe('parse-fail-1');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await http(app)
      .post('/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ big: 'x'.repeat(2 * 1024 * 1024) }));
    expectEnvelope(res, { ...BUILT_IN_ERRORS.PayloadTooLarge });
  });

  it('answers an unsupported content encoding with 415', async () => {
    const res = await http(app)
      .post('/echo')
      .set(
        'content-type',
        Adapter.name === 'FastifyAdapter'
          ? 'application/x-unknown'
          : 'application/json',
      )
      .set(
        'content-encoding',
        Adapter.name === 'FastifyAdapter' ? 'identity' : 'x-unknown',
      )
      .send('{}');
    expectEnvelope(res, { ...BUILT_IN_ERRORS.UnsupportedMediaType });
  });
});

describe.each(platforms)('router 404 with a global prefix (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter, {
      setup: (a) => a.setGlobalPrefix('api', { exclude: ['ok'] }),
    });
  });
  afterAll(() => app.close());

  it.each(['/api/unknown', '/unknown', '/'])(
    'answers %s with the 404 envelope',
    async (path) => {
      const res = await http(app).get(path).set('x-request-id', 'prefix-404');
      expectEnvelope(res, {
        status: 404,
        code: 'not_found',
        message: `Cannot GET ${path}`,
      });
      expect(res.body.request_id).toBe('prefix-404');
    },
  );

  it('still serves prefixed and excluded routes', async () => {
    expect((await http(app).get('/api/api-exception')).status).toBe(401);
    expect((await http(app).get('/ok')).status).toBe(200);
  });

  it('answers malformed JSON outside the prefix with the 400 envelope', async () => {
    const res = await http(app)
      .post('/elsewhere')
      .set('content-type', 'application/json')
      .send('{nope');
    expectEnvelope(res, MALFORMED);
  });
});
