import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';

import { BUILT_IN_ERRORS, ErrorsModule } from '../src';
import {
  EDGE_CASES,
  GZIP_BODY,
  MESSAGES,
  rawGet as get,
  rawPost as post,
} from './fixtures/edge-cases';
import { EdgesController } from './fixtures/edges.controller';
import { CaptureLogger } from './utils/capture-logger';
import { createApp } from './utils/create-app';
import { platforms } from './utils/platforms';
import { listen, rawExchange, rawRequest } from './utils/raw-http';
import type { RawResponse } from './utils/raw-http';

@Module({
  imports: [ErrorsModule.forRoot()],
  controllers: [EdgesController],
})
class EdgesModule {}

const INTERNAL = BUILT_IN_ERRORS.InternalServerError.message;

/** Asserts a whole envelope read off a socket: status, headers, exact body. */
function expectRawEnvelope(
  res: RawResponse | undefined,
  status: number,
  code: string,
  message: string,
  options: {
    errors?: boolean;
    cause?: string;
    details?: Record<string, unknown>;
  } = {},
): void {
  expect(res).toBeDefined();
  const { headers, json } = res!;
  expect(res!.status).toBe(status);
  expect(headers['content-type']).toBe('application/json; charset=utf-8');
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(json).toStrictEqual({
    request_id: headers['x-request-id'],
    error: {
      status: expect.any(String),
      code,
      message,
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      docs: `/docs/errors/${status}/${code}`,
      ...(options.errors ? { errors: expect.any(Object) } : {}),
      ...(options.details === undefined ? {} : { details: options.details }),
    },
  });
  expect(res!.body).not.toMatch(/FST_|statusCode|at \/|Error:/);
}

