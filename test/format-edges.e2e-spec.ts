import { connect } from 'node:net';

import { Injectable } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';

import {
  ErrorsFilter,
  InvalidErrorsOptionsError,
  type ErrorEnvelope,
  type ErrorFormat,
  type NormalizedError,
} from '../src';
import { FormatsAppModule } from './fixtures/formats.fixtures';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

@Injectable()
class StampingFilter extends ErrorsFilter {
  protected override buildBody(
    error: NormalizedError,
    requestId: string,
  ): ErrorEnvelope {
    const body = super.buildBody(error, requestId) as ErrorEnvelope;
    return {
      ...body,
      error: { ...body.error, message: `[stamped] ${body.error.message}` },
    };
  }
}

describe.each(platforms)('format edges (%p)', (Adapter) => {
  it('drops details JSON cannot carry and warns once', async () => {
    const logger = new CaptureLogger();
    const app = await createApp(FormatsAppModule.withOptions({}), Adapter, {
      logger,
    });
    try {
      for (let i = 0; i < 2; i++) {
        // A warning is logged once per code and paths, process-wide: one variant per adapter.
        const res = await http(app).get(
          `/formats/details/unsafe/${Adapter.name}`,
        );
        expect(res.status).toBe(429);
        expect(res.body.error.details).toStrictEqual({
          quota: 100,
          cycle: { name: 'loop' },
        });
      }
      const warnings = logger.entries.filter(
        (e) => e.level === 'warn' && String(e.message).includes('dropped'),
      );
      expect(warnings).toHaveLength(1);
      expect(warnings[0].message).toBe(
        `ApiException "quota_exceeded": dropped details.resetsAt (Date), details.limit_${Adapter.name} (bigint), ` +
          'details.check (function), details.ratio (NaN), details.cycle.self (repeated reference) from details. ' +
          'Details must be JSON-safe (strings, booleans, finite numbers, null, arrays, plain objects); ' +
          'convert the value first (e.g. date.toISOString(), String(bigint)).',
      );
    } finally {
      await app.close();
    }
  });

  it('omits details (never null) when there are none', async () => {
    const app = await createApp(
      FormatsAppModule.withOptions({ format: 'problem' }),
      Adapter,
    );
    try {
      const res = await http(app).get('/api-exception');
      expect(JSON.parse(res.text)).not.toHaveProperty('details');
    } finally {
      await app.close();
    }
  });

  it.each<[string, ErrorFormat['render']]>([
    [
      'throws',
      () => {
        throw new Error('format bug');
      },
    ],
    ['returns undefined', () => undefined],
    ['returns null', () => null],
    ['returns what JSON cannot carry', () => ({ n: BigInt(1) })],
  ])(
    'answers the envelope when a custom format %s, and logs it',
    async (_, render) => {
      const logger = new CaptureLogger();
      const app = await createApp(
        FormatsAppModule.withOptions({
          format: { contentType: 'application/vnd.example+json', render },
        }),
        Adapter,
        { logger },
      );
      try {
        const res = await http(app).get('/api-exception');
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toBe(
          'application/json; charset=utf-8',
        );
        expect(res.body.error.code).toBe(2000);
        expect(logger.errors()).toHaveLength(1);
        expect(String(logger.errors()[0].message)).toMatch(
          /^The error format's render\(\) (failed|returned).*answered with the envelope instead \(request_id [\w-]+\)\.$/,
        );
      } finally {
        await app.close();
      }
    },
  );

  it('keeps a buildBody override for the envelope, and only there', async () => {
    const envelope = await createApp(
      FormatsAppModule.withOptions({ filter: StampingFilter }),
      Adapter,
    );
    const problem = await createApp(
      FormatsAppModule.withOptions({
        filter: StampingFilter,
        format: 'problem',
        negotiate: true,
      }),
      Adapter,
    );
    try {
      const a = await http(envelope).get('/api-exception/plain');
      expect(a.body.error.message).toBe(
        '[stamped] The project does not exist.',
      );
      const b = await http(problem).get('/api-exception/plain');
      expect(JSON.parse(b.text).title).toBe('The project does not exist.');
    } finally {
      await envelope.close();
      await problem.close();
    }
  });

  it('takes format and negotiate from forRootAsync', async () => {
    const { ErrorsModule } = await import('../src');
    const { Module } = await import('@nestjs/common');
    const { ErrorsTestController } =
      await import('./fixtures/errors-test.controller');
    @Module({
      imports: [
        ErrorsModule.forRootAsync({
          useFactory: async () => ({
            format: 'nest' as const,
            negotiate: true,
          }),
        }),
      ],
      controllers: [ErrorsTestController],
    })
    class AsyncModule {}
    const app = await createApp(AsyncModule, Adapter);
    try {
      const nest = await http(app).get('/api-exception');
      expect(nest.body).toMatchObject({ statusCode: 401, code: 2000 });
      expect(nest.headers.vary).toBe('Accept');
      const problem = await http(app)
        .get('/api-exception')
        .set('accept', 'application/problem+json');
      expect(problem.headers['content-type']).toBe(
        'application/problem+json; charset=utf-8',
      );
    } finally {
      await app.close();
    }
  });

  it('fails at startup on an unusable format', async () => {
    let app: INestApplication | undefined;
    await expect(
      (async () => {
        app = await createApp(
          FormatsAppModule.withOptions({ format: 'xml' as never }),
          Adapter,
        );
      })(),
    ).rejects.toThrow(InvalidErrorsOptionsError);
    await app?.close();
  });
});

describe.each(platforms)('requests Node cannot parse (%p)', (Adapter) => {
  it.each(['problem', 'nest'] as const)(
    "answers in the '%s' format, with Vary under negotiate",
    async (format) => {
      const app = await createApp(
        FormatsAppModule.withOptions({ format, negotiate: true }),
        Adapter,
      );
      try {
        await new Promise<void>((resolve) =>
          app.getHttpServer().listen(0, '127.0.0.1', resolve),
        );
        const { port } = app.getHttpServer().address() as { port: number };
        const raw = await new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () =>
            socket.write(
              'GET /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
            ),
          );
          let data = '';
          socket.on('data', (chunk) => (data += chunk.toString()));
          socket.on('end', () => resolve(data));
          socket.on('error', reject);
        });
        const [head, body] = raw.split('\r\n\r\n');
        expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
        expect(head).toContain(
          format === 'problem'
            ? 'content-type: application/problem+json; charset=utf-8'
            : 'content-type: application/json; charset=utf-8',
        );
        expect(head).toContain('Vary: Accept');
        const parsed = JSON.parse(body);
        expect(
          format === 'problem'
            ? { status: parsed.status, instance: parsed.instance }
            : { statusCode: parsed.statusCode, path: parsed.path },
        ).toEqual(
          format === 'problem'
            ? { status: 400, instance: '/' }
            : { statusCode: 400, path: '/' },
        );
      } finally {
        await app.close();
      }
    },
  );
});
