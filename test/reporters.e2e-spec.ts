import type { INestApplication } from '@nestjs/common';

import { ErrorsModule, InvalidErrorReporterError } from '../src';
import type { ErrorReport, ErrorReporterDefinition } from '../src';
import {
  OBS_OPTIONS,
  ObservabilityModule,
  PaymentGatewayDownError,
  ReportSink,
  SinkModule,
  SinkReporter,
  UnregisteredReporter,
} from './fixtures/observability.fixtures';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const NOT_FOUND = {
  status: 404,
  code: 'project_not_found',
  message: 'The project does not exist.',
};
const UNAVAILABLE = {
  status: 503,
  code: 'payments_unavailable',
  message: 'Payments are unavailable; retry later.',
};

/** Resolves when `count` reports arrived (reporters run after the write). */
function until(reports: unknown[], count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (reports.length >= count) resolve();
      else if (Date.now() - started > 2000)
        reject(new Error(`${reports.length}/${count} reports`));
      else setTimeout(check, 5);
    };
    check();
  });
}

describe.each(platforms)('reporters (%p)', (Adapter) => {
  let app: INestApplication | undefined;
  let logger: CaptureLogger;

  beforeEach(() => {
    logger = new CaptureLogger();
    UnregisteredReporter.instances = [];
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function start(reporters: ErrorReporterDefinition[]) {
    app = await createApp(
      ObservabilityModule.withOptions({ reporters }),
      Adapter,
      {
        logger,
      },
    );
    return app;
  }

  it('gives a sync function one frozen report per error, path without query', async () => {
    const reports: ErrorReport[] = [];
    await start([(report) => void reports.push(report)]);

    const res = await http(app!).get('/obs/not-found?token=secret');
    expectEnvelope(res, NOT_FOUND);
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toEqual({
      exception: expect.objectContaining({ name: 'ApiException' }),
      error: expect.objectContaining({ ...NOT_FOUND, unexpected: false }),
      requestId: res.headers['x-request-id'],
      method: 'GET',
      path: '/obs/not-found',
    });
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.error)).toBe(true);
  });

  it('reports unexpected and mapped errors with the original exception', async () => {
    const reports: ErrorReport[] = [];
    await start([(report) => void reports.push(report)]);

    await http(app!).get('/obs/boom').expect(500);
    const mapped = await http(app!).get('/obs/mapped');
    expectEnvelope(mapped, UNAVAILABLE);

    expect(reports.map((r) => [r.error.status, r.error.unexpected])).toEqual([
      [500, true],
      [503, false],
    ]);
    expect(reports[0].exception).toBeInstanceOf(TypeError);
    expect(reports[1].exception).toBeInstanceOf(PaymentGatewayDownError);
    expect(reports[1].error.code).toBe('payments_unavailable');
  });

  it.each([
    ['problem', 'application/problem+json; charset=utf-8'],
    ['nest', 'application/json; charset=utf-8'],
  ] as const)(
    'reports the same error once when the app answers in format %p',
    async (format, contentType) => {
      const reports: ErrorReport[] = [];
      app = await createApp(
        ObservabilityModule.withOptions({
          format,
          reporters: [(report) => void reports.push(report)],
        }),
        Adapter,
        { logger },
      );

      const res = await http(app).get('/obs/not-found');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe(contentType);
      expect(res.body).toMatchObject({
        code: NOT_FOUND.code,
        request_id: res.headers['x-request-id'],
      });
      await until(reports, 1);
      expect(reports).toHaveLength(1);
      expect(reports[0].error).toEqual(
        expect.objectContaining({ ...NOT_FOUND, unexpected: false }),
      );
      expect(reports[0].requestId).toBe(res.headers['x-request-id']);
    },
  );

  it('is never called on the success path', async () => {
    const reporter = jest.fn();
    await start([reporter]);
    await http(app!).get('/obs/ok').expect(200);
    expect(reporter).not.toHaveBeenCalled();
  });

  it('runs an async reporter after the response was written, without waiting for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const done: string[] = [];
    await start([
      async (report) => {
        await gate;
        done.push(report.requestId);
      },
    ]);

    const res = await http(app!).get('/obs/boom');
    expect(res.status).toBe(500);
    expect(done).toEqual([]);
    release();
    await until(done, 1);
    expect(done).toEqual([res.body.request_id]);
  });

  it.each([
    [
      'throws',
      function failing() {
        throw new Error('sink offline');
      },
    ],
    [
      'rejects',
      async function failing() {
        throw new Error('sink offline');
      },
    ],
  ])(
    'logs a reporter that %s once; the response and the other reporters are unaffected',
    async (_, failing) => {
      const unhandled = jest.fn();
      process.on('unhandledRejection', unhandled);
      const reports: ErrorReport[] = [];
      try {
        await start([failing, (report) => void reports.push(report)]);

        const res = await http(app!).get('/obs/not-found');
        expectEnvelope(res, NOT_FOUND);
        await until(logger.errors(), 1);
        await new Promise((resolve) => setTimeout(resolve, 20));

        expect(reports).toHaveLength(1);
        const errors = logger.errors();
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toBe(
          `Error reporter failing failed (request_id ${res.body.request_id}): sink offline`,
        );
        expect(errors[0].params[0]).toEqual({
          request_id: res.body.request_id,
          reporter: 'failing',
        });
        expect(errors[0].params[1]).toMatch(/^Error: sink offline\n\s+at /);
        expect(unhandled).not.toHaveBeenCalled();
        // the app keeps answering
        expectEnvelope(await http(app!).get('/obs/not-found'), NOT_FOUND);
      } finally {
        process.off('unhandledRejection', unhandled);
      }
    },
  );

  it('resolves a registered class through DI and reuses the provider', async () => {
    await start([SinkReporter]);
    const res = await http(app!).get('/obs/boom');
    const sink = app!.get(ReportSink);
    expect(sink.reports.map((r) => r.requestId)).toEqual([res.body.request_id]);
    expect(app!.get(SinkReporter).sink).toBe(sink);
  });

  it('creates an unregistered class with its dependencies (forRootAsync imports)', async () => {
    app = await createApp(
      ObservabilityModule.with(
        ErrorsModule.forRootAsync({
          imports: [SinkModule],
          useFactory: () => ({
            ...OBS_OPTIONS,
            reporters: [UnregisteredReporter],
          }),
        }),
      ),
      Adapter,
      { logger },
    );
    await http(app).get('/obs/mapped').expect(503);
    expect(UnregisteredReporter.instances).toHaveLength(1);
    const [reporter] = UnregisteredReporter.instances;
    expect(reporter.sink).toBeInstanceOf(ReportSink);
    expect(reporter.reports.map((r) => r.error.status)).toEqual([503]);
  });

  it('accepts an object with report(); an anonymous failure is named by its index', async () => {
    const reports: ErrorReport[] = [];
    await start([
      { report: (report) => void reports.push(report) },
      { report: () => Promise.reject(new Error('nope')) },
    ]);
    await http(app!).get('/obs/not-found').expect(404);
    expect(reports).toHaveLength(1);
    await until(logger.errors(), 1);
    expect(logger.errors()[0].message).toMatch(
      /^Error reporter reporters\[1\] failed/,
    );
  });

  it('reports an error that broke a response midway (aborted, not answered twice)', async () => {
    const reports: ErrorReport[] = [];
    await start([(report) => void reports.push(report)]);
    await expect(http(app!).get('/obs/stream-fail')).rejects.toThrow();
    await until(reports, 1);
    expect(reports[0].error).toEqual(
      expect.objectContaining({ status: 500, unexpected: true }),
    );
    expect(reports[0].path).toBe('/obs/stream-fail');
  });

  it('fails at startup on an entry that is not a reporter', async () => {
    await expect(
      createApp(
        ObservabilityModule.withOptions({
          reporters: [42 as unknown as ErrorReporterDefinition],
        }),
        Adapter,
      ),
    ).rejects.toThrow(InvalidErrorReporterError);
    await expect(
      createApp(
        ObservabilityModule.withOptions({
          reporters: [42 as unknown as ErrorReporterDefinition],
        }),
        Adapter,
      ),
    ).rejects.toThrow('reporters[0] is not a reporter (got number).');
    class NoReport {}
    await expect(
      createApp(
        ObservabilityModule.withOptions({
          reporters: [NoReport as unknown as ErrorReporterDefinition],
        }),
        Adapter,
      ),
    ).rejects.toThrow('reporters[0] is not a reporter (got function).');
  });

  it('fails at startup, with the fix, on a class whose dependencies are out of reach', async () => {
    await expect(
      createApp(
        ObservabilityModule.withOptions({ reporters: [UnregisteredReporter] }),
        Adapter,
      ),
    ).rejects.toThrow(
      /Reporter UnregisteredReporter could not be created: .*Register it as a provider/s,
    );
  });
});
