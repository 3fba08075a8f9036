import type { ErrorDefinition } from '../catalog/error-definition.interface';
import { docsUrl } from '../formats/envelope.format';
import { reasonPhrase } from '../formats/reason-phrase.util';
import { ERROR_ENVELOPE_SCHEMA } from './envelope.schema';
import { normalizeHttpResponse } from './http-response.util';
import type { NormalizedHttpResponse } from './http-response.util';
import { readWireFormat } from './format-readers';
import type { ReadField, WireRead } from './format-readers';
import type { SchemaNode } from './schema-check.util';
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
  /** The envelope that would pass, built from the received one. */
  expectedBody: Record<string, unknown>;
  options: ResolvedTestingOptions;
  expectedStatus: number;
  /** The body as the kit read it through the app's wire format. */
  wire: WireRead;
}

/** @internal Thrown for misuse of the kit (not for a failed expectation). */
export class ApiErrorTestingUsageError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'ApiErrorTestingUsageError';
  }
}

/** @internal Checks `res` against an error definition or a built-in status. */
export function checkApiError(
  res: unknown,
  expected: ErrorDefinition | number,
  options: ExpectApiErrorOptions = {},
  schema: SchemaNode = ERROR_ENVELOPE_SCHEMA,
): ApiErrorCheck {
  const resolved = resolveTestingOptions(options);
  const definition = resolveDefinition(expected, resolved);
  const expectedMessage =
    options.message ??
    (typeof expected === 'number' ? undefined : definition.message);
  const response = normalizeHttpResponse(res);
  // The one place the kit reads a body: through the app's wire format.
  const wire = readWireFormat(
    response,
    resolved.format,
    schema,
    schema !== ERROR_ENVELOPE_SCHEMA,
  );
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
    (contentType ?? '').toLowerCase().split(';')[0].trim() === wire.mediaType,
    () =>
      `content-type header: expected ${wire.mediaType}, received ${show(contentType)}`,
  );
  const header = response.headers[resolved.requestIdHeader];
  check(
    header !== undefined && header !== '',
    () => `${resolved.requestIdHeader} header: missing`,
  );

  const body = wire.envelope;
  const error = body.error;
  const carries = (name: ReadField) => wire.carries.has(name);
  problems.push(...wire.schemaProblems);
  if (isObject(response.body)) {
    if (header !== undefined && carries('request_id')) {
      check(
        body.request_id === header,
        () =>
          `request_id: ${show(body.request_id)} differs from the ${resolved.requestIdHeader} header ${show(header)}`,
      );
    }
    if (options.requestId !== undefined && carries('request_id')) {
      check(
        body.request_id === options.requestId,
        () =>
          `request_id: expected ${show(options.requestId)}, received ${show(body.request_id)}`,
      );
    }
    const field = (name: ReadField, ok: boolean, want: unknown) =>
      check(
        !carries(name) || ok,
        () =>
          `${wire.labels[name]}: expected ${show(want)}, received ${show(error[name])}`,
      );
    field(
      'status',
      error.status === reasonPhrase(definition.status),
      reasonPhrase(definition.status),
    );
    field('code', error.code === definition.code, definition.code);
    if (expectedMessage !== undefined)
      field(
        'message',
        wire.matchMessage
          ? wire.matchMessage(expectedMessage)
          : matches(error.message, expectedMessage),
        expectedMessage,
      );
    if (options.cause === null)
      check(
        !carries('cause') ||
          (wire.hasNoCause
            ? wire.hasNoCause(expectedMessage)
            : !('cause' in error)),
        () =>
          `${wire.labels.cause}: expected none, received ${show(error.cause)}`,
      );
    else if (options.cause !== undefined)
      field(
        'cause',
        wire.matchCause
          ? wire.matchCause(options.cause)
          : matches(error.cause, options.cause),
        options.cause,
      );
    const docs = docsUrl(
      resolved.docsBaseUrl,
      definition.status,
      definition.code,
    );
    field('docs', error.docs === docs, docs);
  }

  const expectedError: Record<string, unknown> = {
    status: reasonPhrase(definition.status),
    code: definition.code,
    message:
      expectedMessage === undefined || expectedMessage instanceof RegExp
        ? (error.message ?? '<any message>')
        : expectedMessage,
  };
  const cause =
    options.cause === undefined || options.cause instanceof RegExp
      ? error.cause
      : options.cause;
  if (cause !== undefined && cause !== null) expectedError.cause = cause;
  expectedError.docs = docsUrl(
    resolved.docsBaseUrl,
    definition.status,
    definition.code,
  );
  if ('errors' in error) expectedError.errors = error.errors;
  // Only what the format carries (envelope names; see the report's head line).
  for (const name of Object.keys(expectedError) as ReadField[])
    if (!wire.carries.has(name)) delete expectedError[name];
  return {
    title: `the API error ${show(definition.code)} (HTTP ${definition.status})`,
    problems,
    response,
    expectedBody: {
      request_id:
        options.requestId ??
        header ??
        `<the ${resolved.requestIdHeader} header>`,
      error: expectedError,
    },
    options: resolved,
    expectedStatus: definition.status,
    wire,
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
