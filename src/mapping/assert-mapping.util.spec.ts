import 'reflect-metadata';

import { InvalidErrorMappingError } from '../catalog/messages.constants';
import { ForbiddenAsNotFound } from '../decorators/forbidden-as-not-found.decorator';
import { MapException } from '../decorators/map-exception.decorator';
import { resolveErrorsOptions } from '../errors-module.options';

class DomainError extends Error {}
const NotFound = {
  status: 404,
  code: 'project_not_found',
  message: 'The project does not exist.',
};

describe('mapping validation', () => {
  it.each([
    [
      'no class',
      { exception: undefined, error: NotFound },
      /needs the exception class/,
    ],
    [
      'an instance instead of a class',
      { exception: new DomainError(), error: NotFound },
      /needs the exception class/,
    ],
    [
      'no catalog entry',
      { exception: DomainError, error: undefined },
      /needs a catalog entry/,
    ],
    [
      'a details option that is not a function',
      { exception: DomainError, error: NotFound, details: { id: 1 } },
      /has a details option that is not a function/,
    ],
    [
      'a when option that is not a function',
      { exception: DomainError, error: NotFound, when: 'P2002' },
      /has a when option that is not a function/,
    ],
  ])(
    'rejects app-wide mappings with %s at startup',
    (_name, mapping, message) => {
      const resolve = () =>
        resolveErrorsOptions({ mappings: [mapping as never] });
      expect(resolve).toThrow(InvalidErrorMappingError);
      expect(resolve).toThrow(message);
    },
  );

  it('rejects an invalid catalog entry', () => {
    expect(() =>
      resolveErrorsOptions({
        mappings: [
          {
            exception: DomainError,
            error: { status: 200, code: 'x', message: 'y' },
          },
        ],
      }),
    ).toThrow(/status 200/);
  });

  it('keeps valid mappings, frozen', () => {
    const { mappings } = resolveErrorsOptions({
      mappings: [{ exception: DomainError, error: NotFound }],
    });
    expect(mappings).toEqual([{ exception: DomainError, error: NotFound }]);
    expect(Object.isFrozen(mappings)).toBe(true);
  });

  it('rejects misuse of the decorators when they are evaluated', () => {
    expect(() => MapException(undefined as never, NotFound)).toThrow(
      InvalidErrorMappingError,
    );
    expect(() =>
      MapException(DomainError, NotFound, { when: true as never }),
    ).toThrow(/@MapException\(\) for DomainError has a when option/);
    expect(() =>
      ForbiddenAsNotFound({
        error: { status: 410, code: 'gone', message: 'Gone.' },
      }),
    ).toThrow(/status 410/);
  });
});
