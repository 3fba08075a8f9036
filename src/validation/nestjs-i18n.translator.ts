import { toRawRequest } from '../platform/raw-request.util';
import type { ErrorTranslator, TranslatableText } from './translate.interface';

/** What nestjs-i18n puts on each request (`I18nContext`), by shape. */
interface I18nContextLike {
  lang: string;
  translate(key: string, options?: { args?: unknown }): unknown;
}

/**
 * Options of `nestjsI18nTranslator`.
 * @publicApi
 */
export interface NestjsI18nTranslatorOptions {
  /**
   * Where error messages live in the translation files: the message of an
   * error with code `project_not_found` is `${namespace}.project_not_found`.
   * Missing keys keep the catalog's message.
   * @default 'errors'
   */
  namespace?: string;
}

/**
 * A `translate` hook for nestjs-i18n: catalog and built-in messages are looked
 * up as `errors.<code>` in the request's language (the one nestjs-i18n
 * resolved from `Accept-Language`, `?lang=`, …), and validation messages that
 * are nestjs-i18n keys (`i18nValidationMessage('validation.IS_EMAIL')`) are
 * translated with their arguments. nestjs-i18n is not imported: its
 * `I18nContext` is read from the request.
 *
 * Without a `translate` option the module still translates the keys of an
 * `I18nValidationException`; this hook adds the catalog's messages.
 *
 * @example
 * ErrorsModule.forRoot({ catalog: AppErrors, translate: nestjsI18nTranslator() })
 * @publicApi
 */
export function nestjsI18nTranslator(
  options: NestjsI18nTranslatorOptions = {},
): ErrorTranslator {
  const namespace = options.namespace ?? 'errors';
  return (text, request) => {
    const i18n = i18nContextOf(request);
    if (!i18n) return undefined;
    if (text.kind === 'field') return translateKey(i18n, text);
    return lookUp(i18n, `${namespace}.${text.code}`);
  };
}

/** @internal The default: nestjs-i18n keys of validation messages only. */
export const I18N_FIELD_TRANSLATOR: ErrorTranslator = (text, request) => {
  if (text.kind !== 'field') return undefined;
  const i18n = i18nContextOf(request);
  return i18n ? translateKey(i18n, text) : undefined;
};

/**
 * @internal A nestjs-i18n key left untranslated (no nestjs-i18n context on
 * the request) is sent without its arguments, which hold the submitted value.
 */
export function withoutI18nArguments(message: string): string {
  const separator = message.indexOf('|{');
  return separator > 0 &&
    /^[\w-]+(\.[\w-]+)+$/.test(message.slice(0, separator))
    ? message.slice(0, separator)
    : message;
}

/**
 * @internal Field lists nestjs-i18n already translated (its pipe does when
 * its async context is active): they are in the request's language, which
 * only the request can tell.
 */
export const TRANSLATED_BY_NESTJS_I18N = new WeakSet<object>();

/** @internal The language nestjs-i18n resolved for the request, if any. */
export function nestjsI18nLanguage(request: unknown): string | undefined {
  return i18nContextOf(request)?.lang;
}

/** @internal True when nestjs-i18n put its context on the request: only then can a field key be translated. */
export function hasI18nContext(request: unknown): boolean {
  return i18nContextOf(request) !== undefined;
}

/** nestjs-i18n's middleware and interceptor set `i18nContext` on the request. */
function i18nContextOf(request: unknown): I18nContextLike | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const context =
    (request as { i18nContext?: unknown }).i18nContext ??
    (toRawRequest(request) as { i18nContext?: unknown }).i18nContext;
  const candidate = context as Partial<I18nContextLike> | undefined;
  return typeof candidate?.translate === 'function' &&
    typeof candidate.lang === 'string'
    ? (candidate as I18nContextLike)
    : undefined;
}

/**
 * nestjs-i18n's message format: `key|{"constraints":[…],…}` (the arguments
 * are optional). Text that is not a key in the catalog stays as it is.
 */
function translateKey(i18n: I18nContextLike, field: TranslatableText) {
  const raw = field.text;
  const separator = raw.indexOf('|');
  const key = separator === -1 ? raw : raw.slice(0, separator);
  if (!/^[\w-]+(\.[\w-]+)+$/.test(key)) return undefined;
  let args: Record<string, unknown> = {};
  if (separator !== -1) {
    try {
      args = JSON.parse(raw.slice(separator + 1)) as Record<string, unknown>;
    } catch {
      args = {};
    }
  }
  const constraints = Array.isArray(args.constraints)
    ? Object.fromEntries(args.constraints.map((c, i) => [String(i), c]))
    : args.constraints;
  // nestjs-i18n's own `{property}`: the field's last name.
  const property = field.field?.split('.').pop();
  return lookUp(i18n, key, { property, ...args, constraints });
}

function lookUp(i18n: I18nContextLike, key: string, args?: object) {
  const text = i18n.translate(key, args ? { args } : undefined);
  return typeof text === 'string' && text !== key && text !== ''
    ? { text, language: i18n.lang }
    : undefined;
}
