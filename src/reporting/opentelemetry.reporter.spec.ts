import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import type * as OtelApi from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { ModuleRef } from '@nestjs/core';

import type { NormalizedError } from '../formats/normalized-error.interface';
import type { ErrorReporting } from './error-reporting';
import type { ErrorReport } from './error-report.interface';
import {
  loadOpenTelemetry,
  openTelemetryReporter,
  REQUEST_ID_SPAN_ATTRIBUTE,
} from './opentelemetry.reporter';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const tracer = provider.getTracer('test');
const api = { trace, SpanStatusCode } as unknown as Parameters<
  typeof openTelemetryReporter
>[0];

function report(
  exception: unknown,
  error: Partial<NormalizedError> & { status: number },
): ErrorReport {
  return {
    exception,
    error: { code: 'x', message: 'Safe message.', unexpected: false, ...error },
    requestId: 'req-1',
    method: 'GET',
    path: '/p',
  };
}

/** Runs the reporter with `span` active (no context manager needed). */
function recordOn(r: ErrorReport) {
  const span = tracer.startSpan('request');
  context.with(trace.setSpan(context.active(), span), () =>
    openTelemetryReporter(api)(r),
  );
  span.end();
  return exporter.getFinishedSpans().at(-1)!;
}

describe('openTelemetryReporter', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => context.disable());
  beforeEach(() => exporter.reset());

  it('records a 5xx: exception event, error.type, status ERROR with the safe message', () => {
    const span = recordOn(
      report(new RangeError('secret detail'), {
        status: 500,
        unexpected: true,
      }),
    );
    expect(span.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'Safe message.',
    });
    expect(span.attributes).toEqual({
      [REQUEST_ID_SPAN_ATTRIBUTE]: 'req-1',
      'http.response.status_code': 500,
      'error.type': 'RangeError',
    });
    expect(span.events.map((e) => e.attributes?.['exception.type'])).toEqual([
      'RangeError',
    ]);
  });

  it.each([
    ['a plain Error', new Error('x'), '503'],
    ['a string', 'boom', '503'],
    ['an object', { weird: true }, '503'],
  ])('uses the status code as error.type for %s', (_, exception, type) => {
    const span = recordOn(report(exception, { status: 503 }));
    expect(span.attributes['error.type']).toBe(type);
    expect(span.events).toHaveLength(1);
  });

  it.each([
    [
      'a classed error with a code, under its class name',
      Object.assign(new RangeError('x'), { code: 'upstream_down' }),
      'RangeError',
    ],
    [
      "a Node system error, under its code (OpenTelemetry's convention)",
      Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
      }),
      'ECONNREFUSED',
    ],
  ])('types the exception event of %s', (_, exception, type) => {
    const span = recordOn(report(exception, { status: 502 }));
    expect(span.events.map((e) => e.attributes)).toEqual([
      {
        'exception.type': type,
        'exception.message': exception.message,
        'exception.stacktrace': exception.stack,
      },
    ]);
  });

  it('leaves a 4xx status unset and records no exception', () => {
    const span = recordOn(report(new Error('nope'), { status: 404 }));
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.events).toEqual([]);
    expect(span.attributes).toEqual({
      [REQUEST_ID_SPAN_ATTRIBUTE]: 'req-1',
      'http.response.status_code': 404,
    });
  });

  it('does nothing without an active span', () => {
    expect(() =>
      openTelemetryReporter(api)(report(new Error('x'), { status: 500 })),
    ).not.toThrow();
  });
});

describe('loading @opentelemetry/api', () => {
  afterEach(() => {
    jest.dontMock('@opentelemetry/api');
    jest.resetModules();
  });

  it('is undefined when the package is not installed', () => {
    jest.isolateModules(() => {
      jest.doMock('@opentelemetry/api', () => {
        throw new Error("Cannot find module '@opentelemetry/api'");
      });
      const { loadOpenTelemetry: load } = jest.requireActual<{
        loadOpenTelemetry: typeof loadOpenTelemetry;
      }>('./opentelemetry.reporter');
      expect(load()).toBeUndefined();
    });
  });

  it('is the installed package otherwise', () => {
    expect(typeof loadOpenTelemetry()?.trace.getActiveSpan).toBe('function');
  });

  it.each([
    [false, 0, false],
    [true, 1, true],
  ])(
    'openTelemetry: %p loads it %p time(s) at bootstrap (active: %p)',
    async (enabled, loads, active) => {
      let count = 0;
      await jest.isolateModulesAsync(async () => {
        jest.doMock('@opentelemetry/api', () => {
          count++;
          return jest.requireActual<typeof OtelApi>('@opentelemetry/api');
        });
        const { ErrorReporting: Isolated } = jest.requireActual<{
          ErrorReporting: typeof ErrorReporting;
        }>('./error-reporting');
        const reporting = new Isolated([], enabled);
        await reporting.resolve({} as ModuleRef);
        expect(reporting.active).toBe(active);
      });
      expect(count).toBe(loads);
    },
  );
});
