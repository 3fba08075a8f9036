import type { INestApplication } from '@nestjs/common';

import { AppModule } from './fixtures/app.module';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const INVALID = {
  status: 422,
  code: 'validation_failed',
  message: 'The given data was invalid.',
};
const UUID = '0d6cbb2e-8c8f-4d55-9d2b-4a1f0d5e7c11';

const validTeam = () => ({
  name: 'Core',
  owner: { email: 'o@x.io', address: { city: 'Oslo' } },
});

describe.each(platforms)('validation (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter);
  });
  afterAll(() => app.close());

  it('accepts a valid body, with an optional nested object missing', async () => {
    const res = await http(app)
      .post('/validation/teams')
      .send({ ...validTeam(), display_name: 'The Core' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true, name: 'Core' });
  });

  it('maps every failing constraint to its dotted path, in DTO order', async () => {
    const res = await http(app)
      .post('/validation/teams')
      .send({
        name: 'x',
        display_name: 7,
        owner: { email: 'not-an-email', address: { city: '' } },
        members: [
          { email: 'a@b.io', role: 'admin' },
          { email: 'b@b.io', role: 'boss' },
        ],
        tags: ['ok', 7, 'fine', 'way too long'],
        secret: 'hunter2',
      });
    expectEnvelope(res, {
      ...INVALID,
      errors: {
        name: ['name must be longer than or equal to 3 characters'],
        display_name: ['display_name must be text'],
        'owner.email': ['owner.email must be an email'],
        'owner.address.city': [
          'owner.address.city must be longer than or equal to 2 characters',
        ],
        'members.1.role': [
          'members.1.role must be one of the following values: admin, member',
        ],
        'tags.1': [
          'each value in tags must be shorter than or equal to 5 characters',
          'each value in tags must be a string',
        ],
        'tags.3': [
          'each value in tags must be shorter than or equal to 5 characters',
        ],
        secret: ['secret is too short'],
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(JSON.stringify(res.body)).not.toContain('not-an-email');
  });

  it('reports all constraints of a field, and a nested value that is not an object', async () => {
    const res = await http(app)
      .post('/validation/teams')
      .send({ name: 5, owner: 'me' });
    expectEnvelope(res, {
      ...INVALID,
      errors: {
        name: [
          'name must be longer than or equal to 3 and shorter than or equal to 20 characters',
          'name must be a string',
        ],
        owner: ['nested property owner must be either object or array'],
      },
    });
  });

  it('prefixes query DTO keys with query.', async () => {
    expectEnvelope(await http(app).get('/validation/teams?page=0&limit=500'), {
      ...INVALID,
      errors: {
        'query.page': ['page must not be less than 1'],
        'query.limit': ['limit must not be greater than 100'],
      },
    });
  });

  it('prefixes route param DTO keys with params. and keeps body keys plain', async () => {
    expectEnvelope(await http(app).get('/validation/teams/not-a-uuid'), {
      ...INVALID,
      errors: { 'params.id': ['id must be a UUID'] },
    });
    expectEnvelope(
      await http(app)
        .post(`/validation/teams/${UUID}/members`)
        .send({ email: 'x', role: 'admin' }),
      {
        ...INVALID,
        errors: { email: ['email must be an email'] },
      },
    );
  });

  it('lists the failures of every parameter in one 422: body, then query, then params', async () => {
    const res = await http(app)
      .post('/validation/teams/not-a-uuid/invites?page=0')
      .send({ email: 'x', role: 'boss' });
    expectEnvelope(res, {
      ...INVALID,
      errors: {
        email: ['email must be an email'],
        role: ['role must be one of the following values: admin, member'],
        'query.page': ['page must not be less than 1'],
        'params.id': ['id must be a UUID'],
      },
    });
    expect(Object.keys(res.body.error.errors)).toEqual([
      'email',
      'role',
      'query.page',
      'params.id',
    ]);
  });

  it('lists only the parameters that fail, and answers the next request on its own', async () => {
    expectEnvelope(
      await http(app)
        .post(`/validation/teams/${UUID}/invites?page=0`)
        .send({ email: 'a@b.io', role: 'admin' }),
      {
        ...INVALID,
        errors: { 'query.page': ['page must not be less than 1'] },
      },
    );
    const ok = await http(app)
      .post(`/validation/teams/${UUID}/invites?page=2`)
      .send({ email: 'a@b.io', role: 'admin' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({
      id: UUID,
      page: 2,
      email: 'a@b.io',
      role: 'admin',
    });
  });

  it('names the parameter of a failed ParseUUIDPipe', async () => {
    expectEnvelope(await http(app).get('/validation/things/123'), {
      status: 400,
      code: 'bad_request',
      message: 'The path parameter "uuid" is invalid: uuid v4 is expected.',
    });
  });

  it('answers malformed JSON with 400, not 422', async () => {
    const res = await http(app)
      .post('/validation/teams')
      .set('content-type', 'application/json')
      .send('{"name":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('answers a JSON array where a DTO is expected with a 400 envelope', async () => {
    expectEnvelope(
      await http(app).post('/validation/teams').send([validTeam()]),
      {
        status: 400,
        code: 'bad_request',
        message: 'The request body must be a JSON object.',
      },
    );
  });

  it.each(['"text"', '42', 'true'])(
    'answers the JSON primitive %s with a 400 envelope',
    async (body) => {
      const res = await http(app)
        .post('/validation/teams')
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.request_id).toBe(res.headers['x-request-id']);
    },
  );

  it('answers a body nested 10,000 deep with 4xx quickly and keeps serving', async () => {
    const deep = `{"name":"Core","owner":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    const started = Date.now();
    const res = await http(app)
      .post('/validation/teams')
      .set('content-type', 'application/json')
      .send(deep);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(
      (await http(app).post('/validation/teams').send(validTeam())).status,
    ).toBe(201);
  });

  it('answers an array of 100,000 items in bounded time with a bounded map', async () => {
    const body = JSON.stringify({
      ...validTeam(),
      tags: Array.from({ length: 100_000 }, () => 1),
    });
    const started = Date.now();
    const res = await http(app)
      .post('/validation/teams')
      .set('content-type', 'application/json')
      .send(body);
    expect(Date.now() - started).toBeLessThan(5000);
    expect([413, 422]).toContain(res.status);
    if (res.status === 422) {
      const keys = Object.keys(res.body.error.errors);
      expect(keys).toHaveLength(100);
      expect(keys.slice(0, 2)).toEqual(['tags.0', 'tags.1']);
      expect(res.body.error.cause).toBe(
        'Only the first 100 invalid fields are listed.',
      );
    }
  });

  it('never pollutes prototypes with __proto__, constructor or prototype keys', async () => {
    const body =
      '{"name":"Core","owner":{"email":"o@x.io","address":{"city":"Oslo"}},' +
      '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},' +
      '"members":[{"__proto__":{"polluted":"yes"},"email":"a@b.io","role":"admin"}]}';
    const res = await http(app)
      .post('/validation/teams')
      .set('content-type', 'application/json')
      .send(body);
    expect(res.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      (Object.prototype as Record<string, unknown>).polluted,
    ).toBeUndefined();
  });
});

describe.each(platforms)('validation options (%p)', (Adapter) => {
  let app: INestApplication | undefined;
  afterEach(() => app?.close());

  it('warns that the options deciding the answer do nothing, and answers the 422 map', async () => {
    const logger = new CaptureLogger();
    app = await createApp(
      AppModule.withOptions({
        // Values the options' type leaves out, as untyped code passes them.
        validation: {
          errorHttpStatusCode: 400,
          disableErrorMessages: true,
        } as never,
      }),
      Adapter,
      { logger },
    );
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([
      expect.objectContaining({
        message:
          'Validation options errorHttpStatusCode, disableErrorMessages do nothing here: a validation failure always answers 422 with its field-error map. ' +
          'Change its code or message with builtInErrors: { UnprocessableEntity: { code, message } }.',
      }),
    ]);
    expectEnvelope(await http(app).get('/validation/teams/not-a-uuid'), {
      ...INVALID,
      errors: { 'params.id': ['id must be a UUID'] },
    });
  });

  it('lists an unexpected property with forbidNonWhitelisted', async () => {
    app = await createApp(
      AppModule.withOptions({
        validation: { whitelist: true, forbidNonWhitelisted: true },
      }),
      Adapter,
    );
    expectEnvelope(
      await http(app)
        .post('/validation/teams')
        .send({ ...validTeam(), isAdmin: true }),
      {
        ...INVALID,
        errors: { isAdmin: ['property isAdmin should not exist'] },
      },
    );
  });

  it('rewrites messages with formatMessage, keeping the paths', async () => {
    app = await createApp(
      AppModule.withOptions({
        validation: {
          formatMessage: ({ path, constraint }) => `${path}: ${constraint}`,
        },
      }),
      Adapter,
    );
    expectEnvelope(
      await http(app)
        .post('/validation/teams')
        .send({
          ...validTeam(),
          owner: { email: 'x', address: { city: 'Oslo' } },
        }),
      {
        ...INVALID,
        errors: { 'owner.email': ['owner.email: isEmail'] },
      },
    );
  });

  it('validates only the configured groups', async () => {
    app = await createApp(
      AppModule.withOptions({ validation: { groups: ['admin'] } }),
      Adapter,
    );
    expectEnvelope(
      await http(app).post('/validation/admin').send({ count: 'x' }),
      {
        ...INVALID,
        errors: { reason: ['reason must be a string'] },
      },
    );
  });

  it('gives a per-parameter ErrorsValidationPipe the same output', async () => {
    app = await createApp(
      AppModule.withOptions({ validation: false }),
      Adapter,
    );
    expectEnvelope(
      await http(app).post('/validation/admin').send({ reason: 1, count: 'x' }),
      {
        ...INVALID,
        errors: { reason: ['reason must be a string'] },
      },
    );
  });

  it('skips missing properties with skipMissingProperties', async () => {
    app = await createApp(
      AppModule.withOptions({ validation: { skipMissingProperties: true } }),
      Adapter,
    );
    expect(
      (await http(app).post('/validation/teams').send({ name: 'Core' })).status,
    ).toBe(201);
  });

  it('transforms query DTOs with transform: true', async () => {
    app = await createApp(
      AppModule.withOptions({ validation: { transform: true } }),
      Adapter,
    );
    expect((await http(app).get('/validation/teams?page=3')).body).toEqual({
      page: 3,
    });
  });

  it('converts primitive parameters with transform: true, as Nest does', async () => {
    app = await createApp(
      AppModule.withOptions({ validation: { transform: true } }),
      Adapter,
    );
    const response = await http(app).get('/validation/pages/3?active=true');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ page: 3, active: true });
  });

  it('passes primitive parameters on as sent without transform', async () => {
    app = await createApp(AppModule.withOptions(), Adapter);
    const response = await http(app).get('/validation/pages/3?active=true');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ page: '3', active: 'true' });
  });

  it('answers too-deep bodies with 400 beyond maxDepth', async () => {
    app = await createApp(
      AppModule.withOptions({ validation: { maxDepth: 3 } }),
      Adapter,
    );
    expectEnvelope(
      await http(app)
        .post('/validation/teams')
        .send({ ...validTeam(), billing: { city: { a: { b: 1 } } } }),
      {
        status: 400,
        code: 'bad_request',
        message:
          'The request body is nested too deeply: at most 3 levels are accepted.',
      },
    );
  });
});
