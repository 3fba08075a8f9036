/**
 * @internal One of Fastify's internal symbols on `target` (an instance, a
 * request, a reply), found by its description: Fastify does not export
 * them, and a version that renames one yields `undefined`, for the caller to
 * fall back on public API or do nothing.
 */
export function symbolNamed(
  target: object,
  description: string,
): symbol | undefined {
  return Object.getOwnPropertySymbols(target).find(
    (symbol) => symbol.description === description,
  );
}

/** @internal The value of Fastify's internal symbol named `description` on `instance`. */
export function internal<T>(
  instance: object,
  description: string,
): T | undefined {
  const symbol = symbolNamed(instance, description);
  return symbol
    ? ((instance as Record<symbol, unknown>)[symbol] as T | undefined)
    : undefined;
}
