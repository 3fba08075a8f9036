import { AsyncLocalStorage } from 'node:async_hooks';

import type { ParameterFailure } from '../validation/parameter-failures.util';

/** @internal What a request's async context holds. */
export interface RequestContext {
  readonly requestId: string;
  /**
   * Validation failures of the handler's parameters, recorded by the
   * module's pipes so the filter answers them in one 422 (Nest stops at the
   * first parameter that fails).
   */
  parameterFailures?: ParameterFailure[];
}

/** @internal Holds the current request's context for its async context. */
export const requestIdStorage = new AsyncLocalStorage<RequestContext>();

/**
 * The id of the request being handled, anywhere inside its async context
 * (services, repositories, loggers); `undefined` outside a request.
 *
 * @example
 * this.logger.log(`charging card (request ${getRequestId()})`);
 * @publicApi
 */
export function getRequestId(): string | undefined {
  return requestIdStorage.getStore()?.requestId;
}
