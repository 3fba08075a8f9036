import type { ValidationError } from '@nestjs/common';

import type { FieldErrorLimits } from './field-error-bounds.util';
import { classValidatorFieldErrors } from './validation-errors.util';
import type { FieldErrorsOptions } from './validation-errors.util';
import { parameterFailure } from './parameter-failures.util';
import type { ValidationFailedException } from './validation-failed.exception';

/**
 * An `exceptionFactory` for apps that build their own `ValidationPipe` (per
 * route, per parameter or with `useGlobalPipes`): failures answer exactly as
 * the module's global pipe does, 422 with the (bounded) field map.
 *
 * `ErrorsValidationPipe` does the same and more (exposed names, the query and
 * params prefixes, the depth limit, Standard Schema); this factory suits apps
 * that keep Nest's `ValidationPipe` class. Nest does not pass its own
 * `maxErrorMessagesLength` to a custom factory: give it here.
 *
 * @example
 * @Body(new ValidationPipe({ exceptionFactory: validationExceptionFactory() })) dto: CreateProjectDto
 * @publicApi
 */
export function validationExceptionFactory(
  options: FieldErrorsOptions & Partial<FieldErrorLimits> = {},
): (errors: ValidationError[]) => ValidationFailedException {
  return (errors) =>
    parameterFailure(classValidatorFieldErrors(errors, options), options);
}
