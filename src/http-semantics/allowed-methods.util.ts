import { NotFoundException } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';

import { readProperty } from '../filter/safe-read.util';
import type { HttpPlatform } from '../platform/platform.interface';

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
  // A handler's own 404 ("Item 0 does not exist.") is told apart without building the router's message.
  if (typeof message !== 'string' || !message.startsWith('Cannot '))
    return false;
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
 * @internal The methods the app serves on `path` to `request`, for a 405
 * and its `Allow` header; `undefined` when the path is unknown (it stays a 404) or `method`
 * is among them (a route-level miss, e.g. a header version that no handler
 * serves).
 */
export function allowedMethods(
  platform: HttpPlatform,
  method: string,
  path: string,
  request?: object,
): string[] | undefined {
  const served = platform.methodsFor(path, request);
  // The usual router 404: nothing is served on the path.
  if (served.length === 0) return undefined;
  const found = new Set(served);
  if (found.has('GET')) found.add('HEAD');
  if (
    found.has(method.toUpperCase()) ||
    [...found].every((m) => m === 'OPTIONS')
  )
    return undefined;
  return [...found].sort(byConventionalOrder);
}

function byConventionalOrder(a: string, b: string): number {
  const ia = METHOD_ORDER.indexOf(a);
  const ib = METHOD_ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1)
    return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}
