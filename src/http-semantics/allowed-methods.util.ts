import { NotFoundException } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';

import { readProperty } from '../filter/safe-read.util';
import { toRawRequest } from '../request-id/request-id.util';
import { fastifyMethodsFor } from './fastify-routes.util';

/** Conventional order of the `Allow` header; other methods follow alphabetically. */
const METHOD_ORDER = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
];

type Layer = {
  route?: { methods?: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  path?: string;
  match?: (path: string) => boolean;
};

/**
 * @internal True for the 404 Nest's router answers when no route matched
 * (`Cannot GET /path`), as opposed to a 404 thrown by a handler.
 */
export function isRouteNotFound(
  exception: unknown,
  adapter: AbstractHttpAdapter,
  request: unknown,
): boolean {
  if (!(exception instanceof NotFoundException)) return false;
  const message = readProperty(exception.getResponse(), 'message');
  try {
    return (
      message ===
      `Cannot ${adapter.getRequestMethod(request)} ${adapter.getRequestUrl(request)}`
    );
  } catch {
    return false;
  }
}

/**
 * @internal The methods the app serves on the request's path, for a 405 and
 * its `Allow` header; `undefined` when the path is unknown (it stays a 404)
 * or the request's own method is among them (a route-level miss, e.g. a
 * header version that no handler serves). Express is asked through its own
 * router, Fastify through the routes recorded at registration.
 */
export function allowedMethods(
  adapter: AbstractHttpAdapter,
  request: unknown,
): string[] | undefined {
  const raw = toRawRequest(request) as {
    method?: string;
    url?: string;
    originalUrl?: string;
  };
  // Express rewrites `url` inside mounted routers (Nest 12 mounts its 404 under the prefix).
  const path = (raw.originalUrl ?? raw.url ?? '/').split('?')[0];
  const instance = adapter.getInstance<{
    addHook?: unknown;
    router?: { stack?: Layer[] };
    _router?: { stack?: Layer[] };
  }>();
  const found = new Set<string>();
  if (typeof instance.addHook === 'function') {
    for (const method of fastifyMethodsFor(instance, path))
      found.add(method.toUpperCase());
  } else {
    walkExpress(
      (instance.router ?? instance._router)?.stack ?? [],
      path,
      found,
    );
  }
  if (found.has('GET')) found.add('HEAD');
  const method = (raw.method ?? 'GET').toUpperCase();
  if (found.has(method) || [...found].every((m) => m === 'OPTIONS'))
    return undefined;
  return [...found].sort(byConventionalOrder);
}

/** Express 5 router: route layers that match the path, including mounted routers. */
function walkExpress(stack: Layer[], path: string, found: Set<string>): void {
  for (const layer of stack) {
    if (!matches(layer, path)) continue;
    if (layer.route) {
      for (const [name, on] of Object.entries(layer.route.methods ?? {})) {
        // `_all` routes are middleware and Nest's own not-found handlers, not resources.
        if (on && name !== '_all') found.add(name.toUpperCase());
      }
    } else if (
      Array.isArray(layer.handle?.stack) &&
      typeof layer.path === 'string'
    ) {
      walkExpress(
        layer.handle.stack,
        path.slice(layer.path.length) || '/',
        found,
      );
    }
  }
}

function matches(layer: Layer, path: string): boolean {
  try {
    return typeof layer.match === 'function' && layer.match(path);
  } catch {
    return false;
  }
}

function byConventionalOrder(a: string, b: string): number {
  const ia = METHOD_ORDER.indexOf(a);
  const ib = METHOD_ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1)
    return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}
