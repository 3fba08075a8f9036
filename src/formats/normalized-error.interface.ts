import type { ErrorCode } from '../catalog/error-definition.interface';
import type { FieldError, JsonValue } from './field-error.interface';

/**
 * Any thrown value, reduced to what the response needs. Built by
 * `ErrorsFilter.normalize()` (stage 3), turned into the body by the format
 * in use (stage 4: the envelope through `ErrorsFilter.buildBody()`).
 * @publicApi
 */
export interface NormalizedError {
  /** HTTP status to answer with. */
  status: number;
  code: ErrorCode;
  message: string;
  /**
   * The definition's stable message (catalog or built-in), when `message`
   * is this occurrence's own wording (`new NotFoundException('Project 42…')`,
   * `ApiException`'s `message` option). Problem details' `title`.
   */
  title?: string;
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
