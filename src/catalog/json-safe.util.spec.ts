import {
  MAX_DETAILS_DEPTH,
  MAX_DETAILS_KEYS,
  toJsonSafeDetails,
} from './json-safe.util';

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

  it('drops objects that cannot be read at all, keeping the rest', () => {
    const trapped = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const { value, dropped } = toJsonSafeDetails({
      trapped,
      revoked: revocable.proxy,
      list: [trapped],
      used: 1,
    });
    expect(value).toStrictEqual({ list: [null], used: 1 });
    expect(dropped).toStrictEqual([
      'details.trapped (unreadable)',
      'details.revoked (unreadable)',
      'details.list.0 (unreadable)',
    ]);
    expect(toJsonSafeDetails(trapped)).toStrictEqual({
      value: undefined,
      dropped: ['details (unreadable)'],
    });
  });

  it('keeps the first keys of an object that has too many', () => {
    const wide = Object.fromEntries(
      Array.from({ length: MAX_DETAILS_KEYS + 5 }, (_, i) => [`k${i}`, i]),
    );
    const { value, dropped } = toJsonSafeDetails({ wide });
    const kept = (value as { wide: Record<string, number> }).wide;
    expect(Object.keys(kept)).toHaveLength(MAX_DETAILS_KEYS);
    expect(kept[`k${MAX_DETAILS_KEYS - 1}`]).toBe(MAX_DETAILS_KEYS - 1);
    expect(dropped).toStrictEqual([
      `details.wide: 5 keys (over ${MAX_DETAILS_KEYS} keys)`,
    ]);
  });

  it('names a null details as null', () => {
    expect(toJsonSafeDetails(null).dropped).toStrictEqual(['details (null)']);
  });
});
