import type { INestApplication } from '@nestjs/common';

import { AppModule } from '../sample/src/app.module';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const DOCS = 'https://api.example.com/docs/errors';
const KEY = { 'x-api-key': 'demo-key' };

describe.each(platforms)('sample app (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule, Adapter);
  });
  afterAll(() => app.close());

  it('lists projects with the request id', async () => {
    const res = await http(app)
      .get('/projects')
      .set(KEY)
      .set('x-request-id', 'sample-1');
    expect(res.status).toBe(200);
    expect(res.body.request_id).toBe('sample-1');
  });

  it('answers a missing key and an invalid key with their codes', async () => {
    expectEnvelope(await http(app).get('/projects'), {
      status: 401,
      code: 2001,
      message: 'An API key is required: send it in the x-api-key header.',
      docsBaseUrl: DOCS,
    });
    const invalid = await http(app).get('/projects').set('x-api-key', 'nope');
    expectEnvelope(invalid, {
      status: 401,
      code: 2000,
      message: 'The API key provided is invalid.',
      cause: 'This key does not exist.',
      docsBaseUrl: DOCS,
    });
    expect(invalid.headers['www-authenticate']).toBe(
      'ApiKey header="x-api-key"',
    );
  });

  it("conceals another tenant's project as a missing one, byte for byte", async () => {
    const missing = await http(app)
      .get('/projects/99')
      .set(KEY)
      .set('x-request-id', 'same');
    const concealed = await http(app)
      .get('/projects/3')
      .set(KEY)
      .set('x-request-id', 'same');
    expectEnvelope(missing, {
      status: 404,
      code: 'project_not_found',
      message: 'The project does not exist.',
      docsBaseUrl: DOCS,
    });
    expect(concealed.status).toBe(missing.status);
    expect(concealed.text).toBe(missing.text);
  });

  it('maps domain errors to 409 and 402 with their cause', async () => {
    expectEnvelope(
      await http(app)
        .post('/projects')
        .set(KEY)
        .send({ name: 'Apollo', owner: { name: 'A', email: 'a@b.co' } }),
      {
        status: 409,
        code: 'project_name_taken',
        message: 'A project with this name already exists.',
        cause: '"Apollo" is used by another project.',
        docsBaseUrl: DOCS,
      },
    );
    expectEnvelope(await http(app).post('/projects/2/deploy').set(KEY), {
      status: 402,
      code: 'project_archived',
      message:
        'The parameters were valid but the request failed: the project is archived.',
      cause: 'Unarchive the project before deploying it.',
      docsBaseUrl: DOCS,
    });
  });

  it('answers 503 with Retry-After and 405 with Allow', async () => {
    const paused = await http(app).post('/projects/1/export').set(KEY);
    expect({
      status: paused.status,
      retryAfter: paused.headers['retry-after'],
    }).toEqual({ status: 503, retryAfter: '120' });
    const wrongMethod = await http(app).delete('/projects').set(KEY);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toMatch(/GET/);
  });

  it('answers an invalid DTO with the 422 field map', async () => {
    const res = await http(app)
      .post('/projects')
      .set(KEY)
      .send({
        name: 'Zeta',
        owner: { name: 'Z', email: 'no' },
        members: [{ email: 'a@b.co', role: 'boss' }],
      });
    expectEnvelope(res, {
      status: 422,
      code: 'validation_failed',
      message: 'The given data was invalid.',
      docsBaseUrl: DOCS,
      errors: {
        'owner.email': ['owner.email must be an email'],
        'members.0.role': [
          'members.0.role must be one of the following values: admin, member',
        ],
      },
    });
  });
});
