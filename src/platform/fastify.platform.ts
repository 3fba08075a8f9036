import { NotFoundException } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { Server } from 'node:http';
import type { Readable } from 'node:stream';

import type { ResolvedErrorsOptions } from '../errors-module.options';
import { requestIdStorage } from '../request-id/request-id.storage';
import { requestIdAssigner } from '../request-id/request-id.util';
import { recordAdapterError } from './adapter-error.util';
import { mountClientErrorHandler } from './client-error.util';
import {
  lacksHost,
  missingHostException,
  takeOverHostCheck,
} from './host-header.util';
import {
  decodeBody,
  isEmptyJsonBody,
  isJsonPrimitiveBody,
  jsonCharsetError,
} from './fastify-body.util';
import { isClientGone } from './express.platform';
import type {
  ErrorResponder,
  ErrorResponse,
  HttpPlatform,
  RawRequest,
  RawResponse,
} from './platform.interface';
import { moveToFront } from './hoist.util';
import { answerStalledBodyOnTimeout } from './http2-stalled-body.util';
import {
  FastifyHostRoutes,
  keepRouteChecksOnFastify,
} from './fastify-host-routes.util';
import type {
  FastifyRouteOptions,
  FoundRoute,
} from './fastify-host-routes.util';
import { markHostFilters } from './route-check.util';
import { deriveConstraints } from './fastify-constraints.util';
import { PathMethodsCache } from './path-methods.cache';
import type { ServedRoute } from './path-methods.cache';
import { hasBody, toRawResponse } from './raw-request.util';
import { writeRawResponse } from './raw-write.util';
import {
  mergeVary,
  setsCaching,
  staleHeaderNames,
} from './response-headers.util';
import {
  answerStrictPreflightRefusal,
  defaultErrorHandlerAdopter,
} from './fastify-plugin-routes.util';
import { fastifyOptions, internal, symbolNamed } from './fastify-symbols.util';
import { stacklessNotFound } from './stackless-not-found.util';
import { reportStreamFailures } from './streamable-file.util';

type Done = (error?: unknown, value?: unknown) => void;
type FastifyRequest = {
  raw: RawRequest;
  /** True on Fastify's not-found handler (no route matched). */
  is404?: boolean;
  body?: unknown;
  headers: RawRequest['headers'];
};
type FastifyReply = {
  raw: RawResponse;
  sent?: boolean;
  header(name: string, value: string): unknown;
  getHeaders(): Record<string, unknown>;
  getHeader(name: string): unknown;
  removeHeader(name: string): unknown;
  code(status: number): FastifyReply;
  send(body: string): unknown;
};
type Hook = (...args: never[]) => void;
type RouteHooks = { preParsing?: Hook | Hook[]; preHandler?: Hook | Hook[] };
type FastifyInstance = {
  addHook(name: string, hook: (...args: never[]) => void): unknown;
  setNotFoundHandler(options?: unknown, handler?: unknown): unknown;
  findRoute(options: {
    method: string;
    url: string;
    constraints?: Record<string, unknown>;
  }): unknown;
  after?(callback: (error: unknown, next: Done) => void): unknown;
  server?: Server;
  /** The methods Fastify accepts (the standard ones, and those added with `addHttpMethod`). */
  supportedMethods?: readonly string[];
};

/** Fastify's hook lists of an instance (`kHooks`) and its children (`kChildren`). */
const HOOKS_SYMBOL = 'fastify.hooks';
const CHILDREN_SYMBOL = 'fastify.children';
/** Fastify's own headers of a reply (`kReplyHeaders`). */
const REPLY_HEADERS_SYMBOL = 'fastify.reply.headers';

/**
 * @internal Fastify 5. Request ids come from an `onRequest` hook (before body
 * parsing); on routes that take a body, a `preHandler` re-enters the async
 * context, which body parsing loses, and holds JSON bodies to Express's rules
 * (strict: an object or an array). Bodies are decoded like Express's body parser does (gzip,
 * deflate, br). 405 lookups ask Fastify's own router (`find-my-way`).
 */
export class FastifyPlatform implements HttpPlatform {
  readonly name = 'fastify';
  private readonly fastify: FastifyInstance;
  private readonly methods = new Set<string>();
  private readonly methodsCache = new PathMethodsCache();
  private readonly hostRoutes: FastifyHostRoutes;
  /**
   * Methods with routes under a router constraint (Nest's header, media-type
   * or custom versioning, `@RouteConstraints()`), and the constraints' names.
   */
  private readonly constrainedMethods = new Set<string>();
  private readonly constraintNames = new Set<string>();
  /** Fastify's reply-headers symbol; `null` once looked for and not found. */
  private headersSymbol: symbol | null | undefined;
  private responder?: ErrorResponder;
  /** Gives a route still on Fastify's default error handler the filter's. */
  private adoptErrorHandler?: (request: object) => void;

