import { ConfigurableModuleBuilder } from '@nestjs/common';

import type { ErrorsModuleOptions } from './errors-module-options.interface';

/** @internal */
export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ERRORS_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ErrorsModuleOptions>({
  moduleName: 'NestjsApiErrors',
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createErrorsOptions')
  .build();

/**
 * A class given to `forRootAsync({ useClass })` or `useExisting`.
 * @publicApi
 */
export interface ErrorsOptionsFactory {
  createErrorsOptions(): ErrorsModuleOptions | Promise<ErrorsModuleOptions>;
}

/**
 * Options of `ErrorsModule.forRootAsync()`: `imports`, `inject` and
 * `useFactory`, or `useClass` / `useExisting` of an `ErrorsOptionsFactory`.
 * @publicApi
 */
export type ErrorsModuleAsyncOptions = typeof ASYNC_OPTIONS_TYPE;
