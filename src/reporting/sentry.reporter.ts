import type {
  ErrorReport,
  ErrorReporterFunction,
} from './error-report.interface';

/**
 * The part of a Sentry SDK namespace (`@sentry/nestjs`, `@sentry/node`) the
 * reporter calls. Typed structurally, so this module never imports Sentry.
 * @publicApi
 */
export interface SentryLike {
  captureException(
    exception: unknown,
    hint?: {
      tags?: Record<string, string>;
      extra?: Record<string, unknown>;
      level?: 'error';
    },
  ): string;
}

/**
 * Options of `sentryReporter`.
 * @publicApi
 */
export interface SentryReporterOptions {
  /**
   * Which errors are sent: by default unexpected errors and every 5xx,
   * including catalog and mapped 5xx that Sentry's own filter skips as
   * `HttpException`s. 4xx answers are the client's business, not a bug.
   * @default (report) => report.error.unexpected || report.error.status >= 500
   */
  filter?: (report: ErrorReport) => boolean;
}

/**
 * A reporter that sends errors to Sentry with the request id as the
 * `request_id` tag (and the error's `code` and `status` as tags), so the id a
 * customer quotes finds the event. Pass the SDK you initialised: nothing from
 * Sentry is imported by this library.
 *
 * @example
 * import * as Sentry from '@sentry/nestjs';
 * ErrorsModule.forRoot({ reporters: [sentryReporter(Sentry)] })
 * @publicApi
 */
export function sentryReporter(
  sentry: SentryLike,
  options: SentryReporterOptions = {},
): ErrorReporterFunction {
  const shouldSend = options.filter ?? isServerError;
  return (report) => {
    if (!shouldSend(report)) return;
    sentry.captureException(report.exception, {
      level: 'error',
      tags: {
        request_id: report.requestId,
        'error.code': String(report.error.code),
        'http.status_code': String(report.error.status),
      },
      extra: { method: report.method, path: report.path },
    });
  };
}

function isServerError({ error }: ErrorReport): boolean {
  return error.unexpected || error.status >= 500;
}
