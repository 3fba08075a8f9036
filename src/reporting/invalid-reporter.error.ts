import { NestjsApiErrorsError } from '../catalog/messages.constants';

/**
 * Thrown at startup when an entry of the `reporters` option is neither a
 * function, nor a class with a `report()` method, nor an object with one, or
 * when a reporter class cannot be created through DI.
 * @publicApi
 */
export class InvalidErrorReporterError extends NestjsApiErrorsError {
  static create(index: number, value: unknown): InvalidErrorReporterError {
    const got = value === null ? 'null' : typeof value;
    return new InvalidErrorReporterError(
      `reporters[${index}] is not a reporter (got ${got}). Pass a function (report) => …, an injectable class with report(report), or an object with report(report).`,
    );
  }

  static unresolvable(name: string, reason: string): InvalidErrorReporterError {
    return new InvalidErrorReporterError(
      `Reporter ${name} could not be created: ${reason} Register it as a provider in the module that has its dependencies, or pass that module in ErrorsModule.forRootAsync({ imports }).`,
    );
  }
}
