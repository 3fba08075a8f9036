export type {
  ErrorBody,
  ErrorEnvelope,
  FieldErrors,
  ValidationErrorEnvelope,
} from './error-envelope.interface';
export type { NormalizedError } from './normalized-error.interface';
export type {
  FieldError,
  FieldErrorSource,
  JsonValue,
} from './field-error.interface';
export type {
  ApiErrorView,
  ErrorFormat,
  ErrorFormatName,
  ErrorRenderContext,
} from './error-format.interface';
export type {
  NestErrorBody,
  ProblemDetails,
  ProblemFieldError,
} from './problem-details.interface';
