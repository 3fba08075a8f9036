import type { ErrorCode } from './error-definition.interface';

/** @internal The library's own misconfiguration messages: what, why, how to fix. */
export const MESSAGES = {
  duplicateCode: (code: ErrorCode, first: string, second: string) =>
    `Duplicate error code ${JSON.stringify(code)} in catalog: used by ${first} and ${second}. Codes must be unique; rename one of them.`,
  invalidStatus: (name: string, status: unknown) =>
    `Error definition ${name} has status ${String(status)}. Use an HTTP error status from 400 to 599.`,
  invalidCode: (name: string) =>
    `Error definition ${name} has no usable code. Use a non-empty string or a finite number.`,
  invalidMessage: (name: string) =>
    `Error definition ${name} has an empty message. Give every error a human-readable message.`,
  unknownBuiltIn: (name: string) =>
    `builtInErrors.${name} does not name a built-in error. See BUILT_IN_ERRORS for the names.`,
  notADefinition: (name: string) =>
    `Catalog entry ${name} is not an error definition. Build catalogs with defineErrors({ Name: { status, code, message } }).`,
} as const;

/**
 * Base class of the errors this library throws when it is misconfigured.
 * @publicApi
 */
export class NestjsApiErrorsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = this.constructor.name;
  }
}

/**
 * Thrown at startup when an error catalog is invalid: a duplicate code, a
 * status outside 400–599, an empty code or message.
 * @publicApi
 */
export class InvalidErrorCatalogError extends NestjsApiErrorsError {
  static create(message: string): InvalidErrorCatalogError {
    return new InvalidErrorCatalogError(message);
  }
}
