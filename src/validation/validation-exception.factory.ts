import type { ValidationError } from '@nestjs/common';

import { flattenValidationErrors } from './validation-errors.util';
import type { FieldErrorsOptions } from './validation-errors.util';
import { ValidationFailedException } from './validation-failed.exception';

/**
 * An `exceptionFactory` for apps that build their own `ValidationPipe` (per
 * route, per parameter or with `useGlobalPipes`): failures answer exactly as
 * the module's global pipe does, 422 with the field map.
 *
 * `ErrorsValidationPipe` does the same and more (exposed names, the query and
 * params prefixes, the depth limit); this factory suits apps that keep Nest's
 * `ValidationPipe` class.
 *
 * @example
 * @Body(new ValidationPipe({ exceptionFactory: validationExceptionFactory() })) dto: CreateProjectDto
 * @publicApi
 */
export function validationExceptionFactory(
  options: FieldErrorsOptions = {},
): (errors: ValidationError[]) => ValidationFailedException {
  return (errors) =>
    new ValidationFailedException(flattenValidationErrors(errors, options));
}
