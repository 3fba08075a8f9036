import { validateHeaderName, validateHeaderValue } from 'node:http';

/**
 * Response headers that survive on an error response when a handler or
 * middleware set them before the error: CORS, caching keys, security
 * policies, authentication challenges, rate limits and connection control.
 * Everything else a handler set (`Cache-Control`, `ETag`, `Content-*`,
 * `Location`, `Set-Cookie`, pagination headers, …) describes a success that
 * never happened and is removed.
 */
const KEPT_HEADERS = new Set([
  'vary',
  'allow',
  'www-authenticate',
  'proxy-authenticate',
  'strict-transport-security',
  'content-security-policy',
  'content-security-policy-report-only',
  'permissions-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'origin-agent-cluster',
  'connection',
  'keep-alive',
  'server',
  'date',
]);
const KEPT_PREFIXES = [
  'access-control-',
  'cross-origin-',
  'x-ratelimit-',
  'ratelimit',
  'retry-after',
];

/**
 * @internal The names, from the headers already on a response, that an
 * error response must not carry: all but the kept ones above and the app's
 * own `keep` list (lower-cased; holds the request-id header).
 */
export function staleHeaderNames(
  names: Iterable<string>,
  keep: ReadonlySet<string>,
): string[] {
  const stale: string[] = [];
  for (const name of names) if (!isKept(name, keep)) stale.push(name);
  return stale;
}

function isKept(name: string, keep: ReadonlySet<string>): boolean {
  // The request-id header, on every error: found before any lower-casing.
  if (keep.has(name)) return true;
  const lower = name.toLowerCase();
  if (KEPT_HEADERS.has(lower) || keep.has(lower)) return true;
  for (const prefix of KEPT_PREFIXES) if (lower.startsWith(prefix)) return true;
  return false;
}

/**
 * @internal Errors are not cacheable unless the error itself says how
 * (`Cache-Control` or `Expires` among its own headers).
 */
export function setsCaching(
  headers: Readonly<Record<string, string>>,
): boolean {
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (lower === 'cache-control' || lower === 'expires') return true;
  }
  return false;
}

/**
 * @internal Only headers Node can write: a name or value with CR/LF or other
 * invalid characters would break the response, so it is dropped and handed
 * to `onInvalid` (which logs it).
 */
export function validHeaders(
  headers: Readonly<Record<string, unknown>> | undefined,
  onInvalid: (name: string) => void,
): Record<string, string> {
  const valid: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const text = typeof value === 'number' ? String(value) : value;
    try {
      if (typeof text !== 'string') throw new TypeError('not a string');
      validateHeaderName(name);
      validateHeaderValue(name, text);
      valid[name] = text;
    } catch {
      onInvalid(name);
    }
  }
  return valid;
}

/**
 * @internal The `Vary` of an error response: what the response already
 * varies on (kept, see `KEPT_HEADERS`) plus the error's own, never replaced.
 */
export function mergeVary(existing: unknown, added: string): string {
  const current = Array.isArray(existing)
    ? existing.join(', ')
    : typeof existing === 'string'
      ? existing
      : '';
  const names = current
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes('*')) return '*';
  for (const name of added.split(',').map((n) => n.trim())) {
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase()))
      names.push(name);
  }
  return names.join(', ');
}
