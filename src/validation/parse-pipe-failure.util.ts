import type { NormalizedError } from '../formats/normalized-error.interface';
import { readProperty } from '../filter/safe-read.util';
import {
  declaredPathParameters,
  routePattern,
} from '../platform/route-pattern.util';

const PARSE_PIPE_MESSAGE =
  /^Validation failed \(((?:numeric|boolean|enum) string|uuid(?: v ?\d)?) is expected\)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Would a value pass the pipe that complained of `expected`? Each check is
 * tried loose first, then strict: `ParseFloatPipe` and `ParseIntPipe` share
 * one message, and `1.5` fails only the second.
 */
const CHECKS: Record<string, Array<(value: string) => boolean>> = {
  'numeric string': [
    (v) => /^-?\d+(\.\d+)?$/.test(v),
    (v) => /^-?\d+$/.test(v),
  ],
  'boolean string': [(v) => v === 'true' || v === 'false'],
  uuid: [(v) => UUID.test(v)],
};

/**
 * @internal Nest's `ParseIntPipe`, `ParseFloatPipe`, `ParseUUIDPipe`,
 * `ParseBoolPipe` and `ParseEnumPipe` fail with "Validation failed (numeric
 * string is expected)", which does not say which parameter. Only parameters
 * the matched route declares in its path (`/items/:id`) are considered, never
 * names the client chose (query keys): when exactly one of them fails the
 * pipe's check, the message names it; otherwise the message stays generic.
 */
export function nameFailedParameter(
  error: NormalizedError,
  request: unknown,
): NormalizedError {
  if (error.status !== 400) return error;
  const match = PARSE_PIPE_MESSAGE.exec(error.message);
  if (!match) return error;
  const expected = match[1].replace(/ v (\d)/, ' v$1');
  const checks = CHECKS[expected.startsWith('uuid') ? 'uuid' : expected];
  const pattern = routePattern(request);
  // An enum cannot be checked without the pipe: no parameter is named.
  if (!checks || pattern === undefined) return error;
  const params = readProperty(request, 'params');
  const declared = declaredPathParameters(pattern)
    .map((name) => [name, readProperty(params, name)] as const)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  for (const accepts of checks) {
    const failing = declared.filter(([, value]) => !accepts(value));
    if (failing.length > 1) return error;
    if (failing.length === 1) {
      return {
        ...error,
        message: `The path parameter "${failing[0][0]}" is invalid: ${expected} is expected.`,
      };
    }
  }
  return error;
}
