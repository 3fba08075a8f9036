import { prefersProblem } from './negotiate.util';

const JSON_TYPE = 'application/json; charset=utf-8';

describe('prefersProblem', () => {
  it.each<[string | undefined, boolean]>([
    ['application/problem+json', true],
    ['APPLICATION/Problem+JSON', true],
    ['application/problem+json; charset=utf-8', true],
    ['application/problem+json, application/json', true],
    ['application/json, application/problem+json', true],
    ['application/json;q=0.5, application/problem+json', true],
    ['application/problem+json;q=0.9, */*;q=0.1', true],
    ['application/problem+json;q=0.5, application/json', false],
    ['application/problem+json;q=0', false],
    ['application/problem+json;q=0.000', false],
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/*', false],
    ['application/json', false],
    ['text/html', false],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false],
    ['application/xml', false],
    ['garbage', false],
    [';;;,,,===', false],
    ['application/problem+json/extra', false],
    ['problem+json', false],
    ['application/problem+json;q=abc', true],
    ['x'.repeat(10_000) + ', application/problem+json', false],
  ])('%p → %p', (accept, expected) => {
    expect(prefersProblem(accept, JSON_TYPE)).toBe(expected);
  });

  it('weighs against the configured media type', () => {
    const vendor = 'application/vnd.api+json';
    expect(
      prefersProblem(
        'application/vnd.api+json, application/problem+json;q=0.8',
        vendor,
      ),
    ).toBe(false);
    expect(
      prefersProblem(
        'application/json, application/problem+json;q=0.8',
        vendor,
      ),
    ).toBe(true);
  });
});
