import { NEST_REQUIRED_KEYS } from '../formats/nest.format';
import { deepFreeze } from './envelope.schema';

const CODE = {
  anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }],
  description: 'Machine-readable code: a number or a string.',
} as const;

/**
 * JSON Schema (2020-12) of a 422's `errors` in problem details: one entry per
 * message, with a JSON pointer (`#/owner/email`) into the request body or the
 * name of a query or path `parameter`.
 * @publicApi
 */
export const PROBLEM_FIELD_ERRORS_SCHEMA = deepFreeze({
  type: 'array',
  items: {
    anyOf: [
      {
        type: 'object',
        required: ['detail', 'pointer'],
        additionalProperties: false,
        properties: {
          detail: { type: 'string', minLength: 1 },
          pointer: {
            type: 'string',
            minLength: 1,
            description: 'RFC 6901 JSON pointer, as a URI fragment.',
          },
        },
      },
      {
        type: 'object',
        required: ['detail', 'parameter'],
        additionalProperties: false,
        properties: {
          detail: { type: 'string', minLength: 1 },
          parameter: { type: 'string', minLength: 1 },
        },
      },
    ],
  },
} as const);

/**
 * JSON Schema (2020-12) of every error body with `format: 'problem'`
 * (RFC 9457 problem details plus the extension members `code`,
 * `request_id`, `details` and, for a 422, `errors`). Strict: unknown members
 * and empty strings fail.
 * @publicApi
 */
export const PROBLEM_DETAILS_SCHEMA = deepFreeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'ProblemDetails',
  description:
    'RFC 9457 problem details, as answered by an API built with nestjs-api-errors.',
  type: 'object',
  required: ['type', 'title', 'status', 'instance', 'code', 'request_id'],
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      minLength: 1,
      description:
        'The documentation link of the error, `${docsBaseUrl}/${status}/${code}` (a URI reference).',
    },
    title: {
      type: 'string',
      minLength: 1,
      description: "The error definition's stable message.",
    },
    status: { type: 'integer', description: 'The HTTP status code.' },
    detail: {
      type: 'string',
      minLength: 1,
      description: 'This occurrence: its own message and/or cause.',
    },
    instance: {
      type: 'string',
      minLength: 1,
      description: 'The request path, without the query string.',
    },
    code: CODE,
    request_id: {
      type: 'string',
      minLength: 1,
      description: 'The request id; equal to the request-id response header.',
    },
    details: {
      type: 'object',
      description:
        "Machine-readable values of this occurrence (ApiException's details).",
    },
    errors: PROBLEM_FIELD_ERRORS_SCHEMA,
  },
} as const);

/**
 * JSON Schema (2020-12) of every error body with `format: 'nest'`: Nest's
 * default shape plus `code`, `request_id` (`cause`, `details` when present).
 * Strict: unknown fields and empty strings fail.
 * @publicApi
 */
export const NEST_ERROR_SCHEMA = deepFreeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'NestErrorBody',
  description:
    "Nest's default error shape plus code and request_id, as answered by an API built with nestjs-api-errors.",
  type: 'object',
  required: NEST_REQUIRED_KEYS,
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status code.' },
    error: {
      type: 'string',
      minLength: 1,
      description: 'Reason phrase of the HTTP status, e.g. "Not Found".',
    },
    message: {
      anyOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
        },
      ],
      description:
        'Human-readable message; for a validation failure (422), one string per failing field.',
    },
    timestamp: {
      type: 'string',
      minLength: 1,
      description: 'When the error was answered, ISO 8601.',
    },
    path: {
      type: 'string',
      minLength: 1,
      description: 'The request path, without the query string.',
    },
    code: CODE,
    request_id: {
      type: 'string',
      minLength: 1,
      description: 'The request id; equal to the request-id response header.',
    },
    cause: {
      type: 'string',
      description: 'Detail of this occurrence; omitted when absent.',
    },
    details: {
      type: 'object',
      description:
        "Machine-readable values of this occurrence (ApiException's details).",
    },
  },
} as const);
