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

/**
 * @internal The options a Fastify instance was built with (`kOptions`):
 * its framework-error handler and its router options, read where its
 * router reads them.
 */
export interface FastifyOptions {
  frameworkErrors?: (
    error: unknown,
    request: unknown,
    reply: object,
  ) => unknown;
  routerOptions?: Record<string, unknown> & {
    constraints?: Record<
      string,
      { deriveConstraint?: (...args: unknown[]) => unknown }
    >;
  };
}

/** @internal See `FastifyOptions`; `undefined` on a Fastify that keeps them elsewhere. */
export function fastifyOptions(instance: object): FastifyOptions | undefined {
  return internal<FastifyOptions>(instance, 'fastify.options');
}
