import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { Response } from 'supertest';

import { ErrorsModule } from '../src';
import {
  InheritedController,
  PlainController,
  ScopedController,
  TERMINUS_BODY,
} from './fixtures/decorators.controllers';
import {
  AccessDeniedError,
  DatabaseError,
  QuotaError,
  SemanticsErrors as E,
} from './fixtures/semantics.errors';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

@Module({
  imports: [
    ErrorsModule.forRoot({
      catalog: E,
      mappings: [
        {
          exception: QuotaError,
          error: E.QuotaExceeded,
          cause: (e: QuotaError) => e.message,
        },
        { exception: AccessDeniedError, error: E.NoAccess },
        {
          exception: DatabaseError,
          when: (e: DatabaseError) => e.code === 'P2002',
          error: E.DuplicateKey,
          details: (e: DatabaseError) => ({ fields: e.meta.target }),
        },
      ],
    }),
  ],
  controllers: [ScopedController, PlainController, InheritedController],
})
class DecoratorsAppModule {}

const SAME_ID = 'req-0123456789';

/** Everything a client can observe, apart from headers that vary per response. */
function observable(res: Response) {
  const { date: _date, ...headers } = res.headers;
  return { status: res.status, headers, body: res.body };
}

describe.each(platforms)('controller decorators (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(DecoratorsAppModule, Adapter);
  });
  afterAll(() => app.close());

  const get = (path: string) =>
    http(app).get(path).set('x-request-id', SAME_ID);

  describe('@ForbiddenAsNotFound()', () => {
    it.each([
      '/scoped/guard',
      '/scoped/handler',
      '/scoped/api-exception',
      '/scoped/app-mapped-forbidden',
      '/plain/concealed',
    ])(
      'answers the 403 of %s exactly as the genuine 404 of the route',
      async (path) => {
        const concealed = await get(path);
        const genuine = await get('/scoped/genuine');
        expect(observable(concealed)).toStrictEqual(observable(genuine));
        expectEnvelope(concealed, {
          status: 404,
          code: 'not_found',
          message: 'The requested resource does not exist.',
        });
      },
    );

    it('matches field by field apart from request_id, with different request ids', async () => {
      const concealed = await http(app).get('/scoped/guard');
      const genuine = await http(app).get('/scoped/genuine');
      expect(concealed.body.request_id).not.toBe(genuine.body.request_id);
      expect({ ...concealed.body, request_id: 'x' }).toStrictEqual({
        ...genuine.body,
        request_id: 'x',
      });
      const differing = Object.keys({
        ...concealed.headers,
        ...genuine.headers,
      }).filter((name) => concealed.headers[name] !== genuine.headers[name]);
      expect(
        differing.filter(
          (name) =>
            !['date', 'x-request-id', 'etag', 'content-length'].includes(name),
        ),
      ).toEqual([]);
      expect(concealed.status).toBe(genuine.status);
    });

    it('answers with the route’s own 404 entry when given one', async () => {
      const concealed = await get('/scoped/custom/7');
      const genuine = await get('/scoped/custom/missing');
      expect(observable(concealed)).toStrictEqual(observable(genuine));
      expectEnvelope(concealed, {
        status: 404,
        code: 'project_not_found',
        message: 'The project does not exist.',
      });
    });

    it('lets a handler opt out of its controller’s concealment', async () => {
      expectEnvelope(await get('/scoped/visible'), {
        status: 403,
        code: 'forbidden',
        message: 'You are not a member of this project.',
      });
    });

    it.each([
      ['/plain/forbidden', 'You are not a member of this project.'],
      ['/plain/denied', 'You do not have permission to access this resource.'],
    ])('leaves 403 alone outside its scope: %s', async (path, message) => {
      expectEnvelope(await get(path), {
        status: 403,
        code: 'forbidden',
        message,
      });
    });

    it('leaves other statuses alone inside its scope', async () => {
      expectEnvelope(await get('/scoped/unmapped'), {
        status: 500,
        code: 'internal_error',
        message:
          'An unexpected error occurred. Retry later, or contact support with the request id.',
      });
    });
  });

  describe('@MapException()', () => {
    it.each([
      [
        '/scoped/class-mapping',
        {
          status: 410,
          code: 'project_gone',
          message: 'The project was deleted.',
        },
      ],
      [
        '/scoped/guard-mapping',
        {
          status: 410,
          code: 'project_gone',
          message: 'The project was deleted.',
        },
      ],
      [
        '/scoped/method-mapping',
        {
          status: 404,
          code: 'project_not_found',
          message: 'The project does not exist.',
          cause: 'Project 7 was deleted by its owner.',
        },
      ],
      [
        '/scoped/specific',
        {
          status: 409,
          code: 'project_archived',
          message: 'The project is archived.',
          cause: 'Archived: project 7',
        },
      ],
      [
        '/scoped/health',
        {
          status: 503,
          code: 'maintenance',
          message: 'The API is down for maintenance.',
          details: TERMINUS_BODY,
        },
      ],
      [
        '/scoped/subclass-of-class-mapping',
        {
          status: 410,
          code: 'project_gone',
          message: 'The project was deleted.',
        },
      ],
      [
        '/scoped/method-over-app',
        {
          status: 429,
          code: 'slow_down',
          message: 'Too many requests for this project.',
        },
      ],
      [
        '/scoped/app-mapping',
        {
          status: 402,
          code: 'quota_exceeded',
          message: 'Your plan quota is used up.',
          cause: 'Monthly quota used up.',
        },
      ],
      [
        '/plain/app-mapping',
        {
          status: 402,
          code: 'quota_exceeded',
          message: 'Your plan quota is used up.',
          cause: 'Monthly quota used up.',
        },
      ],
      [
        '/plain/app-mapping-forbidden',
        {
          status: 403,
          code: 'no_access',
          message: 'You cannot access this project.',
        },
      ],
      [
        '/inherited/class-mapping',
        {
          status: 410,
          code: 'project_gone',
          message: 'The project was deleted.',
        },
      ],
      [
        '/inherited/method-mapping',
        {
          status: 404,
          code: 'project_not_found',
          message: 'The project does not exist.',
          cause: 'Project 7 was deleted by its owner.',
        },
      ],
    ])(
      'maps %s (nearest scope, most specific class)',
      async (path, expected) => {
        expectEnvelope(await get(path), expected);
      },
    );

    it.each([
      [
        '/plain/database/P2002',
        {
          status: 409,
          code: 'duplicate_key',
          message: 'A key with this name already exists.',
          details: { fields: ['email'] },
        },
      ],
      [
        '/scoped/database/P2025',
        {
          status: 404,
          code: 'project_not_found',
          message: 'The project does not exist.',
        },
      ],
      [
        '/scoped/database/P2002',
        {
          status: 409,
          code: 'duplicate_key',
          message: 'A key with this name already exists.',
          details: { fields: ['email'] },
        },
      ],
      [
        '/inherited/database/P2025',
        {
          status: 404,
          code: 'project_not_found',
          message: 'The project does not exist.',
        },
      ],
    ])(
      'maps %s by its code (the when option, nearest scope first)',
      async (path, expected) => {
        expectEnvelope(await get(path), expected);
      },
    );

    it.each(['/plain/database/P1001', '/scoped/database/P1001'])(
      'answers %s, whose code no mapping names, as an unexpected error',
      async (path) => {
        const res = await get(path);
        expectEnvelope(res, {
          status: 500,
          code: 'internal_error',
          message:
            'An unexpected error occurred. Retry later, or contact support with the request id.',
        });
        expect(JSON.stringify(res.body)).not.toContain('users_email_key');
      },
    );

    it('keeps domain errors outside any mapping unexpected (500, no message)', async () => {
      const res = await get('/plain/domain');
      expectEnvelope(res, {
        status: 500,
        code: 'internal_error',
        message:
          'An unexpected error occurred. Retry later, or contact support with the request id.',
      });
      expect(JSON.stringify(res.body)).not.toContain('deleted');
    });

    it('conceals inherited controller scopes too', async () => {
      const concealed = await get('/inherited/guard');
      expectEnvelope(concealed, {
        status: 404,
        code: 'not_found',
        message: 'The requested resource does not exist.',
      });
    });
  });
});
