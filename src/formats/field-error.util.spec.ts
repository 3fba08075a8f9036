import { fromFieldErrorMap, toFieldErrorMap } from './field-error.util';

describe('field-error.util', () => {
  it('keys body fields plainly and prefixes query and params', () => {
    expect(
      toFieldErrorMap([
        { source: 'body', path: ['items', 0, 'sku'], messages: ['a'] },
        { source: 'query', path: ['page'], messages: ['b'] },
        { source: 'params', path: ['id'], messages: ['c'] },
      ]),
    ).toStrictEqual({
      'items.0.sku': ['a'],
      'query.page': ['b'],
      'params.id': ['c'],
    });
  });

  it('merges fields that share a key', () => {
    expect(
      toFieldErrorMap([
        { source: 'body', path: ['a'], messages: ['x'] },
        { source: 'body', path: ['a'], messages: ['y'] },
      ]),
    ).toStrictEqual({ a: ['x', 'y'] });
  });

  it('reads a map back into sources and indexes', () => {
    expect(
      fromFieldErrorMap({ 'query.page': ['b'], 'items.0.sku': ['a'] }),
    ).toStrictEqual([
      { source: 'query', path: ['page'], messages: ['b'] },
      { source: 'body', path: ['items', 0, 'sku'], messages: ['a'] },
    ]);
  });

  it('keys a rule on a whole source by the source’s name', () => {
    const fields = [
      { source: 'body', path: [], messages: ['a'] },
      { source: 'query', path: [], messages: ['b'] },
      { source: 'params', path: [], messages: ['c'] },
    ] as const;
    expect(toFieldErrorMap(fields)).toStrictEqual({
      body: ['a'],
      query: ['b'],
      params: ['c'],
    });
    expect(fromFieldErrorMap({ query: ['b'], params: ['c'] })).toStrictEqual([
      { source: 'query', path: [], messages: ['b'] },
      { source: 'params', path: [], messages: ['c'] },
    ]);
  });
});
