import { routeCheckOf, keepRouteCheck } from './route-check.util';
import type { RouteCheck } from './route-check.util';
import { fastifyOptions, internal } from './fastify-symbols.util';

/** What Fastify's `onRoute` hook is given (the fields read here). */
export interface FastifyRouteOptions {
  method: string | string[];
  url?: string;
  constraints?: Record<string, unknown>;
  handler?: unknown;
}

/** A route found by `find-my-way`, with what the module stored for it. */
export interface FoundRoute {
  params?: Record<string, unknown>;
  store?: { check?: RouteCheck };
}

type Router = {
  on(
    method: string | string[],
    path: string,
    options: { constraints?: Record<string, unknown> },
    handler: () => void,
    store: { check?: RouteCheck },
  ): void;
  find(
    method: string,
    path: string,
    constraints?: Record<string, unknown>,
  ): FoundRoute | null;
};
type RouterConstructor = new (options: Record<string, unknown>) => Router;

const noop = (): void => undefined;

/**
 * @internal The routes of a Fastify app as its `onRoute` hook saw them, for
 * the 405 lookup once a host-bound controller (`@Controller({ host })`) has
 * routes: Fastify's `findRoute` does not say which route it found, so a
 * second router of the same `find-my-way` and options holds the same routes
 * with their host checks. Built on the first lookup that needs it; apps
 * without host-bound routes never build it and ask Fastify's router.
 */
export class FastifyHostRoutes {
  private readonly routes: {
    options: FastifyRouteOptions;
    check?: RouteCheck;
  }[] = [];
  private hostBound = false;
  /** The mirror router; `null` when this Fastify offers no way to build one. */
  private router?: Router | null;

  constructor(private readonly fastify: object) {}

  /** Remembers a route Fastify is registering (its `onRoute` hook). */
  record(options: FastifyRouteOptions): void {
    const check = routeCheckOf(options.handler);
    if (check) this.hostBound = true;
    this.routes.push({ options, check });
    this.router = undefined;
  }

  /**
   * The route Fastify's router finds for `method` and `path` (and the
   * request's `constraints`) among the routes seen, with its host check in
   * `store`; `undefined` when no route is host-bound (or no mirror can be
   * built): Fastify's own `findRoute` answers then.
   */
  find(
    method: string,
    path: string,
    constraints?: Record<string, unknown>,
  ): FoundRoute | null | undefined {
    if (!this.hostBound) return undefined;
    if (this.router === undefined) this.router = this.build();
    return this.router?.find(method, path, constraints);
  }

  private build(): Router | null {
    const notFound = internal<{ router?: { constructor?: unknown } }>(
      this.fastify,
      'fastify.404',
    );
    const options = fastifyOptions(this.fastify);
    const Router = notFound?.router?.constructor;
    if (typeof Router !== 'function') return null;
    let router: Router;
    try {
      router = new (Router as RouterConstructor)({
        ...(options?.routerOptions ?? {}),
        defaultRoute: undefined,
        onBadUrl: undefined,
      });
    } catch {
      return null;
    }
    for (const { options: route, check } of this.routes) {
      if (typeof route.url !== 'string') continue;
      try {
        router.on(
          route.method,
          route.url,
          { constraints: route.constraints },
          noop,
          { check },
        );
      } catch {
        // Fastify refused it too (a duplicate), or a constraint it alone knows.
      }
    }
    return router;
  }
}

/**
 * @internal Nest's Fastify adapter puts a handler in front of a route with
 * named parameters (`requireNonEmptyParams`): it keeps the host check of the
 * handler it wraps, for the `onRoute` hook to read.
 */
export function keepRouteChecksOnFastify(adapter: object): void {
  const target = adapter as {
    requireNonEmptyParams?: (this: unknown, ...args: unknown[]) => unknown;
  };
  const original = target.requireNonEmptyParams;
  if (typeof original !== 'function') return;
  target.requireNonEmptyParams = function (
    this: unknown,
    url: unknown,
    handler: unknown,
    ...rest: unknown[]
  ) {
    const wrapper = original.call(this, url, handler, ...rest);
    keepRouteCheck(handler, wrapper);
    return wrapper;
  };
}
