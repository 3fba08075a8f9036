import type { ErrorFormat, ErrorRenderContext } from './error-format.interface';
import type { FieldError } from './field-error.interface';
import { fieldErrorName } from './field-error.util';
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
      ? error.fieldErrors.map(nestFieldMessage)
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

/**
 * One field's string: its messages joined with `; `, starting with the
 * field's path as class-validator's do (`owner.email must be an email`);
 * a message that does not (a Zod or Valibot message, a custom one) is
 * prefixed with it: `owner.email: Invalid email address`.
 */
function nestFieldMessage(field: FieldError): string {
  const name = fieldErrorName(field);
  const text = field.messages.join('; ');
  return text.startsWith(`${name} `) ? text : `${name}: ${text}`;
}

/** @internal `format: 'nest'`. */
export const NEST_FORMAT: ErrorFormat<NestErrorBody> = Object.freeze({
  contentType: 'application/json; charset=utf-8',
  render: formatNest,
});
