import { isInstanceOf, readProperty } from './safe-read.util';

/** body-parser (Express) error types that mean "the request body is bad". */
const BODY_PARSER_TYPES = new Set([
  'entity.parse.failed',
  'entity.too.large',
  'request.size.invalid',
  'request.aborted',
  'parameters.too.many',
  'charset.unsupported',
  'encoding.unsupported',
  'encoding.invalid',
]);

const PARSE_FAILED_MESSAGE =
  'The request body could not be parsed. Send well-formed JSON.';
const NOT_AN_OBJECT_MESSAGE =
  'The request body must be a JSON object or array.';
const BAD_ENCODING_MESSAGE =
  'The request body could not be decoded: it does not match its Content-Encoding.';
const BAD_URL_MESSAGE =
  'The request URL holds a malformed percent-encoding and could not be read.';
const LONG_PARAM_MESSAGE = 'A path parameter of the request URL is too long.';
const FORM_TOO_DEEP_MESSAGE = 'The request body is nested too deeply.';
const TOO_MANY_FIELDS_MESSAGE = 'The request body has too many parameters.';
const NOT_MULTIPART_MESSAGE = 'The request body must be multipart/form-data.';
const QUERY_WITHOUT_TYPE_MESSAGE =
  'A QUERY request needs a Content-Type header that describes its body.';
const BAD_JSON_FIELD_MESSAGE =
  'A multipart field declared as JSON could not be parsed. Send well-formed JSON.';
const NO_BOUNDARY_MESSAGE =
  'The multipart/form-data request has no usable boundary in its Content-Type.';
const UNFINISHED_MULTIPART_MESSAGE =
  'The multipart/form-data body ended before its closing boundary.';
const BAD_PART_HEADER_MESSAGE =
  'A part of the multipart/form-data body has a malformed header.';

/**
 * The multipart parsers' failures, by their fixed texts: busboy's (multer,
 * under Nest's `FileInterceptor`) and @fastify/busboy's (@fastify/multipart)
 * throw plain `Error`s. On Express, Nest re-throws most as a 400 with the
 * text prefixed `Multipart: ` (busboy's own boundary text has it already);
 * on Fastify they reach the filter as they are. Keyed without the prefix.
 */
const MULTIPART_FAILURES = new Map<string, Classified>(
  (
    [
      // No boundary; @fastify/busboy's search refuses one over 256 bytes.
      ['Boundary not found', NO_BOUNDARY_MESSAGE],
      ['The needle cannot have a length bigger than 256.', NO_BOUNDARY_MESSAGE],
      ['Malformed part header', BAD_PART_HEADER_MESSAGE],
      ['Unexpected end of form', UNFINISHED_MULTIPART_MESSAGE],
      ['Unexpected end of file', UNFINISHED_MULTIPART_MESSAGE],
      ['Unexpected end of multipart data', UNFINISHED_MULTIPART_MESSAGE],
      [
        'Part terminated early due to unexpected end of multipart data',
        UNFINISHED_MULTIPART_MESSAGE,
      ],
      [
        'Preamble terminated early due to unexpected end of multipart data',
        UNFINISHED_MULTIPART_MESSAGE,
      ],
    ] as const
  ).map(([text, message]) => [text, { status: 400, message }]),
);
const MULTIPART_PREFIX = 'Multipart: ';

/** A multipart failure's answer, by the parser's text with or without NestJS's prefix. */
function multipartAnswer(text: string): Classified | undefined {
  return MULTIPART_FAILURES.get(
    text.startsWith(MULTIPART_PREFIX)
      ? text.slice(MULTIPART_PREFIX.length)
      : text,
  );
}

/**
 * busboy parses `multipart/form-data` only, where multer accepts any
 * `multipart/*`; its text carries the client's Content-Type (never echoed).
 * Fastify refuses such a body before the route, with the same 415.
 */
const UNSUPPORTED_MULTIPART = /^Unsupported content type: multipart\//i;

const EXPRESS_PARAM_DECODE = /^Failed to decode param /;

type Classified = { status: number; message?: string; unexpected?: boolean };

/**
 * @internal Recognises a failure the adapter raised before Nest's router
 * (a request body or URL it could not read), from any adapter and either
 * Nest major: body-parser's raw http-errors (Nest 11 on Express), the same
 * wrapped as `cause` of an HttpException (Nest 12), Fastify's `FST_ERR_*`
 * errors and its JSON `SyntaxError` (which Nest 11 re-wraps without a
 * cause), zlib's decoding errors, Express's parameter `URIError`. All come
 * out as the same status and message, so clients see one answer whatever
 * the platform, and never the framework's code or text.
 */
