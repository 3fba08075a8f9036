/**
 * @internal The path pattern of the route that matched a request, as the app
 * declared it (`/items/:id`): Express 5 keeps it on `req.route.path`, Fastify
 * on `request.routeOptions.url`. `undefined` before routing (middleware,
 * body parser) or for the not-found fallback.
 */
export function routePattern(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const { route, routeOptions } = request as {
    route?: { path?: unknown };
    routeOptions?: { url?: unknown };
  };
  const pattern = routeOptions?.url ?? route?.path;
  return typeof pattern === 'string' ? pattern : undefined;
}

/**
 * @internal Names of the path parameters a route pattern declares, in order:
 * `:id`, `:id(\\d+)`, `:file.:ext` (both routers' syntax).
 */
export function declaredPathParameters(pattern: string): string[] {
  return [...pattern.matchAll(/:([A-Za-z_$][\w$]*)/g)].map((m) => m[1]);
}
