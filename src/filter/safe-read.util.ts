/**
 * @internal Reads one property of anything without throwing: getters that
 * throw, proxies and revoked proxies all read as `undefined`.
 */
export function readProperty(value: unknown, key: string): unknown {
  if (
    (typeof value !== 'object' && typeof value !== 'function') ||
    value === null
  )
    return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * @internal A one-line description of a thrown value, for logs and for
 * `exposeInternalErrors`. Never throws, never serializes deep structures.
 */
export function safeMessage(value: unknown): string {
  if (typeof value === 'string') return value;
  const message = readProperty(value, 'message');
  if (typeof message === 'string' && message !== '') return message;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** @internal The stack of an error, or its description for non-errors. */
export function safeStack(value: unknown): string {
  const stack = readProperty(value, 'stack');
  return typeof stack === 'string' ? stack : safeMessage(value);
}

/** @internal `instanceof` that answers false where a proxy's traps throw. */
export function isInstanceOf<T>(
  value: unknown,
  type: abstract new (...args: never[]) => T,
): value is T {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}
