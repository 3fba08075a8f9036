import type { INestApplication } from '@nestjs/common';

import { AppModule } from './fixtures/app.module';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

describe.each(platforms)('envelope (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter);
  });
  afterAll(() => app.close());

  it('answers an ApiException with its code, message, cause and docs', async () => {
    const res = await http(app).get('/api-exception');
    expectEnvelope(res, {
      status: 401,
      code: 2000,
      message: 'The API key provided is invalid.',
      cause: 'This key does not exist.',
    });
  });

  it('omits cause when an ApiException has none', async () => {
    const res = await http(app).get('/api-exception/plain');
    expectEnvelope(res, {
      status: 404,
      code: 'project_not_found',
      message: 'The project does not exist.',
    });
    expect(res.body.error).not.toHaveProperty('cause');
  });

  it.each([
    [
      '/nest/not-found',
      { status: 404, code: 'not_found', message: 'Project 42 was not found.' },
    ],
    [
      '/nest/not-found-default',
      {
        status: 404,
        code: 'not_found',
        message: 'The requested resource does not exist.',
      },
    ],
    [
      '/nest/described',
      {
        status: 400,
        code: 'bad_request',
        message: 'Bad cursor.',
        cause: 'The cursor expired.',
      },
    ],
    [
      '/nest/object-with-code',
      { status: 400, code: 'cursor_expired', message: 'The cursor expired.' },
    ],
    [
      '/nest/array',
      {
        status: 400,
        code: 'bad_request',
        message: 'email must be an email; name should not be empty',
      },
    ],
    [
      '/nest/string-http',
      { status: 410, code: 'gone', message: 'Gone for good.' },
    ],
    [
      '/nest/teapot',
      { status: 418, code: 'im_a_teapot', message: 'Short and stout.' },
    ],
    [
      '/nest/unavailable',
      {
        status: 503,
        code: 'service_unavailable',
        message: 'Down for maintenance.',
      },
    ],
    [
      '/unauthorized',
      {
        status: 401,
        code: 'unauthorized',
        message: 'Valid authentication credentials are required.',
      },
    ],
  ])(
    'answers Nest exception %s keeping status and message',
    async (path, expected) => {
      expectEnvelope(await http(app).get(path), expected);
    },
  );

  it.each([
    [
      '/guarded',
      {
        status: 401,
        code: 2000,
        message: 'The API key provided is invalid.',
        cause: 'This key does not exist.',
      },
    ],
    [
      '/denied',
      {
        status: 403,
        code: 'forbidden',
        message: 'You do not have permission to access this resource.',
      },
    ],
    [
      '/intercepted',
      { status: 403, code: 'forbidden', message: 'Interceptor says no.' },
    ],
    [
      '/items/abc',
      {
        status: 400,
        code: 'bad_request',
        message:
          'The path parameter "id" is invalid: numeric string is expected.',
      },
    ],
  ])(
    'answers errors from guards, interceptors and pipes: %s',
    async (path, expected) => {
      expectEnvelope(await http(app).get(path), expected);
    },
  );

  it('answers an unknown route with 404', async () => {
    expectEnvelope(await http(app).get('/no/such/route?x=1'), {
      status: 404,
      code: 'not_found',
      message: 'Cannot GET /no/such/route',
    });
  });

  it('answers an unknown method on a known path with the envelope', async () => {
    const res = await http(app).delete('/ok');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.error.docs).toMatch(/^\/docs\/errors\/\d{3}\//);
  });
});
