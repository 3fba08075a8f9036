import { InvalidErrorsOptionsError } from '../catalog/messages.constants';
import { resolveErrorsOptions } from '../errors-module.options';
import {
  BUILT_IN_FORMATS,
  formatName,
  resolveFormat,
} from './built-in.formats';
import type { ErrorFormat } from './error-format.interface';

describe('resolveFormat', () => {
  it.each(['envelope', 'problem', 'nest'] as const)('resolves %s', (name) => {
    expect(resolveFormat(name)).toBe(BUILT_IN_FORMATS[name]);
    expect(formatName(resolveFormat(name))).toBe(name);
  });

  it('defaults to the envelope and keeps negotiation off', () => {
    const options = resolveErrorsOptions();
    expect(options.format).toBe(BUILT_IN_FORMATS.envelope);
    expect(options.negotiate).toBe(false);
  });

  it('accepts a custom format', () => {
    const custom: ErrorFormat = {
      contentType: 'application/json',
      render: (error) => ({ message: error.message }),
    };
    expect(resolveErrorsOptions({ format: custom }).format).toBe(custom);
    expect(formatName(custom)).toBe('custom');
  });

  it.each<[unknown, RegExp]>([
    ['xml', /format "xml" is not a wire format/],
    ['toString', /format "toString" is not a wire format/],
    [null, /format null is not a wire format/],
    [{ render: () => ({}) }, /has no contentType/],
    [{ contentType: ' ', render: () => ({}) }, /has no contentType/],
    [{ contentType: 'a\r\nb', render: () => ({}) }, /line break/],
    [{ contentType: 'application/json' }, /has no render function/],
  ])('rejects %p at startup', (format, message) => {
    expect(() => resolveErrorsOptions({ format: format as never })).toThrow(
      InvalidErrorsOptionsError,
    );
    expect(() => resolveErrorsOptions({ format: format as never })).toThrow(
      message,
    );
  });
});
