import type { ErrorFormat, ErrorRenderContext } from './error-format.interface';
import { fieldErrorName } from './field-error.util';
import { jsonPointer } from './json-pointer.util';
import type { NormalizedError } from './normalized-error.interface';
import type {
  ProblemDetails,
  ProblemFieldError,
} from './problem-details.interface';

/** @internal RFC 9457's media type. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * @internal Pure: RFC 9457 problem details of a normalized error.
 * - `type`: the docs link (a relative reference while `docsBaseUrl` is
 *   relative, as RFC 9457 §3.1.1 allows; set an absolute `docsBaseUrl`);
 * - `title`: the definition's stable message; `detail`: the occurrence's own
 *   message (when it differs) and cause, omitted when neither;
 * - `instance`: the request path; `request_id` names the occurrence;
 * - extensions `code`, `request_id`, `details` and, for a 422, `errors`.
 */
export function formatProblem(
  error: NormalizedError,
  context: ErrorRenderContext,
): ProblemDetails {
  const title = error.title ?? error.message;
  const body: ProblemDetails = {
    type: context.docs,
    title,
    status: error.status,
  } as ProblemDetails;
  const detail = joinSentences(
    error.message === title ? undefined : error.message,
    error.cause,
  );
  if (detail !== undefined) body.detail = detail;
  body.instance = context.path;
  body.code = error.code;
  body.request_id = context.requestId;
  if (error.details !== undefined) body.details = { ...error.details };
  if (error.fieldErrors !== undefined)
    body.errors = problemFieldErrors(error.fieldErrors);
  return body;
}

/** @internal One entry per message: `pointer` for body fields, `parameter` otherwise. */
export function problemFieldErrors(
  fields: NonNullable<NormalizedError['fieldErrors']>,
): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  for (const field of fields) {
    for (const detail of field.messages) {
      errors.push(
        field.source === 'body'
          ? { detail, pointer: jsonPointer(field.path) }
          : { detail, parameter: fieldErrorName(field) },
      );
    }
  }
  return errors;
}

function joinSentences(
  first: string | undefined,
  second: string | undefined,
): string | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return `${/[.!?…]$/.test(first) ? first : `${first}.`} ${second}`;
}

/** @internal `format: 'problem'`. */
export const PROBLEM_FORMAT: ErrorFormat<ProblemDetails> = Object.freeze({
  contentType: PROBLEM_CONTENT_TYPE,
  render: formatProblem,
});
