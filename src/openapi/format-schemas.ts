import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { BUILT_IN_FORMATS } from '../formats/built-in.formats';
import { NEST_REQUIRED_KEYS } from '../formats/nest.format';
import type { ErrorFormat } from '../formats/error-format.interface';
import { reasonPhrase } from '../formats/reason-phrase.util';

type Schema = Record<string, unknown>;

const DETAILS = {
  type: 'object',
  description:
    'Machine-readable values of this occurrence; omitted when absent.',
};
const REQUEST_ID = {
  type: 'string',
  description: 'The request id, also sent as a response header.',
};

/**
 * @internal The OpenAPI schema of an error response in `format`, narrowed to
 * `status` and the codes of `definitions`; an app's format gives its own
 * `schema` (default `{ type: 'object' }`).
 */
export function formatSchema(
  format: ErrorFormat,
  status: number,
  definitions: readonly ErrorDefinition[],
): Schema {
  if (format === BUILT_IN_FORMATS.envelope)
    return envelopeSchema(status, definitions);
  if (format === BUILT_IN_FORMATS.problem)
    return problemSchema(status, definitions);
  if (format === BUILT_IN_FORMATS.nest) return nestSchema(status, definitions);
  return { ...(format.schema ?? { type: 'object' }) };
}

function envelopeSchema(
  status: number,
  definitions: readonly ErrorDefinition[],
): Schema {
  const validation = status === 422;
  return {
    type: 'object',
    required: ['request_id', 'error'],
    properties: {
      request_id: REQUEST_ID,
      error: {
        type: 'object',
        required: [
          'status',
          'code',
          'message',
          'docs',
          ...(validation ? ['errors'] : []),
        ],
        properties: {
          status: {
            type: 'string',
            enum: [reasonPhrase(status)],
            description: 'Reason phrase of the HTTP status.',
          },
          code: codeSchema(definitions),
          message: { type: 'string', description: 'Human-readable message.' },
          cause: {
            type: 'string',
            description: 'Detail of this occurrence, when there is one.',
          },
          docs: {
            type: 'string',
            description: 'Link to the documentation of this error.',
          },
          ...(validation
            ? {
                errors: {
                  type: 'object',
                  description:
                    'Field path (dotted, numeric segments for array items) to its messages.',
                  additionalProperties: {
                    type: 'array',
                    minItems: 1,
                    items: { type: 'string' },
                  },
                },
              }
            : {}),
          details: DETAILS,
        },
      },
    },
  };
}

function problemSchema(
  status: number,
  definitions: readonly ErrorDefinition[],
): Schema {
  const validation = status === 422;
  return {
    type: 'object',
    description: 'RFC 9457 problem details.',
    required: [
      'type',
      'title',
      'status',
      'instance',
      'code',
      'request_id',
      ...(validation ? ['errors'] : []),
    ],
    properties: {
      type: {
        type: 'string',
        format: 'uri-reference',
        description: 'Link to the documentation of this error.',
      },
      title: {
        type: 'string',
        description: "The error's stable message.",
      },
      status: { type: 'integer', enum: [status] },
      detail: {
        type: 'string',
        description: 'This occurrence: its own message and/or cause.',
      },
      instance: {
        type: 'string',
        format: 'uri-reference',
        description: 'The request path.',
      },
      code: codeSchema(definitions),
      request_id: REQUEST_ID,
      details: DETAILS,
      ...(validation
        ? {
            errors: {
              type: 'array',
              description:
                'One entry per message: a JSON pointer into the body, or a query/path parameter.',
              items: {
                type: 'object',
                required: ['detail'],
                properties: {
                  detail: { type: 'string' },
                  pointer: { type: 'string' },
                  parameter: { type: 'string' },
                },
              },
            },
          }
        : {}),
    },
  };
}

function nestSchema(
  status: number,
  definitions: readonly ErrorDefinition[],
): Schema {
  const validation = status === 422;
  return {
    type: 'object',
    required: [...NEST_REQUIRED_KEYS],
    properties: {
      statusCode: { type: 'integer', enum: [status] },
      error: { type: 'string', enum: [reasonPhrase(status)] },
      message: validation
        ? {
            type: 'array',
            items: { type: 'string' },
            description: 'One message per failing field.',
          }
        : { type: 'string', description: 'Human-readable message.' },
      timestamp: { type: 'string', format: 'date-time' },
      path: { type: 'string', description: 'The request path.' },
      code: codeSchema(definitions),
      request_id: REQUEST_ID,
      cause: {
        type: 'string',
        description: 'Detail of this occurrence, when there is one.',
      },
      details: DETAILS,
    },
  };
}

function codeSchema(definitions: readonly ErrorDefinition[]): Schema {
  const codes = [...new Set(definitions.map((d) => d.code))];
  const description = 'Stable machine-readable code.';
  if (codes.every((c) => typeof c === 'number'))
    return { type: 'integer', enum: codes, description };
  if (codes.every((c) => typeof c === 'string'))
    return { type: 'string', enum: codes, description };
  return {
    oneOf: [{ type: 'integer' }, { type: 'string' }],
    enum: codes,
    description,
  };
}
