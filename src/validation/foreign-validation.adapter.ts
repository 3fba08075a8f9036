import type { ValidationError } from '@nestjs/common';

import type { ErrorsValidationOptions } from '../errors-module-options.interface';
import type { FieldError } from '../formats/field-error.interface';
import { readProperty } from '../filter/safe-read.util';
import { TRANSLATED_BY_NESTJS_I18N } from './nestjs-i18n.translator';
import { issueFieldErrors } from './standard-schema.util';
import type { StandardSchemaIssue } from './standard-schema.util';
import { classValidatorFieldErrors } from './validation-errors.util';
import { ValidationFailedException } from './validation-failed.exception';

/**
 * @internal A validation failure of another library (`foreignFieldErrors`)
 * as the module's own bounded `ValidationFailedException`, with the limits of
 * the `validation` option; `undefined` for anything else.
 */
export function validationFailureOf(
  exception: unknown,
  validation: ErrorsValidationOptions | false,
): ValidationFailedException | undefined {
  const { maxFields, maxResponseBytes, maxErrorMessagesLength } =
    validation || {};
  try {
    const fields = foreignFieldErrors(exception);
    if (!fields) return undefined;
    const failure = new ValidationFailedException(fields, {
      maxFields,
      maxResponseBytes,
      maxErrorMessagesLength,
    });
    if (readProperty(exception, 'errorsAlreadyTranslated') === true)
      TRANSLATED_BY_NESTJS_I18N.add(failure.fieldErrors);
    return failure;
  } catch {
    // A hostile or broken object (a revoked proxy, a throwing getter) is
    // not a validation failure; the normalizer treats it as unknown.
    return undefined;
  }
}

/**
 * @internal The field errors of a validation failure raised by another
 * library, recognised by shape (none of them is imported, so an app without
 * them loads nothing of them):
 * - nestjs-zod's `ZodValidationException` (`createZodDto`, `ZodValidationPipe`):
 *   a 400 whose `getZodError()` holds Zod issues;
 * - nestjs-i18n's `I18nValidationException` (`I18nValidationPipe`): class-validator
 *   errors whose messages are translation keys (`validation.IS_EMAIL|{…}`) or,
 *   when nestjs-i18n translated them already, text. Keys are translated for
 *   the request's language later, by `localizeError`.
 *
 * `undefined` for anything else. The result is lazy: the 422's bounds stop
 * reading it.
 */
export function foreignFieldErrors(
  exception: unknown,
): Iterable<FieldError> | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const zodIssues = zodValidationIssues(exception);
  if (zodIssues) return issueFieldErrors(zodIssues);
  const i18nErrors = i18nValidationErrors(exception);
  if (i18nErrors)
    return classValidatorFieldErrors(i18nErrors, { prefixMessages: false });
  return undefined;
}

function zodValidationIssues(
  exception: object,
): readonly StandardSchemaIssue[] | undefined {
  const candidate = exception as {
    getZodError?: unknown;
    getStatus?: unknown;
  };
  if (
    typeof candidate.getZodError !== 'function' ||
    typeof candidate.getStatus !== 'function' ||
    candidate.getStatus() !== 400
  )
    return undefined;
  const issues = (candidate.getZodError() as { issues?: unknown } | undefined)
    ?.issues;
  return Array.isArray(issues) ? issues : undefined;
}

function i18nValidationErrors(
  exception: object,
): ValidationError[] | undefined {
  const candidate = exception as {
    errors?: unknown;
    errorsAlreadyTranslated?: unknown;
    getStatus?: unknown;
    constructor?: { name?: unknown };
  };
  if (
    candidate.constructor?.name !== 'I18nValidationException' ||
    typeof candidate.getStatus !== 'function' ||
    !Array.isArray(candidate.errors)
  )
    return undefined;
  return candidate.errors as ValidationError[];
}
