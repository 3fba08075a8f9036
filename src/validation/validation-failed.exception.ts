import { ApiException } from '../catalog/api.exception';
import { BUILT_IN_ERRORS } from '../catalog/built-in.errors';
import type { FieldErrors } from '../formats/error-envelope.interface';
import type { FieldError } from '../formats/field-error.interface';
import {
  fromFieldErrorMap,
  toFieldErrorMap,
} from '../formats/field-error.util';

/**
 * A validation failure: answered 422 with `error.errors`, the field-error map.
 * Thrown by the module's global pipe and by `validationExceptionFactory`;
 * apps may throw it themselves for checks class-validator cannot express.
 *
 * @example
 * throw new ValidationFailedException({ 'owner.email': ['owner.email is already taken'] });
 * @publicApi
 */
export class ValidationFailedException extends ApiException {
  /** The failing fields, in the order they were found. */
  readonly fieldErrors: readonly FieldError[];
  /** The same, as the envelope's `error.errors` map. */
  readonly errors: FieldErrors;

  /** Takes the envelope's map (`{ 'query.page': [...] }`) or a `FieldError` list. */
  constructor(errors: FieldErrors | readonly FieldError[]) {
    super(BUILT_IN_ERRORS.UnprocessableEntity);
    this.fieldErrors = Array.isArray(errors)
      ? errors
      : fromFieldErrorMap(errors as FieldErrors);
    this.errors = toFieldErrorMap(this.fieldErrors);
    Object.assign(this.getResponse() as object, { errors: this.errors });
  }
}
