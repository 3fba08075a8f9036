import { isInstanceOf, readProperty } from '../filter/safe-read.util';
import type {
  ErrorReport,
  ErrorReporterFunction,
} from './error-report.interface';

/**
 * Span attribute that carries the request id: the same name as the envelope's
 * `request_id` and the log field, so one search finds all three.
 * @publicApi
 */
export const REQUEST_ID_SPAN_ATTRIBUTE = 'request_id';

type AttributeValue = string | number | boolean;

/** @internal The part of `@opentelemetry/api` this module uses. */
export interface OpenTelemetryApi {
  trace: { getActiveSpan(): SpanLike | undefined };
  SpanStatusCode: { ERROR: number };
}

/** @internal The part of an OpenTelemetry `Span` this module uses. */
export interface SpanLike {
  isRecording(): boolean;
  setAttribute(key: string, value: AttributeValue): unknown;
  recordException(exception: unknown): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
}

/**
 * @internal `@opentelemetry/api` when installed (an optional peer), else
 * `undefined`. Called once, at bootstrap, and only when the `openTelemetry`
 * option is on.
 */
export function loadOpenTelemetry(): OpenTelemetryApi | undefined {
  try {
    return require('@opentelemetry/api') as OpenTelemetryApi;
  } catch {
    return undefined;
  }
}

/** @internal The request's active span, when there is one and it records. */
export function recordingSpan(api: OpenTelemetryApi): SpanLike | undefined {
  const span = api.trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}

/**
 * @internal Records an error on the request's active span, with the
 * semantic-convention names: for a 5xx, the exception event
 * (`exception.type`, `exception.message`, `exception.stacktrace`),
 * `error.type` and status ERROR; for a 4xx, which is not a server error, the
 * status stays unset. Always: `http.response.status_code` and the request id.
 */
export function openTelemetryReporter(
  api: OpenTelemetryApi,
): ErrorReporterFunction {
  return (report: ErrorReport) => {
    const span = recordingSpan(api);
    if (!span) return;
    const { error } = report;
    span.setAttribute(REQUEST_ID_SPAN_ATTRIBUTE, report.requestId);
    span.setAttribute('http.response.status_code', error.status);
    if (error.status < 500) return;
    span.recordException(asException(report.exception, error.message));
    span.setAttribute('error.type', errorType(report));
    span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
  };
}

/**
 * The class name of a thrown error (`TypeError`, `ProjectMissingError`);
 * the status code as a string when nothing more specific is known.
 */
function errorType({ exception, error }: ErrorReport): string {
  if (isInstanceOf(exception, Error)) {
    const name = readProperty(exception, 'constructor');
    if (typeof name === 'function' && name.name && name.name !== 'Error')
      return name.name;
  }
  return String(error.status);
}

/** `recordException` accepts an Error-like object or a string. */
function asException(exception: unknown, fallback: string): unknown {
  if (isInstanceOf(exception, Error)) return exception;
  if (typeof exception === 'string') return exception;
  return { name: typeof exception, message: fallback };
}
