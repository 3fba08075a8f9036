import { mergeVary } from './response-headers.util';

describe('mergeVary', () => {
  it.each<[unknown, string, string]>([
    [undefined, 'Accept', 'Accept'],
    ['', 'Accept', 'Accept'],
    ['Origin', 'Accept', 'Origin, Accept'],
    [
      ['Origin', 'Accept-Encoding'],
      'Accept',
      'Origin, Accept-Encoding, Accept',
    ],
    ['accept', 'Accept', 'accept'],
    ['Origin, Accept', 'Accept', 'Origin, Accept'],
    ['*', 'Accept', '*'],
  ])('%p + %p → %p', (existing, added, expected) => {
    expect(mergeVary(existing, added)).toBe(expected);
  });
});
