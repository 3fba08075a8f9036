import type {
  ApiErrorView,
  ErrorFormat,
} from '../formats/error-format.interface';
import { reasonPhrase } from '../formats/reason-phrase.util';
import {
  ERROR_ENVELOPE_SCHEMA,
  VALIDATION_ERROR_ENVELOPE_SCHEMA,
} from './envelope.schema';
import type {
  BodyField,
  ErrorBodyFields,
  ErrorBodyReader,
  ExpectedErrorFields,
} from './error-body.reader';
import {
  endsWith,
  nestMessagesToMap,
  problemErrorsToMap,
  startsWith,
  test,
} from './format-field-paths';
import { NEST_ERROR_SCHEMA, PROBLEM_DETAILS_SCHEMA } from './problem.schema';
import { checkAgainstSchema } from './schema-check.util';

export { alignParameterKeys } from './format-field-paths';

/*
 * The kit's readers, one per wire format, behind the `ErrorBodyReader`
 * interface (see `readerFor` in error-body.reader.ts).
 */

const ALL: ReadonlySet<BodyField> = new Set<BodyField>([
  'requestId',
  'status',
  'code',
  'message',
  'cause',
  'docs',
  'fieldErrors',
]);

const ENVELOPE_LABELS: Record<BodyField, string> = {
  requestId: 'request_id',
  status: 'error.status',
  code: 'error.code',
  message: 'error.message',
  cause: 'error.cause',
  docs: 'error.docs',
  fieldErrors: 'error.errors',
};

const compareMessage = (fields: ErrorBodyFields, expected: string | RegExp) =>
  test(fields.message, expected);
const compareCause = (fields: ErrorBodyFields, expected: string | RegExp) =>
  test(fields.cause, expected);
const noCause = (fields: ErrorBodyFields) => !fields.hasCause;

/**
 * The expected fields as an envelope `{ request_id, error }`, leaving out
 * what the format does not carry (the check leaves those undefined).
 */
function renderAsEnvelope(
  expected: ExpectedErrorFields,
): Record<string, unknown> {
  const error: Record<string, unknown> = {};
  if (expected.status !== undefined) error.status = expected.status;
  if (expected.code !== undefined) error.code = expected.code;
  if (expected.message !== undefined) error.message = expected.message;
  if (expected.cause !== undefined) error.cause = expected.cause;
  if (expected.docs !== undefined) error.docs = expected.docs;
  if (expected.fieldErrors !== undefined) error.errors = expected.fieldErrors;
  return expected.requestId === undefined
    ? { error }
    : { request_id: expected.requestId, error };
}

/** @internal `{ request_id, error: { status, code, message, cause?, docs, errors?, details? } }` */
export const ENVELOPE_READER: ErrorBodyReader = Object.freeze({
  format: 'envelope' as const,
  mediaType: 'application/json',
  label: (field: BodyField) => ENVELOPE_LABELS[field],
  shapeProblems: (body: unknown, withFieldErrors: boolean) =>
    checkAgainstSchema(
      body,
      withFieldErrors
        ? VALIDATION_ERROR_ENVELOPE_SCHEMA
        : ERROR_ENVELOPE_SCHEMA,
    ),
  read(body: unknown): ErrorBodyFields {
    const envelope = isObject(body) ? body : {};
    const error = isObject(envelope.error) ? envelope.error : {};
    return {
      requestId: envelope.request_id,
      status: error.status,
      code: error.code,
      message: error.message,
      cause: error.cause,
      hasCause: 'cause' in error,
      docs: error.docs,
      fieldErrors: error.errors,
      carries: ALL,
    };
  },
  matchMessage: compareMessage,
  matchCause: compareCause,
  hasNoCause: noCause,
  render: renderAsEnvelope,
});

const PROBLEM_LABELS: Record<BodyField, string> = {
  requestId: 'request_id',
  status: 'status',
  code: 'code',
  message: 'title',
  cause: 'detail',
  docs: 'type',
  fieldErrors: 'errors',
};

