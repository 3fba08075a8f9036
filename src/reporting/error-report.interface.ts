import type { Type } from '@nestjs/common';

import type { NormalizedError } from '../formats/normalized-error.interface';

/**
 * What a reporter receives, once per error answered, after the response was
 * written. Frozen: a reporter reads it and cannot change what was answered.
 * @publicApi
 */
export interface ErrorReport {
  /** What was thrown, before any mapping (the original domain error too). */
  readonly exception: unknown;
  /**
   * The error as answered: `status`, `code`, `message`, `unexpected` (true for
   * anything that is not an HTTP exception), and `cause`, `details`,
   * `fieldErrors`, `headers` when present.
   */
  readonly error: Readonly<NormalizedError>;
  /** The request id, as in the response header and body. */
  readonly requestId: string;
  /** The request method, `GET`, `POST`, … */
  readonly method: string;
  /** The request path, without the query string (which may carry secrets). */
  readonly path: string;
}

/**
 * An injectable class that reports errors (to Sentry, a metrics counter, an
 * audit log, …). Resolved through DI: registered providers are reused, other
 * classes are instantiated with their dependencies injected.
 *
 * @example
 * @Injectable()
 * export class MetricsReporter implements ErrorReporter {
 *   constructor(private readonly metrics: MetricsService) {}
 *   report({ error }: ErrorReport) {
 *     this.metrics.increment('http_errors', { status: error.status });
 *   }
 * }
 * @publicApi
 */
export interface ErrorReporter {
  /** Called after the response was written; may return a promise. */
  report(report: ErrorReport): void | PromiseLike<void>;
}

/**
 * A reporter given as a plain function.
 * @publicApi
 */
export type ErrorReporterFunction = (
  report: ErrorReport,
) => void | PromiseLike<void>;

/**
 * One entry of the `reporters` option: a function, an injectable class with
 * `report(report)`, or an object with `report(report)`.
 * @publicApi
 */
export type ErrorReporterDefinition =
  ErrorReporterFunction | Type<ErrorReporter> | ErrorReporter;
