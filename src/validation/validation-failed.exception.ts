import { ApiException } from '../catalog/api.exception';
import { BUILT_IN_ERRORS } from '../catalog/built-in.errors';
import type { FieldErrors } from '../formats/error-envelope.interface';
import type { FieldError } from '../formats/field-error.interface';
import {
  fromFieldErrorMap,
  toFieldErrorMap,
} from '../formats/field-error.util';
import { boundFieldErrors, truncationCause } from './field-error-bounds.util';
import type { FieldErrorLimits } from './field-error-bounds.util';

/**
 * A validation failure: answered 422 with `error.errors`, the field-error map.
 * Thrown by the module's global pipe and by `validationExceptionFactory`;
 * apps may throw it themselves for checks class-validator cannot express.
 *
 * The list is bounded (`limits`, by default 100 fields and a body under
 * 64 KiB): when fields are left out, `truncated` is true and `error.cause`
 * says how many are listed.
 *
 * @example
 * throw new ValidationFailedException({ 'owner.email': ['owner.email is already taken'] });
 * @publicApi
 */
export class ValidationFailedException extends ApiException {
  /** The failing fields, in the order they were found (bounded). */
  readonly fieldErrors: readonly FieldError[];
  /** The same, as the envelope's `error.errors` map. */
  readonly errors: FieldErrors;
  /** True when fields were left out to respect the limits. */
  readonly truncated: boolean;

  /**
   * Takes the envelope's map (`{ 'query.page': [...] }`) or `FieldError`s
   * (any iterable: a generator is only read up to the limits).
   */
  constructor(
    errors: FieldErrors | Iterable<FieldError>,
    limits: Partial<FieldErrorLimits> = {},
  ) {
    const source = isIterable(errors)
      ? errors
      : fromFieldErrorMap(errors as FieldErrors);
    const { fieldErrors, truncated } = boundFieldErrors(source, limits);
    super(
      BUILT_IN_ERRORS.UnprocessableEntity,
      truncated ? { cause: truncationCause(fieldErrors.length) } : {},
    );
    this.fieldErrors = fieldErrors;
    this.truncated = truncated;
    this.errors = toFieldErrorMap(this.fieldErrors);
    Object.assign(this.getResponse() as object, { errors: this.errors });
  }
}

function isIterable(value: unknown): value is Iterable<FieldError> {
  return (
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] ===
    'function'
  );
}
