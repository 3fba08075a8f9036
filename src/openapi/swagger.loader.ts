type ApiResponse = (
  options: object,
) => (
  target: object,
  key?: string | symbol,
  descriptor?: PropertyDescriptor,
) => unknown;

let swagger: { ApiResponse: ApiResponse } | null | undefined;

/**
 * @internal `@nestjs/swagger` when installed (an optional peer), loaded on
 * first use; `undefined` without it.
 */
export function loadSwagger(): { ApiResponse: ApiResponse } | undefined {
  if (swagger === undefined) {
    try {
      swagger = require('@nestjs/swagger') as { ApiResponse: ApiResponse };
    } catch {
      swagger = null;
    }
  }
  return swagger ?? undefined;
}
