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
    const type = errorType(report);
    span.recordException(asException(report.exception, error.message, type));
    span.setAttribute('error.type', type);
    span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
  };
}

/**
 * The class name of a thrown error (`TypeError`, `ProjectMissingError`);
 * the status code as a string when nothing more specific is known.
 */
function errorType({ exception, error }: ErrorReport): string {
  return (
    (isInstanceOf(exception, Error) && classNameOf(exception)) ||
    String(error.status)
  );
}

/** The name of an error's class, unless it is plain `Error`. */
function classNameOf(exception: Error): string | undefined {
  const constructor = readProperty(exception, 'constructor');
  return typeof constructor === 'function' &&
    constructor.name &&
    constructor.name !== 'Error'
    ? constructor.name
    : undefined;
}

/**
 * `recordException` accepts an Error-like object or a string. It types an
 * error by its `code` before its name, which suits Node's system errors
 * (`ECONNREFUSED`), but an `ApiException`'s code is its catalog code
 * (`upstream_down`): a classed error that carries a code is recorded under
 * its class name, the same as `error.type`.
 */
function asException(
  exception: unknown,
  fallback: string,
  type: string,
): unknown {
  if (isInstanceOf(exception, Error)) {
    if (type === classNameOf(exception) && readProperty(exception, 'code'))
      return {
        name: type,
        message: readProperty(exception, 'message'),
        stack: readProperty(exception, 'stack'),
      };
    return exception;
  }
  if (typeof exception === 'string') return exception;
  return { name: typeof exception, message: fallback };
}
