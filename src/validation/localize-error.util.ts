import type { FieldError } from '../formats/field-error.interface';
import { fieldErrorKey } from '../formats/field-error.util';
import type { NormalizedError } from '../formats/normalized-error.interface';
import type {
  ErrorTranslator,
  TranslatableText,
  Translation,
} from './translate.interface';

/**
 * @internal Applies the `translate` hook to the error's message and to every
 * field message, for the request being answered. When anything was
 * translated, the response says in which language (`Content-Language`).
 */
export function localizeError(
  error: NormalizedError,
  request: unknown,
  translate: ErrorTranslator,
): NormalizedError {
  if (error.unexpected) return error;
  let language: string | undefined;
  const apply = (text: TranslatableText): string => {
    const translation = safely(translate, text, request);
    if (!translation) return text.text;
    language ??= translation.language;
    return translation.text;
  };
  const base = { status: error.status, code: error.code };
  const message = apply({ ...base, kind: 'message', text: error.message });
  const fieldErrors = error.fieldErrors?.map((field): FieldError => ({
    ...field,
    messages: field.messages.map((text) =>
      apply({ ...base, kind: 'field', text, field: fieldErrorKey(field) }),
    ),
  }));
  if (language === undefined) return error;
  return {
    ...error,
    message,
    ...(fieldErrors ? { fieldErrors } : {}),
    headers: { ...error.headers, 'Content-Language': language },
  };
}

function safely(
  translate: ErrorTranslator,
  text: TranslatableText,
  request: unknown,
): Translation | undefined {
  try {
    const result = translate(text, request);
    return typeof result?.text === 'string' &&
      result.text !== '' &&
      typeof result.language === 'string' &&
      /^[A-Za-z0-9-]{1,35}$/.test(result.language)
      ? result
      : undefined;
  } catch {
    return undefined;
  }
}
