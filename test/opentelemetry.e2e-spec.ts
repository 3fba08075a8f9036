import type { INestApplication } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

import { REQUEST_ID_SPAN_ATTRIBUTE } from '../src';
import type { ErrorsModuleOptions } from '../src';
import { ObservabilityModule } from './fixtures/observability.fixtures';
import { createApp, http } from './utils/create-app';
import { platforms } from './utils/platforms';

/**
 * The real SDK: an in-memory exporter, the AsyncLocalStorage context manager,
 * and the HTTP instrumentation making the server span of each request.
 */
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const contextManager = new AsyncLocalStorageContextManager();
const instrumentation = new HttpInstrumentation({ enabled: false });

/**
 * Jest loads modules through its own registry, which the instrumentation's
 * require hook never sees: apply its `http` patch by hand, as bundled apps do.
 */
function httpPatch(): { patch(): void; unpatch(): void } {
  const http: unknown = require('node:http');
  const definition = instrumentation
    .getModuleDefinitions()
    .find((d) => d.name === 'http');
  if (!definition?.patch || !definition.unpatch)
    throw new Error('no http patch in HttpInstrumentation');
  const { patch, unpatch } = definition;
  return { patch: () => patch(http), unpatch: () => unpatch(http) };
}

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(provider);
  instrumentation.setTracerProvider(provider);
  instrumentation.enable();
  httpPatch().patch();
});
afterAll(async () => {
  httpPatch().unpatch();
  instrumentation.disable();
  await provider.shutdown();
  trace.disable();
  context.disable();
});

/** The server span of the request whose response carried `requestId`. */
async function serverSpan(path: string): Promise<ReadableSpan> {
  for (let i = 0; i < 100; i++) {
    const span = exporter
      .getFinishedSpans()
      .find(
        (s) =>
          s.kind === SpanKind.SERVER &&
          String(s.attributes['http.target'] ?? s.attributes['url.path']) ===
            path,
      );
    if (span) return span;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no server span for ${path}`);
}

describe.each(platforms)('OpenTelemetry (%p)', (Adapter) => {
  let app: INestApplication;

  async function start(options: ErrorsModuleOptions = {}) {
    app = await createApp(ObservabilityModule.withOptions(options), Adapter);
  }
  beforeEach(() => exporter.reset());
  afterEach(() => app.close());

  it('records an unexpected error on the server span: exception, error.type, status ERROR, request id', async () => {
    await start();
    const res = await http(app).get('/obs/boom');
    expect(res.status).toBe(500);
    const span = await serverSpan('/obs/boom');

    // (the HTTP instrumentation sets the status again, without a message, at the end)
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toEqual(
      expect.objectContaining({
        [REQUEST_ID_SPAN_ATTRIBUTE]: res.headers['x-request-id'],
        'error.type': 'TypeError',
        'http.response.status_code': 500,
      }),
    );
    const exceptions = span.events.filter((e) => e.name === 'exception');
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0].attributes).toEqual({
      'exception.type': 'TypeError',
      'exception.message': "Cannot read properties of undefined (reading 'id')",
      'exception.stacktrace': expect.stringMatching(/^TypeError: .*\n\s+at /),
    });
  });

  it('records a mapped 5xx with the original domain exception', async () => {
    await start();
    const res = await http(app).get('/obs/mapped');
    expect(res.status).toBe(503);
    const span = await serverSpan('/obs/mapped');

    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('PaymentGatewayDownError');
    expect(span.attributes[REQUEST_ID_SPAN_ATTRIBUTE]).toBe(
      res.headers['x-request-id'],
    );
    const [event] = span.events.filter((e) => e.name === 'exception');
    expect(event.attributes?.['exception.type']).toBe(
      'PaymentGatewayDownError',
    );
    expect(event.attributes?.['exception.message']).toBe(
      'gateway timeout after 30s',
    );
  });

  it('records a thrown 5xx ApiException under its class name, not its catalog code', async () => {
    await start();
    const res = await http(app).get('/obs/unavailable');
    expect(res.status).toBe(503);
    const span = await serverSpan('/obs/unavailable');

    expect(span.attributes['error.type']).toBe('ApiException');
    const [event] = span.events.filter((e) => e.name === 'exception');
    expect(event.attributes).toEqual({
      'exception.type': 'ApiException',
      'exception.message': 'Payments are unavailable; retry later.',
      'exception.stacktrace': expect.stringMatching(/\n\s+at /),
    });
  });

  it('leaves the status of a 4xx unset, with the request id and no exception', async () => {
    await start();
    const res = await http(app).get('/obs/not-found');
    expect(res.status).toBe(404);
    const span = await serverSpan('/obs/not-found');

    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.events.filter((e) => e.name === 'exception')).toEqual([]);
    expect(span.attributes['error.type']).toBeUndefined();
    expect(span.attributes[REQUEST_ID_SPAN_ATTRIBUTE]).toBe(
      res.headers['x-request-id'],
    );
    expect(span.attributes['http.response.status_code']).toBe(404);
  });

  it('does not touch the span of a successful request', async () => {
    await start();
    await http(app).get('/obs/ok').expect(200);
    const span = await serverSpan('/obs/ok');
    expect(span.attributes[REQUEST_ID_SPAN_ATTRIBUTE]).toBeUndefined();
    expect(span.events).toEqual([]);
  });

  it('records nothing with openTelemetry: false', async () => {
    await start({ openTelemetry: false });
    await http(app).get('/obs/boom').expect(500);
    const span = await serverSpan('/obs/boom');
    expect(span.attributes[REQUEST_ID_SPAN_ATTRIBUTE]).toBeUndefined();
    expect(span.events.filter((e) => e.name === 'exception')).toEqual([]);
  });

  it('runs next to reporters, first', async () => {
    const seen: unknown[] = [];
    await start({
      reporters: [
        () => void seen.push(trace.getActiveSpan()?.spanContext().traceId),
      ],
    });
    await http(app).get('/obs/boom').expect(500);
    const span = await serverSpan('/obs/boom');
    expect(seen).toEqual([span.spanContext().traceId]);
  });
});
