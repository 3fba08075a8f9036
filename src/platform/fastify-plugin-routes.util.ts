import { BadRequestException } from '@nestjs/common';

import { symbolNamed } from './fastify-symbols.util';
import type { ErrorResponder } from './platform.interface';

type ErrorHandlerFunc = (
  error: unknown,
  request: unknown,
  reply: unknown,
) => void;
type RouteContext = { errorHandler?: unknown };

/** An instance's error handler (`kErrorHandler`) and a request's route context (`kRouteContext`). */
const ERROR_HANDLER_SYMBOL = 'fastify.errorHandler';
const ROUTE_CONTEXT_SYMBOL = 'fastify.context';

/** What `@fastify/cors` answers an `OPTIONS` request its `strictPreflight` refuses. */
const PREFLIGHT_REFUSAL = 'Invalid Preflight Request';

/** @internal The envelope's message for that refusal. */
export const STRICT_PREFLIGHT_MESSAGE =
  'A CORS preflight request needs the Origin and Access-Control-Request-Method headers.';

/**
 * @internal Fastify 5: a route resolves its error handler when its plugin
 * has loaded. Nest sets its own (the exception layer, so the filter) once
 * its routes are registered, but a plugin `main.ts` registered before
 * (`enableCors()`'s `OPTIONS *` route, static files) may load earlier, when
 * Nest's adapter makes Fastify load pending plugins to add middie. Such a
 * route keeps Fastify's default handler, which answers `{ statusCode,
 * error, message }` with the error's own text: an origin callback's
 * failure leaked its message. Returns a per-request step that gives such a
 * route the filter as its error handler (over Fastify's default, which stays
 * the fallback), or `undefined` when the app set its own error handler
 * before the module, or Fastify keeps it elsewhere: nothing to adopt.
 */
export function defaultErrorHandlerAdopter(
  fastify: object,
  answer: ErrorHandlerFunc,
): ((request: object) => void) | undefined {
  const handlerSymbol = symbolNamed(fastify, ERROR_HANDLER_SYMBOL);
  if (!handlerSymbol) return undefined;
  const fastifyDefault = (fastify as Record<symbol, unknown>)[handlerSymbol];
  // Fastify's default is a plain object; one `setErrorHandler` built inherits from its parent.
  if (
    typeof fastifyDefault !== 'object' ||
    fastifyDefault === null ||
    Object.getPrototypeOf(fastifyDefault) !== Object.prototype
  )
    return undefined;
  const filterHandler: unknown = Object.create(fastifyDefault, {
    func: { value: answer, writable: true, enumerable: true },
  });
  let contextSymbol: symbol | null | undefined;
  return (request) => {
    contextSymbol ??= symbolNamed(request, ROUTE_CONTEXT_SYMBOL) ?? null;
    if (contextSymbol === null) return;
    const context = (request as Record<symbol, RouteContext | undefined>)[
      contextSymbol
    ];
    if (context?.errorHandler === fastifyDefault)
      context.errorHandler = filterHandler;
  };
}

/**
 * @internal `@fastify/cors` refuses an `OPTIONS` request without `Origin`
 * or `Access-Control-Request-Method` itself (`strictPreflight`, on by
 * default), from its `onRequest` hook, with a plain-text 400; Express's
 * `cors` answers the same request 204. The refusal is answered by the filter
 * instead: the 400 envelope, saying which headers a preflight needs, with
 * the CORS headers already set. Called for `OPTIONS` requests only.
 */
export function answerStrictPreflightRefusal(
  request: unknown,
  reply: {
    send(payload: unknown): unknown;
    statusCode?: number;
    getHeader(name: string): unknown;
  },
  responder: ErrorResponder,
): void {
  const send = reply.send;
  reply.send = function (this: unknown, payload: unknown): unknown {
    if (
      payload !== PREFLIGHT_REFUSAL ||
      reply.statusCode !== 400 ||
      reply.getHeader('content-type') !== 'text/plain'
    )
      return send.call(this, payload);
    reply.send = send;
    responder.reply(
      new BadRequestException(STRICT_PREFLIGHT_MESSAGE),
      request,
      reply,
    );
    return reply;
  };
}
