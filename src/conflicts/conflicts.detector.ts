import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  OnApplicationBootstrap,
  PipeTransform,
  ValidationPipe,
} from '@nestjs/common';
import {
  APP_PIPE,
  ApplicationConfig,
  HttpAdapterHost,
  ModulesContainer,
} from '@nestjs/core';

import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import { RESOLVED_ERRORS_OPTIONS } from '../errors.internal-constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { ErrorsFilter } from '../filter/errors.filter';
import { keepNotFoundStacks } from '../platform/stackless-not-found.util';
import {
  adoptPipe,
  catchesNotFound,
  filterWarning,
  pipeOverlap,
  pipeWarning,
  shadowedExceptions,
  standsDown,
} from './conflict-rules';
import { listGlobalEnhancers } from './global-enhancers.util';
import type { GlobalEnhancer } from './global-enhancers.util';

/**
 * @internal At bootstrap (after `main.ts` ran `useGlobalFilters` /
 * `useGlobalPipes`, before the first request), finds global filters and
 * pipes that would shadow or double the module's own, warns once per
 * offender, and settles the one overlap that can be settled safely: a
 * user's global `ValidationPipe` beside the module's.
 */
@Injectable()
export class ConflictsDetector implements OnApplicationBootstrap {
  private readonly logger = new Logger(ERRORS_LOGGER_CONTEXT);

  constructor(
    @Inject(ApplicationConfig) private readonly config: ApplicationConfig,
    @Inject(ModulesContainer) private readonly modules: ModulesContainer,
    @Inject(RESOLVED_ERRORS_OPTIONS)
    private readonly options: ResolvedErrorsOptions,
    @Inject(ErrorsFilter) private readonly filter: ErrorsFilter,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    const { filters, pipes } = listGlobalEnhancers(this.config, this.modules);
    this.checkFilters(filters);
    this.checkPipes(pipes);
  }

  private checkFilters(filters: GlobalEnhancer<unknown>[]): void {
    const ours = filters.find((f) => f.instance === this.filter);
    if (!ours) return;
    const adapter = this.adapterHost.httpAdapter as object | undefined;
    for (const other of filters) {
      if (other === ours || other.instance instanceof ErrorsFilter) continue;
      const wins = other.rank > ours.rank;
      // The app's filter sees the router's 404 first: it gets it with its stack.
      if (wins && adapter && catchesNotFound(other.type))
        keepNotFoundStacks(adapter);
      const caught = shadowedExceptions(other.type);
      if (!caught) continue;
      this.warn(
        filterWarning(
          other.type?.name ?? 'An exception filter',
          other.origin,
          caught,
          wins,
        ),
      );
    }
  }

  private checkPipes(pipes: GlobalEnhancer<PipeTransform>[]): void {
    if (this.options.validation === false) return;
    const ignored = IGNORED_VALIDATION_OPTIONS.filter(
      (name) =>
        (this.options.validation as Record<string, unknown>)[name] !==
        undefined,
    );
    if (ignored.length > 0)
      this.logger.warn(
        `Validation options ${ignored.join(', ')} do nothing here: a validation failure always answers 422 with its field-error map. ` +
          'Change its code or message with builtInErrors: { UnprocessableEntity: { code, message } }.',
      );
    const ours = this.ownPipe(pipes);
    if (!ours?.instance) return;
    let standDown = false;
    for (const other of pipes) {
      if (other === ours) continue;
      const overlap = pipeOverlap(other.instance);
      if (!overlap) continue;
      if (overlap === 'plain') adoptPipe(other.instance as ValidationPipe);
      standDown ||= standsDown(overlap);
      this.warn(
        pipeWarning(
          other.type?.name ?? 'ValidationPipe',
          other.origin,
          overlap,
          Object.keys(this.options.validation),
        ),
      );
    }
    // The pipe's instance is already bound to every route: switch it off in place.
    if (standDown)
      Object.defineProperty(ours.instance, 'transform', {
        value: (value: unknown) => value,
        configurable: true,
      });
  }

  /** The module's pipe: the `APP_PIPE` of the module holding these options. */
  private ownPipe(
    pipes: GlobalEnhancer<PipeTransform>[],
  ): GlobalEnhancer<PipeTransform> | undefined {
    for (const module of this.modules.values()) {
      if (
        module.providers.get(RESOLVED_ERRORS_OPTIONS)?.instance !== this.options
      )
        continue;
      for (const [key, wrapper] of module.providers) {
        if (typeof key === 'string' && key.startsWith(`${APP_PIPE} (UUID:`))
          return pipes.find((p) => p.instance === wrapper.instance);
      }
    }
    return undefined;
  }

  private warn(message: string): void {
    if (this.options.warnOnConflicts) this.logger.warn(message);
  }
}

/**
 * Nest's `ValidationPipe` options that decide a failure's answer: the
 * module's answer is always the 422 field map, so they do nothing (the
 * options' type leaves them out; this is for values it never saw).
 */
const IGNORED_VALIDATION_OPTIONS = [
  'exceptionFactory',
  'errorFormat',
  'errorHttpStatusCode',
  'disableErrorMessages',
] as const;
