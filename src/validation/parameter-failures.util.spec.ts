import { requestIdStorage } from '../request-id/request-id.storage';
import {
  collectParameterFailures,
  isParameterFailure,
  parameterFailure,
} from './parameter-failures.util';
import { fromFieldErrorMap } from '../formats/field-error.util';

const inRequest = <T>(fn: () => T): T =>
  requestIdStorage.run({ requestId: 'req-1' }, fn);

describe('parameter failures', () => {
  it('merges every recorded parameter: body, then query, then params', () => {
    inRequest(() => {
      const params = parameterFailure(
        fromFieldErrorMap({ 'params.id': ['id must be a UUID'] }),
        {},
      );
      const body = parameterFailure(
        fromFieldErrorMap({ email: ['email must be an email'] }),
        {},
      );
      expect(isParameterFailure(params)).toBe(true);
      const merged = collectParameterFailures(params);
      expect(merged.errors).toEqual({
        email: ['email must be an email'],
        'params.id': ['id must be a UUID'],
      });
      expect(Object.keys(merged.errors)).toEqual(['email', 'params.id']);
      expect(merged.truncated).toBe(false);
      // Collected once: the context no longer holds them.
      expect(isParameterFailure(body)).toBe(false);
    });
  });

  it('builds failures without a stack trace, and restores the stack limit', () => {
    const limit = Error.stackTraceLimit;
    inRequest(() => {
      const params = parameterFailure(
        fromFieldErrorMap({ 'params.id': ['id must be a UUID'] }),
        {},
      );
      parameterFailure(fromFieldErrorMap({ email: ['email is bad'] }), {});
      const merged = collectParameterFailures(params);
      for (const exception of [params, merged])
        expect(exception.stack).toBe(
          'ValidationFailedException: The given data was invalid.',
        );
    });
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('after').stack).toContain('\n    at ');
  });

  it('restores the stack limit when reading the fields throws', () => {
    const limit = Error.stackTraceLimit;
    function* broken(): Generator<never> {
      throw new Error('walker bug');
    }
    expect(() => parameterFailure(broken(), {})).toThrow('walker bug');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('answers a lone failure as it is', () => {
    inRequest(() => {
      const only = parameterFailure(
        fromFieldErrorMap({ name: ['name is short'] }),
        {},
      );
      expect(collectParameterFailures(only)).toBe(only);
    });
  });

  it('stays truncated when a part left fields out, and lists every field it has', () => {
    inRequest(() => {
      const query = parameterFailure(
        fromFieldErrorMap({ 'query.page': ['page is low'] }),
        {},
      );
      const body = parameterFailure(
        fromFieldErrorMap({
          a: ['a is bad'],
          b: ['b is bad'],
          c: ['c is bad'],
        }),
        { maxFields: 2 },
      );
      expect(body.truncated).toBe(true);
      const merged = collectParameterFailures(query);
      expect(merged.errors).toEqual({
        a: ['a is bad'],
        b: ['b is bad'],
        'query.page': ['page is low'],
      });
      expect(merged.truncated).toBe(true);
    });
  });

  it('records nothing outside a request context', () => {
    const failure = parameterFailure(
      fromFieldErrorMap({ name: ['name is short'] }),
      {},
    );
    expect(isParameterFailure(failure)).toBe(false);
    expect(collectParameterFailures(failure)).toBe(failure);
  });
});
