import type { INestApplication } from '@nestjs/common';
import { Ajv2020 } from 'ajv/dist/2020';

import {
  ERROR_ENVELOPE_SCHEMA,
  VALIDATION_ERROR_ENVELOPE_SCHEMA,
} from '../src/testing';
import { AppErrors } from './fixtures/app.errors';
import { AppModule } from './fixtures/app.module';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateEnvelope = ajv.compile(ERROR_ENVELOPE_SCHEMA);
const validateValidation = ajv.compile(VALIDATION_ERROR_ENVELOPE_SCHEMA);

/** One request per error source: [what, method, path, body?, expected status]. */
const SOURCES: Array<
  [string, 'get' | 'post', string, object | string | undefined, number]
> = [
  ['an ApiException with a cause', 'get', '/api-exception', undefined, 401],
  [
    'an ApiException without a cause',
    'get',
    '/api-exception/plain',
    undefined,
    404,
  ],
  ['an ApiException from a guard', 'get', '/guarded', undefined, 401],
  ['a Nest exception', 'get', '/nest/not-found', undefined, 404],
  [
    'a Nest exception with a description',
    'get',
    '/nest/described',
    undefined,
    400,
  ],
  [
    'a Nest exception with a code',
    'get',
    '/nest/object-with-code',
    undefined,
    400,
  ],
  ['an unexpected Error (500)', 'get', '/throw/error', undefined, 500],
  ['a thrown string (500)', 'get', '/throw/string', undefined, 500],
  ['a failing middleware (500)', 'get', '/middleware-error', undefined, 500],
  ['the router 404', 'get', '/no/such/route', undefined, 404],
  ['a body-parser failure', 'post', '/echo', '{"broken', 400],
  [
    'a validation failure (422)',
    'post',
    '/signup',
    { email: 'nope', password: 1 },
    422,
  ],
];

describe.each(platforms)(
  'envelope JSON Schema on real responses (%p)',
  (Adapter) => {
    let app: INestApplication;
    let exposing: INestApplication;

    beforeAll(async () => {
      app = await createApp(
        AppModule.withOptions({
          catalog: AppErrors,
          docsBaseUrl: 'https://api.example.com/docs/errors',
        }),
        Adapter,
      );
      exposing = await createApp(
        AppModule.withOptions({
          catalog: AppErrors,
          exposeInternalErrors: true,
        }),
        Adapter,
      );
    });
    afterAll(async () => {
      await app.close();
      await exposing.close();
    });

    async function send(
      target: INestApplication,
      method: 'get' | 'post',
      path: string,
      body?: object | string,
    ) {
      if (method === 'get') return http(target).get(path);
      return http(target)
        .post(path)
        .set('content-type', 'application/json')
        .send(body);
    }

    it.each(SOURCES)(
      'validates %s (%s %s)',
      async (_, method, path, body, status) => {
        const res = await send(app, method, path, body);
        expect(res.status).toBe(status);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect({
          body: res.body,
          valid: validateEnvelope(res.body),
          errors: validateEnvelope.errors ?? null,
        }).toEqual({
          body: res.body,
          valid: true,
          errors: null,
        });
        expect(validateValidation(res.body)).toBe(status === 422);
      },
    );

    it('validates an exposed internal error, with its cause', async () => {
      const res = await http(exposing).get('/throw/error');
      expect(res.body.error.cause).toEqual(expect.any(String));
      expect(validateEnvelope(res.body)).toBe(true);
    });

    it('rejects the real body once an unknown field is added to it', async () => {
      const res = await http(app).get('/api-exception');
      expect(
        validateEnvelope({
          ...res.body,
          error: { ...res.body.error, stack: 'Error: x' },
        }),
      ).toBe(false);
      expect(validateEnvelope.errors?.[0]).toMatchObject({
        keyword: 'additionalProperties',
        params: { additionalProperty: 'stack' },
      });
    });
  },
);
