const TRACEPARENT =
  /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/**
 * The trace id of a valid W3C `traceparent` header (32 lower-case hex
 * digits), or `undefined` for a missing, malformed or invalid one: version
 * `ff`, an all-zero trace id or parent id, extra fields on version `00`, or a
 * repeated header (which Node joins with a comma).
 * @see https://www.w3.org/TR/trace-context/#traceparent-header
 * @publicApi
 */
export function traceIdFromTraceparent(header: unknown): string | undefined {
  if (typeof header !== 'string' || header.length > 512) return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, parentId, , rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined))
    return undefined;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return undefined;
  return traceId;
}
