import type {
  FieldError,
  FieldErrorSource,
} from '../formats/field-error.interface';
import { fieldErrorKey } from '../formats/field-error.util';
import { requestIdStorage } from '../request-id/request-id.storage';
import { withStackTracesOff } from '../utils/stack-traces.util';
import { DEFAULT_FIELD_ERROR_LIMITS } from './field-error-bounds.util';
import type { FieldErrorLimits } from './field-error-bounds.util';
import { ValidationFailedException } from './validation-failed.exception';

/** @internal A parameter's failure, with the limits of the pipe that found it. */
export interface ParameterFailure {
  readonly exception: ValidationFailedException;
  readonly limits: Partial<FieldErrorLimits>;
}

/**
 * @internal A parameter's validation failure, to be thrown, recorded in the
 * request's context. Nest validates a handler's parameters together but
 * stops at the first that fails: the filter collects the others
 * (`collectParameterFailures`) so one 422 lists them all. Outside a
 * request's context (`asyncContext: false`, non-HTTP), nothing is recorded.
 *
 * Built without a stack trace: a client's invalid input is never logged
 * with one, and V8 capturing the pipe's frames (Nest's router, the
 * adapter) was a large part of what a 422 cost.
 */
export function parameterFailure(
  fields: Iterable<FieldError>,
  limits: Partial<FieldErrorLimits>,
): ValidationFailedException {
  const exception = stackless(fields, limits);
  const context = requestIdStorage.getStore();
  if (context) (context.parameterFailures ??= []).push({ exception, limits });
  return exception;
}

/** @internal True when `exception` is a parameter failure of this request. */
export function isParameterFailure(exception: unknown): boolean {
  const failures = requestIdStorage.getStore()?.parameterFailures as
    ParameterFailure[] | undefined;
  return failures?.some((f) => f.exception === exception) ?? false;
}

/**
 * @internal Every parameter failure of this request, as one exception (body,
 * then query, then path parameters, then the rest); `exception` alone when
 * it is the only one. Call once the other parameters' pipes have settled.
 */
export function collectParameterFailures(
  exception: ValidationFailedException,
): ValidationFailedException {
  const context = requestIdStorage.getStore();
  const failures = context?.parameterFailures ?? [];
  if (context) context.parameterFailures = undefined;
  const first = failures.find((f) => f.exception === exception);
  if (!first || failures.length === 1) return exception;
  const fields = failures
    .flatMap((f) => f.exception.fieldErrors)
    .sort(
      (a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source),
    );
  if (!failures.some((f) => f.exception.truncated))
    return stackless(fields, first.limits);
  // A part already left fields out: the whole must say so too. One field
  // past the listed ones makes the bound cut, with its usual cause.
  const keys = new Set(fields.map(fieldErrorKey)).size;
  const maxFields = Math.min(
    first.limits.maxFields ?? DEFAULT_FIELD_ERROR_LIMITS.maxFields,
    keys,
  );
  return stackless([...fields, LEFT_OUT], {
    ...first.limits,
    maxFields,
  });
}

/** Where a 422 lists each source's fields (stable within a source). */
const SOURCE_ORDER: readonly (FieldErrorSource | undefined)[] = [
  'body',
  'query',
  'params',
];

/** Stands for the fields a truncated part left out; never listed. */
const LEFT_OUT: FieldError = {
  source: 'body',
  path: ['\u0000left out'],
  messages: ['left out'],
};

/** A `ValidationFailedException` built with V8's stack capture off (see `parameterFailure`). */
function stackless(
  fields: Iterable<FieldError>,
  limits: Partial<FieldErrorLimits>,
): ValidationFailedException {
  return withStackTracesOff(
    () => new ValidationFailedException(fields, limits),
  );
}
