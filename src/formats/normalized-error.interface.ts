import type { ErrorCode } from '../catalog/error-definition.interface';
import type { FieldErrors } from './error-envelope.interface';

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
  cause?: string;
  errors?: FieldErrors;
  /** Response headers to add (e.g. `Retry-After`). */
  headers?: Record<string, string>;
  /**
   * True for errors the app did not mean to send (anything that is not an
   * HTTP exception): answered generically and logged once with the stack.
   */
  unexpected: boolean;
}
