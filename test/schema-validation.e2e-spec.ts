import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

import { Module } from '@nestjs/common';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';

import { ErrorsModule } from '../src';
import type { ErrorsModuleOptions } from '../src';
import { nest12SchemaController } from './fixtures/nest12-schema.controller';
import { SchemaValidationController } from './fixtures/schema-validation.controller';
import { createApp, http } from './utils/create-app';
import { expectValidationErrors } from '../src/testing';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const NEST12 = process.env.NEST_MAJOR === '12';
const INVALID = {
  status: 422,
  code: 'validation_failed',
  message: 'The given data was invalid.',
};

/** One invalid payload for every validator: five failing fields. */
const PAYLOAD = {
  name: 'x',
  owner: { email: 'nope-at-example' },
  members: [{ role: 'boss' }],
  tags: ['ok', 7],
};
const KEYS = [
  'members.0.email',
  'members.0.role',
  'name',
  'owner.email',
  'tags.1',
];

/** ArkType ships ESM only: Jest loads it on the NestJS 12 run (Node 24). */
function arkTypeController(): Type[] {
  if (!NEST12) return [];
  const { Body, Controller, Post } = require('@nestjs/common');
  const { type } = require('arktype');
  const { ErrorsValidationPipe } = require('../src');
  const schema = type({
    name: 'string >= 3',
    owner: { email: 'string.email' },
    members: type({
      email: 'string.email',
      role: "'admin' | 'member'",
    }).array(),
    tags: 'string[]',
  });
  @Controller('schemas')
  class ArkTypeController {
    @Post('arktype')
    arktype(@Body(new ErrorsValidationPipe({ schema })) body: unknown) {
      return { ok: true, body };
    }
  }
  return [ArkTypeController];
}

@Module({})
class SchemaAppModule {
  static with(options: ErrorsModuleOptions = {}): DynamicModule {
    return {
      module: SchemaAppModule,
      imports: [ErrorsModule.forRoot(options)],
      controllers: [
        SchemaValidationController,
        ...arkTypeController(),
        ...(NEST12 ? [nest12SchemaController()] : []),
      ],
    };
  }
}

