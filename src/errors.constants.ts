/**
 * Header that carries the request id, read from requests and written on every
 * response unless `requestIdHeader` says otherwise.
 * @publicApi
 */
export const DEFAULT_REQUEST_ID_HEADER = 'x-request-id';

/**
 * Base of `error.docs` when no `docsBaseUrl` is configured: a stable relative
 * path such as `/docs/errors/404/not_found`.
 * @publicApi
 */
export const DEFAULT_DOCS_PATH = '/docs/errors';

/**
 * Longest incoming request id that is reused (contract section 4).
 * @publicApi
 */
export const MAX_REQUEST_ID_LENGTH = 128;

/**
 * Logger context of the messages this module writes through Nest's `Logger`.
 * @publicApi
 */
export const ERRORS_LOGGER_CONTEXT = 'NestjsApiErrors';
