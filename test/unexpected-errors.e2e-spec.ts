import type { INestApplication } from '@nestjs/common';

import { AppModule } from './fixtures/app.module';
import { UNKNOWN_THROWS } from './fixtures/errors-test.controller';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const GENERIC_500 = {
  status: 500,
  code: 'internal_error',
  message:
    'An unexpected error occurred. Retry later, or contact support with the request id.',
};

const REDACTED = [
  'ECONNREFUSED',
  'hunter2',
  'TypeError',
  'Error:',
  'stack',
  'at ',
  'plain',
  '42',
  'circular',
  'getter',
  'secret',
];

describe.each(platforms)('unexpected errors (%p)', (Adapter) => {
  let app: INestApplication;
  let logger: CaptureLogger;

  beforeEach(async () => {
    logger = new CaptureLogger();
    app = await createApp(AppModule.withOptions(), Adapter, { logger });
  });
  afterEach(() => app.close());

  const unexpectedKinds = Object.keys(UNKNOWN_THROWS).filter(
    (k) => !k.startsWith('status-'),
  );

  it.each(unexpectedKinds)(
    'answers a thrown %s with a generic 500 and logs it once',
    async (kind) => {
      const res = await http(app).get(`/throw/${kind}`);
      expectEnvelope(res, GENERIC_500);
      for (const leak of REDACTED)
        expect(JSON.stringify(res.body.error)).not.toContain(leak);
      const errors = logger.errors();
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toContain(
        `GET /throw/${kind} failed (request_id ${res.body.request_id})`,
      );
      expect(errors[0].params[0]).toEqual({
        request_id: res.body.request_id,
        method: 'GET',
        path: `/throw/${kind}`,
      });
      expect(errors[0].params[2]).toBe('NestjsApiErrors');
    },
  );

  it('logs the stack of an Error', async () => {
    await http(app).get('/throw/error');
    const [entry] = logger.errors();
    expect(entry.params[1]).toMatch(
      /^Error: connect ECONNREFUSED[\s\S]*\n\s+at /,
    );
  });

  it('passes a 4xx http-error through only when it may be exposed', async () => {
    expectEnvelope(await http(app).get('/throw/status-exposed'), {
      status: 409,
      code: 'conflict',
      message: 'Exposed client message',
    });
    expectEnvelope(await http(app).get('/throw/status-hidden'), {
      status: 409,
      code: 'conflict',
      message: 'The request conflicts with the current state of the resource.',
    });
    expect(logger.errors()).toHaveLength(0);
  });

  it('redacts a 5xx http-error even when it claims to be exposable, and logs it', async () => {
    const res = await http(app).get('/throw/status-500-exposed');
    expectEnvelope(res, {
      status: 503,
      code: 'service_unavailable',
      message: 'The service is temporarily unavailable. Retry after a delay.',
    });
    expect(logger.errors()).toHaveLength(1);
  });

  it('answers rejected async handlers, middleware errors the same way', async () => {
    expectEnvelope(await http(app).get('/async-throw'), GENERIC_500);
    expectEnvelope(await http(app).get('/middleware-error'), GENERIC_500);
    expect(logger.errors()).toHaveLength(2);
  });

  it('does not log 4xx errors as errors', async () => {
    await http(app).get('/nest/not-found');
    await http(app).get('/api-exception');
    await http(app).get('/no-such-route');
    expect(logger.errors()).toHaveLength(0);
  });

  it('ends a response whose headers were already sent, logs once, and keeps serving', async () => {
    await expect(http(app).get('/stream-fail')).rejects.toThrow();
    expect(logger.errors()).toHaveLength(1);
    expect(logger.errors()[0].message).toContain('stream broke midway');
    const ok = await http(app).get('/ok');
    expect(ok.status).toBe(200);
  });
});

describe.each(platforms)('exposeInternalErrors (%p)', (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(
      AppModule.withOptions({ exposeInternalErrors: true }),
      Adapter,
    );
  });
  afterAll(() => app.close());

  it.each([
    ['error', 'connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'],
    ['string', 'plain string thrown'],
    ['number', '42'],
    ['null', 'null'],
    ['undefined', 'undefined'],
    ['object', '[object Object]'],
    ['circular', 'circular'],
    ['throwing-getters', '[object Object]'],
  ])(
    'puts the original message of a thrown %s into cause',
    async (kind, cause) => {
      expectEnvelope(await http(app).get(`/throw/${kind}`), {
        ...GENERIC_500,
        cause,
      });
    },
  );
});
