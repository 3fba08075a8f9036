export { ApiException } from './api.exception';
export type { ApiExceptionOptions } from './api.exception';
export { BUILT_IN_ERRORS } from './built-in.errors';
export type { BuiltInErrorName } from './built-in.errors';
export { defineErrors } from './define-errors';
export type {
  ErrorCatalog,
  ErrorCode,
  ErrorCodeOf,
  ErrorDefinition,
  NamedErrorDefinition,
} from './error-definition.interface';
export {
  InvalidErrorCatalogError,
  InvalidErrorMappingError,
  InvalidErrorsOptionsError,
  NestjsApiErrorsError,
} from './messages.constants';
