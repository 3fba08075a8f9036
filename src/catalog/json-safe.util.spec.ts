import { MAX_DETAILS_DEPTH, toJsonSafeDetails } from './json-safe.util';

class Money {
  amount = 1;
}

describe('toJsonSafeDetails', () => {
  it('keeps JSON values as they are', () => {
    const details = {
      s: 'x',
      n: 1.5,
      b: false,
      z: null,
      a: [1, 'two', { three: 3 }],
      o: Object.assign(Object.create(null), { k: 'v' }),
    };
    expect(toJsonSafeDetails(details)).toStrictEqual({
      value: { ...details, o: { k: 'v' } },
      dropped: [],
    });
  });

  it('drops what JSON cannot carry, naming each path', () => {
    const cycle: Record<string, unknown> = { name: 'c' };
    cycle.self = cycle;
    const { value, dropped } = toJsonSafeDetails({
      f: () => 1,
      big: BigInt(1),
      sym: Symbol('s'),
      nan: NaN,
      inf: -Infinity,
      date: new Date(0),
      map: new Map(),
      money: new Money(),
      list: [1, () => 2, 3],
      cycle,
      gone: undefined,
      ok: 1,
    });
    expect(value).toStrictEqual({
      list: [1, null, 3],
      cycle: { name: 'c' },
      ok: 1,
    });
    expect(dropped).toStrictEqual([
      'details.f (function)',
      'details.big (bigint)',
      'details.sym (symbol)',
      'details.nan (NaN)',
      'details.inf (-Infinity)',
      'details.date (Date)',
      'details.map (Map)',
      'details.money (Money)',
      'details.list.1 (function)',
      'details.cycle.self (repeated reference)',
    ]);
  });

  it('drops a details value that is not a plain object', () => {
    expect(toJsonSafeDetails(['a'])).toStrictEqual({
      value: undefined,
      dropped: ['details (Array)'],
    });
    expect(toJsonSafeDetails(undefined)).toStrictEqual({
      value: undefined,
      dropped: [],
    });
  });

  it('keeps __proto__ an ordinary key', () => {
    const { value } = toJsonSafeDetails(JSON.parse('{"__proto__":{"x":1}}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"x":1}}');
  });

  it('drops getters that throw and values nested too deep', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < MAX_DETAILS_DEPTH + 2; i++) deep = { deep };
    const throwing = Object.defineProperty({}, 'bad', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const { dropped } = toJsonSafeDetails({ throwing, deep });
    expect(dropped[0]).toBe('details.throwing.bad (getter threw)');
    expect(dropped[1]).toMatch(/nested deeper than 16\)$/);
  });
});
