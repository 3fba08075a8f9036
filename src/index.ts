// Lets nestjs-api-errors/testing answer thrown errors as the filter does.
import './registry/normalizer.registration';

// Module
export { ErrorsModule } from './errors.module';
export type {
  ErrorsModuleAsyncOptions,
  ErrorsOptionsFactory,
} from './errors.module-definition';
export type {
  ErrorsModuleOptions,
  ErrorsValidationOptions,
} from './errors-module-options.interface';
export { DEFAULT_ERRORS_OPTIONS } from './errors-module.options';
export {
  DEFAULT_DOCS_PATH,
  DEFAULT_REQUEST_ID_HEADER,
  ERRORS_LOGGER_CONTEXT,
  MAX_REQUEST_ID_LENGTH,
} from './errors.constants';

// Catalog and exceptions
export {
  ApiException,
  BUILT_IN_ERRORS,
  defineErrors,
  InvalidErrorCatalogError,
  InvalidErrorMappingError,
  InvalidErrorsOptionsError,
  NestjsApiErrorsError,
} from './catalog';
export type {
  ApiExceptionOptions,
  BuiltInErrorName,
  ErrorCatalog,
  ErrorCode,
  ErrorCodeOf,
  ErrorDefinition,
  NamedErrorDefinition,
} from './catalog';

// The envelope and the other wire formats
export type {
  ApiErrorView,
  ErrorBody,
  ErrorEnvelope,
  ErrorFormat,
  ErrorFormatName,
  ErrorRenderContext,
  FieldError,
  FieldErrorSource,
  FieldErrors,
  JsonValue,
  NestErrorBody,
  NormalizedError,
  ProblemDetails,
  ProblemFieldError,
  ValidationErrorEnvelope,
} from './formats';
export { toFieldErrorMap } from './formats/field-error.util';

// Filter
export { ErrorsFilter } from './filter/errors.filter';

// Request ids
export { RequestId } from './decorators/request-id.decorator';
export { getRequestId } from './request-id/request-id.storage';
export { requestIdOf } from './registry/request-id-of.util';
export { isWellFormedRequestId } from './request-id/request-id.util';

// Validation
export { ValidationFailedException } from './validation/validation-failed.exception';
export { flattenValidationErrors } from './validation/validation-errors.util';
export type {
  FieldErrorContext,
  FieldErrorsOptions,
} from './validation/validation-errors.util';
export { validationExceptionFactory } from './validation/validation-exception.factory';
export { ErrorsValidationPipe } from './validation/errors-validation.pipe';
export { DEFAULT_FIELD_ERROR_LIMITS } from './validation/field-error-bounds.util';
export type { FieldErrorLimits } from './validation/field-error-bounds.util';
export { standardSchemaExceptionFactory } from './validation/standard-schema-exception.factory';
export type { StandardSchemaExceptionFactoryOptions } from './validation/standard-schema-exception.factory';
export type {
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from './validation/standard-schema.util';

// Localised messages
export { nestjsI18nTranslator } from './validation/nestjs-i18n.translator';
export type { NestjsI18nTranslatorOptions } from './validation/nestjs-i18n.translator';
export type {
  ErrorTranslator,
  TranslatableText,
  Translation,
} from './validation/translate.interface';

// Controller decorators and domain error mapping
export { ApiErrors } from './decorators/api-errors.decorator';
export { ForbiddenAsNotFound } from './decorators/forbidden-as-not-found.decorator';
export type { ForbiddenAsNotFoundOptions } from './decorators/forbidden-as-not-found.decorator';
export { MapException } from './decorators/map-exception.decorator';
export type {
  ExceptionClass,
  ExceptionMapping,
  MapExceptionOptions,
} from './mapping/exception-mapping.interface';

// Observability: reporters, Sentry, OpenTelemetry, traceparent
export type {
  ErrorReport,
  ErrorReporter,
  ErrorReporterDefinition,
  ErrorReporterFunction,
} from './reporting/error-report.interface';
export { InvalidErrorReporterError } from './reporting/invalid-reporter.error';
export { sentryReporter } from './reporting/sentry.reporter';
export type {
  SentryLike,
  SentryReporterOptions,
} from './reporting/sentry.reporter';
export { REQUEST_ID_SPAN_ATTRIBUTE } from './reporting/opentelemetry.reporter';
export { traceIdFromTraceparent } from './reporting/traceparent.util';