describe.each(platforms)('edges (%p)', (Adapter) => {
  let app: INestApplication;
  let port: number;
  let logger: CaptureLogger;

  beforeEach(async () => {
    logger = new CaptureLogger();
    app = await createApp(EdgesModule, Adapter, { logger });
    port = await listen(app);
  });
  afterEach(async () => {
    // The server keeps serving after every hostile input.
    const next = await rawRequest(port, get('/edges/params/ok'));
    expect(next?.status).toBe(200);
    await app.close();
  });

  describe('one answer per input (the README table)', () => {
    it.each(EDGE_CASES.map((c) => [c.input, c] as const))(
      '%s',
      async (_input, edge) => {
        const res = await rawRequest(port, edge.request);
        expectRawEnvelope(res, edge.status, edge.code, edge.message, {
          errors: edge.status === 422,
          cause: edge.cause,
          details: edge.details,
        });
        if (edge.cause !== undefined)
          expect(
            Object.keys(
              (res!.json as { error: { errors: object } }).error.errors,
            ),
          ).toHaveLength(100);
      },
    );
  });

  describe('Host header', () => {
    it('answers a request without Host on HTTP/1.1 and closes its connection', async () => {
      const res = await rawRequest(
        port,
        'GET /edges/params/ok HTTP/1.1\r\n\r\n',
      );
      expect(res!.status).toBe(400);
      expect(res!.headers['connection']).toBe('close');
      expect(res!.headers['x-request-id']).toBe(
        (res!.json as { request_id: string }).request_id,
      );
    });

    it('serves HTTP/1.0 without Host, which does not require it', async () => {
      const res = await rawRequest(
        port,
        'GET /edges/params/ok HTTP/1.0\r\n\r\n',
      );
      expect(res!.status).toBe(200);
    });
  });

  describe('CONNECT', () => {
    it("leaves CONNECT to the app's own listener (a proxy)", async () => {
      const server = app.getHttpServer() as Server;
      server.on('connect', (_request, socket: Socket) =>
        socket.end('HTTP/1.1 200 Connection Established\r\n\r\n'),
      );
      const res = await rawRequest(
        port,
        'CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n',
      );
      expect(res?.status).toBe(200);
      expect(res?.body).toBe('');
    });
  });

  describe('Expect', () => {
    it("leaves an Expect header to the app's own listener", async () => {
      const server = app.getHttpServer() as Server;
      server.on('checkExpectation', (_request, response: ServerResponse) =>
        response.writeHead(202).end(),
      );
      const res = await rawRequest(
        port,
        post('/edges/dto', { expect: 'something-else' }, '{}'),
      );
      expect(res?.status).toBe(202);
    });
  });

  describe('form bodies', () => {
    it('refuses brackets nested past 32 levels on Express, reads them flat on Fastify', async () => {
      const res = await rawRequest(
        port,
        post(
          '/edges/raw',
          { 'content-type': 'application/x-www-form-urlencoded' },
          `a${'[b]'.repeat(40)}=1`,
        ),
      );
      if (Adapter === platforms[0])
        expectRawEnvelope(
          res,
          400,
          'bad_request',
          'The request body is nested too deeply.',
        );
      else expect(res?.status).toBe(201);
    });

    it('refuses more than 1000 parameters on Express (413, not "too large"), reads them on Fastify', async () => {
      const body = Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&');
      const res = await rawRequest(
        port,
        post(
          '/edges/raw',
          { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        ),
      );
      if (Adapter === platforms[0])
        expectRawEnvelope(
          res,
          413,
          'payload_too_large',
          'The request body has too many parameters.',
        );
      else expect(res?.status).toBe(201);
      expect(logger.errors()).toEqual([]);
    });
  });

  describe('URLs', () => {
    it('does not echo the query string of an unknown route', async () => {
      const res = await rawRequest(
        port,
        get('/nope?password=S3cr3t&token=abc'),
      );
      expect(res!.body).not.toMatch(/S3cr3t|token/);
    });

    it('does not echo a malformed URL', async () => {
      const res = await rawRequest(port, get('/%E0%A4%A'));
      expect(res!.body).not.toContain('%E0');
    });

    it('cuts a long unknown path to 256 characters', async () => {
      const path = `/${'a'.repeat(12 * 1024)}`;
      const res = await rawRequest(port, get(path));
      expectRawEnvelope(
        res,
        404,
        'not_found',
        `Cannot GET ${path.slice(0, 256)}…`,
      );
    });

    it.each([
      [
        'a URL over the limit answers 414',
        `GET /edges/params/${'a'.repeat(20 * 1024)} HTTP/1.1\r\nhost: localhost\r\n\r\n`,
        414,
        'uri_too_long',
        MESSAGES.longUrl,
      ],
      [
        'headers over the limit answer 431',
        `GET /edges/params/ok HTTP/1.1\r\nhost: localhost\r\nx-big: ${'b'.repeat(20 * 1024)}\r\n\r\n`,
        431,
        'request_header_fields_too_large',
        MESSAGES.headersTooLarge,
      ],
    ])(
      'sent in two reads, %s',
      async (_name, request, status, code, message) => {
        const { responses } = await rawExchange(port, [
          request.slice(0, 6000),
          request.slice(6000),
        ]);
        expectRawEnvelope(responses[0], status, code, message);
      },
    );

    it('answers 414 to a long URL pipelined after a request, which is answered first', async () => {
      const { responses, closed } = await rawExchange(
        port,
        `GET /edges/params/a HTTP/1.1\r\nhost: localhost\r\n\r\nGET /edges/params/${'a'.repeat(20 * 1024)} HTTP/1.1\r\nhost: localhost\r\n\r\n`,
      );
      expect(responses.map((res) => res.status)).toStrictEqual([200, 414]);
      expectRawEnvelope(responses[1], 414, 'uri_too_long', MESSAGES.longUrl);
      expect(closed).toBe(true);
    });

    it('closes the connection after a request the HTTP parser rejected', async () => {
      const badChunk = EDGE_CASES.find((c) => c.input.startsWith('bad chunk'))!;
      const res = await rawRequest(port, badChunk.request);
      expect(res!.status).toBe(400);
      expect(res!.headers.connection).toBe('close');
    });
  });

  describe('pipelined requests before bytes the parser rejects', () => {
    const keptAlive = (path: string) =>
      `GET ${path} HTTP/1.1\r\nhost: localhost\r\n\r\n`;

    it('answers the requests read before them, in order, then the 400, then closes', async () => {
      const { responses, closed } = await rawExchange(
        port,
        keptAlive('/edges/params/a') +
          keptAlive('/edges/params/b') +
          'BROKEN bytes\r\n\r\n',
      );
      expect(responses.map((res) => res.status)).toStrictEqual([200, 200, 400]);
      expect(responses[0].json).toStrictEqual({ name: 'a' });
      expect(responses[1].json).toStrictEqual({ name: 'b' });
      expectRawEnvelope(responses[2], 400, 'bad_request', MESSAGES.notHttp);
      expect(responses[2].headers.connection).toBe('close');
      expect(closed).toBe(true);
    });

    it('answers a request whose body the parser rejects at once, after those before it', async () => {
      const { responses, closed } = await rawExchange(
        port,
        keptAlive('/edges/params/a') +
          'POST /edges/raw HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      );
      expect(responses.map((res) => res.status)).toStrictEqual([200, 400]);
      expect(responses[0].json).toStrictEqual({ name: 'a' });
      expectRawEnvelope(responses[1], 400, 'bad_request', MESSAGES.notHttp);
      expect(closed).toBe(true);
    });

    it("closes a response that started before its request's body turned bad", async () => {
      const { responses, bytes, closed } = await rawExchange(port, [
        'POST /edges/stream/early HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/octet-stream\r\ntransfer-encoding: chunked\r\n\r\n2\r\nok\r\n',
        'zz\r\n',
      ]);
      expect(closed).toBe(true);
      if (Adapter === platforms[1]) {
        // Fastify reads a body before the handler, and has no parser for this one.
        expect(responses.map((res) => res.status)).toStrictEqual([415, 400]);
        return;
      }
      const text = bytes.toString('latin1');
      expect(text.startsWith('HTTP/1.1 201 ')).toBe(true);
      // Cut short, with no other response written into it.
      expect(text.length).toBeLessThan(20 * 1024);
      expect(text).not.toContain('HTTP/1.1 400');
      expect(logger.errors()).toEqual([]);
    });

    it('finishes a response that is streaming before answering them', async () => {
      const { responses, closed } = await rawExchange(
        port,
        keptAlive('/edges/stream/short') + 'BROKEN bytes\r\n\r\n',
      );
      expect(responses.map((res) => res.status)).toStrictEqual([200, 400]);
      expect(responses[0].body).toBe('a'.repeat(20 * 1024));
      expectRawEnvelope(responses[1], 400, 'bad_request', MESSAGES.notHttp);
      expect(closed).toBe(true);
    });
  });

  describe('bodies', () => {
    const json = { 'content-type': 'application/json' };

    it('reads a gzip-encoded JSON body', async () => {
      const res = await rawRequest(
        port,
        post('/edges/dto', { ...json, 'content-encoding': 'gzip' }, GZIP_BODY),
      );
      expect(res?.status).toBe(201);
      expect(res?.json).toStrictEqual({
        ok: true,
        dto: { name: 'a', count: 1 },
      });
    });

    it("never shows zlib's text", async () => {
      const res = await rawRequest(
        port,
        post('/edges/dto', { ...json, 'content-encoding': 'gzip' }, '{"a":1}'),
      );
      expect(res!.body).not.toContain('incorrect header check');
    });

    it('lists the missing fields of an empty JSON body', async () => {
      const res = await rawRequest(port, post('/edges/dto', json));
      expect(
        Object.keys((res?.json as { error: { errors: object } }).error.errors),
      ).toEqual(['name', 'count']);
    });

    it('reads an empty JSON body as no body on routes without a DTO', async () => {
      const res = await rawRequest(port, post('/edges/raw', json));
      expect(res?.status).toBe(201);
    });

    it.each(['"str"', '42', 'true', '  null  '])(
      'answers the JSON primitive %s with a 400',
      async (body) => {
        const res = await rawRequest(port, post('/edges/raw', json, body));
        expectRawEnvelope(res, 400, 'bad_request', MESSAGES.notAnObject);
      },
    );
  });

  describe('what the app throws', () => {
    it('drops a header value with CR/LF, keeps the rest and logs it', async () => {
      const res = await rawRequest(port, get('/edges/crlf'));
      expectRawEnvelope(res, 401, 'challenge', 'Authenticate first.');
      expect(res!.headers['www-authenticate']).toBeUndefined();
      expect(res!.headers['set-cookie']).toBeUndefined();
      expect(res!.headers['x-fine']).toBe('kept');
      expect(
        logger.entries.filter((e) => e.level === 'warn').map((e) => e.message),
      ).toEqual([
        expect.stringContaining(
          'Dropped the response header "WWW-Authenticate" of a 401',
        ),
      ]);
    });

    it.each([101, 200, 302, 304])(
      'answers an HttpException with status %i as a 500, logged once',
      async (status) => {
        const res = await rawRequest(port, get(`/edges/status/${status}`));
        expectRawEnvelope(res, 500, 'internal_error', INTERNAL);
        expect(logger.errors()).toHaveLength(1);
      },
    );

    it('makes an error uncacheable and drops stale headers, keeping CORS and Vary', async () => {
      const res = await rawRequest(port, get('/edges/cached'));
      expectRawEnvelope(res, 500, 'internal_error', INTERNAL);
      expect(res!.headers.etag).toBeUndefined();
      expect(res!.headers['access-control-allow-origin']).toBe('*');
      expect(res!.headers.vary).toBe('Origin');
    });

    it('drops stale headers set on the Node response too, keeping CORS', async () => {
      const res = await rawRequest(port, get('/edges/cached-raw'));
      expectRawEnvelope(res, 500, 'internal_error', INTERNAL);
      expect(res!.headers.etag).toBeUndefined();
      expect(res!.headers['x-total-count']).toBeUndefined();
      expect(res!.headers['access-control-allow-origin']).toBe('*');
      expect(res!.headers['cache-control']).toBe('no-store');
    });

    it('keeps the caching an error sets itself', async () => {
      const res = await rawRequest(port, get('/edges/cached-error'));
      expect(res?.status).toBe(401);
      expect(res?.headers['cache-control']).toBe('max-age=60');
    });
  });

  describe('streams and aborts', () => {
    it('answers a StreamableFile that fails at once with the envelope, logged once', async () => {
      const res = await rawRequest(port, get('/edges/stream/fails-at-once'));
      expectRawEnvelope(res, 500, 'internal_error', INTERNAL);
      expect(res!.body).not.toContain('secret');
      expect(logger.errors()).toHaveLength(1);
    });

    it('closes a StreamableFile that fails midway and logs it once', async () => {
      const res = await rawRequest(port, get('/edges/stream/fails-midway'));
      expect(res?.status).toBe(200);
      expect(res!.body.length).toBeLessThan(1024 * 1024);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logger.errors()).toHaveLength(1);
      expect(String(logger.errors()[0].message)).toContain('disk read failed');
    });

    it('does not log a client that leaves mid-response as an error', async () => {
      await rawRequest(port, get('/edges/stream/slow'), { abortAfterMs: 60 });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(logger.errors()).toEqual([]);
    });

    it('does not log a client that gives up mid-body as an error', async () => {
      const partial = post(
        '/edges/dto',
        { 'content-type': 'application/json', 'content-length': '100000' },
        '{"name":"',
      );
      await rawRequest(port, partial, { abortAfterMs: 50 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logger.errors()).toEqual([]);
    });
  });
});

describe.each(platforms)('timeouts (%p)', (Adapter) => {
  let app: INestApplication;
  let port: number;

  beforeEach(async () => {
    app = await createApp(EdgesModule, Adapter);
    // Node's own timeouts, shortened (Fastify turns requestTimeout off by default).
    const server = app.getHttpServer() as Server & {
      connectionsCheckingInterval: number;
    };
    server.connectionsCheckingInterval = 50;
    server.requestTimeout = 600;
    server.headersTimeout = 300;
    port = await listen(app);
  });
  afterEach(async () => {
    await app.close();
  });

  it('answers headers that stall with the 408 envelope and closes the connection', async () => {
    const { responses, closed } = await rawExchange(
      port,
      'GET /edges/params/a HTTP/1.1\r\nhost: localhost\r\n',
    );
    expect(responses).toHaveLength(1);
    expectRawEnvelope(
      responses[0],
      408,
      'request_timeout',
      BUILT_IN_ERRORS.RequestTimeout.message,
    );
    expect(responses[0].headers.connection).toBe('close');
    expect(closed).toBe(true);
  });

  it("answers a body that stalls with the 408 envelope, under the request's own id", async () => {
    const { responses, closed } = await rawExchange(
      port,
      'POST /edges/raw HTTP/1.1\r\nhost: localhost\r\nx-request-id: stalled-body-1\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{"a"',
    );
    expect(responses).toHaveLength(1);
    expect(responses[0].status).toBe(408);
    expect(responses[0].headers['x-request-id']).toBe('stalled-body-1');
    expect(responses[0].json).toStrictEqual({
      request_id: 'stalled-body-1',
      error: {
        status: 'Request Timeout',
        code: 'request_timeout',
        message: BUILT_IN_ERRORS.RequestTimeout.message,
        docs: '/docs/errors/408/request_timeout',
      },
    });
    expect(closed).toBe(true);
  });
});

describe('edges on Fastify only', () => {
  it('answers a path parameter over maxParamLength with a 414 envelope', async () => {
    const app = await createApp(EdgesModule, platforms[1]);
    const port = await listen(app);
    const res = await rawRequest(port, get(`/edges/params/${'p'.repeat(101)}`));
    expectRawEnvelope(res, 414, 'uri_too_long', MESSAGES.longParam);
    await app.close();
  });

  it('has no such limit on Express', async () => {
    const app = await createApp(EdgesModule, platforms[0]);
    const port = await listen(app);
    const res = await rawRequest(port, get(`/edges/params/${'p'.repeat(101)}`));
    expect(res?.status).toBe(200);
    await app.close();
  });
});

describe.each(platforms)(
  'JSON media types the app adds a parser for (%p)',
  (Adapter) => {
    let app: INestApplication;
    let port: number;
    const vendorJson = { 'content-type': 'application/vnd.api+json' };

    beforeAll(async () => {
      app = await createApp(EdgesModule, Adapter, {
        // What the README tells apps to call, per adapter.
        setup: (created) => {
          if (Adapter === platforms[1]) {
            const fastify = created.getHttpAdapter().getInstance() as {
              addContentTypeParser(...args: unknown[]): unknown;
              getDefaultJsonParser(...args: unknown[]): unknown;
            };
            fastify.addContentTypeParser(
              /^application\/[\w.+-]+\+json$/,
              { parseAs: 'string' },
              fastify.getDefaultJsonParser('error', 'error'),
            );
          } else
            (
              created as unknown as {
                useBodyParser(...args: unknown[]): unknown;
              }
            ).useBodyParser('json', {
              type: ['application/json', 'application/*+json'],
            });
        },
      });
      port = await listen(app);
    });
    afterAll(() => app.close());

    it('reads a +json body', async () => {
      const res = await rawRequest(
        port,
        post('/edges/dto', vendorJson, '{"name":"ab","count":1}'),
      );
      expect(res?.status).toBe(201);
      expect(res?.json).toEqual({ ok: true, dto: { name: 'ab', count: 1 } });
    });

    it('holds it to the JSON rules: primitives and malformed JSON are 400s', async () => {
      expectRawEnvelope(
        await rawRequest(port, post('/edges/dto', vendorJson, '1')),
        400,
        'bad_request',
        MESSAGES.notAnObject,
      );
      expectRawEnvelope(
        await rawRequest(port, post('/edges/dto', vendorJson, '{bad')),
        400,
        'bad_request',
        MESSAGES.malformedJson,
      );
    });
  },
);
