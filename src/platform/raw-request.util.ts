import type { RawRequest, RawResponse } from './platform.interface';

/**
 * @internal The Node request behind an Express request (itself) or a
 * Fastify request (`.raw`).
 */
export function toRawRequest(request: unknown): RawRequest {
  const wrapped = (request as { raw?: RawRequest }).raw;
  return (wrapped ?? request) as RawRequest;
}

/** @internal The Node response behind an Express response or a Fastify reply. */
export function toRawResponse(response: unknown): RawResponse {
  const wrapped = (response as { raw?: RawResponse }).raw;
  return (wrapped ?? response) as RawResponse;
}

/**
 * @internal Method and path of a request, the path without its query string
 * and cut to `maxLength` characters: safe to log and to echo.
 */
export function describeRawRequest(
  request: unknown,
  maxLength = Infinity,
): { method: string; path: string } {
  const raw = toRawRequest(request) as RawRequest & { originalUrl?: string };
  // Express rewrites `url` inside mounted routers; `originalUrl` is the client's.
  const url = originForm(raw.originalUrl ?? raw.url ?? '/');
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return {
    method: raw.method ?? 'GET',
    path: cutPath(path, maxLength),
  };
}

/**
 * A request target in absolute form (`http://host/path?query`, which
 * HTTP/1.1 servers must accept) as its origin form (`/path?query`): the
 * client's host is not part of the path.
 */
function originForm(url: string): string {
  if (url.charCodeAt(0) === SLASH) return url;
  const authority = ABSOLUTE_FORM.exec(url);
  if (!authority) return url;
  const rest = url.slice(authority[0].length);
  return rest.charCodeAt(0) === SLASH ? rest : `/${rest}`;
}

const SLASH = 47;
const ABSOLUTE_FORM = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/** @internal `path` cut to `maxLength` characters, marked with `…` when cut. */
export function cutPath(path: string, maxLength: number): string {
  return path.length > maxLength ? `${path.slice(0, maxLength)}…` : path;
}

/** @internal True when the request carries a body (chunked or a non-zero length). */
export function hasBody(
  headers: Record<string, string | string[] | undefined>,
): boolean {
  const length = headers['content-length'];
  return (
    headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}
