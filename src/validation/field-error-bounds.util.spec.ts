import type { FieldError } from '../formats/field-error.interface';
import {
  boundFieldErrors,
  DEFAULT_FIELD_ERROR_LIMITS,
  resolveFieldErrorLimits,
  truncationCause,
} from './field-error-bounds.util';

const field = (
  path: Array<string | number>,
  ...messages: string[]
): FieldError => ({
  source: 'body',
  path,
  messages,
});

/** A source that counts how many fields were pulled from it. */
function counted(total: number) {
  const state = { pulled: 0 };
  function* source(): Generator<FieldError> {
    for (let i = 0; i < total; i++) {
      state.pulled++;
      yield field(['members', i, 'email'], 'must be an email');
    }
  }
  return { state, source: source() };
}

describe('boundFieldErrors', () => {
  it('keeps every field under the limits, merging fields that share a key', () => {
    const result = boundFieldErrors([
      field(['a'], 'x'),
      field(['b', 0], 'y'),
      field(['a'], 'z'),
      field(['empty']),
      { source: 'query', path: ['a'], messages: ['q'] },
    ]);
    expect(result).toEqual({
      truncated: false,
      fieldErrors: [
        field(['a'], 'x', 'z'),
        field(['b', 0], 'y'),
        { source: 'query', path: ['a'], messages: ['q'] },
      ],
    });
  });

  it('stops pulling from the source once maxFields is reached', () => {
    const { state, source } = counted(100_000);
    const result = boundFieldErrors(source);
    expect(result.fieldErrors).toHaveLength(100);
    expect(result.truncated).toBe(true);
    expect(state.pulled).toBe(101);
  });

  it('honours a smaller maxFields', () => {
    const { source } = counted(10);
    const result = boundFieldErrors(source, { maxFields: 3 });
    expect(result.fieldErrors.map((f) => f.path[1])).toEqual([0, 1, 2]);
    expect(result.truncated).toBe(true);
  });

  it('keeps the field list under maxResponseBytes', () => {
    const big = 'x'.repeat(20_000);
    const result = boundFieldErrors(
      Array.from({ length: 10 }, (_, i) => field([`f${i}`], big)),
    );
    expect(result.truncated).toBe(true);
    expect(result.fieldErrors).toHaveLength(3);
    expect(JSON.stringify(result.fieldErrors).length).toBeLessThan(64 * 1024);
  });

  it('counts bytes, not characters', () => {
    const result = boundFieldErrors([field(['a'], 'é'.repeat(600))], {
      maxResponseBytes: 2048 + 1000,
    });
    expect(result).toEqual({ fieldErrors: [], truncated: true });
  });

  it('keeps the same fields as counting every byte exactly, near the limit too', () => {
    // The reference: every key and message serialized and measured.
    const exact = (fields: FieldError[], maxResponseBytes: number) => {
      let left = maxResponseBytes - 2048;
      const kept = new Map<string, string[]>();
      for (const f of fields) {
        const key = f.path.join('.');
        const known = kept.get(key);
        const keyBytes = Buffer.byteLength(JSON.stringify(key));
        let bytes = known ? 0 : keyBytes + 4;
        for (const m of f.messages)
          bytes += Buffer.byteLength(JSON.stringify(m)) + keyBytes + 32;
        if (bytes > left) return { keys: [...kept.keys()], truncated: true };
        left -= bytes;
        if (known) known.push(...f.messages);
        else kept.set(key, [...f.messages]);
      }
      return { keys: [...kept.keys()], truncated: false };
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const alphabet = ['a', 'é', '€', '😀', '\u0001', '"', '\ud800'];
    const text = (length: number) =>
      Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    for (let run = 0; run < 200; run++) {
      const fields = Array.from({ length: 1 + random(40) }, () =>
        field(
          [`f${random(12)}`],
          ...Array.from({ length: 1 + random(3) }, () => text(random(120))),
        ),
      );
      const maxResponseBytes = 2048 + random(12_000);
      const result = boundFieldErrors(fields, { maxResponseBytes });
      expect({
        keys: result.fieldErrors.map((f) => f.path.join('.')),
        truncated: result.truncated,
      }).toEqual(exact(fields, maxResponseBytes));
    }
  });

  it("honours Nest's maxErrorMessagesLength (path counted with each message)", () => {
    const fields = [field(['ab'], '1234567'), field(['cd'], '1234567')];
    expect(boundFieldErrors(fields, { maxErrorMessagesLength: 10 })).toEqual({
      fieldErrors: [field(['ab'], '1234567')],
      truncated: true,
    });
    expect(
      boundFieldErrors(fields, { maxErrorMessagesLength: 20 }).truncated,
    ).toBe(false);
  });
});

describe('resolveFieldErrorLimits', () => {
  it('uses the defaults for missing or invalid values', () => {
    expect(
      resolveFieldErrorLimits({ maxFields: -1, maxResponseBytes: NaN }),
    ).toEqual(DEFAULT_FIELD_ERROR_LIMITS);
    expect(resolveFieldErrorLimits({ maxFields: 5 }).maxFields).toBe(5);
  });
});

describe('truncationCause', () => {
  it.each([
    [0, 'The invalid fields are too many or too large to be listed.'],
    [1, 'Only the first invalid field is listed.'],
    [100, 'Only the first 100 invalid fields are listed.'],
  ])('%p fields', (listed, cause) => {
    expect(truncationCause(listed)).toBe(cause);
  });
});
