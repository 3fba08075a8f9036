import { checkApiError, isObject, show } from './api-error.check';
import type { ApiErrorCheck, ExpectApiErrorOptions } from './api-error.check';
import { alignParameterKeys } from './format-readers';

/**
 * A Jest/Vitest asymmetric matcher such as `expect.any(Array)` or
 * `expect.arrayContaining([...])`: anything with `asymmetricMatch`.
 * @publicApi
 */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
}

/**
 * What a field's messages must be: the exact list, one message they contain
 * (a string), a pattern one of them matches, or an asymmetric matcher.
 * @publicApi
 */
export type ExpectedFieldMessages =
  readonly string[] | string | RegExp | AsymmetricMatcherLike;

/**
 * The fields expected in `error.errors`: a list of paths, or paths to their
 * expected messages.
 * @publicApi
 */
export type ExpectedFieldErrors =
  readonly string[] | Readonly<Record<string, ExpectedFieldMessages>>;

/**
 * Options of `expectValidationErrors` / `toHaveFieldErrors`.
 * @publicApi
 */
export interface ExpectValidationErrorsOptions extends Omit<
  ExpectApiErrorOptions,
  'cause'
> {
  /**
   * `true`: the listed fields and no others. `false`: at least the listed fields.
   * @default false
   */
  exact?: boolean;
}

/** @internal Checks a 422 envelope and its field-error map. */
export function checkValidationErrors(
  res: unknown,
  fields: ExpectedFieldErrors,
  options: ExpectValidationErrorsOptions = {},
): ApiErrorCheck {
  const result = checkApiError(res, 422, options, true);
  const expected = normalizeFields(fields);
  const received = result.received.fieldErrors;
  // Problem details and nest name a parameter without its source: use the expected keys.
  const actual = alignParameterKeys(
    isObject(received) ? received : {},
    Object.keys(expected),
  );
  const mapLabel = result.reader.label('fieldErrors');
  const expectedErrors: Record<string, unknown> = options.exact
    ? {}
    : { ...actual };

  for (const [path, want] of Object.entries(expected)) {
    const label = `${mapLabel}[${JSON.stringify(path)}]`;
    if (!(path in actual)) {
      result.problems.push(
        `${label}: missing (fields present: ${listOrNone(Object.keys(actual))})`,
      );
      expectedErrors[path] = describeMessages(want);
      continue;
    }
    const ok = want === undefined || messagesMatch(actual[path], want);
    if (!ok)
      result.problems.push(
        `${label}: expected ${describeExpectation(want)}, received ${show(actual[path])}`,
      );
    expectedErrors[path] = ok ? actual[path] : describeMessages(want);
  }
  if (options.exact) {
    const extra = Object.keys(actual).filter((path) => !(path in expected));
    if (extra.length > 0)
      result.problems.push(
        `${mapLabel}: unexpected fields ${extra.map((p) => JSON.stringify(p)).join(', ')}`,
      );
  }

  const keys = Object.keys(expected);
  result.title = `a validation error (HTTP 422) with ${options.exact ? 'exactly ' : ''}the field errors ${listOrNone(keys)}`;
  result.expected.fieldErrors = expectedErrors;
  return result;
}

function normalizeFields(
  fields: ExpectedFieldErrors,
): Record<string, ExpectedFieldMessages | undefined> {
  if (Array.isArray(fields))
    return Object.fromEntries(fields.map((path: string) => [path, undefined]));
  return { ...(fields as Record<string, ExpectedFieldMessages>) };
}

function messagesMatch(actual: unknown, want: ExpectedFieldMessages): boolean {
  if (isAsymmetricMatcher(want)) return want.asymmetricMatch(actual);
  if (!Array.isArray(actual)) return false;
  if (typeof want === 'string') return actual.includes(want);
  if (want instanceof RegExp)
    return actual.some((m) => typeof m === 'string' && want.test(m));
  return actual.length === want.length && want.every((m, i) => actual[i] === m);
}

function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcherLike {
  return (
    typeof (value as AsymmetricMatcherLike | undefined)?.asymmetricMatch ===
    'function'
  );
}

function describeExpectation(want: ExpectedFieldMessages): string {
  if (isAsymmetricMatcher(want))
    return String(want.toString?.() ?? 'a matching value');
  if (typeof want === 'string') return `messages including ${show(want)}`;
  if (want instanceof RegExp) return `a message matching ${String(want)}`;
  return show(want);
}

function describeMessages(want: ExpectedFieldMessages | undefined): unknown {
  if (want === undefined) return ['<any message>'];
  if (Array.isArray(want)) return want;
  return [
    `<${describeExpectation(want as Exclude<ExpectedFieldMessages, readonly string[]>)}>`,
  ];
}

function listOrNone(keys: string[]): string {
  return keys.length === 0 ? '(none)' : keys.join(', ');
}
