import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { EXCEPTION_MAPPINGS_METADATA } from '../errors.internal-constants';
import { assertMapping } from '../mapping/assert-mapping.util';
import type {
  ExceptionClass,
  ExceptionMapping,
  MapExceptionOptions,
} from '../mapping/exception-mapping.interface';
import { useScopedErrorsFilter } from '../mapping/scoped-errors.filter';
import { prependMetadata } from './metadata.util';

/**
 * Answers a domain error class (and its subclasses) thrown inside this
 * controller or handler, by a service, a guard or the handler itself, with a
 * catalog error. Repeatable. The nearest scope wins: handler, then
 * controller, then the app-wide `ErrorsModule.forRoot({ mappings })`; inside
 * one scope the most specific class wins.
 *
 * @example
 * @MapException(ProjectMissingError, AppErrors.ProjectNotFound)
 * @MapException(QuotaExceededError, AppErrors.QuotaExceeded, { cause: true })
 * @Get(':id')
 * findOne(@Param('id') id: string) { return this.projects.get(id); }
 * @publicApi
 */
export function MapException<E>(
  exception: ExceptionClass<E>,
  error: ErrorDefinition,
  options: MapExceptionOptions<E> = {},
): ClassDecorator & MethodDecorator {
  const mapping: ExceptionMapping = {
    ...options,
    exception,
    error,
  } as ExceptionMapping;
  assertMapping('@MapException()', mapping);
  return (
    target: object,
    key?: string | symbol,
    descriptor?: PropertyDescriptor,
  ) => {
    prependMetadata(EXCEPTION_MAPPINGS_METADATA, [mapping], target, descriptor);
    useScopedErrorsFilter(target, key, descriptor);
    return descriptor as never;
  };
}
