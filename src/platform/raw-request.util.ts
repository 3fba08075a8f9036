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

/** @internal What `hasBody` reads of a Node request (HTTP/1.x or HTTP/2). */
export interface BodyFraming {
  headers: Record<string, string | string[] | undefined>;
  httpVersionMajor?: number;
  /** HTTP/2: the request's stream, which knows whether DATA follows. */
  stream?: { endAfterHeaders?: boolean };
}

/**
 * @internal True when the request carries a body: chunked or a non-zero
 * length; on HTTP/2, which needs neither header, unless its HEADERS frame
 * ended the stream.
 */
export function hasBody(request: BodyFraming): boolean {
  const { headers } = request;
  const length = headers['content-length'];
  if (headers['transfer-encoding'] !== undefined) return true;
  if (length !== undefined) return length !== '0';
  return (
    request.httpVersionMajor === 2 && request.stream?.endAfterHeaders === false
  );
}
