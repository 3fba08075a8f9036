/**
 * @internal A plain `Retry-After` for a 429 that has only named ones:
 * `@nestjs/throttler` writes `Retry-After-<name>` for named throttlers, which
 * generic clients do not read. The longest wait wins. `undefined` when the
 * response already has `Retry-After` or no named one.
 */
export function plainRetryAfter(response: unknown): string | undefined {
  const headers = responseHeaders(response);
  if (headers['retry-after'] !== undefined) return undefined;
  let longest: number | undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('retry-after-')) continue;
    const seconds = Number(Array.isArray(value) ? value[0] : value);
    if (
      Number.isFinite(seconds) &&
      (longest === undefined || seconds > longest)
    )
      longest = seconds;
  }
  return longest === undefined
    ? undefined
    : String(Math.max(0, Math.ceil(longest)));
}

/** Express responses, Fastify replies and raw Node responses all have `getHeaders()`. */
function responseHeaders(response: unknown): Record<string, unknown> {
  const res = response as { getHeaders?: () => Record<string, unknown> };
  try {
    const headers =
      typeof res.getHeaders === 'function' ? res.getHeaders() : {};
    return Object.fromEntries(
      Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
  } catch {
    return {};
  }
}
