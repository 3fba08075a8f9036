import { ConsoleLogger } from '@nestjs/common';
import type {
  ConsoleLoggerOptions,
  INestApplication,
  LoggerService,
} from '@nestjs/common';

import type { ErrorsModuleOptions } from '../src';
import { ObservabilityModule } from './fixtures/observability.fixtures';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const VALID = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(platforms)('ids that join (%p)', (Adapter) => {
  let app: INestApplication;

  async function start(
    options: ErrorsModuleOptions,
    logger: LoggerService | false = false,
  ) {
    app = await createApp(ObservabilityModule.withOptions(options), Adapter, {
      logger,
    });
  }
  afterEach(() => app.close());

  describe('requestIdFromTraceparent: true', () => {
    beforeEach(() => start({ requestIdFromTraceparent: true }));

    it('takes the request id from a valid traceparent, on errors and successes', async () => {
      const failed = await http(app).get('/obs/boom').set('traceparent', VALID);
      expect(failed.headers['x-request-id']).toBe(TRACE_ID);
      expect(failed.body.request_id).toBe(TRACE_ID);

      const ok = await http(app).get('/obs/ok').set('traceparent', VALID);
      expect(ok.status).toBe(200);
      expect(ok.headers['x-request-id']).toBe(TRACE_ID);
    });

    it('prefers the traceparent over an incoming x-request-id', async () => {
      const res = await http(app)
        .get('/obs/not-found')
        .set('traceparent', VALID)
        .set('x-request-id', 'from-the-gateway');
      expect(res.body.request_id).toBe(TRACE_ID);
    });

    it.each([
      ['all-zero', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
      ['malformed', `00-${TRACE_ID}-nothex-01`],
      ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
    ])(
      'falls back on a %s traceparent: the incoming id, else a new one',
      async (_, traceparent) => {
        const reused = await http(app)
          .get('/obs/not-found')
          .set('traceparent', traceparent)
          .set('x-request-id', 'from-the-gateway');
        expect(reused.body.request_id).toBe('from-the-gateway');
        expect(reused.headers['x-request-id']).toBe('from-the-gateway');

        const fresh = await http(app)
          .get('/obs/not-found')
          .set('traceparent', traceparent);
        expect(fresh.body.request_id).toMatch(UUID);
        expect(fresh.headers['x-request-id']).toBe(fresh.body.request_id);
      },
    );
  });

  it('ignores traceparent by default', async () => {
    await start({});
    const res = await http(app).get('/obs/not-found').set('traceparent', VALID);
    expect(res.body.request_id).toMatch(UUID);
  });

  it('logs an unexpected error with { request_id, method, path } as a logger param', async () => {
    const logger = new CaptureLogger();
    await start({}, logger);
    const res = await http(app).get('/obs/boom?token=secret');
    const [entry, ...more] = logger.errors();
    expect(more).toEqual([]);
    expect(entry.message).toBe(
      `GET /obs/boom failed (request_id ${res.body.request_id}): Cannot read properties of undefined (reading 'id')`,
    );
    expect(entry.params).toEqual([
      { request_id: res.body.request_id, method: 'GET', path: '/obs/boom' },
      expect.stringMatching(/^TypeError: .*\n\s+at /),
      'NestjsApiErrors',
    ]);
  });

  /** JSON records that ConsoleLogger({ json: true }) wrote for this module. */
  async function jsonRecords(path: string, options: object = {}) {
    const lines: string[] = [];
    const write = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
    try {
      await start(
        {},
        new ConsoleLogger({
          json: true,
          flattenParams: true,
          ...options,
        } as ConsoleLoggerOptions),
      );
      const res = await http(app).get(path);
      const records = lines
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((r) => r.context === 'NestjsApiErrors');
      return { res, records };
    } finally {
      write.mockRestore();
    }
  }

  // Nest 12's ConsoleLogger collects plain-object params into the record.
  const structured = 'stringifyParams' in ConsoleLogger.prototype;
  (structured ? it : it.skip)(
    "Nest 12's JSON ConsoleLogger records request_id as a field",
    async () => {
      const { res, records } = await jsonRecords('/obs/boom');
      expect(records).toHaveLength(1);
      expect(records[0]).toEqual(
        expect.objectContaining({
          level: 'error',
          request_id: res.body.request_id,
          method: 'GET',
          path: '/obs/boom',
          message: expect.stringContaining('GET /obs/boom failed'),
          stack: expect.stringMatching(/^TypeError: /),
        }),
      );
    },
  );

  it.each([
    ['its defaults', {}],
    // NestJS 12's switch; NestJS 11's logger has no such option.
    ['structuredParams: false', { structuredParams: false }],
  ])(
    'writes one record through a ConsoleLogger that prints params apart (%s)',
    async (_, options) => {
      if (structured && !('structuredParams' in options)) return;
      const { res, records } = await jsonRecords('/obs/boom', options);
      // NestJS 11's logger (and 12's with structuredParams: false) would print
      // a param object as a record of its own: one error, one record.
      expect(records).toHaveLength(1);
      expect(records[0]).toEqual(
        expect.objectContaining({
          level: 'error',
          message: expect.stringContaining(
            `GET /obs/boom failed (request_id ${res.body.request_id})`,
          ),
          stack: expect.stringMatching(/^TypeError: /),
        }),
      );
    },
  );
});
