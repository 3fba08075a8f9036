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
  return codeParts(docsBaseUrl, status, code).url;
}

/** What an error code's envelopes share: its docs link and the JSON around the message. */
interface CodeParts {
  readonly base: string;
  readonly status: number;
  readonly url: string;
  /** `,"error":{"status":…,"code":…,"message":` */
  readonly head: string;
  /** `,"docs":…` */
  readonly docs: string;
}

function codeParts(
  docsBaseUrl: string,
  status: number,
  code: string | number,
): CodeParts {
  const cached = CODE_PARTS.get(code);
  if (
    cached !== undefined &&
    cached.status === status &&
    cached.base === docsBaseUrl
  )
    return cached;
  const url = `${docsBaseUrl}/${status}/${encodeURIComponent(String(code))}`;
  const parts: CodeParts = {
    base: docsBaseUrl,
    status,
    url,
    head: `,"error":{"status":${JSON.stringify(reasonPhrase(status))},"code":${JSON.stringify(code)},"message":`,
    docs: `,"docs":${JSON.stringify(url)}`,
  };
  // Codes come from catalogs and built-ins; a thrown `code` could be anything, so the cache is bounded.
  if (CODE_PARTS.size >= MAX_CACHED_CODES) CODE_PARTS.clear();
  CODE_PARTS.set(code, parts);
  return parts;
}

const MAX_CACHED_CODES = 1000;
const CODE_PARTS = new Map<string | number, CodeParts>();

/**
 * @internal `JSON.stringify(formatEnvelope(error, requestId, docsBaseUrl))`,
 * the same text, without building the envelope: the JSON around the message
 * is written once per code, and only the request id, message, cause and
 * field map are serialized per error.
 */
export function serializeEnvelope(
  error: NormalizedError,
  requestId: string,
  docsBaseUrl: string,
): string {
  const { code, message, cause } = error;
  // Anything a custom normalize() could put there that is not a plain string takes the general path.
  if (
    typeof requestId !== 'string' ||
    typeof message !== 'string' ||
    (cause !== undefined && typeof cause !== 'string') ||
    (typeof code !== 'string' && typeof code !== 'number')
  )
    return JSON.stringify(formatEnvelope(error, requestId, docsBaseUrl));
  const parts = codeParts(docsBaseUrl, error.status, code);
  let json = `{"request_id":${JSON.stringify(requestId)}${parts.head}${JSON.stringify(message)}`;
  if (cause !== undefined) json += `,"cause":${JSON.stringify(cause)}`;
  json += parts.docs;
  if (error.fieldErrors !== undefined)
    json += `,"errors":${JSON.stringify(toFieldErrorMap(error.fieldErrors))}`;
  if (error.details !== undefined)
    json += `,"details":${JSON.stringify({ ...error.details })}`;
  return `${json}}}`;
}

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
