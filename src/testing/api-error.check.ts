import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { docsUrl } from '../formats/envelope.format';
import { reasonPhrase } from '../formats/reason-phrase.util';
import { readerFor } from './error-body.reader';
import type {
  BodyField,
  ErrorBodyFields,
  ErrorBodyReader,
  ExpectedErrorFields,
} from './error-body.reader';
import { normalizeHttpResponse } from './http-response.util';
import type { NormalizedHttpResponse } from './http-response.util';
import { ApiErrorTestingUsageError } from './testing-usage.error';
import { builtInErrorFor, resolveTestingOptions } from './testing.options';
import type {
  ApiErrorTestingOptions,
  ResolvedTestingOptions,
} from './testing.options';

/**
 * Options of `expectApiError` / `toBeApiError`. Also accepts the
 * `configureApiErrorTesting` options, which it overrides for this call.
 * @publicApi
 */
export interface ExpectApiErrorOptions extends ApiErrorTestingOptions {
  /**
   * Expected `error.cause`: a string (equal), a RegExp (matching), or `null`
   * (must be absent).
   * @default not checked
   */
  cause?: string | RegExp | null;
  /**
   * Expected `error.message`: a string (equal) or a RegExp (matching).
   * @default the definition's message; not checked for `expectApiError(res, status)`
   */
  message?: string | RegExp;
  /**
   * Expected request id, e.g. the `x-request-id` the test sent.
   * @default not checked (only "body equals header")
   */
  requestId?: string;
}

/** @internal The outcome of a check, shared by the assertions and the matchers. */
export interface ApiErrorCheck {
  /** What was asserted, e.g. `the API error 2000 (HTTP 401)`. */
  title: string;
  problems: string[];
  response: NormalizedHttpResponse;
  /** The fields read from the received body. */
  received: ErrorBodyFields;
  /** The fields of a body that would pass, built from the received one. */
  expected: ExpectedErrorFields;
  /** The app's wire format, which read the body. */
  reader: ErrorBodyReader;
  options: ResolvedTestingOptions;
  expectedStatus: number;
}

/** @internal The body that would have passed `check`. */
export function expectedBodyOf(check: ApiErrorCheck): Record<string, unknown> {
  return check.reader.render(check.expected);
}

/** @internal Checks `res` against an error definition or a built-in status. */
export function checkApiError(
  res: unknown,
  expected: ErrorDefinition | number,
  options: ExpectApiErrorOptions = {},
  withFieldErrors = false,
): ApiErrorCheck {
  const resolved = resolveTestingOptions(options);
  const definition = resolveDefinition(expected, resolved);
  const expectedMessage =
    options.message ??
    (typeof expected === 'number' ? undefined : definition.message);
  const response = normalizeHttpResponse(res);
  // The one place the kit reads a body: through the app's wire format.
  const reader = readerFor(response, resolved.format);
  const problems: string[] = [];
  const check = (ok: boolean, problem: () => string) => {
    if (!ok) problems.push(problem());
  };

  check(
    response.status === definition.status,
    () =>
      `HTTP status: expected ${definition.status}, received ${response.status}`,
  );
  const contentType = response.headers['content-type'];
  check(
    (contentType ?? '').toLowerCase().split(';')[0].trim() === reader.mediaType,
    () =>
      `content-type header: expected ${reader.mediaType}, received ${show(contentType)}`,
  );
  const header = response.headers[resolved.requestIdHeader];
  check(
    header !== undefined && header !== '',
    () => `${resolved.requestIdHeader} header: missing`,
  );

  const body = response.body;
  const fields = reader.read(body);
  const carries = (name: BodyField) => fields.carries.has(name);
  const docs = docsUrl(
    resolved.docsBaseUrl,
    definition.status,
    definition.code,
  );
  problems.push(...reader.shapeProblems(body, withFieldErrors));
  if (isObject(body)) {
    const requestIdLabel = reader.label('requestId');
    if (
      header !== undefined &&
      carries('requestId') &&
      fields.requestId !== undefined
    ) {
      check(
        fields.requestId === header,
        () =>
          `${requestIdLabel}: ${show(fields.requestId)} differs from the ${resolved.requestIdHeader} header ${show(header)}`,
      );
    }
    if (options.requestId !== undefined && carries('requestId')) {
      check(
        fields.requestId === options.requestId,
        () =>
          `${requestIdLabel}: expected ${show(options.requestId)}, received ${show(fields.requestId)}`,
      );
    }
    const field = (name: BodyField, ok: boolean, want: unknown) =>
      check(
        !carries(name) || ok,
        () =>
          `${reader.label(name)}: expected ${show(want)}, received ${show(fields[name])}`,
      );
    const phrase = reasonPhrase(definition.status);
    field('status', fields.status === phrase, phrase);
    field('code', fields.code === definition.code, definition.code);
    if (expectedMessage !== undefined)
      field(
        'message',
        reader.matchMessage(fields, expectedMessage),
        expectedMessage,
      );
    if (options.cause === null)
      check(
        !carries('cause') || reader.hasNoCause(fields, expectedMessage),
        () =>
          `${reader.label('cause')}: expected none, received ${show(fields.cause)}`,
      );
    else if (options.cause !== undefined)
      field('cause', reader.matchCause(fields, options.cause), options.cause);
    field('docs', fields.docs === docs, docs);
  }

  const cause =
    options.cause === undefined || options.cause instanceof RegExp
      ? fields.cause
      : options.cause;
  // Only what the format carries (see the report's head line).
  const ifCarried = <T>(name: BodyField, value: T): T | undefined =>
    carries(name) ? value : undefined;
  return {
    title: `the API error ${show(definition.code)} (HTTP ${definition.status})`,
    problems,
    response,
    received: fields,
    expected: {
      requestId: ifCarried(
        'requestId',
        options.requestId ??
          header ??
          `<the ${resolved.requestIdHeader} header>`,
      ),
      status: ifCarried('status', reasonPhrase(definition.status)),
      code: ifCarried('code', definition.code),
      message: ifCarried(
        'message',
        expectedMessage === undefined || expectedMessage instanceof RegExp
          ? (fields.message ?? '<any message>')
          : expectedMessage,
      ),
      cause: ifCarried('cause', cause ?? undefined),
      docs: ifCarried('docs', docs),
      fieldErrors: ifCarried('fieldErrors', fields.fieldErrors),
    },
    reader,
    options: resolved,
    expectedStatus: definition.status,
  };
}

function resolveDefinition(
  expected: ErrorDefinition | number,
  options: ResolvedTestingOptions,
): ErrorDefinition {
  if (typeof expected !== 'number') {
    if (
      !isObject(expected) ||
      typeof expected.status !== 'number' ||
      expected.code === undefined
    ) {
      throw new ApiErrorTestingUsageError(
        `Expected an error definition ({ status, code, message }, e.g. AppErrors.InvalidApiKey) or an HTTP status, received ${show(expected)}.`,
      );
    }
    return expected;
  }
  const builtIn = builtInErrorFor(expected, options);
  if (!builtIn) {
    throw new ApiErrorTestingUsageError(
      `No built-in error answers HTTP ${expected}. Pass the error definition instead: expectApiError(res, AppErrors.Name).`,
    );
  }
  return builtIn;
}

/** @internal */
export function matches(actual: unknown, expected: string | RegExp): boolean {
  return expected instanceof RegExp
    ? typeof actual === 'string' && expected.test(actual)
    : actual === expected;
}

/** @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @internal A value as it reads in a message: JSON, RegExps as /x/. */
export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value instanceof RegExp) return String(value);
  return JSON.stringify(value) ?? String(value);
}
