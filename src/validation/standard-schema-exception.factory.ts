import type { FieldErrorSource } from '../formats/field-error.interface';
import type { FieldErrorLimits } from './field-error-bounds.util';
import { issueFieldErrors } from './standard-schema.util';
import type { StandardSchemaIssue } from './standard-schema.util';
import { parameterFailure } from './parameter-failures.util';
import type { ValidationFailedException } from './validation-failed.exception';

/**
 * Options of `standardSchemaExceptionFactory`.
 * @publicApi
 */
export interface StandardSchemaExceptionFactoryOptions extends Partial<FieldErrorLimits> {
  /**
   * Where the validated value came from. Nest's pipe gives its factory the
   * issues only, so a pipe on a query or path parameter says so here to get
   * `query.` / `params.` keys.
   * @default 'body'
   */
  source?: FieldErrorSource;
}

/**
 * An `exceptionFactory` for NestJS 12's `StandardSchemaValidationPipe`:
 * failures answer 422 with the same bounded field map as the module's own
 * pipe, instead of Nest's 400 with a prose list. (`ErrorsModule`'s global
 * pipe already validates `@Body({ schema })`; this is for apps that keep
 * Nest's pipe.)
 *
 * @example
 * app.useGlobalPipes(
 *   new StandardSchemaValidationPipe({ exceptionFactory: standardSchemaExceptionFactory() }),
 * );
 * @publicApi
 */
export function standardSchemaExceptionFactory(
  options: StandardSchemaExceptionFactoryOptions = {},
): (issues: readonly StandardSchemaIssue[]) => ValidationFailedException {
  const { source = 'body', ...limits } = options;
  return (issues) => parameterFailure(issueFieldErrors(issues, source), limits);
}
