import type { INestApplication } from '@nestjs/common';
import { Module, VersioningType } from '@nestjs/common';
import type { VersioningOptions } from '@nestjs/common';

import { ErrorsModule } from '../src';
import { SemanticsErrors as E } from './fixtures/semantics.errors';
import {
  AdminController,
  ConstrainedController,
  NeutralAdminController,
  NeutralController,
  SearchController,
  SharedAdminController,
  SharedController,
  TenantAccountsController,
  ThingsController,
  VersionedAdminController,
  VersionedController,
} from './fixtures/semantics.controllers';
import { createApp, http } from './utils/create-app';
import { listen, rawRequest } from './utils/raw-http';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

@Module({
  imports: [ErrorsModule.forRoot({ catalog: E })],
  controllers: [ThingsController, VersionedController],
})
class SemanticsAppModule {}

const METHOD_NOT_ALLOWED = {
  status: 405,
  code: 'method_not_allowed',
  message: 'The HTTP method is not supported for this resource.',
};

/** `error.status` and `error.code` of the router's answers. */
const ROUTER_ERRORS: Record<number, { status: string; code: string }> = {
  404: { status: 'Not Found', code: 'not_found' },
  405: { status: 'Method Not Allowed', code: 'method_not_allowed' },
};

type Agent = ReturnType<typeof http>;

type Handler = (req: unknown, res: { json(body: unknown): void }) => void;
type ItemsRouter = {
  get(path: string, h: Handler): void;
  patch: ItemsRouter['get'];
};
type ItemsPlugin = {
  get(path: string, h: () => unknown): void;
  patch: ItemsPlugin['get'];
};

/**
 * `GET` and `PATCH <prefix>/items`, mounted the adapter's own way outside
 * Nest, before the module (no Nest route serves `PATCH`).
 */
async function mountItems(app: INestApplication, prefix: string) {
  const instance = app.getHttpAdapter().getInstance() as {
    register?: (
      plugin: (fastify: ItemsPlugin) => Promise<void>,
      options: { prefix: string },
    ) => PromiseLike<unknown>;
  };
  if (instance.register) {
    // Awaited, as `main.ts` does: Fastify loads the plugin at once.
    await instance.register(
      async (fastify) => {
        fastify.get('/items', () => ['mounted']);
        fastify.patch('/items', () => ['patched']);
      },
      { prefix },
    );
    return;
  }
  const { Router } = require('express') as { Router(): ItemsRouter };
  const router = Router();
  router.get('/items', (_req, res) => res.json(['mounted']));
  router.patch('/items', (_req, res) => res.json(['patched']));
  app.use(prefix, router as never);
}

/** The router's 404 for `method` and `path`, with no `Allow`. */
function expectRouterNotFound(
  res: Parameters<typeof expectEnvelope>[0],
  method: string,
  path: string,
): void {
  expectEnvelope(res, {
    status: 404,
    code: 'not_found',
    message: `Cannot ${method.toUpperCase()} ${path}`,
  });
  expect(res.headers.allow).toBeUndefined();
}
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head';

