import type { ErrorBody, ErrorEnvelope } from './error-envelope.interface';
import { toFieldErrorMap } from './field-error.util';
import type { NormalizedError } from './normalized-error.interface';
import { reasonPhrase } from './reason-phrase.util';

/**
 * @internal `${docsBaseUrl}/${status}/${code}`; `docsBaseUrl` is already
 * stripped of trailing slashes.
 */
export function docsUrl(
  docsBaseUrl: string,
  status: number,
  code: string | number,
): string {
  return `${docsBaseUrl}/${status}/${encodeURIComponent(String(code))}`;
}

/**
 * @internal Pure: the wire envelope of a normalized error. `cause` and
 * `errors` are omitted, never null, when absent.
 */
export function formatEnvelope(
  error: NormalizedError,
  requestId: string,
  docsBaseUrl: string,
): ErrorEnvelope {
  const body: ErrorBody = {
    status: reasonPhrase(error.status),
    code: error.code,
    message: error.message,
  } as ErrorBody;
  if (error.cause !== undefined) body.cause = error.cause;
  body.docs = docsUrl(docsBaseUrl, error.status, error.code);
  if (error.fieldErrors !== undefined)
    body.errors = toFieldErrorMap(error.fieldErrors);
  return { request_id: requestId, error: body };
}
