import { ApiException } from '../catalog/api.exception';
import { BUILT_IN_ERRORS } from '../catalog/built-in.errors';
import type { FieldErrors } from '../formats/error-envelope.interface';

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
  constructor(readonly errors: FieldErrors) {
    super(BUILT_IN_ERRORS.UnprocessableEntity);
    Object.assign(this.getResponse() as object, { errors });
  }
}
