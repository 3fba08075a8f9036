/** @internal Resolved, validated options (defaults applied, catalog indexed). */
export const RESOLVED_ERRORS_OPTIONS = 'NESTJS_API_ERRORS:RESOLVED_OPTIONS';

/** @internal Where the request id is kept on the raw Node request. */
export const REQUEST_ID_KEY = Symbol.for('nestjs-api-errors:request-id');

/** @internal `@MapException()` mappings of a handler or controller (own metadata). */
export const EXCEPTION_MAPPINGS_METADATA =
  'NESTJS_API_ERRORS:EXCEPTION_MAPPINGS';

/** @internal `@ForbiddenAsNotFound()` setting of a handler or controller. */
export const FORBIDDEN_AS_NOT_FOUND_METADATA =
  'NESTJS_API_ERRORS:FORBIDDEN_AS_NOT_FOUND';

/** @internal Marks a handler or controller that already has its scoped filter. */
export const SCOPED_FILTER_METADATA = 'NESTJS_API_ERRORS:SCOPED_FILTER';

/** @internal `@ApiErrors()` definitions of a handler or controller. */
export const API_ERRORS_METADATA = 'NESTJS_API_ERRORS:API_ERRORS';
