import type {
  ApiErrorView,
  ErrorFormat,
  ErrorFormatName,
} from '../formats/error-format.interface';
import { formatName } from '../formats/built-in.formats';
import { reasonPhrase } from '../formats/reason-phrase.util';
import type { NormalizedHttpResponse } from './http-response.util';
import { NEST_ERROR_SCHEMA, PROBLEM_DETAILS_SCHEMA } from './problem.schema';
import { checkAgainstSchema } from './schema-check.util';
import type { SchemaNode } from './schema-check.util';
import {
  endsWith,
  nestMessagesToMap,
  problemErrorsToMap,
  startsWith,
  test,
} from './format-field-paths';

export { alignParameterKeys } from './format-field-paths';

/** The envelope fields a format may carry, as the kit names them. */
export type ReadField =
  'request_id' | 'status' | 'code' | 'message' | 'cause' | 'docs' | 'errors';

/** @internal A response body seen through its wire format. */
export interface WireRead {
  /** `'envelope'`, `'problem'`, `'nest'` or `'custom'`. */
  format: ErrorFormatName | 'custom';
  /** The body as an envelope `{ request_id, error }`, with what the format carries. */
  envelope: { request_id?: unknown; error: Record<string, unknown> };
  /** The fields the format carries: only these are checked. */
  carries: ReadonlySet<ReadField>;
  /** The wire name of each field, for messages (`title` for problem's message). */
  labels: Readonly<Record<ReadField, string>>;
  /** Problems of the body against the format's JSON Schema. */
  schemaProblems: string[];
  /** Media type the content-type header must have. */
  mediaType: string;
  /**
   * For formats that fold message and cause into other members (problem
   * details' `title`/`detail`): whether the body shows the expected message,
   * the expected cause, and no cause at all.
   */
  matchMessage?: (expected: string | RegExp) => boolean;
  matchCause?: (expected: string | RegExp) => boolean;
  hasNoCause?: (expectedMessage: string | RegExp | undefined) => boolean;
}

const ALL: ReadonlySet<ReadField> = new Set([
  'request_id',
  'status',
  'code',
  'message',
  'cause',
  'docs',
  'errors',
]);

const ENVELOPE_LABELS: Record<ReadField, string> = {
  request_id: 'request_id',
  status: 'error.status',
  code: 'error.code',
  message: 'error.message',
  cause: 'error.cause',
  docs: 'error.docs',
  errors: 'error.errors',
};

/**
 * @internal Reads a response body in the format the app answers with: a
 * `Content-Type: application/problem+json` response is problem details
 * (what `negotiate` answers), anything else is read as `format`.
 * `envelopeSchema` is the schema an envelope must pass (the 422 variant for
 * `expectValidationErrors`).
 */
export function readWireFormat(
  response: NormalizedHttpResponse,
  format: ErrorFormatName | ErrorFormat,
  envelopeSchema: SchemaNode,
  validation: boolean,
): WireRead {
  const problem = /^\s*application\/problem\+json\b/i.test(
    response.headers['content-type'] ?? '',
  );
  const body = response.body;
  // A built-in's object (as a booted app's resolved options hold it) reads as its name.
  if (typeof format === 'object' && format !== null) {
    const name = formatName(format);
    if (name !== 'custom') format = name;
  }
  if (problem || format === 'problem') return readProblem(body, validation);
  if (format === 'nest') return readNest(body, validation);
  if (typeof format === 'object' && format !== null)
    return readCustom(body, format);
  return {
    format: 'envelope',
    envelope: {
      request_id: isObject(body) ? body.request_id : undefined,
      error: isObject(body) && isObject(body.error) ? body.error : {},
    },
    carries: ALL,
    labels: ENVELOPE_LABELS,
    schemaProblems: checkAgainstSchema(body, envelopeSchema),
    mediaType: 'application/json',
  };
}

function readProblem(body: unknown, validation: boolean): WireRead {
  const b = isObject(body) ? body : {};
  const error: Record<string, unknown> = {
    status: Number.isInteger(b.status)
      ? reasonPhrase(b.status as number)
      : b.status,
    code: b.code,
    message: b.title,
    docs: b.type,
  };
  if ('detail' in b) error.cause = b.detail;
  if (Array.isArray(b.errors)) error.errors = problemErrorsToMap(b.errors);
  const problems = checkAgainstSchema(body, PROBLEM_DETAILS_SCHEMA);
  if (validation && !('errors' in b)) problems.push('errors: missing');
  return {
    format: 'problem',
    envelope: { request_id: b.request_id, error },
    carries: ALL,
    labels: {
      request_id: 'request_id',
      status: 'status',
      code: 'code',
      message: 'title',
      cause: 'detail',
      docs: 'type',
      errors: 'errors',
    },
    schemaProblems: problems,
    mediaType: 'application/problem+json',
    // `detail` is the occurrence's own message (when not the title), then its cause.
    matchMessage: (expected) =>
      test(b.title, expected) || startsWith(b.detail, expected),
    matchCause: (expected) => endsWith(b.detail, expected),
    hasNoCause: (message) =>
      !('detail' in b) || (typeof message === 'string' && b.detail === message),
  };
}

function readNest(body: unknown, validation: boolean): WireRead {
  const b = isObject(body) ? body : {};
  const error: Record<string, unknown> = { status: b.error, code: b.code };
  const carries = new Set<ReadField>(['request_id', 'status', 'code']);
  if (typeof b.message === 'string' || !Array.isArray(b.message)) {
    error.message = b.message;
    carries.add('message');
  } else {
    error.errors = nestMessagesToMap(b.message);
    carries.add('errors');
  }
  if ('cause' in b) error.cause = b.cause;
  carries.add('cause');
  const problems = checkAgainstSchema(body, NEST_ERROR_SCHEMA);
  if (validation && !Array.isArray(b.message))
    problems.push('message: expected one string per failing field (an array)');
  return {
    format: 'nest',
    envelope: { request_id: b.request_id, error },
    carries,
    labels: {
      request_id: 'request_id',
      status: 'error',
      code: 'code',
      message: 'message',
      cause: 'cause',
      docs: 'docs',
      errors: 'message',
    },
    schemaProblems: problems,
    mediaType: 'application/json',
  };
}

function readCustom(body: unknown, format: ErrorFormat): WireRead {
  let view: ApiErrorView | undefined;
  const problems: string[] = [];
  try {
    view = format.read?.(body);
  } catch (failure) {
    problems.push(
      `body: the format's read() failed: ${failure instanceof Error ? failure.message : String(failure)}`,
    );
  }
  if (format.read && !view && problems.length === 0)
    problems.push(
      "body: not a body of the app's format (read() returned nothing)",
    );
  const error: Record<string, unknown> = {};
  const carries = new Set<ReadField>();
  const take = (field: ReadField, value: unknown) => {
    if (value === undefined) return;
    carries.add(field);
    if (field !== 'request_id') error[field] = value;
  };
  take('code', view?.code);
  take('message', view?.message);
  take('cause', view?.cause);
  take('docs', view?.docs);
  take('errors', view?.errors);
  take('request_id', view?.requestId);
  return {
    format: 'custom',
    envelope: { request_id: view?.requestId, error },
    carries,
    labels: ENVELOPE_LABELS,
    schemaProblems: problems,
    mediaType: format.contentType.split(';')[0].trim().toLowerCase(),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
