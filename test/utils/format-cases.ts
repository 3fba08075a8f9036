import { STATUS_CODES } from 'node:http';

import type { ErrorFormat, ErrorFormatName, FieldError } from '../../src';
import {
  ERROR_ENVELOPE_SCHEMA,
  NEST_ERROR_SCHEMA,
  PROBLEM_DETAILS_SCHEMA,
} from '../../src/testing';
import {
  CodeMessageFormat,
  MessageErrorsFormat,
} from '../fixtures/custom-formats';
import type { ExpectedError } from '../fixtures/error-sources';

/** What an expected body may use besides the error: known once the response is in. */
export interface BodyContext {
  requestId: string;
  /** Request path without the query string. */
  path: string;
  docsBaseUrl: string;
}

/** One wire format under test, with its expected body written from the spec. */
export interface FormatCase {
  name: string;
  format: ErrorFormatName | ErrorFormat;
  /** Exact Content-Type header. */
  contentType: string;
  /** The format's own JSON Schema, for the built-ins. */
  schema?: object;
  body(expected: ExpectedError, context: BodyContext): unknown;
}

const docs = (e: ExpectedError, c: BodyContext) =>
  `${c.docsBaseUrl}/${e.status}/${encodeURIComponent(String(e.code))}`;

/** The envelope's key of a field, written out here (not taken from src). */
const envelopeKey = (f: FieldError) =>
  (f.source === 'body' ? '' : `${f.source}.`) + f.path.join('.');

export const fieldMap = (fields: readonly FieldError[]) =>
  Object.fromEntries(fields.map((f) => [envelopeKey(f), [...f.messages]]));

const pointer = (path: ReadonlyArray<string | number>) =>
  '#' +
  path
    .map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const FORMAT_CASES: readonly FormatCase[] = [
  {
    name: 'envelope',
    format: 'envelope',
    contentType: 'application/json; charset=utf-8',
    schema: ERROR_ENVELOPE_SCHEMA,
    body: (e, c) => ({
      request_id: c.requestId,
      error: {
        status: STATUS_CODES[e.status],
        code: e.code,
        message: e.message,
        ...(e.cause !== undefined && { cause: e.cause }),
        docs: docs(e, c),
        ...(e.fieldErrors && { errors: fieldMap(e.fieldErrors) }),
        ...(e.details && { details: e.details }),
      },
    }),
  },
  {
    name: 'problem',
    format: 'problem',
    contentType: 'application/problem+json; charset=utf-8',
    schema: PROBLEM_DETAILS_SCHEMA,
    body: (e, c) => {
      const own = e.title !== undefined ? e.message : undefined;
      const detail =
        own !== undefined && e.cause !== undefined
          ? `${sentence(own)} ${e.cause}`
          : (own ?? e.cause);
      return {
        type: docs(e, c),
        title: e.title ?? e.message,
        status: e.status,
        ...(detail !== undefined && { detail }),
        instance: c.path,
        code: e.code,
        request_id: c.requestId,
        ...(e.details && { details: e.details }),
        ...(e.fieldErrors && {
          errors: e.fieldErrors.flatMap((f) =>
            f.messages.map((detail) =>
              f.source === 'body'
                ? { detail, pointer: pointer(f.path) }
                : { detail, parameter: f.path.join('.') },
            ),
          ),
        }),
      };
    },
  },
  {
    name: 'nest',
    format: 'nest',
    contentType: 'application/json; charset=utf-8',
    schema: NEST_ERROR_SCHEMA,
    body: (e, c) => ({
      statusCode: e.status,
      error: STATUS_CODES[e.status],
      message: e.fieldErrors
        ? e.fieldErrors.map((f) => f.messages.join('; '))
        : e.message,
      timestamp: expect.stringMatching(ISO_8601),
      path: c.path,
      code: e.code,
      request_id: c.requestId,
      ...(e.cause !== undefined && { cause: e.cause }),
      ...(e.details && { details: e.details }),
    }),
  },
  {
    name: 'custom { message, errors } (seed 002)',
    format: MessageErrorsFormat,
    contentType: 'application/json; charset=utf-8',
    body: (e) => ({
      message: e.message,
      ...(e.fieldErrors && { errors: fieldMap(e.fieldErrors) }),
    }),
  },
  {
    name: 'custom { code, message } (seed 003)',
    format: CodeMessageFormat,
    contentType: 'application/json; charset=utf-8',
    body: (e) => ({ code: String(e.code), message: e.message }),
  },
];
