import { Ajv2020 } from 'ajv/dist/2020';

import {
  ERROR_ENVELOPE_SCHEMA,
  FIELD_ERRORS_SCHEMA,
  VALIDATION_ERROR_ENVELOPE_SCHEMA,
} from './envelope.schema';
import { checkAgainstSchema } from './schema-check.util';

const error = {
  status: 'Not Found',
  code: 'not_found',
  message: 'The requested resource does not exist.',
  docs: '/docs/errors/404/not_found',
};
const errors = { 'owner.email': ['owner.email must be an email'] };

/** [case, body, valid envelope?, valid 422 envelope?] */
const CASES: Array<[string, unknown, boolean, boolean]> = [
  ['a minimal envelope', { request_id: 'id', error }, true, false],
  [
    'a numeric code and a cause',
    { request_id: 'id', error: { ...error, code: 2000, cause: 'Gone.' } },
    true,
    false,
  ],
  [
    'a 422 with its field map',
    { request_id: 'id', error: { ...error, errors } },
    true,
    true,
  ],
  [
    'an extra top-level field',
    { request_id: 'id', error, stack: 'x' },
    false,
    false,
  ],
  [
    'an extra error field',
    { request_id: 'id', error: { ...error, name: 'NotFoundException' } },
    false,
    false,
  ],
  [
    'a null cause',
    { request_id: 'id', error: { ...error, cause: null } },
    false,
    false,
  ],
  [
    'an empty message',
    { request_id: 'id', error: { ...error, message: '' } },
    false,
    false,
  ],
  [
    'an empty code',
    { request_id: 'id', error: { ...error, code: '' } },
    false,
    false,
  ],
  [
    'a boolean code',
    { request_id: 'id', error: { ...error, code: true } },
    false,
    false,
  ],
  [
    'no docs',
    { request_id: 'id', error: { ...error, docs: undefined } },
    false,
    false,
  ],
  ['no request_id', { error }, false, false],
  ['an empty request_id', { request_id: '', error }, false, false],
  [
    'a numeric status',
    { request_id: 'id', error: { ...error, status: 404 } },
    false,
    false,
  ],
  [
    'an empty message list',
    { request_id: 'id', error: { ...error, errors: { a: [] } } },
    false,
    false,
  ],
  [
    'a non-string message',
    { request_id: 'id', error: { ...error, errors: { a: [1] } } },
    false,
    false,
  ],
  [
    'an empty field path',
    { request_id: 'id', error: { ...error, errors: { '': ['x'] } } },
    false,
    false,
  ],
  [
    'a field map that is a list',
    { request_id: 'id', error: { ...error, errors: ['x'] } },
    false,
    false,
  ],
  [
    'Nest default body',
    { statusCode: 404, message: 'Cannot GET /x', error: 'Not Found' },
    false,
    false,
  ],
  ['an array', [], false, false],
  ['a string', 'Not Found', false, false],
];

describe('ERROR_ENVELOPE_SCHEMA', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validateEnvelope = ajv.compile(ERROR_ENVELOPE_SCHEMA);
  const validateValidation = ajv.compile(VALIDATION_ERROR_ENVELOPE_SCHEMA);

  it('is a valid JSON Schema 2020-12 under ajv strict mode', () => {
    expect(ajv.validateSchema(ERROR_ENVELOPE_SCHEMA)).toBe(true);
    expect(ajv.validateSchema(VALIDATION_ERROR_ENVELOPE_SCHEMA)).toBe(true);
    expect(ajv.validateSchema(FIELD_ERRORS_SCHEMA)).toBe(true);
  });

  it.each(CASES)(
    'judges %s: envelope %p, 422 envelope %p',
    (_, json, valid, validValidation) => {
      // Through JSON, as on the wire: `docs: undefined` is an absent key.
      const body = JSON.parse(JSON.stringify(json));
      expect(validateEnvelope(body)).toBe(valid);
      expect(validateValidation(body)).toBe(validValidation);
      // The kit's built-in checker agrees with ajv.
      expect(checkAgainstSchema(body, ERROR_ENVELOPE_SCHEMA).length === 0).toBe(
        valid,
      );
      expect(
        checkAgainstSchema(body, VALIDATION_ERROR_ENVELOPE_SCHEMA).length === 0,
      ).toBe(validValidation);
    },
  );

  it('is frozen, so no test can weaken it for the next', () => {
    expect(
      Object.isFrozen(ERROR_ENVELOPE_SCHEMA.properties.error.properties.code),
    ).toBe(true);
    expect(
      Object.isFrozen(
        VALIDATION_ERROR_ENVELOPE_SCHEMA.properties.error.required,
      ),
    ).toBe(true);
  });
});

describe('checkAgainstSchema', () => {
  it.each([
    [
      { request_id: 'id', error: { ...error, code: '' } },
      ['error.code: must not be empty'],
    ],
    [
      { request_id: 'id', error: { ...error, code: true } },
      ['error.code: expected string or number, received true'],
    ],
    [
      { request_id: 'id', error: { ...error, errors: { a: [] } } },
      ['error.errors.a: must not be empty'],
    ],
    [{ request_id: 'id' }, ['error: missing']],
    [[], ['body: expected object, received []']],
  ])('names the path of each problem: %j', (body, problems) => {
    expect(checkAgainstSchema(body, ERROR_ENVELOPE_SCHEMA)).toEqual(problems);
  });
});
