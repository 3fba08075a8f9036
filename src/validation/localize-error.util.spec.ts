import type { NormalizedError } from '../formats/normalized-error.interface';
import { localizeError } from './localize-error.util';
import type { ErrorTranslator } from './translate.interface';

const error: NormalizedError = {
  status: 422,
  code: 'validation_failed',
  message: 'Invalid.',
  fieldErrors: [{ source: 'query', path: ['page'], messages: ['too small'] }],
  unexpected: false,
};

describe('localizeError', () => {
  it('translates the message and field messages and sets Content-Language', () => {
    const seen: unknown[] = [];
    const translate: ErrorTranslator = (text) => {
      seen.push(text);
      return { text: `fr:${text.text}`, language: 'fr' };
    };
    expect(localizeError(error, {}, translate)).toEqual({
      ...error,
      message: 'fr:Invalid.',
      fieldErrors: [
        { source: 'query', path: ['page'], messages: ['fr:too small'] },
      ],
      headers: { 'Content-Language': 'fr' },
    });
    expect(seen).toEqual([
      {
        kind: 'message',
        status: 422,
        code: 'validation_failed',
        text: 'Invalid.',
      },
      {
        kind: 'field',
        status: 422,
        code: 'validation_failed',
        text: 'too small',
        field: 'query.page',
      },
    ]);
  });

  it.each<[string, ErrorTranslator]>([
    ['nothing is translated', () => undefined],
    [
      'the hook throws',
      () => {
        throw new Error('boom');
      },
    ],
    [
      'the language is not a language tag',
      () => ({ text: 'x', language: 'fr\r\nX: y' }),
    ],
    ['the text is empty', () => ({ text: '', language: 'fr' })],
  ])('keeps the error as it is when %s', (_label, translate) => {
    expect(localizeError(error, {}, translate)).toBe(error);
  });

  it('never translates an unexpected error', () => {
    const unexpected = { ...error, unexpected: true };
    expect(
      localizeError(unexpected, {}, () => ({ text: 'x', language: 'fr' })),
    ).toBe(unexpected);
  });
});
