import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';

import { RESOLVED_ERRORS_OPTIONS } from '../errors.internal-constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { unregisterAppOptions } from './app-options.registry';

/**
 * @internal Takes the app's options off the registry when the app closes
 * (they were put there when they were resolved).
 */
@Injectable()
export class AppOptionsRegistration implements OnModuleDestroy {
  constructor(
    @Inject(RESOLVED_ERRORS_OPTIONS)
    private readonly options: ResolvedErrorsOptions,
  ) {}

  onModuleDestroy(): void {
    unregisterAppOptions(this.options);
  }
}
