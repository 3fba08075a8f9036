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
  // Exception mappings and scope decorators (issue 4)
  mappingWithoutClass: (where: string) =>
    `${where} needs the exception class to map as its first argument (got something that is not a class). Pass the class itself, e.g. ProjectMissingError.`,
  mappingWithoutError: (where: string, exception: string) =>
    `${where} for ${exception} needs a catalog entry such as AppErrors.ProjectNotFound as the error to answer with.`,
  mappingDetailsNotAFunction: (where: string, exception: string) =>
    `${where} for ${exception} has a details option that is not a function. Pass one that picks the details from the error, e.g. details: (e) => ({ projectId: e.projectId }).`,
  mappingWhenNotAFunction: (where: string, exception: string) =>
    `${where} for ${exception} has a when option that is not a function. Pass a test of the error, e.g. when: (e) => e.code === 'P2002'.`,
  concealNotA404: (status: number) =>
    `@ForbiddenAsNotFound({ error }) got an error with status ${status}. Use a 404 entry, so the concealed answer looks like a genuine "not found".`,
  scopeWithoutModule: (controller: string) =>
    `@MapException()/@ForbiddenAsNotFound() on ${controller} found no ErrorsFilter: import ErrorsModule.forRoot() in the app. Falling back to Nest's default error handling.`,
  // Wire formats (issue 12)
  unknownFormat: (format: unknown) =>
    `format ${JSON.stringify(format) ?? String(format)} is not a wire format. Use 'envelope', 'problem', 'nest', or an ErrorFormat object { contentType, render(error, context) }.`,
  invalidCustomFormat: (problem: string) =>
    `The custom format passed as format ${problem}. An ErrorFormat needs a non-empty contentType string and a render(error, context) function.`,
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

/**
 * Thrown at startup (or when a decorator is evaluated) when an exception
 * mapping or a scope decorator is misused: no class, no catalog entry, or a
 * non-404 error for `@ForbiddenAsNotFound`.
 * @publicApi
 */
export class InvalidErrorMappingError extends NestjsApiErrorsError {
  static create(message: string): InvalidErrorMappingError {
    return new InvalidErrorMappingError(message);
  }
}

/**
 * Thrown at startup when a module option is unusable, e.g. a `format` that is
 * neither a built-in name nor an `ErrorFormat`.
 * @publicApi
 */
export class InvalidErrorsOptionsError extends NestjsApiErrorsError {
  static create(message: string): InvalidErrorsOptionsError {
    return new InvalidErrorsOptionsError(message);
  }
}
