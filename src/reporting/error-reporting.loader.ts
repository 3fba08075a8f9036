import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

import { RESOLVED_ERRORS_OPTIONS } from '../errors.internal-constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';

/**
 * @internal Resolves the report stage when the app inits: by then every
 * provider of the app exists, so class reporters registered anywhere are
 * found (`strict: false`) instead of being created twice.
 */
@Injectable()
export class ErrorReportingLoader implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(RESOLVED_ERRORS_OPTIONS)
    private readonly options: ResolvedErrorsOptions,
  ) {}

  onModuleInit(): Promise<void> {
    return this.options.reporting.resolve(this.moduleRef);
  }
}
