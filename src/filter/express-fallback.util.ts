import { NotFoundException } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';

import type { ErrorsFilter } from './errors.filter';

type Req = { method: string; originalUrl: string };
type ExpressLike = { use(...handlers: unknown[]): unknown; addHook?: unknown };

/**
 * @internal Express only: answers what Nest's router leaves to Express, so it
 * gets the envelope instead of Express's HTML page. Nest 12 mounts its 404 and
 * error handlers under the global prefix, so an unknown path outside it (and
 * an error raised there, e.g. by the body parser) would otherwise fall
 * through. Mounted after Nest's own handlers, it only sees what they skipped.
 */
export function mountExpressFallback(
  adapter: AbstractHttpAdapter,
  filter: ErrorsFilter,
): void {
  const instance = adapter.getInstance<ExpressLike>();
  if (
    typeof instance.addHook === 'function' ||
    typeof instance.use !== 'function'
  )
    return;
  instance.use((req: Req, res: unknown) =>
    filter.reply(
      new NotFoundException(`Cannot ${req.method} ${req.originalUrl}`),
      req,
      res,
    ),
  );
  instance.use((err: unknown, req: Req, res: unknown, _next: unknown) =>
    filter.reply(err, req, res),
  );
}
