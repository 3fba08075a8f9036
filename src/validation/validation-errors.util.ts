import type { ValidationError } from '@nestjs/common';

import type { FieldErrors } from '../formats/error-envelope.interface';
import type {
  FieldError,
  FieldErrorSource,
} from '../formats/field-error.interface';
import { toFieldErrorMap } from '../formats/field-error.util';
import { exposedName, failingItemIndexes } from './class-metadata.util';
import { boundFieldErrors } from './field-error-bounds.util';
import type { FieldErrorLimits } from './field-error-bounds.util';

/**
 * What a message rewrite hook receives for each failed constraint.
 * @publicApi
 */
export interface FieldErrorContext {
  /** Full field path as the client sent it: `owner.email`, `members.1.role`, `tags.3`. */
  path: string;
  /** class-validator constraint name: `isEmail`, `isIn`, `whitelistValidation`. */
  constraint: string;
  /** The message class-validator produced (or the DTO's custom `message`), with the path prefix Nest uses. */
  message: string;
}

/**
 * Options that shape the field-error map.
 * @publicApi
 */
export interface FieldErrorsOptions {
  /**
   * Rewrites each message (wording, localisation) without touching the paths.
   * Returning an empty string keeps the original message.
   * @default none (class-validator's messages)
   */
  formatMessage?: (context: FieldErrorContext) => string;
}

/** Items of one `each: true` rule reported one by one; past that, on the array. */
const MAX_INDEXED_ITEMS = 100;

/**
 * Turns class-validator's `ValidationError` tree into the 422 field map:
 * dotted paths for nesting, numeric segments for array items (also for
 * `each: true` rules on primitives: `tags.3`), JSON names from
 * `@Expose({ name })`, every failing constraint of every field, in the DTO's
 * order. Values submitted by the client are never copied into the map. The
 * map is bounded like every 422 (`limits`: 100 fields and 64 KiB by default).
 *
 * @example
 * flattenValidationErrors(errors)
 * // { 'owner.email': ['owner.email must be an email'], 'members.1.role': [...] }
 * @publicApi
 */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  options: FieldErrorsOptions & Partial<FieldErrorLimits> = {},
): FieldErrors {
  return toFieldErrorMap(
    boundFieldErrors(classValidatorFieldErrors(errors, options), options)
      .fieldErrors,
  );
}

/**
 * @internal class-validator's tree as `FieldError`s, one per failed
 * constraint (and item), produced lazily: the bounding stops the walk as soon
 * as the 422 is full, so a 100,000-item payload costs a hundred fields.
 */
export function* classValidatorFieldErrors(
  errors: readonly ValidationError[],
  options: FieldErrorsOptions & {
    source?: FieldErrorSource;
    /** Nest's `parent.` prefix on nested messages; off for translation keys. */
    prefixMessages?: boolean;
  } = {},
): Generator<FieldError> {
  const source = options.source ?? 'body';
  const prefixMessages = options.prefixMessages ?? true;
  const field = (
    path: ReadonlyArray<string | number>,
    constraint: string,
    message: string,
  ): FieldError => ({
    source,
    path,
    messages: [
      options.formatMessage?.({ path: path.join('.'), constraint, message }) ||
        message,
    ],
  });
  // Iterative, depth-first in DTO order: deep payloads must not exhaust the stack.
  const stack: Array<[ValidationError, Array<string | number>]> = [];
  pushReversed(stack, errors, []);
  while (stack.length > 0) {
    const [error, parent] = stack.pop()!;
    const name = exposedName(error.target, String(error.property));
    const path = [...parent, segment(name)];
    const parentText = parent.join('.');
    for (const [constraint, raw] of Object.entries(error.constraints ?? {})) {
      const message =
        parentText === '' || !prefixMessages || I18N_KEY.test(raw)
          ? raw
          : `${parentText}.${raw}`;
      const indexes = failingItemIndexes(
        error.target,
        String(error.property),
        constraint,
        error.value,
        MAX_INDEXED_ITEMS + 1,
      );
      if (!indexes || indexes.length === 0) {
        yield field(path, constraint, message);
        continue;
      }
      for (const index of indexes.slice(0, MAX_INDEXED_ITEMS))
        yield field([...path, index], constraint, message);
      if (indexes.length > MAX_INDEXED_ITEMS)
        yield field(path, constraint, message);
    }
    if (error.children?.length) pushReversed(stack, error.children, path);
  }
}

/**
 * nestjs-i18n's `i18nValidationMessage()` format (`validation.IS_EMAIL|{…}`):
 * a translation key, which Nest's `parent.` prefix would break.
 */
const I18N_KEY = /^[\w-]+(?:\.[\w-]+)+\|\{/;

/** Array indexes (class-validator names them `'3'`) become numbers. */
function segment(name: string): string | number {
  return /^(0|[1-9]\d*)$/.test(name) && name.length < 16 ? Number(name) : name;
}

function pushReversed(
  stack: Array<[ValidationError, Array<string | number>]>,
  errors: readonly ValidationError[],
  path: Array<string | number>,
): void {
  for (let i = errors.length - 1; i >= 0; i--) stack.push([errors[i], path]);
}
