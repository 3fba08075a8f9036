import type { ValidationError } from '@nestjs/common';

import type { FieldErrors } from '../formats/error-envelope.interface';
import { exposedName, failingItemIndexes } from './class-metadata.util';

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
 * order. Values submitted by the client are never copied into the map.
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
  const add = (path: string, constraint: string, message: string) => {
    const messages = fields.get(path) ?? [];
    messages.push(
      options.formatMessage?.({ path, constraint, message }) || message,
    );
    fields.set(path, messages);
  };
  // Iterative, depth-first in DTO order: deep payloads must not exhaust the stack.
  const stack: Array<[ValidationError, string]> = [];
  pushReversed(stack, errors, '');
  while (stack.length > 0) {
    const [error, parentPath] = stack.pop()!;
    const name = exposedName(error.target, String(error.property));
    const path = parentPath === '' ? name : `${parentPath}.${name}`;
    for (const [constraint, raw] of Object.entries(error.constraints ?? {})) {
      const message = parentPath === '' ? raw : `${parentPath}.${raw}`;
      const indexes = failingItemIndexes(
        error.target,
        String(error.property),
        constraint,
        error.value,
      );
      if (!indexes || indexes.length === 0) {
        add(path, constraint, message);
        continue;
      }
      for (const index of indexes.slice(0, MAX_INDEXED_ITEMS))
        add(`${path}.${index}`, constraint, message);
      if (indexes.length > MAX_INDEXED_ITEMS) add(path, constraint, message);
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
