/** @internal Resolved, validated options (defaults applied, catalog indexed). */
export const RESOLVED_ERRORS_OPTIONS = 'NESTJS_API_ERRORS:RESOLVED_OPTIONS';

/** @internal Where the request id is kept on the raw Node request. */
export const REQUEST_ID_KEY = Symbol.for('nestjs-api-errors:request-id');
