import type { ErrorCode } from '../catalog/error-definition.interface';
import type { FieldError, JsonValue } from './field-error.interface';

/**
 * Any thrown value, reduced to what the response needs. Built by
 * `ErrorsFilter.normalize()`, turned into the wire envelope by
 * `ErrorsFilter.buildBody()`.
 * @publicApi
 */
export interface NormalizedError {
  /** HTTP status to answer with. */
  status: number;
  code: ErrorCode;
  message: string;
  /** Detail of this occurrence, safe to show. */
  cause?: string;
  /** Machine-readable values of this occurrence (`ApiException`'s `details`). */
  details?: Readonly<Record<string, JsonValue>>;
  /** Validation failures (422): the failing fields, already bounded. */
  fieldErrors?: readonly FieldError[];
  /** Response headers to add (e.g. `Retry-After`). */
  headers?: Record<string, string>;
  /**
   * True for errors the app did not mean to send (anything that is not an
   * HTTP exception): answered generically and logged once with the stack.
   */
  unexpected: boolean;
}
