import { AsyncLocalStorage } from 'node:async_hooks';

/** @internal Holds the current request's id for the request's async context. */
export const requestIdStorage = new AsyncLocalStorage<string>();

/**
 * The id of the request being handled, anywhere inside its async context
 * (services, repositories, loggers); `undefined` outside a request.
 *
 * @example
 * this.logger.log(`charging card (request ${getRequestId()})`);
 * @publicApi
 */
export function getRequestId(): string | undefined {
  return requestIdStorage.getStore();
}
