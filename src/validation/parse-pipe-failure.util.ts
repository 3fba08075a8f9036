import type { NormalizedError } from '../formats/normalized-error.interface';
import { readProperty } from '../filter/safe-read.util';
import { describeRawRequest } from '../platform/raw-request.util';
import {
  declaredPathParameters,
  routePattern,
} from '../platform/route-pattern.util';
import { declaredParameters } from './declared-parameters.registry';

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
 * the matched route declares are considered, never names the client chose:
 * those its handler declares with such a pipe (`@Query('page',
 * ParseIntPipe)`, from Nest's route metadata, when `owner`'s app is known),
 * else the path parameters of its pattern (`/items/:id`). When exactly one of
 * them can have failed (the only one with that pipe, or the only one whose
 * value fails the pipe's check), the message names it; otherwise it stays
 * generic.
 */
export function nameFailedParameter(
  error: NormalizedError,
  request: unknown,
  owner?: object,
): NormalizedError {
  if (error.status !== 400) return error;
  const match = PARSE_PIPE_MESSAGE.exec(error.message);
  return match ? nameAmongDeclared(error, request, owner, match[1]) : error;
}

/** `nameFailedParameter` once the message is a parse pipe's (apart: its closures' context is allocated on entry). */
function nameAmongDeclared(
  error: NormalizedError,
  request: unknown,
  owner: object | undefined,
  complaint: string,
): NormalizedError {
  const expected = complaint.replace(/ v (\d)/, ' v$1');
  const pattern = routePattern(request);
  if (pattern === undefined) return error;
  const declared = owner
    ? declaredParameters(owner, describeRawRequest(request).method, pattern)
    : undefined;
  const parameters: Candidate[] = declared
    ? declared.filter((p) => expected.startsWith(p.kind))
    : declaredPathParameters(pattern).map((name) => ({
        source: 'params',
        name,
      }));
  const candidates = parameters.map((p) => ({
    ...p,
    value: readProperty(
      readProperty(request, p.source === 'query' ? 'query' : 'params'),
      p.name,
    ),
  }));
  const unique = uniqueBy(candidates);
  if (declared && unique.length === 1) return named(error, unique[0], expected);
  const checks = CHECKS[expected.startsWith('uuid') ? 'uuid' : expected];
  // An enum cannot be checked without the pipe: no guess among several.
  if (!checks) return error;
  const values = unique.filter(
    (c): c is typeof c & { value: string } => typeof c.value === 'string',
  );
  for (const accepts of checks) {
    const failing = values.filter(({ value }) => !accepts(value));
    if (failing.length > 1) return error;
    if (failing.length === 1) return named(error, failing[0], expected);
  }
  return error;
}

type Candidate = { source: 'query' | 'params'; name: string };

const KIND_NAMES = { query: 'query parameter', params: 'path parameter' };

function named(
  error: NormalizedError,
  parameter: Candidate,
  expected: string,
): NormalizedError {
  return {
    ...error,
    message: `The ${KIND_NAMES[parameter.source]} "${parameter.name}" is invalid: ${expected} is expected.`,
  };
}

function uniqueBy<T extends { source: string; name: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = `${item.source}\0${item.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
