/** @internal A route as Fastify registered it, compiled for matching paths. */
export interface FastifyRoute {
  readonly methods: readonly string[];
  readonly pattern: RegExp;
}

type RouterConfig = {
  caseSensitive?: boolean;
  ignoreTrailingSlash?: boolean;
  ignoreDuplicateSlashes?: boolean;
};
type FastifyLike = {
  addHook(
    name: 'onRoute',
    hook: (route: {
      method: string | string[];
      url?: string;
      path?: string;
    }) => void,
  ): unknown;
  initialConfig?: RouterConfig & { routerOptions?: RouterConfig };
};

const routesByInstance = new WeakMap<object, FastifyRoute[]>();

/**
 * @internal Records every route registered on a Fastify instance from now on
 * (Nest registers them after module configuration). Kept per instance, so
 * several apps in one process never mix their routes.
 */
export function collectFastifyRoutes(instance: FastifyLike): void {
  if (routesByInstance.has(instance)) return;
  const routes: FastifyRoute[] = [];
  routesByInstance.set(instance, routes);
  instance.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (typeof url !== 'string') return;
    const pattern = compileFastifyPath(url, routerConfig(instance));
    if (pattern)
      routes.push({ methods: ([] as string[]).concat(route.method), pattern });
  });
}

/** @internal Methods of the recorded routes whose path matches `path`. */
export function fastifyMethodsFor(instance: object, path: string): string[] {
  const routes = routesByInstance.get(instance) ?? [];
  const config = routerConfig(instance as FastifyLike);
  const candidate = normalizePath(path, config);
  return routes
    .filter((r) => r.pattern.test(candidate))
    .flatMap((r) => r.methods);
}

function routerConfig(instance: FastifyLike): RouterConfig {
  const initial = instance.initialConfig ?? {};
  return { ...initial, ...initial.routerOptions };
}

function normalizePath(path: string, config: RouterConfig): string {
  let result = path;
  if (config.ignoreDuplicateSlashes) result = result.replace(/\/{2,}/g, '/');
  if (config.ignoreTrailingSlash && result.length > 1)
    result = result.replace(/\/+$/, '');
  return result;
}

/**
 * @internal Compiles a find-my-way path (`/users/:id`, `/:id(^\\d+$)`,
 * `/files/*`, `/:from-:to`, `/opt/:id?`, `::` for a literal colon) into a
 * RegExp over request paths. Unknown syntax compiles to `undefined` and is
 * skipped, so it can only lose a 405, never invent one.
 */
export function compileFastifyPath(
  url: string,
  config: RouterConfig = {},
): RegExp | undefined {
  let source = '';
  const path = normalizePath(url, config);
  for (let i = 0; i < path.length;) {
    const char = path[i];
    if (char === ':' && path[i + 1] === ':') {
      source += ':';
      i += 2;
    } else if (char === ':') {
      const name = /^[A-Za-z0-9_$]*/.exec(path.slice(i + 1))![0];
      i += 1 + name.length;
      let param = '[^/]+?';
      if (path[i] === '(') {
        const end = closingParen(path, i);
        if (end === -1) return undefined;
        param = path
          .slice(i + 1, end)
          .replace(/^\^/, '')
          .replace(/\$$/, '');
        i = end + 1;
      }
      if (path[i] === '?' && i === path.length - 1 && source.endsWith('/')) {
        source = `${source.slice(0, -1)}(?:/${wrap(param)})?`;
        i += 1;
      } else {
        source += wrap(param);
      }
    } else if (char === '*') {
      source += '.*';
      i = path.length;
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
    }
  }
  try {
    return new RegExp(`^${source}$`, config.caseSensitive === false ? 'i' : '');
  } catch {
    return undefined;
  }
}

function wrap(param: string): string {
  return `(?:${param})`;
}

function closingParen(path: string, open: number): number {
  let depth = 0;
  for (let i = open; i < path.length; i++) {
    if (path[i] === '\\') i++;
    else if (path[i] === '(') depth++;
    else if (path[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
