import type {
  CallHandler,
  ExecutionContext,
  MessageEvent,
  NestInterceptor,
} from '@nestjs/common';
import type { ModulesContainer } from '@nestjs/core';
import { MetadataScanner } from '@nestjs/core';
import { of, throwError } from 'rxjs';
import type { Observable } from 'rxjs';
import { catchError } from 'rxjs/operators';

import type { ResolvedErrorsOptions } from '../errors-module.options';
import type { ErrorScope } from '../mapping/exception-mapping.interface';
import { readScope } from '../mapping/scope.util';
import type { AnyFunction } from '../mapping/scope.util';
import { liveAppOptions } from '../registry/app-options.registry';
import type { ErrorsFilter } from './errors.filter';

/** Nest's metadata keys (stable across 11 and 12). */
const SSE_METADATA = '__sse__';
const INTERCEPTORS_METADATA = '__interceptors__';

/** Each app's filter, by its resolved options (one per app). */
const filters = new WeakMap<ResolvedErrorsOptions, ErrorsFilter>();

/** Scopes of `@MapException` / `@ForbiddenAsNotFound`, by controller and handler. */
const scopes = new WeakMap<object, WeakMap<object, ErrorScope>>();

/**
 * @internal Stage 1 for server-sent events. Once a stream's headers are out,
 * Nest answers a failure itself: an `error` event with the bare message,
 * outside exception filters (no request id, no mapping, no 403
 * concealment, no reporters). This interceptor, on `@Sse()` handlers only,
 * ends the stream with an `error` event whose data is the body the filter
 * would have answered. Before the headers are out it lets the failure
 * through, to be answered with its status like any other. It holds no
 * state: apps sharing a controller class share it, and each failure finds
 * its own app's filter.
 */
class EventStreamErrors implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((exception: unknown) => {
        const request: unknown = context.getArgByIndex(0);
        const data = filterServing(request)?.renderEvent(
          exception,
          request,
          context.getArgByIndex(1),
          scopeOf(
            context.getClass() as unknown as AnyFunction,
            context.getHandler() as AnyFunction,
          ),
        );
        if (data === undefined) return throwError(() => exception);
        const event: MessageEvent = { type: 'error', data };
        return of(event);
      }),
    );
  }
}

const EVENT_STREAM_ERRORS = new EventStreamErrors();

/** The filter of the app `request` reached, if it uses the module. */
function filterServing(request: unknown): ErrorsFilter | undefined {
  for (const options of liveAppOptions()) {
    const filter = filters.get(options);
    if (filter?.serves(request)) return filter;
  }
  return undefined;
}

function scopeOf(controller: AnyFunction, handler: AnyFunction): ErrorScope {
  let byHandler = scopes.get(controller);
  if (!byHandler) scopes.set(controller, (byHandler = new WeakMap()));
  let scope = byHandler.get(handler);
  if (!scope)
    byHandler.set(handler, (scope = readScope({ controller, handler })));
  return scope;
}

/**
 * @internal Puts `EventStreamErrors` first among the interceptors of every
 * `@Sse()` handler of the app's controllers, before Nest reads them when it
 * registers the routes; no other route gets it.
 */
export function captureEventStreamErrors(
  options: ResolvedErrorsOptions,
  filter: ErrorsFilter,
  modules: ModulesContainer,
): void {
  filters.set(options, filter);
  const scanner = new MetadataScanner();
  for (const module of modules.values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as { prototype?: unknown } | null)
        ?.prototype as Record<string, unknown> | undefined;
      if (!prototype) continue;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (
          typeof handler !== 'function' ||
          !Reflect.getMetadata(SSE_METADATA, handler)
        )
          continue;
        const interceptors =
          (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as
            unknown[] | undefined) ?? [];
        if (!interceptors.includes(EVENT_STREAM_ERRORS))
          Reflect.defineMetadata(
            INTERCEPTORS_METADATA,
            [EVENT_STREAM_ERRORS, ...interceptors],
            handler,
          );
      }
    }
  }
}
