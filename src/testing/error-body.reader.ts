import {
  ERROR_ENVELOPE_SCHEMA,
  VALIDATION_ERROR_ENVELOPE_SCHEMA,
} from './envelope.schema';
import { checkAgainstSchema } from './schema-check.util';

/**
 * @internal The fields of an error body the kit checks, read from one wire
 * format. `undefined` means absent.
 */
export interface ErrorBodyFields {
  requestId: unknown;
  /** The reason phrase of the status. */
  status: unknown;
  code: unknown;
  message: unknown;
  cause: unknown;
  hasCause: boolean;
  docs: unknown;
  /** The 422 field map, when the body has one. */
  fieldErrors: unknown;
}

/** @internal What a passing body holds, for the report's "Expected" side. */
export interface ExpectedErrorFields {
  requestId: unknown;
  status: string;
  code: unknown;
  message: unknown;
  cause?: unknown;
  docs: string;
  fieldErrors?: unknown;
}

/**
 * @internal The one place where the kit knows a wire format: it turns a
 * received body into the fields the checks compare, lists what is wrong
 * with the body's shape, and builds the body that would have passed. The
 * checks never read a body themselves, so another format plugs in here.
 */
export interface ErrorBodyReader {
  /** How a field is named in a problem line, e.g. `error.code`. */
  label(field: keyof ErrorBodyFields): string;
  /** Shape problems (missing, empty or unknown fields). */
  shapeProblems(body: unknown, withFieldErrors: boolean): string[];
  read(body: unknown): ErrorBodyFields;
  render(expected: ExpectedErrorFields): Record<string, unknown>;
}

const ENVELOPE_LABELS: Record<keyof ErrorBodyFields, string> = {
  requestId: 'request_id',
  status: 'error.status',
  code: 'error.code',
  message: 'error.message',
  cause: 'error.cause',
  hasCause: 'error.cause',
  docs: 'error.docs',
  fieldErrors: 'error.errors',
};

/** @internal `{ request_id, error: { status, code, message, cause?, docs, errors? } }` */
export const ENVELOPE_READER: ErrorBodyReader = Object.freeze({
  label: (field: keyof ErrorBodyFields) => ENVELOPE_LABELS[field],
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
    };
  },
  render(expected: ExpectedErrorFields): Record<string, unknown> {
    const error: Record<string, unknown> = {
      status: expected.status,
      code: expected.code,
      message: expected.message,
    };
    if (expected.cause !== undefined) error.cause = expected.cause;
    error.docs = expected.docs;
    if (expected.fieldErrors !== undefined) error.errors = expected.fieldErrors;
    return { request_id: expected.requestId, error };
  },
});

/** @internal The reader for a response (one format today; see issue 12). */
export function readerFor(): ErrorBodyReader {
  return ENVELOPE_READER;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
