import { assertDefinition } from '../catalog/define-errors';
import {
  InvalidErrorMappingError,
  MESSAGES,
} from '../catalog/messages.constants';
import type { ExceptionMapping } from './exception-mapping.interface';

/**
 * @internal Fails early on a mapping without a class or a catalog entry, so a
 * typo shows at startup instead of as an unmapped 500 in production.
 */
export function assertMapping(
  where: string,
  mapping: Partial<ExceptionMapping> | undefined,
): asserts mapping is ExceptionMapping {
  const exception = mapping?.exception;
  if (
    typeof exception !== 'function' ||
    typeof exception.prototype !== 'object'
  ) {
    throw InvalidErrorMappingError.create(MESSAGES.mappingWithoutClass(where));
  }
  if (mapping?.error === undefined || mapping.error === null) {
    throw InvalidErrorMappingError.create(
      MESSAGES.mappingWithoutError(where, exception.name),
    );
  }
  assertDefinition(`${where} for ${exception.name}`, mapping.error);
  if (mapping.details !== undefined && typeof mapping.details !== 'function')
    throw InvalidErrorMappingError.create(
      MESSAGES.mappingDetailsNotAFunction(where, exception.name),
    );
  if (mapping.when !== undefined && typeof mapping.when !== 'function')
    throw InvalidErrorMappingError.create(
      MESSAGES.mappingWhenNotAFunction(where, exception.name),
    );
}