/** @internal RFC 9457 problem details (`application/problem+json`). */
export const PROBLEM_READER: ErrorBodyReader = Object.freeze({
  format: 'problem' as const,
  mediaType: 'application/problem+json',
  label: (field: BodyField) => PROBLEM_LABELS[field],
  shapeProblems(body: unknown, withFieldErrors: boolean): string[] {
    const problems = checkAgainstSchema(body, PROBLEM_DETAILS_SCHEMA);
    if (withFieldErrors && !(isObject(body) && 'errors' in body))
      problems.push('errors: missing');
    return problems;
  },
  read(body: unknown): ErrorBodyFields {
    const b = isObject(body) ? body : {};
    return {
      requestId: b.request_id,
      status: Number.isInteger(b.status)
        ? reasonPhrase(b.status as number)
        : b.status,
      code: b.code,
      message: b.title,
      cause: b.detail,
      hasCause: 'detail' in b,
      docs: b.type,
      fieldErrors: Array.isArray(b.errors)
        ? problemErrorsToMap(b.errors)
        : undefined,
      carries: ALL,
    };
  },
  // `detail` is the occurrence's own message (when not the title), then its cause.
  matchMessage: (fields: ErrorBodyFields, expected: string | RegExp) =>
    test(fields.message, expected) || startsWith(fields.cause, expected),
  matchCause: (fields: ErrorBodyFields, expected: string | RegExp) =>
    endsWith(fields.cause, expected),
  hasNoCause: (fields: ErrorBodyFields, message: string | RegExp | undefined) =>
    !fields.hasCause ||
    (typeof message === 'string' && fields.cause === message),
  render: renderAsEnvelope,
});

const NEST_LABELS: Record<BodyField, string> = {
  requestId: 'request_id',
  status: 'error',
  code: 'code',
  message: 'message',
  cause: 'cause',
  docs: 'docs',
  fieldErrors: 'message',
};

/** @internal `{ statusCode, error, message, timestamp, path, code, request_id, cause?, details? }` */
export const NEST_READER: ErrorBodyReader = Object.freeze({
  format: 'nest' as const,
  mediaType: 'application/json',
  label: (field: BodyField) => NEST_LABELS[field],
  shapeProblems(body: unknown, withFieldErrors: boolean): string[] {
    const problems = checkAgainstSchema(body, NEST_ERROR_SCHEMA);
    if (withFieldErrors && !(isObject(body) && Array.isArray(body.message)))
      problems.push(
        'message: expected one string per failing field (an array)',
      );
    return problems;
  },
  read(body: unknown): ErrorBodyFields {
    const b = isObject(body) ? body : {};
    const list = Array.isArray(b.message);
    return {
      requestId: b.request_id,
      status: b.error,
      code: b.code,
      message: list ? undefined : b.message,
      cause: b.cause,
      hasCause: 'cause' in b,
      docs: undefined,
      fieldErrors: list ? nestMessagesToMap(b.message as unknown[]) : undefined,
      carries: new Set<BodyField>([
        'requestId',
        'status',
        'code',
        list ? 'fieldErrors' : 'message',
        'cause',
      ]),
    };
  },
  matchMessage: compareMessage,
  matchCause: compareCause,
  hasNoCause: noCause,
  render: renderAsEnvelope,
});

/**
 * @internal An app's own `ErrorFormat`, read through its `read` (without
 * one, the kit checks only status, content type and request-id header).
 */
export function customReader(format: ErrorFormat): ErrorBodyReader {
  const view = (body: unknown): { view?: ApiErrorView; problems: string[] } => {
    if (!format.read) return { problems: [] };
    try {
      const read = format.read(body);
      return read
        ? { view: read, problems: [] }
        : {
            problems: [
              "body: not a body of the app's format (read() returned nothing)",
            ],
          };
    } catch (failure) {
      return {
        problems: [
          `body: the format's read() failed: ${failure instanceof Error ? failure.message : String(failure)}`,
        ],
      };
    }
  };
  return Object.freeze({
    format: 'custom' as const,
    mediaType: format.contentType.split(';')[0].trim().toLowerCase(),
    label: (field: BodyField) => ENVELOPE_LABELS[field],
    shapeProblems: (body: unknown) => view(body).problems,
    read(body: unknown): ErrorBodyFields {
      const read = view(body).view ?? {};
      const carries = new Set<BodyField>();
      const take = (field: BodyField, value: unknown) => {
        if (value !== undefined) carries.add(field);
        return value;
      };
      return {
        requestId: take('requestId', read.requestId),
        status: undefined,
        code: take('code', read.code),
        message: take('message', read.message),
        cause: take('cause', read.cause),
        hasCause: read.cause !== undefined,
        docs: take('docs', read.docs),
        fieldErrors: take('fieldErrors', read.errors),
        carries,
      };
    },
    matchMessage: compareMessage,
    matchCause: compareCause,
    hasNoCause: noCause,
    render: renderAsEnvelope,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