export function classifyBodyError(
  exception: unknown,
  original?: unknown,
): Classified | undefined {
  const getStatus = readProperty(exception, 'getStatus');
  if (typeof getStatus !== 'function') return classify(exception);
  // An HttpException made from an adapter error: Nest 12 keeps it as `cause`;
  // Nest 11 drops it, so the one recorded on the request is used, if it
  // has the same status (otherwise the HttpException came from elsewhere).
  const status = getStatus.call(exception);
  const fromCause = classify(readProperty(exception, 'cause'));
  if (fromCause) return fromCause;
  if (status === 400) {
    const message = String(readProperty(exception, 'message'));
    // Express's router, re-wrapped by Nest 11 without its URIError.
    if (EXPRESS_PARAM_DECODE.test(message))
      return { status, message: BAD_URL_MESSAGE };
    // multer's busboy failures, re-thrown by Nest 11 without a cause.
    if (message.startsWith(MULTIPART_PREFIX)) {
      const multipart = multipartAnswer(message);
      if (multipart) return multipart;
    }
  }
  const fromOriginal = classify(original);
  return fromOriginal?.status === status ? fromOriginal : undefined;
}

/** @internal True when a URL path's percent-encoding cannot be decoded. */
export function hasMalformedEncoding(path: string): boolean {
  if (!path.includes('%')) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

function classify(error: unknown): Classified | undefined {
  const code = readProperty(error, 'code');
  if (code === 'FST_ERR_BAD_URL')
    return { status: 400, message: BAD_URL_MESSAGE };
  if (code === 'FST_ERR_MAX_PARAM_LENGTH')
    return { status: 414, message: LONG_PARAM_MESSAGE };
  if (code === 'FST_ERR_ASYNC_CONSTRAINT')
    return { status: 500, unexpected: true };
  // @fastify/multipart's `req.file()` / `req.parts()` answer these 406 (Not
  // Acceptable, which is about `Accept`): the body is what is wrong.
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return { status: 415, message: NOT_MULTIPART_MESSAGE };
  if (code === 'FST_INVALID_JSON_FIELD_ERROR')
    return { status: 400, message: BAD_JSON_FIELD_MESSAGE };
  // Fastify holds a QUERY route to RFC 10008: its body's type must be given.
  if (code === 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE')
    return { status: 400, message: QUERY_WITHOUT_TYPE_MESSAGE };
  const status =
    readProperty(error, 'statusCode') ?? readProperty(error, 'status');
  if (status === undefined && code === undefined)
    return multipartFailure(error);
  if (typeof status !== 'number' || status < 400 || status >= 500)
    return undefined;
  if (isInstanceOf(error, URIError))
    return { status: 400, message: BAD_URL_MESSAGE };
  if (isDecodingError(error, code))
    return { status: 400, message: BAD_ENCODING_MESSAGE };
  // body-parser's extended form parser (qs), past its `depth` of 32.
  if (readProperty(error, 'type') === 'querystring.parse.rangeError')
    return { status: 400, message: FORM_TOO_DEEP_MESSAGE };
  if (!isBodyError(error, code)) return undefined;
  // body-parser's form parser, past its `parameterLimit` (1000): a small body, so not "too large".
  if (readProperty(error, 'type') === 'parameters.too.many')
    return { status, message: TOO_MANY_FIELDS_MESSAGE };
  if (status !== 400) return { status };
  return {
    status,
    message: isPrimitiveJson(error)
      ? NOT_AN_OBJECT_MESSAGE
      : PARSE_FAILED_MESSAGE,
  };
}

/** A multipart parser's plain `Error`, recognised by its exact text. */
function multipartFailure(error: unknown): Classified | undefined {
  if (
    !isInstanceOf(error, Error) ||
    Object.getPrototypeOf(error) !== Error.prototype
  )
    return undefined;
  const message = readProperty(error, 'message');
  if (typeof message !== 'string') return undefined;
  if (UNSUPPORTED_MULTIPART.test(message)) return { status: 415 };
  return multipartAnswer(message);
}

function isBodyError(error: unknown, code: unknown): boolean {
  const type = readProperty(error, 'type');
  if (typeof type === 'string' && BODY_PARSER_TYPES.has(type)) return true;
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP_')) return true;
  return isInstanceOf(error, SyntaxError);
}

/** zlib (gzip, deflate) and brotli failures, and Fastify's decoder's. */
function isDecodingError(error: unknown, code: unknown): boolean {
  if (readProperty(error, 'type') === 'encoding.invalid') return true;
  return (
    typeof code === 'string' &&
    (code.startsWith('Z_') || code.startsWith('ERR__ERROR_FORMAT'))
  );
}

/**
 * Well-formed JSON that is not an object or an array (`null`, `"str"`,
 * `42`): Express's strict parser refuses it (keeping the text as `body`),
 * Fastify's preHandler marks it.
 */
function isPrimitiveJson(error: unknown): boolean {
  if (readProperty(error, 'primitive') === true) return true;
  const body = readProperty(error, 'body');
  if (typeof body !== 'string') return false;
  try {
    const value: unknown = JSON.parse(body);
    return typeof value !== 'object' || value === null;
  } catch {
    return false;
  }
}
