import {
  BadRequestException,
  Injectable,
  Optional,
  ValidationPipe,
} from '@nestjs/common';
import type { ArgumentMetadata, ValidationError } from '@nestjs/common';

import type { ErrorsValidationOptions } from '../errors-module-options.interface';
import type { FieldErrorSource } from '../formats/field-error.interface';
import type { FieldErrorLimits } from './field-error-bounds.util';
import { isStandardSchema, issueFieldErrors } from './standard-schema.util';
import type { StandardSchemaV1 } from './standard-schema.util';
import { classValidatorFieldErrors } from './validation-errors.util';
import type { FieldErrorsOptions } from './validation-errors.util';
import { parameterFailure } from './parameter-failures.util';

/** @internal The 400 of a body that is not a JSON object where a DTO is expected. */
export const BODY_NOT_AN_OBJECT = 'The request body must be a JSON object.';

/**
 * @internal That 400, as its own class: the filter answers 415 instead when
 * the request did carry a body the app did not parse (its media type).
 */
export class BodyNotAnObjectException extends BadRequestException {
  constructor() {
    super(BODY_NOT_AN_OBJECT);
  }
}

/** Deepest body accepted by default; deeper ones answer 400 before any work. */
const DEFAULT_MAX_DEPTH = 64;

/** Where a parameter's value came from, as a `FieldError` source. */
const SOURCES: Partial<Record<ArgumentMetadata['type'], FieldErrorSource>> = {
  body: 'body',
  query: 'query',
  param: 'params',
};

/**
 * Carries class-validator's errors from Nest's `exceptionFactory` back to
 * `transform`, which knows the parameter's source. Never leaves the pipe.
 */
class PendingFailure {
  constructor(readonly errors: ValidationError[]) {}
}

/**
 * Nest's `ValidationPipe` answering like the rest of the module: failures are
 * a `ValidationFailedException` (422 with the bounded field map), identical on
 * NestJS 11 and 12 whatever `errorFormat` says. Use it where an app builds its
 * own pipe (per route, per parameter, `useGlobalPipes`); `ErrorsModule`
 * registers one globally.
 *
 * Validates with a Standard Schema (Zod 4, Valibot, ArkType) instead of
 * class-validator when one is given (`new ErrorsValidationPipe({ schema })`)
 * or, on NestJS 12, when the parameter declares one (`@Body({ schema })`);
 * the schema's output (coercion, defaults) reaches the handler.
 *
 * Also refuses, with a 400 envelope, a body that is not a JSON object where a
 * DTO is expected and a body nested deeper than `maxDepth`.
 *
 * @example
 * @Query(new ErrorsValidationPipe({ transform: true })) query: ListProjectsQuery
 * @Body(new ErrorsValidationPipe({ schema: CreateProjectSchema })) body: CreateProject
 * @publicApi
 */
@Injectable()
export class ErrorsValidationPipe extends ValidationPipe {
  private readonly maxDepth: number;
  private readonly schema: StandardSchemaV1 | undefined;
  private readonly limits: Partial<FieldErrorLimits>;
  private readonly fieldOptions: FieldErrorsOptions;
  private readonly validatesCustom: boolean;

  constructor(@Optional() options: ErrorsValidationOptions = {}) {
    const {
      formatMessage,
      maxDepth,
      maxFields,
      maxResponseBytes,
      maxErrorMessagesLength,
      schema,
      ...pipeOptions
    } = options;
    super({
      ...pipeOptions,
      // Targets and values let the map name items and exposed properties;
      // neither is ever sent to the client.
      validationError: { target: true, value: true },
      exceptionFactory: (errors: ValidationError[]) =>
        new PendingFailure(errors),
    });
    this.maxDepth = maxDepth ?? DEFAULT_MAX_DEPTH;
    this.schema = schema;
    this.limits = { maxFields, maxResponseBytes, maxErrorMessagesLength };
    this.fieldOptions = { formatMessage };
    this.validatesCustom = pipeOptions.validateCustomDecorators ?? false;
  }

  override transform(
    value: unknown,
    metadata: ArgumentMetadata,
  ): Promise<unknown> {
    const schema = this.schema ?? schemaOf(metadata);
    if (schema) return this.validateWithSchema(value, metadata, schema);
    if (isZodDto(metadata.metatype)) return Promise.resolve(value);
    // Parameters that are not validated (primitives, no metatype) get what
    // Nest's pipe gives them, without its async frame and second type check.
    if (this.expectedType === undefined && !this.toValidate(metadata))
      return Promise.resolve(
        this.isTransformEnabled
          ? this.transformPrimitive(value, metadata)
          : value,
      );
    return this.transformValidated(value, metadata);
  }

  private async transformValidated(
    value: unknown,
    metadata: ArgumentMetadata,
  ): Promise<unknown> {
    assertAcceptable(value, metadata, this.maxDepth);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof PendingFailure)) throw error;
      throw parameterFailure(
        classValidatorFieldErrors(error.errors, {
          ...this.fieldOptions,
          source: SOURCES[metadata.type] ?? 'body',
        }),
        this.limits,
      );
    }
  }

  private async validateWithSchema(
    value: unknown,
    metadata: ArgumentMetadata,
    schema: StandardSchemaV1,
  ): Promise<unknown> {
    if (metadata.type === 'custom' && !this.validatesCustom) return value;
    if (value !== null && typeof value === 'object') {
      if (depthExceeds(value, this.maxDepth)) tooDeep(metadata, this.maxDepth);
      this.stripProtoKeys(value);
    }
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    const source = SOURCES[metadata.type] ?? 'body';
    // A named parameter (`@Query('page', …)`) is the first segment of its paths.
    const prefix = metadata.data && source !== 'body' ? [metadata.data] : [];
    throw parameterFailure(
      issueFieldErrors(result.issues, source, prefix),
      this.limits,
    );
  }
}

/** NestJS 12 puts a parameter's Standard Schema on its metadata. */
function schemaOf(metadata: ArgumentMetadata): StandardSchemaV1 | undefined {
  const schema = (metadata as { schema?: unknown }).schema;
  return isStandardSchema(schema) ? schema : undefined;
}

/**
 * A nestjs-zod DTO (`createZodDto`) has no class-validator rules: its own
 * pipe validates it, and `whitelist` here would strip every property.
 */
function isZodDto(metatype: unknown): boolean {
  return (
    typeof metatype === 'function' &&
    (metatype as { isZodDto?: unknown }).isZodDto === true
  );
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
    throw new BodyNotAnObjectException();
  }
  if (depthExceeds(value, maxDepth)) tooDeep(metadata, maxDepth);
}

function tooDeep(metadata: ArgumentMetadata, maxDepth: number): never {
  throw new BadRequestException(
    `The request ${metadata.type} is nested too deeply: at most ${maxDepth} levels are accepted.`,
  );
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
