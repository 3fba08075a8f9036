import type { ErrorDefinition } from './error-definition.interface';

/**
 * The module's default codes and messages, one per HTTP status it can emit.
 * Nest exceptions thrown without a message of their own, the router's 404, the
 * body parser and unexpected errors are answered from this table; an app
 * overrides code or message per entry with the `builtInErrors` option.
 *
 * The README's "Built-in codes" table is checked against this object.
 * @publicApi
 */
export const BUILT_IN_ERRORS = Object.freeze({
  // 4xx: the request can be fixed by the caller
  BadRequest: {
    status: 400,
    code: 'bad_request',
    message: 'The request could not be understood by the server.',
  },
  Unauthorized: {
    status: 401,
    code: 'unauthorized',
    message: 'Valid authentication credentials are required.',
  },
  PaymentRequired: {
    status: 402,
    code: 'request_failed',
    message: 'The parameters were valid but the request failed.',
  },
  Forbidden: {
    status: 403,
    code: 'forbidden',
    message: 'You do not have permission to access this resource.',
  },
  NotFound: {
    status: 404,
    code: 'not_found',
    message: 'The requested resource does not exist.',
  },
  MethodNotAllowed: {
    status: 405,
    code: 'method_not_allowed',
    message: 'The HTTP method is not supported for this resource.',
  },
  NotAcceptable: {
    status: 406,
    code: 'not_acceptable',
    message: 'The resource cannot be represented in an acceptable format.',
  },
  RequestTimeout: {
    status: 408,
    code: 'request_timeout',
    message: 'The server timed out waiting for the request.',
  },
  Conflict: {
    status: 409,
    code: 'conflict',
    message: 'The request conflicts with the current state of the resource.',
  },
  Gone: {
    status: 410,
    code: 'gone',
    message: 'The resource is no longer available.',
  },
  PreconditionFailed: {
    status: 412,
    code: 'precondition_failed',
    message: 'A precondition of the request was not met.',
  },
  PayloadTooLarge: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is too large.',
  },
  UnsupportedMediaType: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'The request body has an unsupported media type or encoding.',
  },
  ImATeapot: {
    status: 418,
    code: 'im_a_teapot',
    message: 'The server refuses to brew coffee because it is a teapot.',
  },
  MisdirectedRequest: {
    status: 421,
    code: 'misdirected_request',
    message: 'The request was directed at a server that cannot answer it.',
  },
  UnprocessableEntity: {
    status: 422,
    code: 'validation_failed',
    message: 'The given data was invalid.',
  },
  TooManyRequests: {
    status: 429,
    code: 'too_many_requests',
    message: 'Too many requests. Retry later, with exponential backoff.',
  },
  // 5xx: the server failed; retrying may succeed
  InternalServerError: {
    status: 500,
    code: 'internal_error',
    message:
      'An unexpected error occurred. Retry later, or contact support with the request id.',
  },
  NotImplemented: {
    status: 501,
    code: 'not_implemented',
    message: 'This functionality is not implemented.',
  },
  BadGateway: {
    status: 502,
    code: 'bad_gateway',
    message:
      'An upstream server returned an invalid response. Retry after a brief delay.',
  },
  ServiceUnavailable: {
    status: 503,
    code: 'service_unavailable',
    message: 'The service is temporarily unavailable. Retry after a delay.',
  },
  GatewayTimeout: {
    status: 504,
    code: 'gateway_timeout',
    message: 'An upstream server timed out. Retry with exponential backoff.',
  },
  HttpVersionNotSupported: {
    status: 505,
    code: 'http_version_not_supported',
    message: 'The HTTP version of the request is not supported.',
  },
} as const satisfies Record<string, ErrorDefinition>);

/**
 * Name of a built-in error, as used by the `builtInErrors` option.
 * @publicApi
 */
export type BuiltInErrorName = keyof typeof BUILT_IN_ERRORS;
