import {
  NotFoundException,
  VERSION_NEUTRAL,
  VersioningType,
} from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { Server } from 'node:http';

import type { ResolvedErrorsOptions } from '../errors-module.options';
import { requestIdStorage } from '../request-id/request-id.storage';
import { requestIdAssigner } from '../request-id/request-id.util';
import { mountClientErrorHandler } from './client-error.util';
import {
  lacksHost,
  missingHostException,
  takeOverHostCheck,
} from './host-header.util';
import { recordAdapterError } from './adapter-error.util';
import type {
  ErrorResponder,
  ErrorResponse,
  HttpPlatform,
  RawRequest,
  RawResponse,
} from './platform.interface';
import { moveToFront } from './hoist.util';
import {
  accepted,
  checkThrough,
  keepRouteCheck,
  markHostFilters,
  markRouteCheck,
  routeCheckOf,
} from './route-check.util';
import type { RouteCheck } from './route-check.util';
import { PathMethodsCache } from './path-methods.cache';
import type { ServedRoute } from './path-methods.cache';
import { hasBody, toRawResponse } from './raw-request.util';
import { writeRawResponse } from './raw-write.util';
import { stacklessNotFound } from './stackless-not-found.util';
import { routeStreamErrors } from './streamable-file.util';

type Next = (error?: unknown) => void;
type Layer = {
  route?: { methods?: Record<string, boolean>; stack?: Layer[] };
  handle?: { stack?: Layer[] };
  path?: string;
  match?: (path: string) => boolean | { path?: string };
};
type ExpressApp = {
  use(...handlers: unknown[]): unknown;
  router?: { stack?: Layer[] };
  _router?: { stack?: Layer[] };
};

/**
 * @internal Express 5. The body parser runs before any middleware, so its
 * failures get their id from the filter; they reach the filter through an
 * error middleware that records the original first (Nest 11 re-wraps it).
 */
export class ExpressPlatform implements HttpPlatform {
  readonly name = 'express';
  private readonly app: ExpressApp;
  private readonly methodsCache = new PathMethodsCache();
  private responder?: ErrorResponder;

  constructor(private readonly adapter: AbstractHttpAdapter) {
    this.app = adapter.getInstance<ExpressApp>();
  }

  mountRequestId(options: ResolvedErrorsOptions): void {
    // Everything that does not depend on the request is read here, once.
    const header = options.requestIdHeader;
    const assign = requestIdAssigner(options);
    const checkHost = takeOverHostCheck(
      this.adapter.getHttpServer() as Server | undefined,
    );
    const withContext = options.asyncContext;
    const hook = (req: RawRequest, res: RawResponse, next: Next) => {
      const id = assign(req);
      res.setHeader(header, id);
      if (checkHost && req.headers.host === undefined && lacksHost(req))
        return this.refuse(missingHostException(), req, res, next);
      if (withContext) requestIdStorage.run({ requestId: id }, next);
      else next();
    };
    this.app.use(hook);
    // Before what `main.ts` mounted ahead of the module (`enableCors()`,
    // `useStaticAssets()`, Swagger UI) and Nest's body parsers: their
    // responses carry the id too.
    const stack = (this.app.router ?? this.app._router)?.stack;
    if (stack)
      moveToFront(
        stack,
        (layer) => layer.handle === (hook as unknown),
        (layer) => layer.handle,
      );
  }

  /** Answers a request the request hook refuses, and closes its connection. */
  private refuse(
    exception: unknown,
    req: RawRequest,
    res: RawResponse,
    next: Next,
  ): void {
    res.shouldKeepAlive = false;
    // The responder is mounted with the error capture, right after this hook.
    if (this.responder) this.responder.reply(exception, req, res);
    else next(exception);
  }

  mountErrorCapture(responder: ErrorResponder): void {
    this.responder = responder;
    // Before Nest mounts its router: the 405 lookup tells versioned and host-bound routes apart.
    markVersionFilters(this.adapter);
    markHostFilters();
    stacklessNotFound(this.adapter);
    this.app.use(
      (error: unknown, req: RawRequest, _res: unknown, next: Next) => {
        recordAdapterError(req, error);
        next(error);
      },
    );
    mountClientErrorHandler(
      this.adapter.getHttpServer() as Server | undefined,
      responder,
    );
    const reply = this.adapter.reply.bind(this.adapter);
    this.adapter.reply = (
      response: unknown,
      body: unknown,
      status?: number,
    ) => {
      routeStreamErrors(body, (response as { req?: unknown }).req, responder);
      return reply(response, body, status);
    };
  }

  mountFallback(responder: ErrorResponder): void {
    this.app.use((req: RawRequest, res: unknown) =>
      responder.reply(
        new NotFoundException(
          `Cannot ${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url}`,
        ),
        req,
        res,
      ),
    );
    this.app.use((error: unknown, req: RawRequest, res: unknown, _next: Next) =>
      responder.reply(error, req, res),
    );
  }

