import { Inject, Module } from '@nestjs/common';
import type {
  DynamicModule,
  NestModule,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

import {
  ConfigurableModuleClass,
  OPTIONS_TYPE,
} from './errors.module-definition';
import { RESOLVED_ERRORS_OPTIONS } from './errors.internal-constants';
import type { ResolvedErrorsOptions } from './errors-module.options';
import { ERRORS_PROVIDERS } from './errors.providers';
import { ErrorsFilter } from './filter/errors.filter';
import { platformOf } from './platform/platform';

/**
 * One import gives the app its error contract: the global exception filter,
 * request ids on every response, and the global validation pipe whose
 * failures answer 422 with a field-error map. Nothing goes in `main.ts`.
 *
 * @example
 * imports: [ErrorsModule.forRoot({ docsBaseUrl: 'https://api.example.com/docs/errors', catalog: AppErrors })]
 * @publicApi
 */
@Module({ providers: ERRORS_PROVIDERS })
export class ErrorsModule
  extends ConfigurableModuleClass
  implements NestModule, OnApplicationBootstrap
{
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(RESOLVED_ERRORS_OPTIONS)
    private readonly options: ResolvedErrorsOptions,
    private readonly filter: ErrorsFilter,
  ) {
    super();
  }

  /**
   * Registers the module with static options; every option has a default,
   * so `ErrorsModule.forRoot()` alone is complete.
   */
  static override forRoot(options: typeof OPTIONS_TYPE = {}): DynamicModule {
    return super.forRoot(options);
  }

  /**
   * Assigns request ids before guards, pipes and handlers run, and hooks the
   * adapter's own failures (body parser, framework and Node parser errors)
   * into the filter.
   */
  configure(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    const platform = platformOf(adapter);
    platform.mountRequestId(this.options);
    platform.mountErrorCapture(this.filter);
  }

  /** Runs after Nest mounted its router, so the fallback comes last. */
  onApplicationBootstrap(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter) platformOf(adapter).mountFallback(this.filter);
  }
}
