import { MAX_REQUEST_ID_LENGTH } from '../errors.constants';
import { REQUEST_ID_KEY } from '../errors.internal-constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { toRawRequest } from '../platform/raw-request.util';

const WELL_FORMED = new RegExp(`^[\\x21-\\x7e]{1,${MAX_REQUEST_ID_LENGTH}}$`);

/**
 * True for an id that may be reused: 1–128 printable ASCII characters, with no
 * whitespace or control characters.
 * @publicApi
 */
export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

/** @internal The raw Node request behind an Express or Fastify request. */
export type RawRequest = {
  headers: Record<string, string | string[] | undefined>;
} & {
  [REQUEST_ID_KEY]?: string;
};

/**
 * @internal The request's id: the one already assigned to it, else a
 * well-formed incoming header (when trusted), else a new one. Remembers it on
 * the request so every later reader agrees.
 */
export function assignRequestId(
  raw: RawRequest,
  options: ResolvedErrorsOptions,
): string {
  const assigned = raw[REQUEST_ID_KEY];
  if (assigned !== undefined) return assigned;
  const incoming = raw.headers[options.requestIdHeader];
  const id =
    options.trustRequestId && isWellFormedRequestId(incoming)
      ? incoming
      : options.generateRequestId();
  raw[REQUEST_ID_KEY] = id;
  return id;
}

/** @internal The id assigned to a request, if any. */
export function readRequestId(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  return (toRawRequest(request) as RawRequest)[REQUEST_ID_KEY];
}
