/**
 * @internal Whether a route serves a request that reached its path: a route
 * of a host-bound controller (`@Controller({ host })`) serves some hosts
 * only, a route under header, media-type or custom versioning some versions
 * only.
 */
export type RouteCheck = (request: object) => boolean;

/** Marks the handler Nest puts in front of such a route with its `RouteCheck`. */
const ROUTE_CHECK = Symbol('nestjs-api-errors:route-check');

type Filter = (...args: unknown[]) => unknown;
type HostFilterFactory = (
  this: unknown,
  host: unknown,
  handler: Filter,
) => unknown;

/** A stand-in route: what Nest's filters call when they serve the request. */
export const accepted = (): boolean => true;
const refused = (): boolean => false;

/**
 * @internal The check of a filter Nest built over `accepted`: true when the
 * filter would serve `request`. Nest's filters write onto the request
 * (`req.hosts`): the stand-in gets a copy inheriting from it.
 */
export function checkThrough(standIn: unknown): RouteCheck {
  return (request) => {
    try {
      return (
        (standIn as Filter)(Object.create(request), undefined, refused) === true
      );
    } catch {
      return false;
    }
  };
}

/** @internal Gives `handler` the check of the route it serves. */
export function markRouteCheck(handler: unknown, check: RouteCheck): void {
  if (typeof handler === 'function')
    (handler as unknown as Record<symbol, RouteCheck>)[ROUTE_CHECK] = check;
}

/** @internal The `RouteCheck` of a route's handler; `undefined` when it serves every request of its path and method. */
export function routeCheckOf(handler: unknown): RouteCheck | undefined {
  if (typeof handler !== 'function') return undefined;
  const check = (handler as unknown as Record<symbol, unknown>)[ROUTE_CHECK];
  return typeof check === 'function' ? (check as RouteCheck) : undefined;
}

/**
 * @internal Gives `wrapper`, a handler Nest or its adapter put in front of
 * `handler`, the check of `handler`.
 */
export function keepRouteCheck(handler: unknown, wrapper: unknown): void {
  const check = routeCheckOf(handler);
  if (check && wrapper !== handler) markRouteCheck(wrapper, check);
}

/**
 * @internal Nest serves a host-bound route through a handler that passes a
 * request on to the next route when its host does not match
 * (`RouterExplorer.applyHostFilter`, NestJS 11 and 12): to the router's 404
 * when no other route serves it. This marks that handler with a check made
 * by Nest's own filter over a stand-in route, so the 405 lookup counts a
 * route only for the hosts it serves. Runs before Nest registers its routes;
 * once per process (the mark is on Nest's class). A NestJS without that
 * method changes nothing: host-bound routes then count for every host.
 */
export function markHostFilters(): void {
  let explorer: { prototype: { applyHostFilter?: HostFilterFactory } };
  try {
    explorer = (
      require('@nestjs/core/router/router-explorer') as {
        RouterExplorer: typeof explorer;
      }
    ).RouterExplorer;
  } catch {
    return;
  }
  const original = explorer?.prototype?.applyHostFilter;
  if (typeof original !== 'function' || ROUTE_CHECK in original) return;
  const marking: HostFilterFactory = function (host, handler) {
    const filter = original.call(this, host, handler);
    if (filter !== handler)
      markRouteCheck(filter, checkThrough(original.call(this, host, accepted)));
    return filter;
  };
  markRouteCheck(marking, accepted);
  explorer.prototype.applyHostFilter = marking;
}
