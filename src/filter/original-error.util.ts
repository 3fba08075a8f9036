import type { AbstractHttpAdapter } from '@nestjs/core';

import { toRawRequest } from '../request-id/request-id.util';

const ORIGINAL_ERROR = Symbol.for('nestjs-api-errors:original-error');

type Done = () => void;
type FastifyLike = {
  addHook(
    name: 'onError',
    hook: (
      request: { raw: object },
      reply: unknown,
      error: unknown,
      done: Done,
    ) => void,
  ): unknown;
};
type ExpressLike = {
  use(
    fn: (
      err: unknown,
      req: object,
      res: unknown,
      next: (err: unknown) => void,
    ) => void,
  ): unknown;
};

/**
 * @internal Keeps the error an adapter raised before Nest's router saw it
 * (body parser, Fastify content-type parser). NestJS 11 re-wraps those as a
 * bare `HttpException(message, status)` and drops the original, so without
 * it a parse failure would read differently on Express and Fastify.
 *
 * - Fastify: an `onError` hook, which runs before the error handler Nest set.
 * - Express: an error middleware mounted after the body parser and before
 *   Nest's error handler; it records and passes the error on.
 */
export function recordOriginalErrors(adapter: AbstractHttpAdapter): void {
  const instance = adapter.getInstance<Partial<FastifyLike & ExpressLike>>();
  if (typeof instance.addHook === 'function') {
    instance.addHook('onError', (request, _reply, error, done) => {
      (request.raw as Record<symbol, unknown>)[ORIGINAL_ERROR] = error;
      done();
    });
    return;
  }
  instance.use?.((err, req, _res, next) => {
    (req as Record<symbol, unknown>)[ORIGINAL_ERROR] = err;
    next(err);
  });
}

/** @internal The adapter-level error recorded for this request, if any. */
export function readOriginalError(request: unknown): unknown {
  if (typeof request !== 'object' || request === null) return undefined;
  return (toRawRequest(request) as unknown as Record<symbol, unknown>)[
    ORIGINAL_ERROR
  ];
}
