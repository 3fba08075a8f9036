import { toRawRequest } from '../request-id/request-id.util';

/**
 * @internal Method and path (no query string: it may carry tokens) of an
 * Express request, a Fastify request or a raw Node request.
 */
export function requestLine(request: unknown): {
  method: string;
  path: string;
} {
  if (typeof request !== 'object' || request === null)
    return { method: 'HTTP', path: '' };
  const raw = toRawRequest(request) as {
    method?: unknown;
    url?: unknown;
    originalUrl?: unknown;
  };
  const url = String(raw.originalUrl ?? raw.url ?? '');
  const query = url.indexOf('?');
  return {
    method: typeof raw.method === 'string' ? raw.method : 'HTTP',
    path: query === -1 ? url : url.slice(0, query),
  };
}
