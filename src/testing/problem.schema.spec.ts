import { Ajv2020 } from 'ajv/dist/2020';

import { NEST_ERROR_SCHEMA, PROBLEM_DETAILS_SCHEMA } from './problem.schema';
import { checkAgainstSchema } from './schema-check.util';

const ajv = new Ajv2020({ strict: true, allErrors: true });

const PROBLEM = {
  type: '/docs/errors/422/validation_failed',
  title: 'The given data was invalid.',
  status: 422,
  instance: '/projects',
  code: 'validation_failed',
  request_id: 'r',
  errors: [
    { detail: 'a', pointer: '#/a' },
    { detail: 'b', parameter: 'page' },
  ],
};

const NEST = {
  statusCode: 404,
  error: 'Not Found',
  message: 'Nope.',
  timestamp: '2026-01-01T00:00:00.000Z',
  path: '/x',
  code: 404,
  request_id: 'r',
};

describe.each([
  ['PROBLEM_DETAILS_SCHEMA', PROBLEM_DETAILS_SCHEMA, PROBLEM],
  ['NEST_ERROR_SCHEMA', NEST_ERROR_SCHEMA, NEST],
] as const)('%s', (_, schema, valid) => {
  const validate = ajv.compile(schema);

  it.each<[string, object]>([
    ['a real body', valid],
    ['an unknown member', { ...valid, stack: 'x' }],
    ['a missing request_id', { ...valid, request_id: undefined }],
    ['an empty string', { ...valid, request_id: '' }],
    ['details that are not an object', { ...valid, details: [1] }],
    ['details', { ...valid, details: { quota: 1 } }],
  ])('ajv and the kit agree on %s', (_, body) => {
    const json = JSON.parse(JSON.stringify(body)) as unknown;
    expect(checkAgainstSchema(json, schema).length === 0).toBe(validate(json));
  });

  it('accepts the real body', () => {
    expect(validate(valid)).toBe(true);
  });
});

it.each<[string, object]>([
  ['an entry with neither pointer nor parameter', { detail: 'x' }],
  ['an entry with both', { detail: 'x', pointer: '#/a', parameter: 'a' }],
  ['an empty detail', { detail: '', pointer: '#/a' }],
])('problem errors: ajv and the kit reject %s', (_, entry) => {
  const body = { ...PROBLEM, errors: [entry] };
  expect(ajv.validate(PROBLEM_DETAILS_SCHEMA, body)).toBe(false);
  expect(checkAgainstSchema(body, PROBLEM_DETAILS_SCHEMA)).not.toEqual([]);
});