/** Sends `raw` as it is (a client library would encode the target). */
async function rawRequest(app: INestApplication, raw: string): Promise<string> {
  if (!app.getHttpServer().address()) await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(raw));
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe.each(platforms)('validation with Standard Schema (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(SchemaAppModule.with(), Adapter);
  });
  afterAll(() => app.close());

  /** Route of each validator: `/schemas/<name>`, or NestJS 12's own decorator. */
  const path = (name: string) =>
    name.startsWith('nest12') ? '/nest12/body' : `/schemas/${name}`;
  const validators = [
    'class-validator',
    'zod',
    'valibot',
    'nestjs-zod',
    ...(NEST12 ? ['arktype', 'nest12 @Body({ schema })'] : []),
  ];

  it.each(validators)(
    '%s: the same payload gives the same keys',
    async (name) => {
      const res = await http(app).post(path(name)).send(PAYLOAD);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject(
        INVALID.code ? { code: INVALID.code } : {},
      );
      expect(Object.keys(res.body.error.errors).sort()).toEqual(KEYS);
      for (const messages of Object.values(res.body.error.errors))
        expect(messages).toEqual(expect.arrayContaining([expect.any(String)]));
      // No submitted value is echoed.
      expect(res.text).not.toContain('nope-at-example');
      expect(res.text).not.toContain('boss');
    },
  );

  it.each(validators)('%s: a valid payload passes', async (name) => {
    const res = await http(app)
      .post(path(name))
      .send({
        name: 'Core',
        owner: { email: 'o@x.io' },
        members: [{ email: 'a@b.io', role: 'admin' }],
        tags: ['a'],
      });
    expect(res.status).toBe(201);
    expect(res.body.ok).toBe(true);
  });

  it('answers Zod issues with every issue of every field, without values', async () => {
    const res = await http(app).post('/schemas/zod').send(PAYLOAD);
    expectEnvelope(res, {
      ...INVALID,
      errors: {
        name: ['Too small: expected string to have >=3 characters'],
        'owner.email': ['Invalid email address'],
        'members.0.email': [
          'Invalid input: expected string, received undefined',
        ],
        'members.0.role': ['Invalid option: expected one of "admin"|"member"'],
        'tags.1': ['Invalid input: expected string, received number'],
      },
    });
  });

  it('answers Valibot issues without the values Valibot quotes', async () => {
    const res = await http(app).post('/schemas/valibot').send(PAYLOAD);
    expect(res.status).toBe(422);
    expect(res.body.error.errors['owner.email']).toEqual(['Invalid email']);
    expect(res.body.error.errors['tags.1']).toEqual([
      'Invalid type: Expected string',
    ]);
  });

  it('gives the handler the schema output: coercion and defaults', async () => {
    const res = await http(app).get('/schemas/list?page=2');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ page: 2, sort: 'name' });
  });

  it('prefixes query failures with query.', async () => {
    const res = await http(app).get('/schemas/list?page=0&sort=size');
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.errors)).toEqual([
      'query.page',
      'query.sort',
    ]);
  });

  it('answers the failures of a body schema and a query schema in one 422', async () => {
    const res = await http(app)
      .post('/schemas/list?page=0')
      .send({ password: 'a' });
    expectEnvelope(res, {
      status: 422,
      code: 'validation_failed',
      message: 'The given data was invalid.',
      errors: {
        confirm: ['Invalid input: expected string, received undefined'],
        'query.page': ['Too small: expected number to be >=1'],
      },
    });
  });

  it.each(['zod-password', 'valibot-password'])(
    '%s: a rule on the whole body is keyed "body"',
    async (name) => {
      const res = await http(app)
        .post(`/schemas/${name}`)
        .send({ password: 'a', confirm: 'b' });
      expectEnvelope(res, {
        ...INVALID,
        errors: { body: ['Passwords must match'] },
      });
      expectValidationErrors(res, { body: ['Passwords must match'] });
    },
  );

  it('keys a rule on the whole query "query"', async () => {
    const res = await http(app).get('/schemas/range?from=5&to=1');
    expectEnvelope(res, {
      ...INVALID,
      errors: { query: ['from must not be after to'] },
    });
  });

  it('names a path parameter params.<name> and coerces it', async () => {
    const bad = await http(app).get('/schemas/items/abc');
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.errors)).toEqual(['params.id']);
    const good = await http(app).get('/schemas/items/7');
    expect(good.body).toEqual({ id: 7, type: 'number' });
  });

  it('bounds a hostile payload: 100,000 invalid members give 100 fields', async () => {
    const body = JSON.stringify({
      name: 'Core',
      owner: { email: 'o@x.io' },
      members: Array.from({ length: 100_000 }, () => ({})),
      tags: [],
    });
    const started = Date.now();
    const res = await http(app)
      .post('/schemas/zod')
      .set('content-type', 'application/json')
      .send(body);
    expect(Date.now() - started).toBeLessThan(5000);
    if (res.status === 413) return; // Express' default 100 KB body limit
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.errors)).toHaveLength(100);
    expect(res.body.error.cause).toBe(
      'Only the first 100 invalid fields are listed.',
    );
    expect(res.text.length).toBeLessThan(64 * 1024);
  });

  describe('Parse*Pipe failures', () => {
    it('never blames a query key the client chose', async () => {
      const response = await rawRequest(
        app,
        'GET /schemas/parsed/1.5?<script>x</script>=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      );
      expect(response).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
      expect(body.error.message).toBe(
        'The path parameter "id" is invalid: numeric string is expected.',
      );
      expect(response).not.toContain('script');
    });

    it.each([
      [
        '?page=x&sort=name&<script>=1',
        'query parameter "page" is invalid: numeric string',
      ],
      ['?page=2&sort=size', 'query parameter "sort" is invalid: enum string'],
    ])('names the declared query parameter (%s)', async (query, message) => {
      const response = await rawRequest(
        app,
        `GET /schemas/parsed-query/abc${query} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(response).toMatch(/^HTTP\/1\.1 400 /);
      const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
      expect(body.error.message).toBe(`The ${message} is expected.`);
    });

    it('names the declared path parameter', async () => {
      const res = await http(app).get('/schemas/parsed/abc?evil=1');
      expectEnvelope(res, {
        status: 400,
        code: 'bad_request',
        message:
          'The path parameter "id" is invalid: numeric string is expected.',
      });
    });
  });
});

(NEST12 ? describe.each(platforms) : describe.skip.each(platforms))(
  "NestJS 12's schema option (%p)",
  (Adapter) => {
    let app: INestApplication;
    afterEach(() => app.close());

    it('validates @Query({ schema }) and @Param(name, { schema }) in the global pipe', async () => {
      app = await createApp(SchemaAppModule.with(), Adapter);
      const query = await http(app).post('/nest12/query?page=0');
      expect(query.status).toBe(422);
      expect(Object.keys(query.body.error.errors)).toEqual(['query.page']);
      const coerced = await http(app).post('/nest12/query?page=3');
      expect(coerced.body).toEqual({ page: 3, sort: 'name' });
      const param = await http(app).post('/nest12/param/x');
      expect(Object.keys(param.body.error.errors)).toEqual(['params.id']);
      const good = await http(app).post('/nest12/param/5');
      expect(good.body).toEqual({ id: 5, type: 'number' });
    });

    it("gives Nest's StandardSchemaValidationPipe the 422 through standardSchemaExceptionFactory()", async () => {
      app = await createApp(
        SchemaAppModule.with({ validation: false }),
        Adapter,
      );
      const res = await http(app).post('/nest12/nest-pipe').send(PAYLOAD);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.errors).sort()).toEqual(KEYS);
    });
  },
);

describe.each(platforms)('bounded 422 options (%p)', (Adapter) => {
  let app: INestApplication;
  afterEach(() => app.close());

  it('maxFields caps the list and says so in cause', async () => {
    app = await createApp(
      SchemaAppModule.with({ validation: { maxFields: 2 } }),
      Adapter,
    );
    // The global pipe's options: class-validator DTOs and, on NestJS 12,
    // `@Body({ schema })` (a pipe built per parameter has its own options).
    for (const route of [
      '/schemas/class-validator',
      ...(NEST12 ? ['/nest12/body'] : []),
    ]) {
      const res = await http(app).post(route).send(PAYLOAD);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.errors)).toHaveLength(2);
      expect(res.body.error.cause).toBe(
        'Only the first 2 invalid fields are listed.',
      );
    }
  });

  it('honours maxErrorMessagesLength and maxResponseBytes', async () => {
    app = await createApp(
      SchemaAppModule.with({ validation: { maxErrorMessagesLength: 60 } }),
      Adapter,
    );
    const res = await http(app).post('/schemas/class-validator').send(PAYLOAD);
    expect(res.status).toBe(422);
    const keys = Object.keys(res.body.error.errors);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThan(5);
    expect(res.body.error.cause).toBe(
      `Only the first ${keys.length === 1 ? 'invalid field is' : `${keys.length} invalid fields are`} listed.`.replace(
        'first 1 invalid fields are',
        'first invalid field is',
      ),
    );
  });

  it('a hostile class-validator body costs a bounded answer', async () => {
    app = await createApp(SchemaAppModule.with(), Adapter, {
      // Express' default JSON limit is 100 KB; Fastify's is 1 MiB.
      setup: (a) => {
        if (a.getHttpAdapter().getType() === 'express')
          (
            a as unknown as { useBodyParser(t: string, o: object): void }
          ).useBodyParser('json', { limit: '1mb' });
      },
    });
    const body = `{"name":"Core","owner":{"email":"o@x.io"},"tags":[],"members":[${'{},'.repeat(99_999)}{}]}`;
    const res = await http(app)
      .post('/schemas/class-validator')
      .set('content-type', 'application/json')
      .send(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.errors)).toHaveLength(100);
    expect(res.body.error.cause).toBe(
      'Only the first 100 invalid fields are listed.',
    );
    expect(Buffer.byteLength(res.text)).toBeLessThan(64 * 1024);
  }, 30_000);
});
