import { MAX_REQUEST_ID_LENGTH } from '../errors.constants';
import { REQUEST_ID_KEY } from '../errors.internal-constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { toRawRequest } from '../platform/raw-request.util';
import { traceIdFromTraceparent } from '../reporting/traceparent.util';

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
 * @internal The request's id: the one already assigned to it, else the trace
 * id of a valid `traceparent` (when `requestIdFromTraceparent`), else a
 * well-formed incoming header (when trusted), else a new one. Remembers it on
 * the request so every later reader agrees.
 */
export function assignRequestId(
  raw: RawRequest,
  options: ResolvedErrorsOptions,
): string {
  return requestIdAssigner(options)(raw);
}

/** The options `requestIdAssigner` reads; resolved options qualify. */
type AssignerOptions = Pick<
  ResolvedErrorsOptions,
  | 'requestIdHeader'
  | 'trustRequestId'
  | 'generateRequestId'
  | 'requestIdFromTraceparent'
>;

const assigners = new WeakMap<AssignerOptions, (raw: RawRequest) => string>();

/**
 * @internal `assignRequestId` with the options read once: the header name,
 * the trust and traceparent switches and the generator are fixed at
 * bootstrap, so the hook that runs on every request reads none of them.
 */
export function requestIdAssigner(
  options: AssignerOptions,
): (raw: RawRequest) => string {
  let assign = assigners.get(options);
  if (assign) return assign;
  const header = options.requestIdHeader;
  const generate = options.generateRequestId;
  const trust = options.trustRequestId;
  const fromTrace = options.requestIdFromTraceparent;
  const choose = (raw: RawRequest): string => {
    if (fromTrace) {
      const traced = traceIdFromTraceparent(raw.headers.traceparent);
      if (traced !== undefined) return traced;
    }
    const incoming = raw.headers[header];
    return trust && isWellFormedRequestId(incoming) ? incoming : generate();
  };
  assign = (raw) => {
    const assigned = raw[REQUEST_ID_KEY];
    if (assigned !== undefined) return assigned;
    const id = choose(raw);
    raw[REQUEST_ID_KEY] = id;
    return id;
  };
  assigners.set(options, assign);
  return assign;
}

/** @internal The id assigned to a request, if any. */
export function readRequestId(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  return (toRawRequest(request) as RawRequest)[REQUEST_ID_KEY];
}
