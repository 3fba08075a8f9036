import { gzipSync } from 'node:zlib';

import { All, Body, Controller, Get, Module, Post, Put } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';

import { ErrorsModule, getRequestId } from '../src';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

/** Reads the id after an await, where only a kept async context still has it. */
async function idLater(): Promise<string | undefined> {
  await new Promise((resolve) => setImmediate(resolve));
  return getRequestId();
}

@Controller('hooks')
class HooksController {
  @Get('read')
  async read() {
    return { fromStorage: await idLater() };
  }

  @Post('write')
  async write(@Body() body: unknown) {
    return { body, fromStorage: await idLater() };
  }

  @Put('write')
  async replace(@Body() body: unknown) {
    return { body, fromStorage: await idLater() };
  }

  @All('any')
  async any(@Body() body: unknown) {
    return { body: body ?? null, fromStorage: await idLater() };
  }
}

@Module({ imports: [ErrorsModule.forRoot()], controllers: [HooksController] })
class HooksModule {}

/** superagent would JSON-encode a Buffer sent as application/json: send its bytes. */
const raw = (body: unknown) => body as string;

const gzipJson = (value: unknown) =>
  gzipSync(Buffer.from(JSON.stringify(value)));

/**
 * The request-id hook runs on every request; the body hooks (decoding, the
 * JSON-primitive check, the async context after parsing) wherever a body can
 * be read: routes with a body method and the router's 404, on both adapters.
 */
describe.each(platforms)(
  'request hooks on every route shape (%p)',
  (Adapter) => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createApp(HooksModule, Adapter);
    });
    afterAll(() => app.close());

    it('keeps the id in the async context of a GET handler', async () => {
      const res = await http(app)
        .get('/hooks/read')
        .set('x-request-id', 'get-1');
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toBe('get-1');
      expect(res.body).toEqual({ fromStorage: 'get-1' });
    });

    it.each(['post', 'put'] as const)(
      'decodes a gzip JSON body and keeps the id after parsing (%s)',
      async (method) => {
        const res = await http(app)
          [method]('/hooks/write')
          .set('x-request-id', `${method}-1`)
          .set('content-type', 'application/json')
          .set('content-encoding', 'gzip')
          .serialize(raw)
          .send(gzipJson({ hello: 'world' }));
        expect(res.status).toBe(method === 'post' ? 201 : 200);
        expect(res.body).toEqual({
          body: { hello: 'world' },
          fromStorage: `${method}-1`,
        });
      },
    );

    it('serves GET and a gzip POST on an @All() route', async () => {
      const get = await http(app)
        .get('/hooks/any')
        .set('x-request-id', 'all-get');
      expect(get.body).toEqual({ body: null, fromStorage: 'all-get' });
      const post = await http(app)
        .post('/hooks/any')
        .set('x-request-id', 'all-post')
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        .serialize(raw)
        .send(gzipJson({ n: 1 }));
      expect(post.body).toEqual({ body: { n: 1 }, fromStorage: 'all-post' });
    });

    it('refuses a JSON primitive body on a body route with 400', async () => {
      const res = await http(app)
        .post('/hooks/write')
        .set('content-type', 'application/json')
        .send('42');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    });

    it('answers a gzip JSON POST to an unknown path with the 404 envelope', async () => {
      const res = await http(app)
        .post('/hooks/nowhere')
        .set('x-request-id', 'nf-1')
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        .serialize(raw)
        .send(gzipJson({ hello: 'world' }));
      expectEnvelope(res, {
        status: 404,
        code: 'not_found',
        message: 'Cannot POST /hooks/nowhere',
      });
      expect(res.body.request_id).toBe('nf-1');
    });

    it('answers a GET to an unknown path with the 404 envelope and its id', async () => {
      const res = await http(app)
        .get('/hooks/nowhere')
        .set('x-request-id', 'nf-2');
      expectEnvelope(res, {
        status: 404,
        code: 'not_found',
        message: 'Cannot GET /hooks/nowhere',
      });
      expect(res.headers['x-request-id']).toBe('nf-2');
    });
  },
);
