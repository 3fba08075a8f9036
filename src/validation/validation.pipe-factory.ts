import { Logger } from '@nestjs/common';
import type { PipeTransform, ValidationError } from '@nestjs/common';

import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { ErrorsValidationPipe } from './errors-validation.pipe';
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

/**
 * @internal The module's global pipe: Nest's `ValidationPipe` with the 422
 * factory, or a pass-through when `validation: false` or when class-validator
 * is not installed (a warning then says how to fix it).
 */
export function createValidationPipe(
  options: ResolvedErrorsOptions,
): PipeTransform {
  if (options.validation === false) return PASS_THROUGH;
  if (!canValidate()) {
    new Logger(ERRORS_LOGGER_CONTEXT).warn(
      'Validation is on but class-validator and class-transformer are not installed, so DTOs are not validated. ' +
        'Install both (npm i class-validator class-transformer) or pass validation: false to ErrorsModule.forRoot().',
    );
    return PASS_THROUGH;
  }
  return new ErrorsValidationPipe(options.validation);
}

const PASS_THROUGH: PipeTransform = { transform: (value: unknown) => value };

function canValidate(): boolean {
  try {
    require.resolve('class-validator');
    require.resolve('class-transformer');
    return true;
  } catch {
    return false;
  }
}
