/**
 * JSON Schema (2020-12) of `error.errors`, the 422 field-error map: field paths
 * (`address.city`, `items.0.sku`) to non-empty lists of messages.
 * @publicApi
 */
export const FIELD_ERRORS_SCHEMA = deepFreeze({
  type: 'object',
  propertyNames: { type: 'string', minLength: 1 },
  additionalProperties: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
  },
} as const);

const ERROR_BODY_PROPERTIES = {
  status: {
    type: 'string',
    minLength: 1,
    description: 'Reason phrase of the HTTP status, e.g. "Not Found".',
  },
  code: {
    anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }],
    description: 'Machine-readable code: a number or a string.',
  },
  message: {
    type: 'string',
    minLength: 1,
    description: 'Human-readable message; never empty.',
  },
  cause: {
    type: 'string',
    description: 'Detail of this occurrence; omitted when absent.',
  },
  docs: {
    type: 'string',
    minLength: 1,
    description: '`${docsBaseUrl}/${httpStatus}/${code}`.',
  },
  errors: FIELD_ERRORS_SCHEMA,
  details: {
    type: 'object',
    description:
      "Machine-readable values of this occurrence (ApiException's details); omitted when absent.",
  },
} as const;

/**
 * JSON Schema (2020-12) of every error response body. Strict: unknown fields,
 * `null` for an absent `cause`, and empty strings fail. Use it in contract
 * tests (ajv), OpenAPI 3.1 components or client code generation.
 *
 * @example
 * const validate = new Ajv2020().compile(ERROR_ENVELOPE_SCHEMA);
 * @publicApi
 */
export const ERROR_ENVELOPE_SCHEMA = deepFreeze({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'ErrorEnvelope',
  description:
    'The body of every error response of an API built with nestjs-api-errors.',
  type: 'object',
  required: ['request_id', 'error'],
  additionalProperties: false,
  properties: {
    request_id: {
      type: 'string',
      minLength: 1,
      description: 'The request id; equal to the request-id response header.',
    },
    error: {
      type: 'object',
      required: ['status', 'code', 'message', 'docs'],
      additionalProperties: false,
      properties: ERROR_BODY_PROPERTIES,
    },
  },
} as const);

/**
 * JSON Schema (2020-12) of a validation failure (422): the envelope with
 * `error.errors` required.
 * @publicApi
 */
export const VALIDATION_ERROR_ENVELOPE_SCHEMA = deepFreeze({
  ...ERROR_ENVELOPE_SCHEMA,
  title: 'ValidationErrorEnvelope',
  description:
    'The body of a validation failure (422): the error envelope with the field-error map.',
  properties: {
    ...ERROR_ENVELOPE_SCHEMA.properties,
    error: {
      ...ERROR_ENVELOPE_SCHEMA.properties.error,
      required: ['status', 'code', 'message', 'docs', 'errors'],
    },
  },
} as const);

/** @internal */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
