import multipart from '@fastify/multipart';
import { Controller, Module, Post, Req } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';

import { ErrorsModule } from '../src';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';

type MultipartRequest = {
  file(): Promise<
    { filename: string; toBuffer(): Promise<Buffer> } | undefined
  >;
  parts(): AsyncIterable<{ type: string; fieldname: string; value?: unknown }>;
};

/** Uploads read with @fastify/multipart's own request methods, as Fastify apps on NestJS do. */
@Controller('uploads')
class UploadsController {
  @Post('file')
  async file(@Req() req: MultipartRequest) {
    const file = await req.file();
    return {
      filename: file?.filename,
      bytes: (await file?.toBuffer())?.length,
    };
  }

  @Post('fields')
  async fields(@Req() req: MultipartRequest) {
    const fields: Record<string, unknown> = {};
    for await (const part of req.parts())
      if (part.type === 'field') fields[part.fieldname] = part.value;
    return fields;
  }
}

@Module({ imports: [ErrorsModule.forRoot()], controllers: [UploadsController] })
class UploadsModule {}

/** @fastify/multipart answers these 406 (about `Accept`); the body is what is wrong. */
describe('@fastify/multipart (Fastify)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(UploadsModule, FastifyAdapter, {
      setup: (a) =>
        void (
          a.getHttpAdapter().getInstance() as {
            register(plugin: unknown, options?: unknown): unknown;
          }
        ).register(multipart, { attachFieldsToBody: false }),
    });
  });
  afterAll(() => app.close());

  it('reads a multipart upload', async () => {
    const res = await http(app)
      .post('/uploads/file')
      .attach('file', Buffer.from('hello'), 'hello.txt');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ filename: 'hello.txt', bytes: 5 });
  });

  it('answers a JSON body to req.file() with 415, not 406', async () => {
    expectEnvelope(
      await http(app).post('/uploads/file').send({ name: 'not a file' }),
      {
        status: 415,
        code: 'unsupported_media_type',
        message: 'The request body must be multipart/form-data.',
      },
    );
  });

  it('answers a multipart field declared as JSON that is not JSON with 400, not 406', async () => {
    const boundary = 'x-boundary';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{not json\r\n` +
      `--${boundary}--\r\n`;
    expectEnvelope(
      await http(app)
        .post('/uploads/fields')
        .set('content-type', `multipart/form-data; boundary=${boundary}`)
        .send(body),
      {
        status: 400,
        code: 'bad_request',
        message:
          'A multipart field declared as JSON could not be parsed. Send well-formed JSON.',
      },
    );
  });
});
