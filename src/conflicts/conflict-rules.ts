import {
  HttpException,
  NotFoundException,
  ValidationPipe,
} from '@nestjs/common';
import type { Type } from '@nestjs/common';

import { ErrorsValidationPipe } from '../validation/errors-validation.pipe';
import { validationExceptionFactory } from '../validation/validation-exception.factory';

/** Nest's `FILTER_CATCH_EXCEPTIONS` (not importable: `@nestjs/common` closes deep imports). */
const CATCH_METADATA = '__filterCatchExceptions__';

/** How to silence every conflict warning, appended to each. */
const SILENCE =
  'Set warnOnConflicts: false in ErrorsModule.forRoot() to silence this warning.';

/**
 * @internal What a filter class catches that ErrorsModule's filter answers:
 * `'every exception'`, class names, or `undefined` when it only catches
 * domain errors (classes that are neither HTTP exceptions nor their bases).
 */
export function shadowedExceptions(
  type: Type<unknown> | undefined,
): string | undefined {
  if (!type) return undefined;
  const caught = caughtBy(type);
  if (caught === 'all') return 'every exception';
  const http = caught.filter(
    (c) =>
      typeof c === 'function' &&
      (c === HttpException ||
        c.prototype instanceof HttpException ||
        HttpException.prototype instanceof c),
  );
  if (http.length === 0) return undefined;
  if (
    http.some(
      (c) => !(c === HttpException || c.prototype instanceof HttpException),
    )
  )
    return 'every exception';
  return http.map((c) => c.name).join(', ');
}

/** @internal True when a filter class catches the router's `NotFoundException`. */
export function catchesNotFound(type: Type<unknown> | undefined): boolean {
  const caught = type ? caughtBy(type) : 'all';
  if (caught === 'all') return true;
  return caught.some(
    (c) =>
      typeof c === 'function' &&
      (c === NotFoundException || NotFoundException.prototype instanceof c),
  );
}

/** The classes a filter's `@Catch()` names; `'all'` for a bare `@Catch()` or none. */
function caughtBy(type: Type<unknown>): Type<unknown>[] | 'all' {
  const caught = Reflect.getMetadata(CATCH_METADATA, type) as
    Type<unknown>[] | undefined;
  return caught && caught.length > 0 ? caught : 'all';
}

/** @internal The warning for a global filter registered before or after ours. */
export function filterWarning(
  name: string,
  origin: string,
  caught: string,
  wins: boolean,
): string {
  const head = `${name} (registered with ${origin}) is a global exception filter for ${caught}.`;
  const effect = wins
    ? `Nest asks it before ErrorsModule's filter, so those errors answer in its shape: no error envelope, no request id in the body, no docs link, and tests that boot without main.ts see something else than production.`
    : `ErrorsModule's filter is registered after it and answers those errors first, so it never runs; which one wins depends on the order of modules and registrations.`;
  return `${head} ${effect} Fix: remove it (ErrorsModule already registers the global filter), or narrow its @Catch() to your own domain error classes. ${SILENCE}`;
}

/** @internal How a user's global pipe overlaps the module's. */
export type PipeOverlap =
  'plain' | 'custom-factory' | 'errors-pipe' | 'subclass';

/** @internal `undefined` when the pipe does not validate like ours. */
export function pipeOverlap(pipe: unknown): PipeOverlap | undefined {
  if (!(pipe instanceof ValidationPipe)) return undefined;
  if (pipe instanceof ErrorsValidationPipe) return 'errors-pipe';
  if (pipe.constructor !== ValidationPipe) return 'subclass';
  return hasDefaultFactory(pipe) ? 'plain' : 'custom-factory';
}

/**
 * @internal Settles a plain `ValidationPipe` beside the module's: gives it
 * the 422 field-map factory (its other options are kept).
 */
export function adoptPipe(pipe: ValidationPipe): void {
  (pipe as unknown as { exceptionFactory: unknown }).exceptionFactory =
    validationExceptionFactory();
}

/** @internal The warning for a user's global validation pipe. */
export function pipeWarning(
  name: string,
  origin: string,
  overlap: PipeOverlap,
  /** The `validation` options the app gave ErrorsModule. */
  configured: readonly string[] = [],
): string {
  const head = `${name} (registered with ${origin}) and ErrorsModule's validation pipe are both global: every request would be validated twice, and failures would answer 400 or 422 depending on which runs first.`;
  const fix = `Fix: remove it and move its options into ErrorsModule.forRoot({ validation: { ... } }), or set validation: false to keep only yours.`;
  const resolved: Record<PipeOverlap, string> = {
    plain: `Resolved: ErrorsModule's pipe stands down, and your ${name} keeps its options and now answers failures with the 422 field-error map.`,
    'custom-factory': `Resolved: ErrorsModule's pipe stands down; your ${name} keeps its own exceptionFactory, so failures answer with whatever it throws (use validationExceptionFactory() there for the 422 field-error map).`,
    'errors-pipe': `Resolved: ErrorsModule's pipe stands down, and your ${name} validates alone.`,
    subclass: `Not resolved: ${name} extends ValidationPipe in its own way, so both still run.`,
  };
  const unused =
    standsDown(overlap) && configured.length > 0
      ? ` ErrorsModule's own validation options (${configured.join(', ')}) are not used while yours validates.`
      : '';
  return `${head} ${resolved[overlap]}${unused} ${fix} ${SILENCE}`;
}

/** @internal Whether the module's own pipe should stop validating. */
export function standsDown(overlap: PipeOverlap): boolean {
  return overlap !== 'subclass';
}

let defaultFactorySource: string | undefined;

/** A `ValidationPipe` built without `exceptionFactory` has Nest's own. */
function hasDefaultFactory(pipe: ValidationPipe): boolean {
  defaultFactorySource ??= String(
    (new ValidationPipe() as unknown as { exceptionFactory: unknown })
      .exceptionFactory,
  );
  return (
    String(
      (pipe as unknown as { exceptionFactory: unknown }).exceptionFactory,
    ) === defaultFactorySource
  );
}
