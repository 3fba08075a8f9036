import {
  BadRequestException,
  Injectable,
  Optional,
  ValidationPipe,
} from '@nestjs/common';
import type { ArgumentMetadata } from '@nestjs/common';

import type { ErrorsValidationOptions } from '../errors-module-options.interface';
import { validationExceptionFactory } from './validation-exception.factory';
import { ValidationFailedException } from './validation-failed.exception';

/** @internal The 400 of a body that is not a JSON object where a DTO is expected. */
export const BODY_NOT_AN_OBJECT = 'The request body must be a JSON object.';

/** Deepest body accepted by default; deeper ones answer 400 before any work. */
const DEFAULT_MAX_DEPTH = 64;

/** Where a DTO came from, as the prefix of its keys. The body has none. */
const SOURCE_PREFIX: Partial<Record<ArgumentMetadata['type'], string>> = {
  query: 'query',
  param: 'params',
};

/**
 * Nest's `ValidationPipe` answering like the rest of the module: failures are
 * a `ValidationFailedException` (422 with the field map), identical on NestJS
 * 11 and 12 whatever `errorFormat` says. Use it where an app builds its own
 * pipe (per route, per parameter, `useGlobalPipes`); `ErrorsModule` registers
 * one globally.
 *
 * Also refuses, with a 400 envelope, a body that is not a JSON object where a
 * DTO is expected and a body nested deeper than `maxDepth`.
 *
 * @example
 * @Query(new ErrorsValidationPipe({ transform: true })) query: ListProjectsQuery
 * @publicApi
 */
@Injectable()
export class ErrorsValidationPipe extends ValidationPipe {
  private readonly maxDepth: number;

  constructor(@Optional() options: ErrorsValidationOptions = {}) {
    const { formatMessage, maxDepth, ...pipeOptions } = options;
    super({
      ...pipeOptions,
      // Targets and values let the map name items and exposed properties;
      // neither is ever sent to the client.
      validationError: { target: true, value: true },
      exceptionFactory: validationExceptionFactory({ formatMessage }),
    });
    this.maxDepth = maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  override async transform(
    value: unknown,
    metadata: ArgumentMetadata,
  ): Promise<unknown> {
    if (!this.toValidate(metadata)) return super.transform(value, metadata);
    assertAcceptable(value, metadata, this.maxDepth);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const prefix = SOURCE_PREFIX[metadata.type];
      if (!prefix || !(error instanceof ValidationFailedException)) throw error;
      throw new ValidationFailedException(prefixKeys(error.errors, prefix));
    }
  }
}

function assertAcceptable(
  value: unknown,
  metadata: ArgumentMetadata,
  maxDepth: number,
): void {
  if (value === undefined || value === null) return;
  if (
    metadata.type === 'body' &&
    (typeof value !== 'object' || Array.isArray(value))
  ) {
    throw new BadRequestException(BODY_NOT_AN_OBJECT);
  }
  if (depthExceeds(value, maxDepth)) {
    throw new BadRequestException(
      `The request ${metadata.type} is nested too deeply: at most ${maxDepth} levels are accepted.`,
    );
  }
}

/** Iterative, so a hostile payload cannot exhaust the stack here. */
function depthExceeds(root: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(value)) {
      if (typeof child === 'object' && child !== null)
        stack.push([child, depth + 1]);
    }
  }
  return false;
}

function prefixKeys(
  errors: Record<string, string[]>,
  prefix: string,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, messages]) => [
      `${prefix}.${path}`,
      messages,
    ]),
  );
}
