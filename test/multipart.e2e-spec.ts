import multipart from '@fastify/multipart';
import {
  Body,
  Controller,
  Module,
  Post,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { ExpressAdapter, FileInterceptor } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type request from 'supertest';

import { ErrorsModule } from '../src';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';
import type { PlatformAdapter } from './utils/platforms';

type Upload = { filename: string; bytes: number };

/** An upload read with multer, as Express apps on NestJS do. */
@Controller('uploads')
class ExpressUploadsController {
  @Post()
  @UseInterceptors(FileInterceptor('file'))
  upload(@UploadedFile() file: { originalname: string; size: number }): Upload {
    return { filename: file.originalname, bytes: file.size };
  }
}

/** The same upload read with @fastify/multipart, as Fastify apps on NestJS do. */
@Controller('uploads')
class FastifyUploadsController {
  @Post()
  async upload(
    @Req()
    req: {
      file(): Promise<{ filename: string; toBuffer(): Promise<Buffer> }>;
    },
  ): Promise<Upload> {
    const file = await req.file();
    return { filename: file.filename, bytes: (await file.toBuffer()).length };
  }
}

/** Fields (and files) of a body @fastify/multipart parsed before the route. */
@Controller('fields')
class FieldsController {
  @Post()
  fields(@Body() body: Record<string, unknown>): string[] {
    return Object.keys(body);
  }
}

function uploadsApp(
  Adapter: PlatformAdapter,
  logger: CaptureLogger,
  multipartOptions: { attachFieldsToBody?: boolean } = {},
): Promise<INestApplication> {
  const express = Adapter === ExpressAdapter;
  @Module({
    imports: [ErrorsModule.forRoot()],
    controllers: [
      express ? ExpressUploadsController : FastifyUploadsController,
      FieldsController,
    ],
  })
  class UploadsModule {}
  return createApp(UploadsModule, Adapter, {
    logger,
    setup: (app) => {
      if (!express)
        void (
          app.getHttpAdapter().getInstance() as {
            register(plugin: unknown, options: unknown): unknown;
          }
        ).register(multipart, multipartOptions);
    },
  });
}

const BOUNDARY = 'x-boundary';
const FILE_PART =
  `--${BOUNDARY}\r\n` +
  'Content-Disposition: form-data; name="file"; filename="hello.txt"\r\n' +
  'Content-Type: text/plain\r\n\r\nhello\r\n';

type Post = (contentType: string, body: string) => request.Test;

const NO_BOUNDARY = {
  status: 400,
  code: 'bad_request',
  message:
    'The multipart/form-data request has no usable boundary in its Content-Type.',
};
const UNFINISHED = {
  status: 400,
  code: 'bad_request',
  message: 'The multipart/form-data body ended before its closing boundary.',
};
const BAD_PART_HEADER = {
  status: 400,
  code: 'bad_request',
  message: 'A part of the multipart/form-data body has a malformed header.',
};

/**
 * A malformed multipart body is the client's mistake on either adapter:
 * multer's busboy and @fastify/busboy fail with plain `Error`s (NestJS 11
 * re-throws some of multer's as 400s, NestJS 12 all of them, with the
 * failure as `cause`), which would otherwise answer 500 and be logged.
 */
describe.each(platforms)('malformed multipart bodies (%p)', (Adapter) => {
  let app: INestApplication;
  let logger: CaptureLogger;

  beforeAll(async () => {
    logger = new CaptureLogger();
    app = await uploadsApp(Adapter, logger);
  });
  afterAll(() => app.close());
  afterEach(() => expect(logger.errors()).toEqual([]));

  const post: Post = (contentType, body) =>
    http(app).post('/uploads').set('content-type', contentType).send(body);

  it('reads a well-formed upload', async () => {
    const res = await post(
      `multipart/form-data; boundary=${BOUNDARY}`,
      `${FILE_PART}--${BOUNDARY}--\r\n`,
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ filename: 'hello.txt', bytes: 5 });
  });

  it('answers a Content-Type without a boundary with 400', async () => {
    expectEnvelope(
      await post('multipart/form-data', `${FILE_PART}--${BOUNDARY}--\r\n`),
      NO_BOUNDARY,
    );
  });

  it('answers a body that ends before its closing boundary with 400', async () => {
    expectEnvelope(
      await post(`multipart/form-data; boundary=${BOUNDARY}`, FILE_PART),
      UNFINISHED,
    );
  });

  it('answers a body without any boundary line with 400', async () => {
    expectEnvelope(
      await post(`multipart/form-data; boundary=${BOUNDARY}`, 'hello'),
      UNFINISHED,
    );
  });

  it('answers another multipart type with 415, without echoing it', async () => {
    const res = await post(
      `multipart/mixed; boundary=${BOUNDARY}; note=echoed`,
      `${FILE_PART}--${BOUNDARY}--\r\n`,
    );
    expectEnvelope(res, {
      status: 415,
      code: 'unsupported_media_type',
      message: 'The request body has an unsupported media type or encoding.',
    });
    expect(res.text).not.toContain('echoed');
  });
});

describe('malformed multipart bodies, by parser', () => {
  /** An app of `uploadsApp`, posting to `path`; nothing may be logged as an error. */
  async function withApp(
    Adapter: PlatformAdapter,
    path: string,
    check: (post: Post) => Promise<void>,
    multipartOptions?: { attachFieldsToBody?: boolean },
  ): Promise<void> {
    const logger = new CaptureLogger();
    const app = await uploadsApp(Adapter, logger, multipartOptions);
    try {
      await check((contentType, body) =>
        http(app).post(path).set('content-type', contentType).send(body),
      );
      expect(logger.errors()).toEqual([]);
    } finally {
      await app.close();
    }
  }

  it('answers a malformed part header with 400 (busboy, under multer)', () =>
    withApp(ExpressAdapter, '/uploads', async (post) =>
      expectEnvelope(
        await post(
          `multipart/form-data; boundary=${BOUNDARY}`,
          `--${BOUNDARY}\r\nnot a header\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`,
        ),
        BAD_PART_HEADER,
      ),
    ));

  it('answers a boundary too long for @fastify/busboy with 400 (Fastify)', () =>
    withApp(FastifyAdapter, '/uploads', async (post) => {
      const boundary = 'b'.repeat(300);
      expectEnvelope(
        await post(
          `multipart/form-data; boundary=${boundary}`,
          FILE_PART.replace(BOUNDARY, boundary) + `--${boundary}--\r\n`,
        ),
        NO_BOUNDARY,
      );
    }));

  it('answers the same when @fastify/multipart parses the body before the route (Fastify)', () =>
    withApp(
      FastifyAdapter,
      '/fields',
      async (post) => {
        const res = await post(
          `multipart/form-data; boundary=${BOUNDARY}`,
          `${FILE_PART}--${BOUNDARY}--\r\n`,
        );
        expect(res.status).toBe(201);
        expect(res.body).toEqual(['file']);
        expectEnvelope(
          await post('multipart/form-data', `${FILE_PART}--${BOUNDARY}--\r\n`),
          NO_BOUNDARY,
        );
        expectEnvelope(
          await post(`multipart/form-data; boundary=${BOUNDARY}`, FILE_PART),
          UNFINISHED,
        );
      },
      { attachFieldsToBody: true },
    ));
});
