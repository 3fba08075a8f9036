// nestjs-api-errors/testing: the e2e testing kit. A separate entry point, never
// imported by the module itself, so apps that do not test with it pay nothing.

// Assertions (any test runner): responses, and thrown errors
export {
  ApiErrorAssertionError,
  expectApiError,
  expectValidationErrors,
} from './api-error.assertions';
export type { ExpectApiErrorOptions } from './api-error.check';
export { expectApiException } from './api-exception.assertions';
export type { ExpectApiExceptionOptions } from './api-exception.check';
export { ApiErrorTestingUsageError } from './testing-usage.error';
export type {
  AsymmetricMatcherLike,
  ExpectedFieldErrors,
  ExpectedFieldMessages,
  ExpectValidationErrorsOptions,
} from './field-errors.check';
export type {
  FetchResponseWithBody,
  HttpResponseLike,
} from './http-response.util';

// Configuration
export {
  configureApiErrorTesting,
  DEFAULT_API_ERROR_TESTING_OPTIONS,
} from './testing.options';
export type { ApiErrorTestingOptions } from './testing.options';

// Matchers (Jest, Vitest)
export { apiErrorMatchers, setupApiErrorMatchers } from './api-error.matchers';
export type { ApiErrorMatchers } from './api-error.matchers';

// The envelope as data
export {
  ERROR_ENVELOPE_SCHEMA,
  FIELD_ERRORS_SCHEMA,
  VALIDATION_ERROR_ENVELOPE_SCHEMA,
} from './envelope.schema';
export {
  NEST_ERROR_SCHEMA,
  PROBLEM_DETAILS_SCHEMA,
  PROBLEM_FIELD_ERRORS_SCHEMA,
} from './problem.schema';
export type {
  ErrorCode,
  ErrorCodeOf,
  ErrorDefinition,
} from '../catalog/error-definition.interface';
export type {
  ErrorBody,
  ErrorEnvelope,
  FieldErrors,
  ValidationErrorEnvelope,
} from '../formats/error-envelope.interface';
export type {
  ApiErrorView,
  ErrorFormat,
  ErrorFormatName,
} from '../formats/error-format.interface';
export type {
  NestErrorBody,
  ProblemDetails,
  ProblemFieldError,
} from '../formats/problem-details.interface';
