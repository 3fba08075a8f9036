import { Catch, Inject, Logger, UseFilters } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost, ModuleRef } from '@nestjs/core';

import { MESSAGES } from '../catalog/messages.constants';
import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import { SCOPED_FILTER_METADATA } from '../errors.internal-constants';
import { ErrorsFilter } from '../filter/errors.filter';
import type { ErrorScope } from './exception-mapping.interface';
import { readScope } from './scope.util';
import type { AnyFunction, ScopeTarget } from './scope.util';

/**
 * @internal Route-scoped filter behind `@MapException()` and
 * `@ForbiddenAsNotFound()`. Route-scoped filters run before global ones and
 * also see guard errors, so the scope's rules apply whatever threw. It only
 * adds the scope and hands the exception to the app's own `ErrorsFilter`,
 * found through the module graph, so several apps per process stay apart.
 *
 * Each decorated controller or handler gets its own subclass (see
 * `useScopedErrorsFilter`), which is how the filter knows its scope: Nest
 * passes filters no handler.
 */
@Catch()
export class ScopedErrorsFilter implements ExceptionFilter {
  declare static readonly target: ScopeTarget;
  private static readonly logger = new Logger(ERRORS_LOGGER_CONTEXT);
  private resolved?: { filter?: ErrorsFilter; scope: ErrorScope };

  constructor(
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const { filter, scope } = this.resolve();
    if (filter) return filter.catchInScope(exception, host, scope);
    return new BaseExceptionFilter(this.adapterHost.httpAdapter).catch(
      exception,
      host,
    );
  }

  private resolve(): { filter?: ErrorsFilter; scope: ErrorScope } {
    if (this.resolved) return this.resolved;
    const target = (this.constructor as typeof ScopedErrorsFilter).target;
    let filter: ErrorsFilter | undefined;
    try {
      filter = this.moduleRef.get(ErrorsFilter, { strict: false });
    } catch {
      ScopedErrorsFilter.logger.warn(
        MESSAGES.scopeWithoutModule(target.controller.name),
      );
    }
    this.resolved = { filter, scope: readScope(target) };
    return this.resolved;
  }
}

/**
 * @internal Gives a controller or handler its scoped filter, once, however
 * many scope decorators it carries.
 */
export function useScopedErrorsFilter(
  target: object,
  key?: string | symbol,
  descriptor?: PropertyDescriptor,
): void {
  const metadataTarget = descriptor ? (descriptor.value as object) : target;
  if (Reflect.getOwnMetadata(SCOPED_FILTER_METADATA, metadataTarget)) return;
  Reflect.defineMetadata(SCOPED_FILTER_METADATA, true, metadataTarget);
  const scopeTarget: ScopeTarget = descriptor
    ? {
        controller: (target as object).constructor as AnyFunction,
        handler: descriptor.value as AnyFunction,
      }
    : { controller: target as AnyFunction };
  const Scoped = class extends ScopedErrorsFilter {
    static override readonly target = scopeTarget;
  };
  const label = descriptor
    ? `${scopeTarget.controller.name}.${String(key)}`
    : scopeTarget.controller.name;
  Object.defineProperty(Scoped, 'name', {
    value: `ScopedErrorsFilter(${label})`,
  });
  UseFilters(Scoped)(
    target,
    key as string | symbol,
    descriptor as PropertyDescriptor,
  );
}
