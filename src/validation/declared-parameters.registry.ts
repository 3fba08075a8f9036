import { RequestMethod } from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';

/** Nest's metadata keys and `RouteParamtypes` (stable across 11 and 12). */
const ROUTE_ARGS_METADATA = '__routeArguments__';
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';
const PARAMTYPE_QUERY = 4;
const PARAMTYPE_PARAM = 5;
/**
 * The arguments Nest runs pipes on (its `isPipeable`): body, query, param,
 * file, files, raw body, NestJS 12's cookies and signed cookies; and custom
 * decorators.
 */
const PIPED_PARAMTYPES = new Set([3, 4, 5, 8, 9, 12, 14, 15]);
/** Routes whose single-parameter answer is kept: an app's own, so a bound only against misuse. */
const MAX_CACHED_ROUTES = 10_000;

/** What a `Parse*Pipe` checks, by class name. */
const PIPE_KINDS: Record<string, string> = {
  ParseIntPipe: 'numeric string',
  ParseFloatPipe: 'numeric string',
  ParseBoolPipe: 'boolean string',
  ParseUUIDPipe: 'uuid',
  ParseEnumPipe: 'enum string',
};

/** @internal A parameter a handler declares with a `Parse*Pipe`. */
export interface DeclaredParameter {
  readonly source: 'query' | 'params';
  readonly name: string;
  /** What its pipe expects: `numeric string`, `uuid`, … */
  readonly kind: string;
}

interface HandlerEntry {
  readonly method: string;
  /** Controller path + handler path, without slashes at the ends. */
  readonly paths: readonly string[];
  /** Those with a `Parse*Pipe`. */
  readonly parameters: readonly DeclaredParameter[];
  /** How many of its arguments Nest runs pipes on. */
  readonly piped: number;
}

type Owner = object;
const containers = new WeakMap<Owner, ModulesContainer>();
const tables = new WeakMap<Owner, readonly HandlerEntry[]>();
const singles = new WeakMap<Owner, Map<string, boolean>>();

/**
 * @internal Remembers the app's modules for `owner` (its resolved options,
 * one per app). Nothing is read until a `Parse*Pipe` failure asks.
 */
export function rememberModules(owner: Owner, modules: ModulesContainer): void {
  containers.set(owner, modules);
}

/**
 * @internal The parameters with a `Parse*Pipe` that the handlers matching
 * `method` and the route pattern declare (`@Query('page', ParseIntPipe)`,
 * `@Param('id', ParseUUIDPipe)`), read from Nest's route metadata on the
 * first failure; `undefined` when the app's routes are not known.
 */
export function declaredParameters(
  owner: Owner,
  method: string,
  pattern: string,
): DeclaredParameter[] | undefined {
  const handlers = handlersOf(owner, method, pattern);
  return handlers?.flatMap((entry) => entry.parameters);
}

/**
 * @internal True when every handler `method` and the route pattern can reach
 * takes one argument Nest runs pipes on (`signup(@Body() dto)`): a failure of
 * that argument is the request's only one, with nothing left to wait for.
 * False when a handler takes several (`@Body()` and `@Query()`, a custom
 * decorator), or when no handler is known. Kept per route after the first ask.
 */
export function singlePipedParameter(
  owner: Owner,
  method: string,
  pattern: string,
): boolean {
  let known = singles.get(owner);
  if (!known) singles.set(owner, (known = new Map()));
  const key = `${method} ${pattern}`;
  let single = known.get(key);
  if (single === undefined) {
    const handlers = handlersOf(owner, method, pattern);
    single =
      handlers !== undefined &&
      handlers.length > 0 &&
      handlers.every((entry) => entry.piped === 1);
    if (known.size < MAX_CACHED_ROUTES) known.set(key, single);
  }
  return single;
}

/** The handlers `method` and the route pattern can match; `undefined` when the app's routes are not known. */
function handlersOf(
  owner: Owner,
  method: string,
  pattern: string,
): HandlerEntry[] | undefined {
  let table = tables.get(owner);
  if (!table) {
    const modules = containers.get(owner);
    if (!modules) return undefined;
    table = readHandlers(modules);
    tables.set(owner, table);
  }
  const route = trimSlashes(pattern);
  return table.filter(
    (entry) =>
      (entry.method === method || entry.method === 'ALL') &&
      entry.paths.some((path) => matches(route, path)),
  );
}

/** The route ends with the handler's own path (global prefix, versions and RouterModule come first). */
function matches(route: string, path: string): boolean {
  return route === path || (path !== '' && route.endsWith(`/${path}`));
}

function readHandlers(modules: ModulesContainer): HandlerEntry[] {
  const entries: HandlerEntry[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new () => object) | null;
      if (typeof controller !== 'function') continue;
      const prefixes = paths(Reflect.getMetadata(PATH_METADATA, controller));
      let proto: object | null = controller.prototype;
      const seen = new Set<string>();
      while (proto && proto !== Object.prototype) {
        for (const name of Object.getOwnPropertyNames(proto)) {
          if (seen.has(name) || name === 'constructor') continue;
          seen.add(name);
          const entry = readHandler(controller, proto, name, prefixes);
          if (entry) entries.push(entry);
        }
        proto = Object.getPrototypeOf(proto);
      }
    }
  }
  return entries;
}

function readHandler(
  controller: object,
  proto: object,
  name: string,
  prefixes: string[],
): HandlerEntry | undefined {
  const handler = Object.getOwnPropertyDescriptor(proto, name)?.value;
  if (typeof handler !== 'function') return undefined;
  const method = Reflect.getMetadata(METHOD_METADATA, handler);
  if (method === undefined) return undefined;
  // Nest keeps a handler's arguments on its class, by method name.
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ??
    {}) as Record<string, { data?: unknown; pipes?: unknown[] }>;
  const parameters: DeclaredParameter[] = [];
  let piped = 0;
  for (const [key, arg] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    // A custom decorator's key starts with its own name, not a number.
    if (Number.isNaN(type) || PIPED_PARAMTYPES.has(type)) piped++;
    if (type !== PARAMTYPE_QUERY && type !== PARAMTYPE_PARAM) continue;
    if (typeof arg.data !== 'string') continue;
    for (const pipe of arg.pipes ?? []) {
      const kind = PIPE_KINDS[pipeName(pipe)];
      if (kind)
        parameters.push({
          source: type === PARAMTYPE_QUERY ? 'query' : 'params',
          name: arg.data,
          kind,
        });
    }
  }
  const own = paths(Reflect.getMetadata(PATH_METADATA, handler));
  return {
    method: RequestMethod[method as number] ?? String(method),
    paths: prefixes.flatMap((prefix) =>
      own.map((path) => trimSlashes(`${prefix}/${path}`)),
    ),
    parameters,
    piped,
  };
}

function pipeName(pipe: unknown): string {
  if (typeof pipe === 'function') return pipe.name;
  return (pipe as { constructor?: { name?: string } })?.constructor?.name ?? '';
}

function paths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value ?? ''];
  return list.map((path) => trimSlashes(String(path)));
}

function trimSlashes(path: string): string {
  return path.replace(/\/{2,}/g, '/').replace(/^\/|\/$/g, '');
}
