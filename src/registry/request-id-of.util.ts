import { resolveErrorsOptions } from '../errors-module.options';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { toRawRequest } from '../platform/raw-request.util';
import { assignRequestId } from '../request-id/request-id.util';
import { latestAppOptions, liveAppOptions } from './app-options.registry';

let defaults: ResolvedErrorsOptions | undefined;

/**
 * The module's request id for a request (an Express `req`, a Fastify
 * `request` or the Node request Fastify wraps), for code that runs before the module's own hook
 * and must agree with it: a logger's id generator, such as Fastify's or
 * pino-http's `genReqId`. If the module has not assigned the id yet, it is
 * assigned now, with the app's `requestIdHeader`, `trustRequestId` and
 * `generateRequestId`; the module then keeps it. With several apps in one
 * process, the most recently created one's options apply.
 *
 * @example
 * new FastifyAdapter({ genReqId: (req) => requestIdOf(req) })
 * @publicApi
 */
export function requestIdOf(request: object): string {
  const options =
    liveAppOptions().at(-1) ??
    latestAppOptions() ??
    (defaults ??= resolveErrorsOptions());
  return assignRequestId(toRawRequest(request), options);
}