  constructor(private readonly adapter: AbstractHttpAdapter) {
    this.fastify = adapter.getInstance<FastifyInstance>();
    this.hostRoutes = new FastifyHostRoutes(this.fastify);
  }

  mountRequestId(options: ResolvedErrorsOptions): void {
    // Everything that does not depend on the request is read here, once.
    const header = options.requestIdHeader;
    const withContext = options.asyncContext;
    const assign = requestIdAssigner(options);
    const checkHost = takeOverHostCheck(this.fastify.server);
    const onRequest = (
      request: FastifyRequest,
      reply: FastifyReply,
      done: Done,
    ) => {
      const id = assign(request.raw);
      reply.header(header, id);
      this.adoptErrorHandler?.(request);
      if (request.raw.method === 'OPTIONS' && this.responder)
        answerStrictPreflightRefusal(request, reply, this.responder);
      if (
        checkHost &&
        request.raw.headers.host === undefined &&
        lacksHost(request.raw) &&
        this.responder
      ) {
        // Answered here: Fastify goes no further when a hook does not call `done`.
        reply.raw.shouldKeepAlive = false;
        this.responder.reply(missingHostException(), request, reply);
        return;
      }
      if (withContext) requestIdStorage.run({ requestId: id }, done);
      else done();
    };
    this.fastify.addHook('onRequest', onRequest);
    // Before the hooks of plugins `main.ts` registered ahead of the module
    // (`enableCors()`, static files): their answers carry the id too.
    this.fastify.after?.((error: unknown, next: Done) => {
      hoistHook(this.fastify, 'onRequest', onRequest);
      next(error);
    });
    const preParsing = (
      request: FastifyRequest,
      reply: FastifyReply,
      payload: Readable,
      done: Done,
    ): void => {
      // The not-found handler serves every method: Fastify reads no body of these.
      if (BODYLESS.has(request.raw.method as string))
        return done(null, payload);
      // Fastify would refuse it as a QUERY route without its Content-Type
      // (400); no route matched, so it is the router's 404, as on Express.
      if (
        request.raw.method === 'QUERY' &&
        request.is404 === true &&
        request.headers['content-type'] === undefined
      )
        return done(this.routerNotFound(request));
      if (request.raw.httpVersionMajor === 2 && this.responder)
        answerStalledBodyOnTimeout(request, reply, this.responder);
      const charsetError = jsonCharsetError(request.headers);
      if (charsetError) return done(charsetError);
      if (isEmptyJsonBody(request.raw))
        request.headers['content-type'] = undefined;
      decodeBody(request.raw, payload, done);
    };
    const preHandler = (
      request: FastifyRequest,
      _reply: FastifyReply,
      done: Done,
    ): void => {
      if (BODYLESS.has(request.raw.method as string)) return done();
      if (request.body !== undefined && isJsonPrimitiveBody(request)) {
        done(primitiveBodyError());
        return;
      }
      if (!withContext) return done();
      const id = assign(request.raw);
      // Body parsing continues in the socket's context: re-enter only when it lost ours.
      if (requestIdStorage.getStore()?.requestId === id) done();
      else requestIdStorage.run({ requestId: id }, done);
    };
    addBodyHooks(this.fastify, { preParsing, preHandler });
  }

  /** The exception Nest's not-found handler throws for `request`. */
  private routerNotFound(request: FastifyRequest): NotFoundException {
    return new NotFoundException(
      `Cannot ${this.adapter.getRequestMethod(request)} ${this.adapter.getRequestUrl(request)}`,
    );
  }

  mountErrorCapture(responder: ErrorResponder): void {
    this.responder = responder;
    stacklessNotFound(this.adapter);
    this.adoptErrorHandler = defaultErrorHandlerAdopter(
      this.fastify,
      (error, request, reply) => responder.reply(error, request, reply),
    );
    this.fastify.addHook(
      'onError',
      (
        request: FastifyRequest,
        _reply: unknown,
        error: unknown,
        done: Done,
      ) => {
        recordAdapterError(request.raw, error);
        done();
      },
    );
    // Before Nest registers its routes: the 405 lookup tells host-bound ones apart
    // (versioned and constrained ones by their router constraints).
    markHostFilters();
    keepRouteChecksOnFastify(this.adapter);
    this.fastify.addHook('onRoute', (route: FastifyRouteOptions) => {
      const constrained = Object.keys(route.constraints ?? {});
      for (const name of constrained) this.constraintNames.add(name);
      for (const method of ([] as string[]).concat(route.method)) {
        this.methods.add(method.toUpperCase());
        if (constrained.length > 0)
          this.constrainedMethods.add(method.toUpperCase());
      }
      this.hostRoutes.record(route);
    });
    const options = fastifyOptions(this.fastify);
    if (options) {
      // Nest 12's adapter sets its own handler (security headers, then
      // `reply.send(error)`, which bypasses Nest's error handler): it still
      // runs, and what it sends is answered by the filter.
      const original = options.frameworkErrors;
      options.frameworkErrors = (
        error: unknown,
        request: unknown,
        reply: object,
      ) => {
        const answer = () => responder.reply(error, request, reply);
        if (typeof original !== 'function') return answer();
        return original(
          error,
          request,
          Object.create(reply, { send: { value: answer } }),
        );
      };
    }
    mountClientErrorHandler(this.fastify.server, responder);
    const reply = this.adapter.reply.bind(this.adapter);
    this.adapter.reply = (
      response: unknown,
      body: unknown,
      status?: number,
    ) => {
      reportStreamFailures(
        body,
        (response as { request?: unknown }).request,
        response,
        responder,
      );
      return reply(response, body, status);
    };
  }

