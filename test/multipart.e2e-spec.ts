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

  const post = (contentType: string, body: string) =>
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
      {
        status: 400,
        code: 'bad_request',
        message:
          'The multipart/form-data request has no usable boundary in its Content-Type.',
      },
    );
  });

  it('answers a body that ends before its closing boundary with 400', async () => {
    expectEnvelope(
      await post(`multipart/form-data; boundary=${BOUNDARY}`, FILE_PART),
      {
        status: 400,
        code: 'bad_request',
        message:
          'The multipart/form-data body ended before its closing boundary.',
      },
    );
  });

  it('answers a body without any boundary line with 400', async () => {
    expectEnvelope(
      await post(`multipart/form-data; boundary=${BOUNDARY}`, 'hello'),
      {
        status: 400,
        code: 'bad_request',
        message:
          'The multipart/form-data body ended before its closing boundary.',
      },
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
  it('answers a malformed part header with 400 (busboy, under multer)', async () => {
    const logger = new CaptureLogger();
    const app = await uploadsApp(ExpressAdapter, logger);
    try {
      expectEnvelope(
        await http(app)
          .post('/uploads')
          .set('content-type', `multipart/form-data; boundary=${BOUNDARY}`)
          .send(
            `--${BOUNDARY}\r\nnot a header\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`,
          ),
        {
          status: 400,
          code: 'bad_request',
          message:
            'A part of the multipart/form-data body has a malformed header.',
        },
      );
      expect(logger.errors()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('answers a boundary too long for @fastify/busboy with 400 (Fastify)', async () => {
    const logger = new CaptureLogger();
    const app = await uploadsApp(platforms[1], logger);
    const boundary = 'b'.repeat(300);
    try {
      expectEnvelope(
        await http(app)
          .post('/uploads')
          .set('content-type', `multipart/form-data; boundary=${boundary}`)
          .send(
            `--${boundary}\r\n${FILE_PART.split('\r\n').slice(1).join('\r\n')}--${boundary}--\r\n`,
          ),
        {
          status: 400,
          code: 'bad_request',
          message:
            'The multipart/form-data request has no usable boundary in its Content-Type.',
        },
      );
      expect(logger.errors()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('answers the same when @fastify/multipart parses the body before the route (Fastify)', async () => {
    const logger = new CaptureLogger();
    const app = await uploadsApp(platforms[1], logger, {
      attachFieldsToBody: true,
    });
    try {
      const post = (contentType: string, body: string) =>
        http(app).post('/fields').set('content-type', contentType).send(body);
      const res = await post(
        `multipart/form-data; boundary=${BOUNDARY}`,
        `${FILE_PART}--${BOUNDARY}--\r\n`,
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual(['file']);
      expectEnvelope(
        await post('multipart/form-data', `${FILE_PART}--${BOUNDARY}--\r\n`),
        {
          status: 400,
          code: 'bad_request',
          message:
            'The multipart/form-data request has no usable boundary in its Content-Type.',
        },
      );
      expectEnvelope(
        await post(`multipart/form-data; boundary=${BOUNDARY}`, FILE_PART),
        {
          status: 400,
          code: 'bad_request',
          message:
            'The multipart/form-data body ended before its closing boundary.',
        },
      );
      expect(logger.errors()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
