import { ApiException } from '../catalog/api.exception';
import type { ApiExceptionOptions } from '../catalog/api.exception';
import { readProperty } from '../filter/safe-read.util';
import type { ExceptionMapping } from './exception-mapping.interface';

/**
 * @internal The mapping for `exception`: the first scope (nearest first) that
 * has one wins; inside a scope, the most specific class wins, then a mapping
 * whose `when` matched before one without, then the one declared first.
 */
export function findMapping(
  exception: unknown,
  scopes: ReadonlyArray<readonly ExceptionMapping[]>,
): ExceptionMapping | undefined {
  if (
    (typeof exception !== 'object' && typeof exception !== 'function') ||
    exception === null
  )
    return undefined;
  for (const mappings of scopes) {
    let best: ExceptionMapping | undefined;
    let bestRank = Infinity;
    for (const mapping of mappings) {
      // Two ranks per class distance: a matched `when` first, then none.
      const rank =
        2 * prototypeDistance(exception, mapping.exception.prototype) +
        (mapping.when ? 0 : 1);
      if (rank < bestRank && holds(mapping, exception)) {
        best = mapping;
        bestRank = rank;
      }
    }
    if (best) return best;
  }
  return undefined;
}

/** The mapping's `when`, if any, accepts the error; one that throws does not. */
function holds(mapping: ExceptionMapping, exception: unknown): boolean {
  if (!mapping.when) return true;
  try {
    return Boolean(mapping.when(exception));
  } catch {
    return false;
  }
}

/** @internal The catalog error a mapped exception answers with. */
export function toApiException(
  exception: unknown,
  mapping: ExceptionMapping,
): ApiException {
  return new ApiException(mapping.error, {
    cause: causeOf(exception, mapping),
    details: detailsOf(exception, mapping),
  });
}

/** @internal `findMapping` then `toApiException`; unmapped values pass through. */
export function applyMappings(
  exception: unknown,
  scopes: ReadonlyArray<readonly ExceptionMapping[]>,
): unknown {
  const mapping = findMapping(exception, scopes);
  return mapping ? toApiException(exception, mapping) : exception;
}

function causeOf(
  exception: unknown,
  mapping: ExceptionMapping,
): string | undefined {
  const { cause } = mapping;
  const text =
    typeof cause === 'function'
      ? cause(exception)
      : cause
        ? readProperty(exception, 'message')
        : undefined;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/** The mapping's `details` picker; one that throws sends no details. */
function detailsOf(
  exception: unknown,
  mapping: ExceptionMapping,
): ApiExceptionOptions['details'] {
  if (!mapping.details) return undefined;
  try {
    // Checked where every `details` is: values that are not JSON-safe are dropped.
    return mapping.details(exception) as ApiExceptionOptions['details'];
  } catch {
    return undefined;
  }
}

/** Steps from the value up to `prototype` in its chain; Infinity when absent. */
function prototypeDistance(value: object, prototype: unknown): number {
  let distance = 0;
  try {
    for (
      let p = Object.getPrototypeOf(value);
      p !== null;
      p = Object.getPrototypeOf(p), distance++
    ) {
      if (p === prototype) return distance;
    }
  } catch {
    // revoked proxies and hostile getPrototypeOf traps match nothing
  }
  return Infinity;
}
