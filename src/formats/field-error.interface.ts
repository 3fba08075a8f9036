/**
 * Where a failing field came from: the request body, the query string or a
 * path parameter.
 * @publicApi
 */
export type FieldErrorSource = 'body' | 'query' | 'params';

/**
 * One failing field of a validation failure, as every format sees it: the
 * envelope writes `error.errors['owner.email']`, problem details a JSON
 * pointer (`#/owner/email`) or a `parameter`, the nest shape one string per
 * field. Validators (class-validator, Standard Schema, nestjs-zod,
 * nestjs-i18n) only produce these; they are bounded where they are built.
 * @publicApi
 */
export interface FieldError {
  source: FieldErrorSource;
  /** Segments as the client sent them: `['members', 1, 'role']`. */
  path: ReadonlyArray<string | number>;
  /** Human-readable messages; never empty. */
  messages: readonly string[];
}

/**
 * A JSON value, as accepted in `ApiException`'s `details`.
 * @publicApi
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };
