import { BUILT_IN_ERRORS } from '../catalog/built-in.errors';
import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { docsUrl } from '../formats/envelope.format';
import { reasonPhrase } from '../formats/reason-phrase.util';
import { documentedDocsBaseUrl } from './docs-base.registry';

/** @internal The `errors` map shown in the 422 example. */
export const EXAMPLE_FIELD_ERRORS = Object.freeze({
  email: ['email must be an email'],
  'address.city': ['address.city should not be empty'],
});

/** Example request id of the examples; any string the server generated. */
const EXAMPLE_REQUEST_ID = 'e2cef6f6-296d-4044-b362-73fb2bce4a72';

type Schema = Record<string, unknown>;

/**
 * @internal One OpenAPI response per status: the envelope schema, narrowed
 * to the status and codes documented, and one example per error with its
 * real code, message and docs link.
 */
export function errorResponse(
  status: number,
  definitions: readonly ErrorDefinition[],
) {
  return {
    status,
    description: definitions
      .map((d) => `\`${String(d.code)}\`: ${d.message}`)
      .join('\n\n'),
    schema: envelopeSchema(status, definitions),
    examples: Object.fromEntries(
      definitions.map((d) => [exampleName(d), example(d)]),
    ),
  };
}

function envelopeSchema(
  status: number,
  definitions: readonly ErrorDefinition[],
): Schema {
  const validation = status === 422;
  const required = [
    'status',
    'code',
    'message',
    'docs',
    ...(validation ? ['errors'] : []),
  ];
  return {
    type: 'object',
    required: ['request_id', 'error'],
    properties: {
      request_id: {
        type: 'string',
        description: 'The request id, also sent as a response header.',
      },
      error: {
        type: 'object',
        required,
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
        },
      },
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

/** The catalog key (`defineErrors` names its entries), the built-in's name, or the code. */
function exampleName(definition: ErrorDefinition): string {
  const named = (definition as { name?: unknown }).name;
  if (typeof named === 'string' && named !== '') return named;
  const builtIn = Object.entries(BUILT_IN_ERRORS).find(
    ([, d]) => d === definition,
  );
  return builtIn ? builtIn[0] : String(definition.code);
}

function example(definition: ErrorDefinition) {
  const error: Record<string, unknown> = {
    status: reasonPhrase(definition.status),
    code: definition.code,
    message: definition.message,
  };
  // Read when the document is built, once the app's docsBaseUrl is known.
  Object.defineProperty(error, 'docs', {
    enumerable: true,
    get: () =>
      docsUrl(documentedDocsBaseUrl(), definition.status, definition.code),
  });
  if (definition.status === 422) error.errors = EXAMPLE_FIELD_ERRORS;
  return {
    summary: `${String(definition.code)}: ${definition.message}`,
    value: { request_id: EXAMPLE_REQUEST_ID, error },
  };
}
