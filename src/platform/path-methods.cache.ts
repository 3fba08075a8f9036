import type { RouteCheck } from './route-check.util';

/** Paths remembered per app; the oldest is dropped first. */
const MAX_ENTRIES = 500;
/** Longer paths are looked up every time, never kept. */
const MAX_PATH_LENGTH = 256;

/**
 * @internal A route's method on a path, and which requests it serves when
 * it serves some only (a host-bound or versioned route).
 */
export interface ServedRoute {
  readonly method: string;
  readonly check?: RouteCheck;
}

/**
 * @internal The methods served on a path: those of routes that serve every
 * request, and those of host-bound or versioned routes, counted per request.
 */
export class ServedMethods {
  /** Methods of the routes that serve every request. */
  readonly always: readonly string[];
  private readonly conditional: readonly ServedRoute[];

  constructor(routes: readonly ServedRoute[]) {
    const always = new Set<string>();
    for (const route of routes) if (!route.check) always.add(route.method);
    this.always = Object.freeze([...always]);
    this.conditional = Object.freeze(
      routes.filter((route) => route.check && !always.has(route.method)),
    );
  }

  /** The methods served to `request` (its host and version choose among conditional routes). */
  for(request: object | undefined): readonly string[] {
    if (this.conditional.length === 0) return this.always;
    const methods = new Set(this.always);
    for (const { method, check } of this.conditional)
      if (request !== undefined && check?.(request)) methods.add(method);
    return [...methods];
  }
}

/**
 * @internal The methods served on a path, looked up once per path for the
 * not-found path (405 and `Allow`), not once per request. Bounded: at most
 * 500 paths of up to 256 characters (≈ 150 KB), so a client probing random
 * paths cannot grow it. Emptied whenever the platform's routing `version`
 * changes (a route added after bootstrap).
 */
export class PathMethodsCache {
  private readonly entries = new Map<string, ServedMethods>();
  private version: unknown;

  /** The cached methods of `path`, or `lookup()`'s answer, remembered. */
  get(
    path: string,
    version: unknown,
    lookup: () => ServedRoute[],
  ): ServedMethods {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    if (path.length > MAX_PATH_LENGTH) return new ServedMethods(lookup());
    let methods = this.entries.get(path);
    if (methods === undefined) {
      methods = new ServedMethods(lookup());
      if (this.entries.size >= MAX_ENTRIES)
        this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(path, methods);
    }
    return methods;
  }

  /** How many paths are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
