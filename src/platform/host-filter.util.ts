/**
 * @internal Whether a route of a host-bound controller
 * (`@Controller({ host: 'admin.example.com' })`) serves a request's host.
 */
export type HostCheck = (request: object) => boolean;

/** Marks the handler Nest puts in front of a host-bound route with its `HostCheck`. */
const HOST_CHECK = Symbol('nestjs-api-errors:host-check');

type HostFilterFactory = (
  this: unknown,
  host: unknown,
  handler: (...args: unknown[]) => unknown,
) => unknown;

const accepted = (): boolean => true;
const refused = (): boolean => false;

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
  if (typeof original !== 'function' || HOST_CHECK in original) return;
  const marking: HostFilterFactory = function (host, handler) {
    const filter = original.call(this, host, handler);
    if (typeof filter === 'function' && filter !== handler) {
      const stand = original.call(this, host, accepted) as (
        ...args: unknown[]
      ) => unknown;
      const check: HostCheck = (request) => {
        try {
          // Nest's filter writes `req.hosts`: onto a stand-in, not the request.
          return stand(Object.create(request), undefined, refused) === true;
        } catch {
          return false;
        }
      };
      (filter as unknown as Record<symbol, HostCheck>)[HOST_CHECK] = check;
    }
    return filter;
  };
  (marking as unknown as Record<symbol, boolean>)[HOST_CHECK] = true;
  explorer.prototype.applyHostFilter = marking;
}

/** @internal The `HostCheck` of a route's handler; `undefined` when it serves every host. */
export function hostCheckOf(handler: unknown): HostCheck | undefined {
  if (typeof handler !== 'function') return undefined;
  const check = (handler as unknown as Record<symbol, unknown>)[HOST_CHECK];
  return typeof check === 'function' ? (check as HostCheck) : undefined;
}

/**
 * @internal Gives `wrapper`, a handler Nest's adapter put in front of
 * `handler`, the host check of `handler`.
 */
export function keepHostCheck(handler: unknown, wrapper: unknown): void {
  const check = hostCheckOf(handler);
  if (check && typeof wrapper === 'function' && wrapper !== handler)
    (wrapper as unknown as Record<symbol, HostCheck>)[HOST_CHECK] = check;
}
