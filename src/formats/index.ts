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
