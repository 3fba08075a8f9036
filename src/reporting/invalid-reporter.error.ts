import { NestjsApiErrorsError } from '../catalog/messages.constants';

/**
 * Thrown at startup when an entry of the `reporters` option is neither a
 * function, nor a class with a `report()` method, nor an object with one.
 * @publicApi
 */
export class InvalidErrorReporterError extends NestjsApiErrorsError {
  static create(index: number, value: unknown): InvalidErrorReporterError {
    const got = value === null ? 'null' : typeof value;
    return new InvalidErrorReporterError(
      `reporters[${index}] is not a reporter (got ${got}). Pass a function (report) => …, an injectable class with report(report), or an object with report(report).`,
    );
  }
}
