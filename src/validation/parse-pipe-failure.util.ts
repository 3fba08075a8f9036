import type { NormalizedError } from '../formats/normalized-error.interface';
import { readProperty } from '../filter/safe-read.util';

const PARSE_PIPE_MESSAGE =
  /^Validation failed \(((?:numeric|boolean|enum) string|uuid(?: v ?\d)?) is expected\)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Would a value pass the pipe that complained of `expected`? */
const ACCEPTS: Record<string, (value: string) => boolean> = {
  'numeric string': (v) => /^-?\d+(\.\d+)?$/.test(v),
  'boolean string': (v) => v === 'true' || v === 'false',
  uuid: (v) => UUID.test(v),
};

/**
 * @internal Nest's `ParseIntPipe`, `ParseUUIDPipe`, `ParseBoolPipe` and
 * `ParseEnumPipe` fail with "Validation failed (numeric string is expected)",
 * which does not say which parameter. The route and query parameters of the
 * request tell: when exactly one of them fails the same check (or is the only
 * one), the message names it.
 */
export function nameFailedParameter(
  error: NormalizedError,
  request: unknown,
): NormalizedError {
  if (error.status !== 400) return error;
  const match = PARSE_PIPE_MESSAGE.exec(error.message);
  if (!match) return error;
  const expected = match[1].replace(/ v (\d)/, ' v$1');
  const accepts = ACCEPTS[expected.startsWith('uuid') ? 'uuid' : expected];
  const candidates = [
    ...parameters(readProperty(request, 'params'), 'path parameter'),
    ...parameters(readProperty(request, 'query'), 'query parameter'),
  ];
  const failing = accepts
    ? candidates.filter(([, value]) => !accepts(value))
    : candidates;
  if (failing.length !== 1) return error;
  const [[name, , kind]] = failing;
  return {
    ...error,
    message: `The ${kind} "${name}" is invalid: ${expected} is expected.`,
  };
}

function parameters(
  source: unknown,
  kind: string,
): Array<[string, string, string]> {
  if (typeof source !== 'object' || source === null) return [];
  return Object.entries(source)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => [name, value, kind]);
}
