export type {
  ErrorBody,
  ErrorEnvelope,
  FieldErrors,
  ValidationErrorEnvelope,
} from './error-envelope.interface';
export type { NormalizedError } from './normalized-error.interface';
