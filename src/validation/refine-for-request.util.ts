import type { ResolvedErrorsOptions } from '../errors-module.options';
import type { NormalizedError } from '../formats/normalized-error.interface';
import { localizeError } from './localize-error.util';
import {
  hasI18nContext,
  I18N_FIELD_TRANSLATOR,
  nestjsI18nLanguage,
  TRANSLATED_BY_NESTJS_I18N,
  withoutI18nArguments,
} from './nestjs-i18n.translator';
import { nameFailedParameter } from './parse-pipe-failure.util';

/**
 * @internal What the request adds to a normalized error (part of stage 3):
 * the declared path parameter a `Parse*Pipe` failed on, then the `translate`
 * hook (by default, nestjs-i18n validation keys only) in the request's
 * language.
 */
export function refineForRequest(
  error: NormalizedError,
  request: unknown,
  options: Pick<ResolvedErrorsOptions, 'translate'>,
): NormalizedError {
  const named = nameFailedParameter(error, request, options);
  // The default translator only translates nestjs-i18n keys: without its
  // context on the request it would return nothing for every message.
  const translator =
    options.translate ??
    (named.fieldErrors && hasI18nContext(request)
      ? I18N_FIELD_TRANSLATOR
      : undefined);
  const localized = translator
    ? localizeError(named, request, translator)
    : named;
  return withoutArguments(withTranslatedLanguage(localized, request));
}

/** Untranslated nestjs-i18n keys keep their key, not the submitted value. */
function withoutArguments(error: NormalizedError): NormalizedError {
  if (!error.fieldErrors?.some((f) => f.messages.some((m) => m.includes('|{'))))
    return error;
  return {
    ...error,
    fieldErrors: error.fieldErrors.map((field) => ({
      ...field,
      messages: field.messages.map(withoutI18nArguments),
    })),
  };
}

/** A field list nestjs-i18n translated is in the request's language: say so. */
function withTranslatedLanguage(
  error: NormalizedError,
  request: unknown,
): NormalizedError {
  if (
    !error.fieldErrors ||
    !TRANSLATED_BY_NESTJS_I18N.has(error.fieldErrors) ||
    error.headers?.['Content-Language'] !== undefined
  )
    return error;
  const language = nestjsI18nLanguage(request);
  return language
    ? {
        ...error,
        headers: { ...error.headers, 'Content-Language': language },
      }
    : error;
}
