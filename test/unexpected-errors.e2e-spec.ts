import {
  Catch,
  ConsoleLogger,
  Controller,
  Get,
  Module,
  NotFoundException,
} from '@nestjs/common';
import type {
  ArgumentsHost,
  ExceptionFilter,
  INestApplication,
  LoggerService,
} from '@nestjs/common';

import { ErrorsModule } from '../src';

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

  it("builds the router's 404 without a stack trace, and leaves stack traces on for what follows", async () => {
    const limit = Error.stackTraceLimit;
    expectEnvelope(await http(app).get('/no-such-route'), {
      status: 404,
      code: 'not_found',
      message: 'Cannot GET /no-such-route',
    });
    expect(Error.stackTraceLimit).toBe(limit);
    await http(app).get('/throw/error');
    expect(logger.errors()[0].params[1]).toMatch(/\n\s+at /);
  });

  it('ends a response whose headers were already sent, logs once, and keeps serving', async () => {
    await expect(http(app).get('/stream-fail')).rejects.toThrow();
    expect(logger.errors()).toHaveLength(1);
    expect(logger.errors()[0].message).toContain('stream broke midway');
    const ok = await http(app).get('/ok');
    expect(ok.status).toBe(200);
  });
});

/** An app's own filter for 404s (an SPA fallback, say), asked before the module's. */
@Catch(NotFoundException)
class OwnNotFoundFilter implements ExceptionFilter {
  static seen: Array<{ exception: unknown; limit: number; stack?: string }> =
    [];

  catch(exception: NotFoundException, host: ArgumentsHost): void {
    OwnNotFoundFilter.seen.push({
      exception,
      limit: Error.stackTraceLimit,
      stack: new Error('inside the filter').stack,
    });
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { send(body: string): void } }>()
      .status(404)
      .send('own page');
  }
}

describe.each(platforms)("an app's own 404 filter (%p)", (Adapter) => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(AppModule.withOptions(), Adapter, {
      setup: (a) => a.useGlobalFilters(new OwnNotFoundFilter()),
    });
  });
  afterAll(() => app.close());
  beforeEach(() => (OwnNotFoundFilter.seen = []));

  it("gets the router's NotFoundException with its stack, and runs with stack traces on", async () => {
    const limit = Error.stackTraceLimit;
    const res = await http(app).get('/no-such-route');
    expect(res.status).toBe(404);
    expect(res.text).toBe('own page');
    expect(OwnNotFoundFilter.seen).toHaveLength(1);
    const [seen] = OwnNotFoundFilter.seen;
    expect(seen.exception).toBeInstanceOf(NotFoundException);
    expect((seen.exception as NotFoundException).message).toBe(
      'Cannot GET /no-such-route',
    );
    expect((seen.exception as Error).stack).toMatch(/\n\s+at /);
    expect(seen.limit).toBe(limit);
    expect(seen.stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
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

/** Counts how often the filter (or anything) reads a thrown error's stack. */
let stackReads = 0;

@Controller()
class CountedStackController {
  @Get('counted-stack')
  fail(): never {
    const error = new Error('report database connection refused');
    const stack = error.stack;
    Object.defineProperty(error, 'stack', {
      get: () => {
        stackReads += 1;
        return stack;
      },
    });
    throw error;
  }
}

@Module({
  imports: [ErrorsModule.forRoot()],
  controllers: [CountedStackController],
})
class CountedStackModule {}

/** A ConsoleLogger of the app's own: it decides what `error` does. */
class ForwardingLogger extends ConsoleLogger {
  readonly forwarded: unknown[][] = [];
  override error(message: unknown, ...params: unknown[]): void {
    this.forwarded.push([message, ...params]);
  }
}

describe.each(platforms)(
  'unexpected errors with logging off (%p)',
  (Adapter) => {
    let app: INestApplication | undefined;

    beforeEach(() => (stackReads = 0));
    afterEach(() => app?.close());

    async function fail(logger: LoggerService | false): Promise<void> {
      app = await createApp(CountedStackModule, Adapter, { logger });
      expectEnvelope(await http(app).get('/counted-stack'), GENERIC_500);
    }

    it('formats no stack with `logger: false`', async () => {
      await fail(false);
      expect(stackReads).toBe(0);
    });

    it('formats no stack for a ConsoleLogger without the error level', async () => {
      await fail(new ConsoleLogger({ logLevels: ['fatal'] }));
      expect(stackReads).toBe(0);
    });

    it("calls a ConsoleLogger subclass's own error, whatever its levels", async () => {
      const logger = new ForwardingLogger({ logLevels: ['fatal'] });
      await fail(logger);
      expect(stackReads).toBe(1);
      expect(logger.forwarded).toHaveLength(1);
      expect(String(logger.forwarded[0][0])).toMatch(
        /^GET \/counted-stack failed \(request_id [^)]+\): report database connection refused$/,
      );
      expect(logger.forwarded[0]).toContainEqual(
        expect.stringMatching(
          /^Error: report database connection refused\n\s+at /,
        ),
      );
    });

    it("calls an app's own logger with the stack", async () => {
      const logger = new CaptureLogger();
      await fail(logger);
      expect(stackReads).toBe(1);
      expect(logger.errors()).toHaveLength(1);
      expect(logger.errors()[0].params[1]).toMatch(
        /^Error: report database connection refused\n\s+at /,
      );
    });
  },
);
