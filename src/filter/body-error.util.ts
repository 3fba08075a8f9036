import { readProperty } from './safe-read.util';

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

const PARSE_FAILED_MESSAGE = 'The request body could not be parsed. Send well-formed JSON.';

/**
 * @internal Recognises a request-body failure from any adapter and either
 * Nest major: body-parser's raw http-errors (Nest 11 on Express), the same
 * wrapped as `cause` of an HttpException (Nest 12), Fastify's
 * `FST_ERR_CTP_*` errors and its JSON `SyntaxError`. All come out as the same
 * status and message, so clients see one answer whatever the platform.
 */
export function classifyBodyError(exception: unknown): { status: number; message?: string } | undefined {
  const candidate = readProperty(exception, 'getStatus') ? readProperty(exception, 'cause') : exception;
  const status = readProperty(candidate, 'statusCode') ?? readProperty(candidate, 'status');
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (!isBodyError(candidate)) return undefined;
  return status === 400 ? { status, message: PARSE_FAILED_MESSAGE } : { status };
}

function isBodyError(error: unknown): boolean {
  const type = readProperty(error, 'type');
  if (typeof type === 'string' && BODY_PARSER_TYPES.has(type)) return true;
  const code = readProperty(error, 'code');
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP_')) return true;
  return error instanceof SyntaxError;
}
