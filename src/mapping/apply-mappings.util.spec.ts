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