  mountFallback(): void {
    // Nest's not-found handler covers every path on Fastify.
  }

  methodsFor(path: string, request?: object): readonly string[] {
    // Fastify refuses new routes once it is ready; the count covers the boot.
    return this.methodsCache
      .get(path, this.methods.size, () => {
        const served: ServedRoute[] = [];
        // Routes a plugin registered before the module's hook have methods of their own.
        const methods = new Set(this.fastify.supportedMethods);
        for (const method of this.methods) methods.add(method);
        for (const method of methods) {
          const route = this.findRoute(method, path);
          if (servesPath(route))
            served.push({ method, check: route?.store?.check });
          else if (this.constrainedMethods.has(method))
            served.push({
              method,
              check: (request) => this.servesConstrained(method, path, request),
            });
        }
        return served;
      })
      .for(request);
  }

  /**
   * The route Fastify's router finds, with the host check of a host-bound
   * one; a route the module did not see registered is Fastify's to find.
   */
  private findRoute(
    method: string,
    path: string,
    constraints?: Record<string, unknown>,
  ): FoundRoute | null {
    return (
      this.hostRoutes.find(method, path, constraints) ??
      (this.fastify.findRoute({
        method,
        url: path,
        constraints,
      }) as FoundRoute | null)
    );
  }

  /**
   * True when a route under a router constraint serves `method` on `path`
   * to `request`: Fastify's router asked with the constraint values it
   * derives to route the request (the version Nest's adapter reads, the
   * host, an app's own).
   */
  private servesConstrained(
    method: string,
    path: string,
    request: object,
  ): boolean {
    const raw = (request as { raw?: RawRequest }).raw ?? request;
    const constraints = deriveConstraints(
      fastifyOptions(this.fastify)?.routerOptions?.constraints,
      this.constraintNames,
      raw,
    );
    if (Object.keys(constraints).length === 0) return false;
    const route = this.findRoute(method, path, constraints);
    return servesPath(route) && (route?.store?.check?.(request) ?? true);
  }

  bodyUnread(request: unknown): boolean {
    const { body, raw } = request as FastifyRequest;
    const unread =
      body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
    return unread && hasBody(raw);
  }

  headersSent(response: unknown): boolean {
    return toRawResponse(response).headersSent;
  }

  serves(request: unknown): boolean {
    // `request.server` is the instance of the route's plugin context, which
    // inherits from the root instance.
    const server = (request as { server?: unknown }).server;
    return (
      typeof server === 'object' &&
      server !== null &&
      (server === this.fastify ||
        Object.prototype.isPrototypeOf.call(this.fastify, server))
    );
  }

  clientGone(request: unknown, response: unknown): boolean {
    const raw =
      (request as { raw?: RawRequest }).raw ?? (request as RawRequest);
    return isClientGone(raw, toRawResponse(response));
  }

  write(
    response: unknown,
    error: ErrorResponse,
    keep: ReadonlySet<string>,
  ): void {
    const reply = response as Partial<FastifyReply>;
    if (typeof reply.getHeaders !== 'function' || !reply.raw) {
      writeRawResponse(response as RawResponse, error, keep);
      return;
    }
    const full = reply as FastifyReply;
    const own = this.ownHeaders(full);
    if (own === undefined) {
      // Fastify's view holds its own headers and those set on the raw response.
      for (const name of staleHeaderNames(
        Object.keys(full.getHeaders()),
        keep,
      )) {
        full.removeHeader(name);
        full.raw.removeHeader(name);
      }
    } else {
      // The two lists, without the merged copy `getHeaders()` builds per call.
      for (const name of staleHeaderNames(Object.keys(own), keep))
        full.removeHeader(name);
      for (const name of staleHeaderNames(full.raw.getHeaderNames(), keep))
        full.raw.removeHeader(name);
    }
    full.header('content-type', error.contentType);
    if (!setsCaching(error.headers)) full.header('cache-control', 'no-store');
    for (const name in error.headers) {
      const value = error.headers[name];
      // The request id is on the reply since `onRequest`: not set twice.
      if (own?.[name] === value) continue;
      full.header(
        name,
        name.toLowerCase() === 'vary'
          ? mergeVary(full.getHeader(name), value)
          : value,
      );
    }
    full.code(error.status).send(error.body);
  }

