import type { ErrorDefinition } from '../catalog/error-definition.interface';
import type { NormalizedError } from '../formats/normalized-error.interface';
import { readProperty } from '../filter/safe-read.util';
import { registeredNormalizer } from '../registry/normalizer.registry';
import { isObject, matches, show } from './api-error.check';
import { builtInErrorFor, resolveTestingOptions } from './testing.options';
import type { ApiErrorTestingOptions } from './testing.options';
import { ApiErrorTestingUsageError } from './testing-usage.error';

/**
 * Options of `expectApiException` / `toThrowApiError`.
 * @publicApi
 */
export interface ExpectApiExceptionOptions extends Pick<
  ApiErrorTestingOptions,
  'builtInErrors'
> {
  /**
   * Expected `cause`: a string (equal), a RegExp (matching), or `null`
   * (must be absent).
   * @default not checked
   */
  cause?: string | RegExp | null;
  /**
   * Expected message: a string (equal) or a RegExp (matching).
   * @default the definition's message; not checked for a status
   */
  message?: string | RegExp;
}

/** @internal What was thrown, or that nothing was. */
export type Outcome =
  | { threw: true; value: unknown }
  | { threw: false; value: unknown; how: 'returned' | 'resolved with' };

/** @internal The fields an error answers with, as the filter would send them. */
export interface AnsweredFields {
  status: number;
  code: unknown;
  message: unknown;
  cause?: unknown;
}

/** @internal The outcome of checking a thrown error. */
export interface ApiExceptionCheck {
  title: string;
  problems: string[];
  expected: AnsweredFields;
  /** The answer the thrown value gets (none when nothing was thrown). */
  actual: AnsweredFields | undefined;
  /** `NotFoundException: Project 1 not found`, or what came back instead. */
  receivedLine: string;
}

/**
 * @internal Checks what was thrown against a catalog entry or a built-in
 * status, through the module's own normalization: the fields compared are
 * those the client would receive.
 */
export function checkApiException(
  outcome: Outcome,
  expected: ErrorDefinition | number,
  options: ExpectApiExceptionOptions = {},
): ApiExceptionCheck {
  const testing = resolveTestingOptions(
    options.builtInErrors ? { builtInErrors: options.builtInErrors } : {},
  );
  const definition = definitionOf(expected, () =>
    builtInErrorFor(expected as number, testing),
  );
  const expectedMessage =
    options.message ??
    (typeof expected === 'number' ? undefined : definition.message);
  const title = `the API error ${show(definition.code)} (HTTP ${definition.status})`;
  const wanted: AnsweredFields = {
    status: definition.status,
    code: definition.code,
    message:
      expectedMessage === undefined
        ? '<any message>'
        : expectedMessage instanceof RegExp
          ? String(expectedMessage)
          : expectedMessage,
  };
  if (typeof options.cause === 'string') wanted.cause = options.cause;
  if (options.cause instanceof RegExp) wanted.cause = String(options.cause);

  if (!outcome.threw) {
    return {
      title,
      problems: [
        `nothing was thrown: it ${outcome.how} ${describe(outcome.value)}`,
      ],
      expected: wanted,
      actual: undefined,
      receivedLine: `${outcome.how} ${describe(outcome.value)}`,
    };
  }

  const answer = answerOf(outcome.value, () => testing.builtInErrors);
  const actual: AnsweredFields = {
    status: answer.status,
    code: answer.code,
    message: answer.message,
  };
  if (answer.cause !== undefined) actual.cause = answer.cause;
  const problems: string[] = [];
  if (answer.unexpected)
    problems.push(
      `${describe(outcome.value)} is not an HTTP exception: the app answers it as an unexpected error`,
    );
  const field = (name: keyof AnsweredFields, ok: boolean, want: unknown) => {
    if (!ok)
      problems.push(
        `${name}: expected ${show(want)}, received ${show(actual[name])}`,
      );
  };
  field('status', actual.status === definition.status, definition.status);
  field('code', actual.code === definition.code, definition.code);
  if (expectedMessage !== undefined)
    field('message', matches(actual.message, expectedMessage), expectedMessage);
  if (options.cause === null)
    field('cause', actual.cause === undefined, undefined);
  else if (options.cause !== undefined)
    field('cause', matches(actual.cause, options.cause), options.cause);

  // A passing report shows the received values where the check was loose.
  if (expectedMessage === undefined) wanted.message = actual.message;
  if (options.cause === undefined && actual.cause !== undefined)
    wanted.cause = actual.cause;
  return {
    title,
    problems,
    expected: wanted,
    actual,
    receivedLine: describe(outcome.value),
  };
}

/** @internal Calls `fn`, catching a synchronous throw. */
export function callForOutcome(
  fn: () => unknown,
): Outcome | PromiseLike<unknown> {
  let returned: unknown;
  try {
    returned = fn();
  } catch (error) {
    return { threw: true, value: error };
  }
  if (isThenable(returned)) return returned;
  return { threw: false, value: returned, how: 'returned' };
}

/** @internal Settles a promise into an outcome. */
export function settle(promise: PromiseLike<unknown>): Promise<Outcome> {
  return Promise.resolve(promise).then(
    (value): Outcome => ({ threw: false, value, how: 'resolved with' }),
    (error: unknown): Outcome => ({ threw: true, value: error }),
  );
}

/** @internal */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof readProperty(value, 'then') === 'function';
}

function definitionOf(
  expected: ErrorDefinition | number,
  builtIn: () => ErrorDefinition | undefined,
): ErrorDefinition {
  if (typeof expected === 'number') {
    const definition = builtIn();
    if (!definition)
      throw new ApiErrorTestingUsageError(
        `No built-in error answers HTTP ${expected}. Pass the error definition instead: expectApiException(fn, AppErrors.Name).`,
      );
    return definition;
  }
  if (
    !isObject(expected) ||
    typeof expected.status !== 'number' ||
    expected.code === undefined
  )
    throw new ApiErrorTestingUsageError(
      `Expected an error definition ({ status, code, message }, e.g. AppErrors.InvalidApiKey) or an HTTP status, received ${show(expected)}.`,
    );
  return expected;
}

/** `NotFoundException: Project 1 not found`, `undefined`, `{"id":1}`. */
function describe(value: unknown): string {
  if (value instanceof Error) {
    const name = value.constructor?.name || value.name;
    return value.message ? `${name}: ${value.message}` : name;
  }
  if (typeof value === 'function')
    return `a function ${value.name || ''}`.trim();
  try {
    return show(value);
  } catch {
    return String(value);
  }
}

/**
 * What the app answers for `thrown`, through the module's own normalization,
 * registered by the package's main entry. The kit itself loads no Nest code
 * (it also serves runners and contract tests that never load Nest): the code
 * under test has loaded the main entry already, or it is loaded now.
 */
function answerOf(
  thrown: unknown,
  builtInErrors: () => ApiErrorTestingOptions['builtInErrors'],
): NormalizedError {
  let normalize = registeredNormalizer();
  if (!normalize) {
    try {
      require('../index');
    } catch {
      // reported below
    }
    normalize = registeredNormalizer();
  }
  if (!normalize)
    throw new ApiErrorTestingUsageError(
      "expectApiException and toThrowApiError need the nestjs-api-errors module loaded: import it (e.g. `import 'nestjs-api-errors'`) in the spec or its setup file.",
    );
  return normalize(thrown, builtInErrors);
}
