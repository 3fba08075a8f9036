import type { RawRequest } from './platform.interface';
import { toRawRequest } from './raw-request.util';

const ADAPTER_ERROR = Symbol.for('nestjs-api-errors:original-error');

/**
 * @internal Keeps the error an adapter raised before Nest's router saw it
 * (body parser, Fastify content-type parser). NestJS 11 re-wraps those as a
 * bare `HttpException(message, status)` and drops the original, so without
 * it a parse failure would read differently on Express and Fastify.
 */
export function recordAdapterError(request: RawRequest, error: unknown): void {
  request[ADAPTER_ERROR] = error;
}

/** @internal The adapter-level error recorded for this request, if any. */
export function readAdapterError(request: unknown): unknown {
  if (typeof request !== 'object' || request === null) return undefined;
  return toRawRequest(request)[ADAPTER_ERROR];
}
