import { AppErrors } from './sample-errors.spec-util';
import { defineErrors } from './define-errors';
import { InvalidErrorCatalogError } from './messages.constants';

describe('defineErrors', () => {
  it('returns frozen, named definitions', () => {
    expect(AppErrors.InvalidApiKey).toEqual({
      status: 401,
      code: 2000,
      message: 'The API key provided is invalid.',
      name: 'InvalidApiKey',
    });
    expect(Object.isFrozen(AppErrors)).toBe(true);
    expect(Object.isFrozen(AppErrors.ProjectNotFound)).toBe(true);
  });

  it.each([
    [
      'a duplicate inside the catalog',
      {
        A: { status: 400, code: 'x', message: 'A.' },
        B: { status: 409, code: 'x', message: 'B.' },
      },
      'Duplicate error code "x" in catalog: used by A and B. Codes must be unique; rename one of them.',
    ],
    [
      'a number and a string that read the same',
      {
        A: { status: 400, code: 7, message: 'A.' },
        B: { status: 409, code: '7', message: 'B.' },
      },
      'Duplicate error code "7" in catalog: used by A and B.',
    ],
    [
      'a built-in code',
      { Missing: { status: 404, code: 'not_found', message: 'Missing.' } },
      'Duplicate error code "not_found" in catalog: used by the built-in NotFound and Missing.',
    ],
    [
      'a 2xx status',
      { A: { status: 200, code: 'a', message: 'A.' } },
      'Error definition A has status 200.',
    ],
    [
      'a fractional status',
      { A: { status: 404.5, code: 'a', message: 'A.' } },
      'has status 404.5',
    ],
    [
      'an empty code',
      { A: { status: 400, code: ' ', message: 'A.' } },
      'Error definition A has no usable code.',
    ],
    [
      'a NaN code',
      { A: { status: 400, code: Number.NaN, message: 'A.' } },
      'has no usable code',
    ],
    [
      'an empty message',
      { A: { status: 400, code: 'a', message: '' } },
      'Error definition A has an empty message.',
    ],
    [
      'a non-object entry',
      { A: null as never },
      'Catalog entry A is not an error definition.',
    ],
  ])('rejects %s at definition time', (_label, definitions, message) => {
    expect(() => defineErrors(definitions as never)).toThrow(
      InvalidErrorCatalogError,
    );
    expect(() => defineErrors(definitions as never)).toThrow(message);
  });
});
