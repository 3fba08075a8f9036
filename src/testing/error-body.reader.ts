import { formatName } from '../formats/built-in.formats';
import type {
  ErrorFormat,
  ErrorFormatName,
} from '../formats/error-format.interface';
import {
  customReader,
  ENVELOPE_READER,
  NEST_READER,
  PROBLEM_READER,
} from './format-readers';
import type { NormalizedHttpResponse } from './http-response.util';

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
  /**
   * The fields this body's format carries: only these are checked (the
   * `'nest'` shape has no `docs`, a custom format gives what its `read` returns).
   */
  carries: ReadonlySet<BodyField>;
}

/** @internal A field the kit may check (`hasCause` and `carries` are not fields). */
export type BodyField = Exclude<keyof ErrorBodyFields, 'hasCause' | 'carries'>;

/** @internal What a passing body holds, for the report's "Expected" side. */
export interface ExpectedErrorFields {
  requestId?: unknown;
  status?: string;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  docs?: string;
  fieldErrors?: unknown;
}

/**
 * @internal The one place where the kit knows a wire format: it turns a
 * received body into the fields the checks compare, lists what is wrong
 * with the body's shape, and builds the body that would have passed. The
 * checks never read a body themselves: each format (envelope, problem
 * details, nest, an app's own `ErrorFormat`) is one reader in
 * `format-readers.ts`, picked by `readerFor`.
 */
export interface ErrorBodyReader {
  /** `'envelope'`, `'problem'`, `'nest'` or `'custom'`. */
  readonly format: ErrorFormatName | 'custom';
  /** Media type the content-type header must have. */
  readonly mediaType: string;
  /** How a field is named in a problem line, e.g. `error.code`, `title`. */
  label(field: BodyField): string;
  /** Shape problems (missing, empty or unknown fields) against the format's schema. */
  shapeProblems(body: unknown, withFieldErrors: boolean): string[];
  read(body: unknown): ErrorBodyFields;
  /**
   * Whether the body shows the expected message. Formats that fold message
   * and cause into other members (problem details' `title`/`detail`) say so
   * here; the others compare `message`.
   */
  matchMessage(fields: ErrorBodyFields, expected: string | RegExp): boolean;
  /** Whether the body shows the expected cause. */
  matchCause(fields: ErrorBodyFields, expected: string | RegExp): boolean;
  /** Whether the body shows no cause (given the expected message). */
  hasNoCause(
    fields: ErrorBodyFields,
    expectedMessage: string | RegExp | undefined,
  ): boolean;
  /**
   * The body that would have passed, for the report: the envelope's own
   * shape, and, for the other formats, their fields under envelope names.
   */
  render(expected: ExpectedErrorFields): Record<string, unknown>;
}

/**
 * @internal The reader of a response in the format the app answers with: a
 * `Content-Type: application/problem+json` response is problem details
 * (what `negotiate` answers), anything else is read as `format` (a name,
 * or an `ErrorFormat`; a built-in's object, as a booted app's resolved
 * options hold it, reads as its name).
 */
export function readerFor(
  response: Pick<NormalizedHttpResponse, 'headers'>,
  format: ErrorFormatName | ErrorFormat,
): ErrorBodyReader {
  if (
    /^\s*application\/problem\+json\b/i.test(
      response.headers['content-type'] ?? '',
    )
  )
    return PROBLEM_READER;
  if (typeof format === 'object' && format !== null) {
    const name = formatName(format);
    if (name === 'custom') return customReader(format);
    format = name;
  }
  if (format === 'problem') return PROBLEM_READER;
  if (format === 'nest') return NEST_READER;
  return ENVELOPE_READER;
}
