import type { ErrorBody, ErrorEnvelope } from './error-envelope.interface';
import type { ErrorFormat } from './error-format.interface';
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
  const cached = DOCS_URLS.get(code);
  if (
    cached !== undefined &&
    cached.status === status &&
    cached.base === docsBaseUrl
  )
    return cached.url;
  const url = `${docsBaseUrl}/${status}/${encodeURIComponent(String(code))}`;
  // Codes come from catalogs and built-ins; a thrown `code` could be anything, so the cache is bounded.
  if (DOCS_URLS.size >= MAX_CACHED_DOCS_URLS) DOCS_URLS.clear();
  DOCS_URLS.set(code, { base: docsBaseUrl, status, url });
  return url;
}

const MAX_CACHED_DOCS_URLS = 1000;
const DOCS_URLS = new Map<
  string | number,
  { base: string; status: number; url: string }
>();

/**
 * @internal Pure: the wire envelope of a normalized error. `cause`,
 * `errors` and `details` are omitted, never null, when absent.
 */
export function formatEnvelope(
  error: NormalizedError,
  requestId: string,
  docsBaseUrl: string,
): ErrorEnvelope {
  return envelopeOf(
    error,
    requestId,
    docsUrl(docsBaseUrl, error.status, error.code),
  );
}

function envelopeOf(
  error: NormalizedError,
  requestId: string,
  docs: string,
): ErrorEnvelope {
  const body: ErrorBody = {
    status: reasonPhrase(error.status),
    code: error.code,
    message: error.message,
  } as ErrorBody;
  if (error.cause !== undefined) body.cause = error.cause;
  body.docs = docs;
  if (error.fieldErrors !== undefined)
    body.errors = toFieldErrorMap(error.fieldErrors);
  if (error.details !== undefined) body.details = { ...error.details };
  return { request_id: requestId, error: body };
}

/** @internal The envelope's content type (Express's default for JSON). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * @internal `format: 'envelope'` as an `ErrorFormat`. The filter renders the
 * envelope through its `buildBody` hook instead, so overrides keep working.
 */
export const ENVELOPE_FORMAT: ErrorFormat<ErrorEnvelope> = Object.freeze({
  contentType: JSON_CONTENT_TYPE,
  render: (
    error: NormalizedError,
    context: { requestId: string; docs: string },
  ) => envelopeOf(error, context.requestId, context.docs),
});
