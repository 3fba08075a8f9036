import type { Provider } from '@nestjs/common';
import {
  APP_FILTER,
  APP_PIPE,
  HttpAdapterHost,
  ModuleRef,
  ModulesContainer,
} from '@nestjs/core';

import { ERRORS_MODULE_OPTIONS } from './errors.module-definition';
import { RESOLVED_ERRORS_OPTIONS } from './errors.internal-constants';
import { resolveErrorsOptions } from './errors-module.options';
import type { ResolvedErrorsOptions } from './errors-module.options';
import type { ErrorsModuleOptions } from './errors-module-options.interface';
import { ConflictsDetector } from './conflicts/conflicts.detector';
import { ErrorsFilter } from './filter/errors.filter';
import { captureEventStreamErrors } from './filter/event-stream.capture';
import { AppOptionsRegistration } from './registry/app-options.registration';
import { registerAppOptions } from './registry/app-options.registry';
import { rememberModules } from './validation/declared-parameters.registry';
import { ErrorReportingLoader } from './reporting/error-reporting.loader';
import { createValidationPipe } from './validation/validation.pipe-factory';

const DECLARED_PARAMETERS = Symbol('nestjs-api-errors:declared-parameters');
const EVENT_STREAM_CAPTURE = Symbol('nestjs-api-errors:event-stream-capture');

/**
 * @internal The module's providers. Switches that depend on options are
 * factories, because `forRootAsync` options are only known at runtime.
 */
export const ERRORS_PROVIDERS: Provider[] = [
  {
    provide: RESOLVED_ERRORS_OPTIONS,
    inject: [ERRORS_MODULE_OPTIONS],
    useFactory: (options: ErrorsModuleOptions) =>
      registerAppOptions(resolveErrorsOptions(options)),
  },
  {
    provide: ErrorsFilter,
    inject: [ModuleRef, HttpAdapterHost, RESOLVED_ERRORS_OPTIONS],
    useFactory: (
      moduleRef: ModuleRef,
      adapterHost: HttpAdapterHost,
      options: ResolvedErrorsOptions,
    ) =>
      options.filter
        ? moduleRef.create(options.filter)
        : new ErrorsFilter(adapterHost, options),
  },
  { provide: APP_FILTER, useExisting: ErrorsFilter },
  ErrorReportingLoader,
  {
    // Lets a Parse*Pipe failure name the parameter its route declares; the
    // route metadata is only read on the first such failure.
    provide: DECLARED_PARAMETERS,
    inject: [RESOLVED_ERRORS_OPTIONS, ModulesContainer],
    useFactory: (options: ResolvedErrorsOptions, modules: ModulesContainer) => {
      rememberModules(options, modules);
      return true;
    },
  },
  {
    // Before Nest registers the routes, which is when it reads their interceptors.
    provide: EVENT_STREAM_CAPTURE,
    inject: [RESOLVED_ERRORS_OPTIONS, ErrorsFilter, ModulesContainer],
    useFactory: (
      options: ResolvedErrorsOptions,
      filter: ErrorsFilter,
      modules: ModulesContainer,
    ) => {
      captureEventStreamErrors(options, filter, modules);
      return true;
    },
  },
  {
    provide: APP_PIPE,
    inject: [RESOLVED_ERRORS_OPTIONS],
    useFactory: createValidationPipe,
  },
  AppOptionsRegistration,
  ConflictsDetector,
];
