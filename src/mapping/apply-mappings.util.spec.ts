import { ApiException } from '../catalog/api.exception';
import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { applyMappings, findMapping } from './apply-mappings.util';
import type { ExceptionMapping } from './exception-mapping.interface';

class DomainError extends Error {}
class MissingError extends DomainError {}
class ArchivedError extends MissingError {}

const def = (code: string, status = 404): ErrorDefinition => ({
  status,
  code,
  message: `${code}.`,
});
const map = (
  exception: ExceptionMapping['exception'],
  code: string,
  extra: Partial<ExceptionMapping> = {},
): ExceptionMapping => ({
  exception,
  error: def(code),
  ...extra,
});

describe('findMapping', () => {
  it.each([
    [
      'the nearest scope wins',
      [[map(DomainError, 'near')], [map(MissingError, 'far')]],
      new MissingError(),
      'near',
    ],
    [
      'the most specific class wins in a scope',
      [[map(DomainError, 'base'), map(MissingError, 'sub')]],
      new ArchivedError(),
      'sub',
    ],
    [
      'the first declared wins a tie',
      [[map(MissingError, 'first'), map(MissingError, 'second')]],
      new MissingError(),
      'first',
    ],
    [
      'an outer scope applies when inner ones do not match',
      [[map(ArchivedError, 'x')], [map(DomainError, 'outer')]],
      new MissingError(),
      'outer',
    ],
  ])('%s', (_name, scopes, error, code) => {
    expect(findMapping(error, scopes)?.error.code).toBe(code);
  });

  describe('when', () => {
    class DatabaseError extends Error {
      constructor(readonly code: string) {
        super(`database error ${code}`);
      }
    }
    class UniqueViolation extends DatabaseError {}
    const byCode = (code: string) => (e: DatabaseError) => e.code === code;

    it.each([
      [
        'picks the mapping whose test holds',
        [
          [
            map(DatabaseError, 'taken', { when: byCode('P2002') } as never),
            map(DatabaseError, 'missing', { when: byCode('P2025') } as never),
          ],
        ],
        new DatabaseError('P2025'),
        'missing',
      ],
      [
        'puts a matched test before a plain mapping of the same class, whatever the order',
        [
          [
            map(DatabaseError, 'any'),
            map(DatabaseError, 'taken', { when: byCode('P2002') } as never),
          ],
        ],
        new DatabaseError('P2002'),
        'taken',
      ],
      [
        'falls back to the plain mapping when no test holds',
        [
          [
            map(DatabaseError, 'taken', { when: byCode('P2002') } as never),
            map(DatabaseError, 'any'),
          ],
        ],
        new DatabaseError('P1001'),
        'any',
      ],
      [
        'keeps the most specific class before a test on its base',
        [
          [
            map(DatabaseError, 'taken', { when: byCode('P2002') } as never),
            map(UniqueViolation, 'unique'),
          ],
        ],
        new UniqueViolation('P2002'),
        'unique',
      ],
      [
        'goes on to an outer scope when no test of the inner one holds',
        [
          [map(DatabaseError, 'taken', { when: byCode('P2002') } as never)],
          [map(DatabaseError, 'outer')],
        ],
        new DatabaseError('P2025'),
        'outer',
      ],
      [
        'treats a test that throws as not matching',
        [
          [
            map(DatabaseError, 'broken', {
              when: () => {
                throw new Error('bug in the test');
              },
            } as never),
            map(DatabaseError, 'any'),
          ],
        ],
        new DatabaseError('P2002'),
        'any',
      ],
    ])('%s', (_name, scopes, error, code) => {
      expect(findMapping(error, scopes)?.error.code).toBe(code);
    });

    it('matches nothing when no test holds and no plain mapping exists', () => {
      const scopes = [
        [map(DatabaseError, 'taken', { when: byCode('P2002') } as never)],
      ];
      expect(findMapping(new DatabaseError('P1001'), scopes)).toBeUndefined();
    });

    it('asks no test of a class the error is not an instance of', () => {
      const when = jest.fn(() => true);
      findMapping(new Error('other'), [
        [map(DatabaseError, 'taken', { when } as never)],
      ]);
      expect(when).not.toHaveBeenCalled();
    });
  });

  it.each([
    null,
    undefined,
    'string',
    42,
    { message: 'plain' },
    new Error('other'),
  ])('matches nothing for %p', (value) => {
    expect(findMapping(value, [[map(DomainError, 'x')]])).toBeUndefined();
  });

  it('survives a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(findMapping(proxy, [[map(DomainError, 'x')]])).toBeUndefined();
  });
});

describe('applyMappings', () => {
  it('builds an ApiException without cause by default', () => {
    const mapped = applyMappings(new MissingError('secret detail'), [
      [map(DomainError, 'gone')],
    ]) as ApiException;
    expect(mapped).toBeInstanceOf(ApiException);
    expect(mapped.getStatus()).toBe(404);
    expect(mapped.cause).toBeUndefined();
  });

  it.each([
    [true, 'Project 7 is gone.'],
    [(e: Error) => `why: ${e.message}`, 'why: Project 7 is gone.'],
    [() => undefined, undefined],
    [() => '  ', undefined],
  ])('cause option %p gives %p', (cause, expected) => {
    const mapped = applyMappings(new MissingError('Project 7 is gone.'), [
      [map(DomainError, 'gone', { cause } as never)],
    ]) as ApiException;
    expect(mapped.cause).toBe(expected);
  });

  it('passes unmapped values through unchanged', () => {
    const error = new Error('x');
    expect(applyMappings(error, [[map(DomainError, 'gone')]])).toBe(error);
  });
});
