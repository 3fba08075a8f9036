import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { assertDefinition } from '../catalog/define-errors';
import { API_ERRORS_METADATA } from '../errors.internal-constants';
import { errorResponse } from '../openapi/error-response.schema';
import { loadSwagger } from '../openapi/swagger.loader';
import { prependMetadata } from './metadata.util';

/** `@nestjs/swagger`'s metadata key of `@ApiResponse()` (DECORATORS.API_RESPONSE). */
const SWAGGER_API_RESPONSE = 'swagger/apiResponse';

/**
 * Documents the errors a controller or handler can answer with, in the
 * OpenAPI document of `@nestjs/swagger`: one response per status with the
 * schema and media type of the app's `format` and one example per error
 * rendered by it (its real code, message and docs link; the 422 example
 * shows the failing fields). Without
 * `@nestjs/swagger` installed it only records the list, harmlessly.
 *
 * @example
 * @ApiErrors(AppErrors.InvalidApiKey, AppErrors.ProjectNotFound, BUILT_IN_ERRORS.UnprocessableEntity)
 * @Post()
 * create(@Body() dto: CreateProjectDto) {}
 * @publicApi
 */
export function ApiErrors(
  ...errors: ErrorDefinition[]
): ClassDecorator & MethodDecorator {
  errors.forEach((error, index) =>
    assertDefinition(`@ApiErrors() argument ${index + 1}`, error),
  );
  return (
    target: object,
    key?: string | symbol,
    descriptor?: PropertyDescriptor,
  ) => {
    prependMetadata(API_ERRORS_METADATA, errors, target, descriptor);
    const swagger = loadSwagger();
    if (!swagger) return descriptor as never;
    const documented = Reflect.getMetadata(
      SWAGGER_API_RESPONSE,
      descriptor?.value ?? target,
    ) as Record<string, { content?: unknown }> | undefined;
    for (const [status, definitions] of groupByStatus(errors)) {
      swagger.ApiResponse(
        errorResponse(status, definitions, documented?.[status]),
      )(target, key as string | symbol, descriptor as PropertyDescriptor);
    }
    return descriptor as never;
  };
}

function groupByStatus(
  errors: readonly ErrorDefinition[],
): Map<number, ErrorDefinition[]> {
  const byStatus = new Map<number, ErrorDefinition[]>();
  for (const error of [...errors].sort((a, b) => a.status - b.status)) {
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), error]);
  }
  return byStatus;
}
