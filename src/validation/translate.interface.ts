import type { ErrorCode } from '../catalog/error-definition.interface';

/**
 * One text of an error response, offered to the `translate` hook.
 * @publicApi
 */
export interface TranslatableText {
  /**
   * `'message'`: the error's message (a catalog or built-in message);
   * `'field'`: one message of a failing field of a 422.
   */
  kind: 'message' | 'field';
  status: number;
  /** The error's code: a stable key for catalogs (`errors.project_not_found`). */
  code: ErrorCode;
  /**
   * The text as it would be sent. For nestjs-i18n validation messages, the
   * translation key with its arguments (`validation.IS_EMAIL|{"value":…}`).
   */
  text: string;
  /** For `'field'`: the field's key in `error.errors` (`owner.email`). */
  field?: string;
}

/**
 * A translated text and the language it is in (sent as `Content-Language`).
 * @publicApi
 */
export interface Translation {
  text: string;
  language: string;
}

/**
 * Localises the texts of an error response for the request being answered:
 * return a `Translation`, or `undefined` to keep the text as it is. Called on
 * the error path only, once per text; it must not throw (a throw keeps the
 * text). `nestjsI18nTranslator()` is one for nestjs-i18n.
 * @publicApi
 */
export type ErrorTranslator = (
  text: TranslatableText,
  request: unknown,
) => Translation | undefined;
