import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { assertDefinition } from '../catalog/define-errors';
import {
  InvalidErrorMappingError,
  MESSAGES,
} from '../catalog/messages.constants';
import { FORBIDDEN_AS_NOT_FOUND_METADATA } from '../errors.internal-constants';
import type { ConcealSetting } from '../mapping/scope.util';
import { useScopedErrorsFilter } from '../mapping/scoped-errors.filter';

/**
 * Options of `@ForbiddenAsNotFound()`.
 * @publicApi
 */
export interface ForbiddenAsNotFoundOptions {
  /**
   * The 404 to answer with. Use the error the route itself throws for a
   * missing resource (e.g. `AppErrors.ProjectNotFound`), so both answers
   * match exactly.
   * @default the built-in `NotFound`, as `new NotFoundException()` answers
   */
  error?: ErrorDefinition;
  /**
   * `false` turns concealment off for a handler of a concealed controller.
   * @default true
   */
  enabled?: boolean;
}

/**
 * Inside this controller or handler, every 403 (from a guard, the handler, a
 * service, or a `@MapException` mapping) is answered exactly as the route's
 * genuine 404: same status, code, message, headers and body shape. Callers
 * cannot tell "exists, but not yours" from "does not exist". The handler's
 * setting wins over the controller's.
 *
 * @example
 * @ForbiddenAsNotFound({ error: AppErrors.ProjectNotFound })
 * @UseGuards(ProjectOwnerGuard)
 * @Controller('projects')
 * export class ProjectsController {}
 * @publicApi
 */
export function ForbiddenAsNotFound(
  options: ForbiddenAsNotFoundOptions = {},
): ClassDecorator & MethodDecorator {
  if (options.error !== undefined) {
    assertDefinition('@ForbiddenAsNotFound({ error })', options.error);
    if (options.error.status !== 404)
      throw InvalidErrorMappingError.create(
        MESSAGES.concealNotA404(options.error.status),
      );
  }
  const setting: ConcealSetting = {
    enabled: options.enabled ?? true,
    error: options.error,
  };
  return (
    target: object,
    key?: string | symbol,
    descriptor?: PropertyDescriptor,
  ) => {
    Reflect.defineMetadata(
      FORBIDDEN_AS_NOT_FOUND_METADATA,
      setting,
      descriptor ? (descriptor.value as object) : target,
    );
    useScopedErrorsFilter(target, key, descriptor);
    return descriptor as never;
  };
}
