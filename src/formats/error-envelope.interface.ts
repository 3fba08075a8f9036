import type { ErrorCode } from '../catalog/error-definition.interface';
import type { JsonValue } from './field-error.interface';

/**
 * Field path → messages, e.g. `{ 'owner.email': ['owner.email must be an email'] }`.
 * @publicApi
 */
export type FieldErrors = Record<string, string[]>;

/**
 * The `error` object of every error response.
 * @publicApi
 */
export interface ErrorBody {
  /** Reason phrase of the HTTP status, e.g. `"Not Found"`. */
  status: string;
  /** Machine-readable code from the catalog or the built-ins. */
  code: ErrorCode;
  /** Human-readable message; never empty. */
  message: string;
  /** Detail of this occurrence; omitted when absent. */
  cause?: string;
  /** Link to the error's documentation: `${docsBaseUrl}/${status}/${code}`. */
  docs: string;
  /** Validation failures (422) only: field path → messages. */
  errors?: FieldErrors;
  /** Machine-readable values of this occurrence (`ApiException`'s `details`); omitted when absent. */
  details?: Record<string, JsonValue>;
}

/**
 * The body of every error response.
 * @publicApi
 */
export interface ErrorEnvelope {
  /** The request's id, equal to the request-id response header. */
  request_id: string;
  error: ErrorBody;
}

/**
 * The body of a validation failure (422): `error.errors` is always present.
 * @publicApi
 */
export interface ValidationErrorEnvelope extends ErrorEnvelope {
  error: ErrorBody & { errors: FieldErrors };
}
