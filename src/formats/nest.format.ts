import type { ErrorFormat, ErrorRenderContext } from './error-format.interface';
import type { NormalizedError } from './normalized-error.interface';
import type { NestErrorBody } from './problem-details.interface';

/** @internal The members every `format: 'nest'` body carries. */
export const NEST_REQUIRED_KEYS = [
  'statusCode',
  'error',
  'message',
  'timestamp',
  'path',
  'code',
  'request_id',
] as const;

/**
 * @internal Pure: Nest's default error shape plus fields. `message` is the
 * occurrence's message; for a 422, one string per failing field (its
 * messages joined with `; `). `cause` and `details` only when present.
 */
export function formatNest(
  error: NormalizedError,
  context: ErrorRenderContext,
): NestErrorBody {
  const body: NestErrorBody = {
    statusCode: error.status,
    error: context.statusText,
    message: error.fieldErrors?.length
      ? error.fieldErrors.map((field) => field.messages.join('; '))
      : error.message,
    timestamp: context.timestamp,
    path: context.path,
    code: error.code,
    request_id: context.requestId,
  };
  if (error.cause !== undefined) body.cause = error.cause;
  if (error.details !== undefined) body.details = { ...error.details };
  return body;
}

/** @internal `format: 'nest'`. */
export const NEST_FORMAT: ErrorFormat<NestErrorBody> = Object.freeze({
  contentType: 'application/json; charset=utf-8',
  render: formatNest,
});
