import type { ErrorCode } from '../catalog/error-definition.interface';
import type { JsonValue } from './field-error.interface';

/**
 * One failing field of a 422 in problem details: a JSON pointer into the
 * request body, or the name of a query or path parameter.
 * @publicApi
 */
export type ProblemFieldError =
  { detail: string; pointer: string } | { detail: string; parameter: string };

/**
 * The body of an error response with `format: 'problem'` (RFC 9457).
 * @publicApi
 */
export interface ProblemDetails {
  /** The error's documentation link, `${docsBaseUrl}/${status}/${code}`. */
  type: string;
  /** The definition's stable message (same for every occurrence). */
  title: string;
  status: number;
  /** This occurrence: its own message and/or cause; omitted when absent. */
  detail?: string;
  /** The request path (without query string) the error answered. */
  instance: string;
  code: ErrorCode;
  request_id: string;
  details?: Record<string, JsonValue>;
  /** 422 only: one entry per message of each failing field. */
  errors?: ProblemFieldError[];
}

/**
 * The body of an error response with `format: 'nest'`: Nest's default shape
 * plus `code`, `request_id` (and `cause`, `details` when present).
 * @publicApi
 */
export interface NestErrorBody {
  statusCode: number;
  /** Reason phrase of the status, e.g. `"Not Found"`. */
  error: string;
  /** The message; for a 422, one string per failing field. */
  message: string | string[];
  /** ISO 8601. */
  timestamp: string;
  /** The request path, without query string. */
  path: string;
  code: ErrorCode;
  request_id: string;
  cause?: string;
  details?: Record<string, JsonValue>;
}
