import { Logger } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';

import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import { safeMessage, safeStack } from '../filter/safe-read.util';
import { describeRawRequest } from '../platform/raw-request.util';
import type { NormalizedError } from '../formats/normalized-error.interface';
import type {
  ErrorReport,
  ErrorReporter,
  ErrorReporterDefinition,
  ErrorReporterFunction,
} from './error-report.interface';
import { InvalidErrorReporterError } from './invalid-reporter.error';
import {
  loadOpenTelemetry,
  openTelemetryReporter,
  recordingSpan,
} from './opentelemetry.reporter';

type Handler = {
  readonly name: string;
  readonly report: ErrorReporterFunction;
  /** False when this error has nothing to report to (no recording span): no report is built for it. */
  readonly wanted?: () => boolean;
};

/**
 * @internal The report stage: after the response was written, hands one
 * frozen `ErrorReport` to OpenTelemetry (when installed) and to each
 * reporter. A reporter that throws or rejects is logged once and changes
 * nothing. Resolved at bootstrap; the report is built only when a handler wants
 * it (OpenTelemetry only with a recording span), and `run` is never called
 * on the success path.
 */
export class ErrorReporting {
  private readonly logger = new Logger(ERRORS_LOGGER_CONTEXT);
  private handlers: readonly Handler[] = [];

  constructor(
    private readonly definitions: readonly ErrorReporterDefinition[],
    private readonly openTelemetry: boolean,
  ) {
    definitions.forEach((definition, index) => {
      if (kindOf(definition) === undefined)
        throw InvalidErrorReporterError.create(index, definition);
    });
  }

  /** True when `run` has anything to do. */
  get active(): boolean {
    return this.handlers.length > 0;
  }

  /**
   * Resolves class reporters through DI (a registered provider is reused,
   * any other class is created with its dependencies) and loads
   * `@opentelemetry/api` when installed. Called once, when the app inits.
   */
  async resolve(moduleRef: ModuleRef): Promise<void> {
    const handlers: Handler[] = [];
    const otel = this.openTelemetry ? loadOpenTelemetry() : undefined;
    if (otel)
      handlers.push({
        name: 'OpenTelemetry',
        report: openTelemetryReporter(otel),
        wanted: () => recordingSpan(otel) !== undefined,
      });
    for (const [index, definition] of this.definitions.entries())
      handlers.push(await toHandler(definition, index, moduleRef));
    this.handlers = Object.freeze(handlers);
  }

  /** Reports one answered error; never throws, never waits. */
  run(
    exception: unknown,
    error: NormalizedError,
    requestId: string,
    request: unknown,
  ): void {
    let report: ErrorReport | undefined;
    for (const handler of this.handlers) {
      // An app with @opentelemetry/api installed but no SDK (or no span) builds nothing.
      if (handler.wanted && !handler.wanted()) continue;
      report ??= Object.freeze({
        exception,
        error: Object.freeze({ ...error }),
        requestId,
        ...(request === undefined
          ? { method: 'HTTP', path: '' }
          : describeRawRequest(request)),
      });
      this.invoke(handler, report);
    }
  }

  private invoke(handler: Handler, report: ErrorReport): void {
    try {
      const result = handler.report(report);
      if (isThenable(result))
        Promise.resolve(result).catch((failure: unknown) =>
          this.fail(handler, report, failure),
        );
    } catch (failure) {
      this.fail(handler, report, failure);
    }
  }

  private fail(handler: Handler, report: ErrorReport, failure: unknown): void {
    try {
      this.logger.error(
        `Error reporter ${handler.name} failed (request_id ${report.requestId}): ${safeMessage(failure)}`,
        { request_id: report.requestId, reporter: handler.name },
        safeStack(failure),
      );
    } catch {
      // A failing logger must not turn a reporting failure into a crash.
    }
  }
}

type Kind = 'class' | 'function' | 'object';

function kindOf(definition: unknown): Kind | undefined {
  if (typeof definition === 'function') {
    const proto = (definition as { prototype?: { report?: unknown } })
      .prototype;
    if (typeof proto?.report === 'function') return 'class';
    // A class without report() cannot be called as a function either.
    return isClass(definition) ? undefined : 'function';
  }
  if (
    typeof definition === 'object' &&
    definition !== null &&
    typeof (definition as { report?: unknown }).report === 'function'
  )
    return 'object';
  return undefined;
}

async function toHandler(
  definition: ErrorReporterDefinition,
  index: number,
  moduleRef: ModuleRef,
): Promise<Handler> {
  switch (kindOf(definition)) {
    case 'class': {
      const type = definition as Type<ErrorReporter>;
      const instance = await resolveClass(type, moduleRef);
      return { name: type.name, report: (r) => instance.report(r) };
    }
    case 'object': {
      const reporter = definition as ErrorReporter;
      return {
        name: objectName(reporter) ?? `reporters[${index}]`,
        report: (r) => reporter.report(r),
      };
    }
    default: {
      const fn = definition as ErrorReporterFunction;
      return { name: fn.name || `reporters[${index}]`, report: fn };
    }
  }
}

/** The app's provider when the class is registered, else a new instance. */
async function resolveClass(
  type: Type<ErrorReporter>,
  moduleRef: ModuleRef,
): Promise<ErrorReporter> {
  try {
    const registered = moduleRef.get(type, { strict: false });
    if (registered) return registered;
  } catch {
    // not registered as a provider: create it below
  }
  try {
    return await moduleRef.create(type);
  } catch (failure) {
    throw InvalidErrorReporterError.unresolvable(
      type.name,
      safeMessage(failure),
    );
  }
}

function isClass(fn: unknown): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function objectName(reporter: object): string | undefined {
  const name = (reporter.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== 'Object' ? name : undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