describe.each(platforms)('405 Method Not Allowed (%p)', (Adapter) => {
  describe.each([
    ['no prefix', '', undefined],
    [
      'global prefix',
      '/api',
      (app: INestApplication) => app.setGlobalPrefix('api'),
    ],
  ])('%s', (_label, prefix, setup) => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(SemanticsAppModule, Adapter, {
        setup: (a) => {
          setup?.(a);
          a.enableVersioning({ type: VersioningType.URI });
        },
      });
    });
    afterAll(() => app.close());

    const call = (method: Method, path: string) =>
      (http(app) as Agent)[method](`${prefix}${path}`);

    it.each<[Method, string, string]>([
      ['delete', '/things', 'GET, HEAD, POST'],
      ['patch', '/things', 'GET, HEAD, POST'],
      ['post', '/things/42', 'GET, HEAD, PUT, DELETE'],
      ['patch', '/things/42', 'GET, HEAD, PUT, DELETE'],
      ['options', '/things/42', 'GET, HEAD, PUT, DELETE'],
      ['delete', '/things/42/files/a/b/c.txt', 'GET, HEAD'],
      ['post', '/things/probe', 'GET, HEAD, PUT, DELETE'],
      ['delete', '/v1/versioned', 'GET, HEAD'],
      ['get', '/v2/versioned', 'POST'],
    ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
      const res = await call(method, path);
      expectEnvelope(res, METHOD_NOT_ALLOWED);
      expect(res.headers.allow).toBe(allow);
    });

    it.each<[Method, string]>([
      ['get', '/nothing-here'],
      ['delete', '/nothing-here'],
      ['get', '/things/42/unknown'],
      // `/things/:id` with an empty `id`: neither adapter serves it.
      ['delete', '/things//files/a.txt'],
      ['get', '/things//files/a.txt'],
      ['get', '/v3/versioned'],
      ['options', '/nothing-here'],
    ])('%s %s stays 404 (unknown path)', async (method, path) => {
      const res = await call(method, path);
      expectRouterNotFound(res, method, `${prefix}${path}`);
    });

    it.each<[Method, string, number]>([
      ['get', '/things/42/files/a/b/c.txt', 200],
      ['head', '/things', 200],
      ['head', '/things/42', 200],
    ])(
      '%s %s is served as the adapter serves it',
      async (method, path, status) => {
        const res = await call(method, path);
        expect(res.status).toBe(status);
        expect(res.headers.allow).toBeUndefined();
      },
    );
  });

  describe.each<
    [string, VersioningOptions, (version: string) => Record<string, string>]
  >([
    [
      'header',
      { type: VersioningType.HEADER, header: 'X-API-Version' },
      (version) => ({ 'X-API-Version': version }),
    ],
    [
      'media type',
      { type: VersioningType.MEDIA_TYPE, key: 'v=' },
      (version) => ({ Accept: `application/json;v=${version}` }),
    ],
    [
      'custom',
      {
        type: VersioningType.CUSTOM,
        extractor: (request: unknown) =>
          String(
            (request as { headers: Record<string, unknown> }).headers['x-v'] ??
              '',
          ),
      },
      (version) => ({ 'x-v': version }),
    ],
  ])('%s versioning', (_label, versioning, asks) => {
    const version1 = asks('1');
    @Module({
      imports: [ErrorsModule.forRoot({ catalog: E })],
      controllers: [
        ThingsController,
        VersionedController,
        NeutralController,
        NeutralAdminController,
        VersionedAdminController,
      ],
    })
    class VersionedAppModule {}
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(VersionedAppModule, Adapter, {
        setup: (a) => a.enableVersioning(versioning),
      });
    });
    afterAll(() => app.close());

    it('serves the version a request asks for', async () => {
      const res = await http(app).get('/versioned').set(version1);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    });

    // Which methods a versioned path serves depends on the version the
    // request asks for, as the router reads it: `Allow` lists that
    // version's methods (GET is version 1, POST version 2), and a version
    // that serves nothing there (or none asked) is the router's 404.
    it.each<[Method, string | undefined, string]>([
      ['delete', '1', 'GET, HEAD'],
      ['post', '1', 'GET, HEAD'],
      ['get', '2', 'POST'],
      ['delete', '2', 'POST'],
    ])(
      '%s on a versioned path asking version %s answers 405 with Allow: %s',
      async (method, version, allow) => {
        const res = await (http(app) as Agent)
          [method]('/versioned')
          .set(version ? asks(version) : {});
        expectEnvelope(res, METHOD_NOT_ALLOWED);
        expect(res.headers.allow).toBe(allow);
      },
    );

    it.each<[Method, string | undefined]>([
      ['delete', undefined],
      ['get', undefined],
      ['post', undefined],
      ['delete', '3'],
      ['get', '3'],
    ])(
      '%s on a versioned path asking version %s stays 404',
      async (method, version) => {
        const res = await (http(app) as Agent)
          [method]('/versioned')
          .set(version ? asks(version) : {});
        expectRouterNotFound(res, method, '/versioned');
      },
    );

    it('serves version 2 its POST', async () => {
      const res = await http(app).post('/versioned').set(asks('2'));
      expect(res.status).toBe(201);
    });

    it.each<[string, string, string]>([
      ['/things', 'www.example.com', 'GET, HEAD, POST'],
      ['/neutral', 'www.example.com', 'GET, HEAD'],
      ['/neutral-admin', 'admin.example.com', 'GET, HEAD'],
    ])(
      'answers 405 on %s (Host: %s), served whatever the version',
      async (path, host, allow) => {
        const res = await http(app)
          .delete(path)
          .set(version1)
          .set('Host', host);
        expectEnvelope(res, METHOD_NOT_ALLOWED);
        expect(res.headers.allow).toBe(allow);
      },
    );

    it('answers 405 on a versioned host-bound path for its version and host only', async () => {
      const res = await http(app)
        .delete('/admin-versioned')
        .set(version1)
        .set('Host', 'admin.example.com');
      expectEnvelope(res, METHOD_NOT_ALLOWED);
      expect(res.headers.allow).toBe('GET, HEAD');
    });

    it.each<[string, string, string | undefined]>([
      ['/neutral-admin', 'www.example.com', '1'],
      ['/admin-versioned', 'www.example.com', '1'],
      ['/admin-versioned', 'admin.example.com', '2'],
      ['/admin-versioned', 'admin.example.com', undefined],
    ])(
      'keeps DELETE %s a 404 on %s asking version %s',
      async (path, host, version) => {
        const res = await http(app)
          .delete(path)
          .set(version ? asks(version) : {})
          .set('Host', host);
        expectRouterNotFound(res, 'DELETE', path);
      },
    );
  });

  // Routes `main.ts` mounts beside Nest's: an Express router under a path,
  // a Fastify plugin under a prefix.
  describe('routes mounted outside Nest', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(SemanticsAppModule, Adapter, {
        setup: (a) => mountItems(a, '/mounted'),
      });
    });
    afterAll(() => app.close());

    it('answers 405 on a mounted path with the methods it serves', async () => {
      const res = await http(app).delete('/mounted/items');
      expectEnvelope(res, METHOD_NOT_ALLOWED);
      expect(res.headers.allow).toBe('GET, HEAD, PATCH');
    });

    it('serves the mounted route and keeps unknown paths under it a 404', async () => {
      expect((await http(app).get('/mounted/items')).body).toEqual(['mounted']);
      expectRouterNotFound(
        await http(app).delete('/mounted/nothing'),
        'DELETE',
        '/mounted/nothing',
      );
    });
  });

  // A host-bound controller's routes exist for its hosts only: on another
  // host its path is the router's 404, never a 405 whose `Allow` names
  // methods that host is not served (nor reveals the admin host's routes).
  describe('host-bound controllers', () => {
    @Module({
      imports: [ErrorsModule.forRoot({ catalog: E })],
      controllers: [
        AdminController,
        TenantAccountsController,
        SharedController,
        SharedAdminController,
        ConstrainedController,
      ],
    })
    class HostsAppModule {}
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(HostsAppModule, Adapter);
    });
    afterAll(() => app.close());

    it.each<[Method, string, string, string]>([
      ['delete', '/admin', 'admin.example.com', 'GET, HEAD, POST'],
      ['put', '/admin', 'admin.example.com:8443', 'GET, HEAD, POST'],
      ['get', '/admin/7', 'admin.example.com', 'DELETE'],
      ['delete', '/accounts/7', 'acme.example.com', 'GET, HEAD'],
      ['post', '/shared', 'admin.example.com', 'GET, HEAD, DELETE'],
      ['post', '/shared', 'www.example.com', 'GET, HEAD'],
      ['delete', '/shared', 'www.example.com', 'GET, HEAD'],
    ])(
      '%s %s (Host: %s) answers 405 with Allow: %s',
      async (method, path, host, allow) => {
        const res = await (http(app) as Agent)[method](path).set('Host', host);
        expectEnvelope(res, METHOD_NOT_ALLOWED);
        expect(res.headers.allow).toBe(allow);
      },
    );

    it.each<[Method, string, string]>([
      ['delete', '/admin', 'www.example.com'],
      ['get', '/admin', 'www.example.com'],
      ['get', '/admin/7', 'www.example.com'],
      ['delete', '/accounts/7', 'example.org'],
      ['delete', '/accounts/7', 'example.com'],
    ])('%s %s (Host: %s) stays 404', async (method, path, host) => {
      const res = await (http(app) as Agent)[method](path).set('Host', host);
      expectRouterNotFound(res, method, path);
    });

    // Fastify's own route constraints (`@RouteConstraints({ host })`) count
    // as its router reads them; Express has none and serves every host.
    it.each<[string, string | undefined, string | undefined]>([
      ['admin.example.com', 'GET, HEAD', 'GET, HEAD'],
      ['www.example.com', 'GET, HEAD', undefined],
    ])(
      'answers DELETE /constrained on %s as its router serves GET (Express Allow: %s, Fastify Allow: %s)',
      async (host, expressAllow, fastifyAllow) => {
        const res = await http(app).delete('/constrained').set('Host', host);
        const allow =
          Adapter.name === 'FastifyAdapter' ? fastifyAllow : expressAllow;
        if (allow === undefined)
          expectRouterNotFound(res, 'DELETE', '/constrained');
        else {
          expectEnvelope(res, METHOD_NOT_ALLOWED);
          expect(res.headers.allow).toBe(allow);
        }
      },
    );

    it.each<[string, string, number]>([
      ['/admin', 'admin.example.com', 200],
      ['/accounts/7', 'acme.example.com', 200],
      ['/shared', 'www.example.com', 200],
    ])('serves GET %s on %s', async (path, host, status) => {
      const res = await http(app).get(path).set('Host', host);
      expect(res.status).toBe(status);
    });
  });

  describe('QUERY requests (raw socket)', () => {
    @Module({
      imports: [ErrorsModule.forRoot({ catalog: E })],
      controllers: [ThingsController, SearchController],
    })
    class QueryAppModule {}
    let app: INestApplication;
    let port: number;

    beforeAll(async () => {
      app = await createApp(QueryAppModule, Adapter);
      port = await listen(app);
    });
    afterAll(() => app.close());

    const query = (path: string, headers = '', body = '') =>
      rawRequest(
        port,
        `QUERY ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );

    it('serves a QUERY route with a JSON body', async () => {
      const res = await query(
        '/search',
        'Content-Type: application/json\r\n',
        '{"q":"cats"}',
      );
      expect(res?.status).toBe(200);
      expect(res?.json).toEqual({ body: { q: 'cats' } });
    });

    it('answers a QUERY route without Content-Type as its adapter does', async () => {
      const res = await query('/search');
      if (Adapter.name === 'FastifyAdapter') {
        // Fastify holds QUERY routes to RFC 10008; its own text is not shown.
        expect(res?.status).toBe(400);
        expect(res?.json).toMatchObject({
          error: {
            status: 'Bad Request',
            code: 'bad_request',
            message:
              'A QUERY request needs a Content-Type header that describes its body.',
          },
        });
      } else {
        expect(res?.status).toBe(200);
        expect(res?.json).toEqual({ body: null });
      }
    });

    // Whatever its Content-Type, a QUERY to a path no QUERY route serves is
    // the router's miss first, as for any other method.
    const JSON_TYPE = 'Content-Type: application/json\r\n';
    it.each<[string, string, number, string | undefined, string]>([
      ['/things', '', 405, 'GET, HEAD, POST', METHOD_NOT_ALLOWED.message],
      [
        '/things',
        JSON_TYPE,
        405,
        'GET, HEAD, POST',
        METHOD_NOT_ALLOWED.message,
      ],
      ['/nothing-here?x=1', '', 404, undefined, 'Cannot QUERY /nothing-here'],
      [
        '/nothing-here?x=1',
        JSON_TYPE,
        404,
        undefined,
        'Cannot QUERY /nothing-here',
      ],
    ])(
      'answers QUERY %s (headers %j) with %i',
      async (path, headers, status, allow, message) => {
        const res = await query(path, headers, headers ? '{}' : '');
        expect(res?.status).toBe(status);
        expect(res?.headers.allow).toBe(allow);
        expect(res?.json).toMatchObject({
          error: { ...ROUTER_ERRORS[status], message },
        });
      },
    );
  });

  it('respects a builtInErrors override of MethodNotAllowed', async () => {
    @Module({
      imports: [
        ErrorsModule.forRoot({
          builtInErrors: {
            MethodNotAllowed: { code: 1405, message: 'Use another method.' },
          },
        }),
      ],
      controllers: [ThingsController],
    })
    class OverrideModule {}
    const app = await createApp(OverrideModule, Adapter);
    try {
      const res = await http(app).put('/things');
      expectEnvelope(res, {
        status: 405,
        code: 1405,
        message: 'Use another method.',
      });
      expect(res.headers.allow).toBe('GET, HEAD, POST');
    } finally {
      await app.close();
    }
  });
});
