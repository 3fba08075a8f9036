import { randomRequestId } from './uuid.util';

const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('randomRequestId', () => {
  it('makes UUIDs v4 of the RFC 9562 variant, lower-case, across several batches of entropy', () => {
    const ids = Array.from({ length: 1000 }, randomRequestId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns strings that later calls do not change', () => {
    const first = randomRequestId();
    const copy = `${first}`;
    randomRequestId();
    expect(first).toBe(copy);
  });

  it('uses every hex digit in every random position', () => {
    const seen = Array.from({ length: 36 }, () => new Set<string>());
    for (let n = 0; n < 2000; n++)
      [...randomRequestId()].forEach((char, i) => seen[i].add(char));
    const fixed = new Map([
      [8, 1],
      [13, 1],
      [14, 1], // the version, 4
      [18, 1],
      [19, 4], // the variant: 8, 9, a, b
      [23, 1],
    ]);
    seen.forEach((chars, i) => expect(chars.size).toBe(fixed.get(i) ?? 16));
  });
});
