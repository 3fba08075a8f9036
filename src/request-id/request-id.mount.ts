import type { AbstractHttpAdapter } from '@nestjs/core';

import type { ResolvedErrorsOptions } from '../errors-module.options';
import { requestIdStorage } from './request-id.storage';
import { assignRequestId, toRawRequest } from './request-id.util';
import type { RawRequest } from './request-id.util';

type Done = (err?: Error) => void;
type FastifyLike = {
  addHook(
    name: string,
    hook: (
      request: { raw: RawRequest },
      reply: { header(n: string, v: string): unknown },
      done: Done,
    ) => void,
  ): unknown;
};
type ExpressLike = {
  use(
    fn: (
      req: RawRequest,
      res: { setHeader(n: string, v: string): unknown },
      next: () => void,
    ) => void,
  ): unknown;
};

/**
 * @internal Assigns request ids at the adapter level, for every path (also
 * outside a global prefix), before guards run:
 *
 * - Fastify: an `onRequest` hook, which runs before body parsing, and a
 *   `preHandler` hook that re-enters the async context, because body parsing
 *   continues in the socket's context and would otherwise lose it.
 * - Express: a middleware added ahead of every route. Express's body parser is
 *   mounted before it; a parser failure gets its id from the filter instead.
 */
export function mountRequestId(
  adapter: AbstractHttpAdapter,
  options: ResolvedErrorsOptions,
): void {
  const instance = adapter.getInstance<FastifyLike & ExpressLike>();
  const header = options.requestIdHeader;
  const withContext = options.asyncContext;
  if (typeof instance.addHook === 'function') {
    instance.addHook('onRequest', (request, reply, done) => {
      const id = assignRequestId(request.raw, options);
      reply.header(header, id);
      if (withContext) requestIdStorage.run(id, done);
      else done();
    });
    if (!withContext) return;
    instance.addHook('preHandler', (request, _reply, done) => {
      const id = assignRequestId(request.raw, options);
      // Requests without a body keep the context; re-enter only when parsing lost it.
      if (requestIdStorage.getStore() === id) done();
      else requestIdStorage.run(id, done);
    });
    return;
  }
  instance.use((req, res, next) => {
    const id = assignRequestId(toRawRequest(req), options);
    res.setHeader(header, id);
    if (withContext) requestIdStorage.run(id, next);
    else next();
  });
}
