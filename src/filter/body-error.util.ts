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
]);

const PARSE_FAILED_MESSAGE =
  'The request body could not be parsed. Send well-formed JSON.';

/**
 * @internal Recognises a request-body failure from any adapter and either
 * Nest major: body-parser's raw http-errors (Nest 11 on Express), the same
 * wrapped as `cause` of an HttpException (Nest 12), Fastify's
 * `FST_ERR_CTP_*` errors and its JSON `SyntaxError` (which Nest 11 re-wraps
 * without a cause: see `recordOriginalErrors`). All come out as the same
 * status and message, so clients see one answer whatever the platform.
 */
export function classifyBodyError(
  exception: unknown,
  original?: unknown,
): { status: number; message?: string } | undefined {
  const getStatus = readProperty(exception, 'getStatus');
  if (typeof getStatus !== 'function') return classify(exception);
  // An HttpException made from an adapter error: Nest 12 keeps it as `cause`;
  // Nest 11 drops it, so the one recorded on the request is used, if it
  // has the same status (otherwise the HttpException came from elsewhere).
  const status = getStatus.call(exception);
  const fromCause = classify(readProperty(exception, 'cause'));
  if (fromCause) return fromCause;
  const fromOriginal = classify(original);
  return fromOriginal?.status === status ? fromOriginal : undefined;
}

function classify(
  error: unknown,
): { status: number; message?: string } | undefined {
  const status =
    readProperty(error, 'statusCode') ?? readProperty(error, 'status');
  if (typeof status !== 'number' || status < 400 || status >= 500)
    return undefined;
  if (!isBodyError(error)) return undefined;
  return status === 400
    ? { status, message: PARSE_FAILED_MESSAGE }
    : { status };
}

function isBodyError(error: unknown): boolean {
  const type = readProperty(error, 'type');
  if (typeof type === 'string' && BODY_PARSER_TYPES.has(type)) return true;
  const code = readProperty(error, 'code');
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP_')) return true;
  return isInstanceOf(error, SyntaxError);
}