  methodsFor(path: string, request?: object): readonly string[] {
    const stack = (this.app.router ?? this.app._router)?.stack ?? [];
    // A route added at the top level after bootstrap changes the stack's length.
    return this.methodsCache
      .get(path, stack.length, () => {
        const found: ServedRoute[] = [];
        walk(stack, path, found);
        return found;
      })
      .for(request);
  }

  bodyUnread(request: unknown): boolean {
    const req = request as RawRequest & { body?: unknown };
    return req.body === undefined && hasBody(req);
  }

  headersSent(response: unknown): boolean {
    return toRawResponse(response).headersSent;
  }

  serves(request: unknown): boolean {
    // Express gives each request its app through the request prototype.
    return (request as { app?: unknown }).app === this.app;
  }

  clientGone(request: unknown, response: unknown): boolean {
    return isClientGone(request as RawRequest, toRawResponse(response));
  }

  write(
    response: unknown,
    error: ErrorResponse,
    keep: ReadonlySet<string>,
  ): void {
    writeRawResponse(toRawResponse(response), error, keep);
  }

  abort(response: unknown): void {
    toRawResponse(response).destroy();
  }
}

/** @internal The client aborted its request, or its connection is closed. */
export function isClientGone(req: RawRequest, res: RawResponse): boolean {
  return req.readableAborted === true || res.socket?.destroyed === true;
}

/** Express 5 router: route layers that match the path, including mounted routers. */
function walk(stack: Layer[], path: string, found: ServedRoute[]): void {
  for (const layer of stack) {
    const matched = matchedPath(layer, path);
    if (matched === undefined) continue;
    if (layer.route) {
      const check = routeCheck(layer.route.stack);
      for (const [name, on] of Object.entries(layer.route.methods ?? {})) {
        // `_all` routes are middleware and Nest's own not-found handlers, not resources.
        if (on && name !== '_all')
          found.push({ method: name.toUpperCase(), check });
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      walk(layer.handle.stack, path.slice(matched.length) || '/', found);
    }
  }
}

type VersionFilterFactory = (
  handler: unknown,
  version: unknown,
  options: { type?: unknown } | undefined,
) => unknown;

/**
 * Marks the handlers Nest puts in front of a route under header, media-type
 * or custom versioning (its `applyVersionFilter`): they serve a request only
 * when its version matches, which the 405 lookup asks of the same filter
 * built over a stand-in route. A filter in front of a host-bound route
 * checks both. Runs before Nest mounts its router; NestJS 12 renames the
 * handler it registers but keeps its properties.
 */
function markVersionFilters(adapter: AbstractHttpAdapter): void {
  const target = adapter as unknown as {
    applyVersionFilter?: VersionFilterFactory;
  };
  const original = target.applyVersionFilter;
  if (typeof original !== 'function' || routeCheckOf(original)) return;
  const marking: VersionFilterFactory = function (
    this: unknown,
    handler,
    version,
    options,
  ) {
    const filter = original.call(this, handler, version, options);
    if (version === VERSION_NEUTRAL || options?.type === VersioningType.URI) {
      keepRouteCheck(handler, filter);
      return filter;
    }
    const servesVersion = checkThrough(
      original.call(this, accepted, version, options),
    );
    const servesHost = routeCheckOf(handler);
    markRouteCheck(
      filter,
      servesHost
        ? (request) => servesVersion(request) && servesHost(request)
        : servesVersion,
    );
    return filter;
  };
  markRouteCheck(marking, accepted);
  target.applyVersionFilter = marking;
}

/**
 * The requests a route serves when all its handlers serve some only (see
 * `markHostFilters`, `markVersionFilters`); `undefined`: every request of
 * its path and method.
 */
function routeCheck(stack: Layer[] | undefined): RouteCheck | undefined {
  const checks = (stack ?? []).map((layer) => routeCheckOf(layer.handle));
  if (checks.length === 0 || checks.some((check) => check === undefined))
    return undefined;
  return (request) => checks.some((check) => check?.(request));
}

/**
 * The part of `path` a layer matches (`''` for one mounted at `/`), or
 * `undefined`: router 2.3 (Express 5.2) returns it, router 2.2 keeps it on
 * the layer.
 */
function matchedPath(layer: Layer, path: string): string | undefined {
  let match: ReturnType<NonNullable<Layer['match']>>;
  try {
    if (typeof layer.match !== 'function') return undefined;
    match = layer.match(path);
  } catch {
    return undefined;
  }
  if (!match) return undefined;
  const matched = typeof match === 'object' ? match.path : layer.path;
  return typeof matched === 'string' ? matched : '';
}
