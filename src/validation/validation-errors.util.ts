import type { ValidationError } from '@nestjs/common';

import type { FieldErrors } from '../formats/error-envelope.interface';

/**
 * What a message rewrite hook receives for each failed constraint.
 * @publicApi
 */
export interface FieldErrorContext {
  /** Full field path as the client sent it: `owner.email`, `members.1.role`. */
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

/**
 * Turns class-validator's `ValidationError` tree into the 422 field map:
 * dotted paths for nesting, numeric segments for array items, every failing
 * constraint of every field, in the DTO's order. Values submitted by the
 * client are never copied into the map.
 *
 * @example
 * flattenValidationErrors(errors)
 * // { 'owner.email': ['owner.email must be an email'], 'members.1.role': [...] }
 * @publicApi
 */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  options: FieldErrorsOptions = {},
): FieldErrors {
  const fields = new Map<string, string[]>();
  // Iterative, depth-first in DTO order: deep payloads must not exhaust the stack.
  const stack: Array<[ValidationError, string]> = [];
  pushReversed(stack, errors, '');
  while (stack.length > 0) {
    const [error, parentPath] = stack.pop()!;
    const path = parentPath === '' ? String(error.property) : `${parentPath}.${String(error.property)}`;
    if (error.constraints) {
      const messages = fields.get(path) ?? [];
      for (const [constraint, raw] of Object.entries(error.constraints)) {
        const message = parentPath === '' ? raw : `${parentPath}.${raw}`;
        messages.push(options.formatMessage?.({ path, constraint, message }) || message);
      }
      if (messages.length > 0) fields.set(path, messages);
    }
    if (error.children?.length) pushReversed(stack, error.children, path);
  }
  return Object.fromEntries(fields);
}

function pushReversed(
  stack: Array<[ValidationError, string]>,
  errors: readonly ValidationError[],
  path: string,
): void {
  for (let i = errors.length - 1; i >= 0; i--) stack.push([errors[i], path]);
}