  /**
   * Fastify's own header map of a reply (what `getHeaders()` merges over the
   * raw response's), found once by its symbol; `undefined` on a Fastify
   * that keeps it elsewhere, where `getHeaders()` is used instead.
   */
  private ownHeaders(reply: FastifyReply): Record<string, unknown> | undefined {
    if (this.headersSymbol === undefined)
      this.headersSymbol = symbolNamed(reply, REPLY_HEADERS_SYMBOL) ?? null;
    if (this.headersSymbol === null) return undefined;
    const own = (reply as unknown as Record<symbol, unknown>)[
      this.headersSymbol
    ];
    return typeof own === 'object' && own !== null
      ? (own as Record<string, unknown>)
      : undefined;
  }

  abort(response: unknown): void {
    toRawResponse(response).destroy();
  }
}

/** HTTP methods Fastify never reads a body for (its `bodyless` set). */
const BODYLESS = new Set(['GET', 'HEAD', 'TRACE']);

/**
 * The body hooks (decoding, the JSON-primitive check, re-entering the async
 * context after parsing) matter only where Fastify parses a body: they go on
 * each route that accepts a method with a body and on the not-found handler,
 * never on a GET-only route, whose requests skip two hook runs.
 */
function addBodyHooks(
  fastify: FastifyInstance,
  hooks: { preParsing: Hook; preHandler: Hook },
): void {
  const withHooks = (route: RouteHooks): void => {
    route.preParsing = appendHook(route.preParsing, hooks.preParsing);
    route.preHandler = appendHook(route.preHandler, hooks.preHandler);
  };
  fastify.addHook(
    'onRoute',
    (route: RouteHooks & { method: string | string[] }) => {
      const methods = ([] as string[]).concat(route.method);
      if (methods.some((method) => !BODYLESS.has(method.toUpperCase())))
        withHooks(route);
    },
  );
  // Nest sets its not-found handler after modules are configured; it answers every method.
  const setNotFoundHandler = fastify.setNotFoundHandler;
  fastify.setNotFoundHandler = function (
    this: FastifyInstance,
    options?: unknown,
    handler?: unknown,
  ) {
    if (typeof options === 'function') [options, handler] = [{}, options];
    const route = { ...(options as RouteHooks | undefined) };
    withHooks(route);
    return setNotFoundHandler.call(this, route, handler);
  };
}

/**
 * `hook` after the route's own: a lone hook stays a function, not a list of
 * one, since instrumentations that wrap the not-found handler's hooks
 * (Sentry's Fastify integration) call it as one.
 */
function appendHook(
  existing: Hook | Hook[] | undefined,
  hook: Hook,
): Hook | Hook[] {
  if (existing === undefined) return hook;
  return [...(Array.isArray(existing) ? existing : [existing]), hook];
}

/**
 * Moves `hook`, added last, to the front of its list on the instance and on
 * every child instance (Fastify copies a parent's hooks into each child).
 * Fastify builds each route's hook list from these at `preReady`.
 */
function hoistHook(instance: object, name: string, hook: Hook): void {
  const hooks = internal<Record<string, Hook[]>>(instance, HOOKS_SYMBOL);
  const list = hooks?.[name];
  if (list)
    moveToFront(
      list,
      (entry) => entry === hook,
      (entry) => entry,
    );
  for (const child of internal<object[]>(instance, CHILDREN_SYMBOL) ?? [])
    hoistHook(child, name, hook);
}

/**
 * True when Fastify's router found a route that Nest serves: Nest's Fastify
 * adapter (11 and 12) sends a route whose named parameter matched nothing
 * (`/items/` for `/items/:id`) to the not-found handler, as Express's router
 * never matches it.
 */
function servesPath(route: unknown): boolean {
  if (route === null || typeof route !== 'object') return false;
  const params = (route as { params?: Record<string, unknown> }).params;
  for (const name in params)
    if (params[name] === '' && name !== '*') return false;
  return true;
}

function primitiveBodyError(): Error {
  return Object.assign(new SyntaxError('JSON body is not an object or array'), {
    statusCode: 400,
    type: 'entity.parse.failed',
    primitive: true,
  });
}
