import { plainRetryAfter } from './retry-after.util';

const response = (headers: Record<string, unknown>) => ({
  getHeaders: () => headers,
});

describe('plainRetryAfter', () => {
  it.each([
    [{ 'retry-after-short': 5 }, '5'],
    [{ 'Retry-After-short': '5', 'retry-after-long': '60' }, '60'],
    [{ 'retry-after-x': '1.2' }, '2'],
    [{ 'retry-after': '10', 'retry-after-long': '60' }, undefined],
    [{}, undefined],
    [{ 'retry-after-x': 'soon' }, undefined],
  ])('%p gives %p', (headers, expected) => {
    expect(plainRetryAfter(response(headers))).toBe(expected);
  });

  it('reads nothing from a response without getHeaders', () => {
    expect(plainRetryAfter({})).toBeUndefined();
  });
});
