import { resolveErrorsOptions } from '../errors-module.options';
import { assignRequestId, isWellFormedRequestId } from './request-id.util';

describe('isWellFormedRequestId', () => {
  it.each([
    ['e2cef6f6-296d-4044-b362-73fb2bce4a72', true],
    ['a', true],
    ['x'.repeat(128), true],
    ['!#$%&*+-.^_`|~', true],
    ['', false],
    ['x'.repeat(129), false],
    ['has space', false],
    ['tab\there', false],
    ['new\nline', false],
    ['nul\u0000', false],
    ['del\u007f', false],
    ['café', false],
    [undefined, false],
    [['a', 'b'], false],
    [42, false],
  ])('%p -> %p', (value, expected) => {
    expect(isWellFormedRequestId(value)).toBe(expected);
  });
});

describe('assignRequestId', () => {
  const options = resolveErrorsOptions({
    generateRequestId: () => 'generated',
  });

  it('reuses a trusted, well-formed header and remembers it', () => {
    const raw = { headers: { 'x-request-id': 'incoming' } };
    expect(assignRequestId(raw, options)).toBe('incoming');
    raw.headers['x-request-id'] = 'changed';
    expect(assignRequestId(raw, options)).toBe('incoming');
  });

  it('generates an id for a malformed or repeated header', () => {
    expect(
      assignRequestId({ headers: { 'x-request-id': 'bad id' } }, options),
    ).toBe('generated');
    expect(
      assignRequestId({ headers: { 'x-request-id': ['a', 'b'] } }, options),
    ).toBe('generated');
  });

  it('generates an id when incoming ids are not trusted', () => {
    const untrusted = resolveErrorsOptions({
      trustRequestId: false,
      generateRequestId: () => 'fresh',
    });
    expect(
      assignRequestId({ headers: { 'x-request-id': 'incoming' } }, untrusted),
    ).toBe('fresh');
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('no entropy');
      },
    ],
    ['returns an id with whitespace', () => 'not an id'],
    ['returns a non-string', () => 42 as unknown as string],
  ])(
    'falls back to a UUID when a custom generator %s',
    (_label, generateRequestId) => {
      const guarded = resolveErrorsOptions({ generateRequestId });
      expect(assignRequestId({ headers: {} }, guarded)).toMatch(
        /^[0-9a-f-]{36}$/,
      );
    },
  );
});
