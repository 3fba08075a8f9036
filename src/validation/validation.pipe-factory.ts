import { Logger } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';

import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { ErrorsValidationPipe } from './errors-validation.pipe';

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
