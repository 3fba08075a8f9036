import { ApiException } from '../catalog/api.exception';
import type { ErrorDefinition } from '../catalog/error-definition.interface';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import type { NormalizedError } from '../formats/normalized-error.interface';
import { reasonPhrase } from '../formats/reason-phrase.util';
import { validationFailureOf } from '../validation/foreign-validation.adapter';
import { ValidationFailedException } from '../validation/validation-failed.exception';
import { classifyBodyError } from './body-error.util';
import { isInstanceOf, readProperty, safeMessage } from './safe-read.util';

/**
 * @internal Reduces anything thrown to a `NormalizedError`, deciding once what
 * may reach the client (`originalError`: what the adapter raised before Nest
 * re-wrapped it, if recorded): HTTP exceptions and exposed 4xx http-errors keep their
 * message; everything else answers a generic built-in message.
 */
export function normalizeException(
  exception: unknown,
  options: ResolvedErrorsOptions,
  originalError?: unknown,
): NormalizedError {
  // nestjs-zod and nestjs-i18n failures become the same bounded 422.
  exception = validationFailureOf(exception, options.validation) ?? exception;
  if (isInstanceOf(exception, ApiException))
    return isErrorStatus(exception.getStatus())
      ? fromApiException(exception, options)
      : fromUnknown(exception, options);
  const adapterError = classifyBodyError(exception, originalError);
  if (adapterError?.unexpected) return fromUnknown(exception, options);
  if (adapterError) {
    const definition = builtIn(options, adapterError.status);
    return fromDefinition(
      definition,
      adapterError.message ?? definition.message,
    );
  }
  if (isHttpException(exception)) return fromHttpException(exception, options);
  return fromUnknown(exception, options);
}

function fromApiException(
  exception: ApiException,
  options: ResolvedErrorsOptions,
): NormalizedError {
  // A validation failure answers with the app's (possibly overridden) 422 entry.
  const definition =
    exception instanceof ValidationFailedException
      ? builtIn(options, 422)
      : exception.definition;
  const response = exception.getResponse() as { message: string };
  const normalized: NormalizedError = {
    status: definition.status,
    code: definition.code,
    message:
      exception instanceof ValidationFailedException
        ? definition.message
        : response.message,
    unexpected: false,
  };
  if (normalized.message !== definition.message)
    normalized.title = definition.message;
  if (exception.cause !== undefined) normalized.cause = exception.cause;
  if (exception.details !== undefined) normalized.details = exception.details;
  if (Object.keys(exception.headers).length > 0)
    normalized.headers = { ...exception.headers };
  if (exception instanceof ValidationFailedException) {
    normalized.fieldErrors = exception.fieldErrors;
    if (exception.truncated) normalized.details = { truncated: true };
  }
  return normalized;
}

type HttpExceptionLike = { getStatus(): number; getResponse(): unknown };

function isHttpException(value: unknown): value is HttpExceptionLike {
  return (
    typeof readProperty(value, 'getStatus') === 'function' &&
    typeof readProperty(value, 'getResponse') === 'function'
  );
}

function fromHttpException(
  exception: HttpExceptionLike,
  options: ResolvedErrorsOptions,
): NormalizedError {
  const status = exception.getStatus();
  // 1xx-3xx from an exception is a programming error: answered 500, logged.
  if (!isErrorStatus(status)) return fromUnknown(exception, options);
  const response = exception.getResponse();
  const definition = builtIn(options, status);
  const normalized = fromDefinition(
    definition,
    messageOf(response, status) ?? definition.message,
  );
  const code = readProperty(response, 'code');
  if (isUsableCode(code)) {
    // The exception defines its own error: its message is that error's title.
    normalized.code = code;
    delete normalized.title;
  }
  const cause = causeOf(response, status);
  if (cause !== undefined) normalized.cause = cause;
  return normalized;
}

function fromUnknown(
  exception: unknown,
  options: ResolvedErrorsOptions,
): NormalizedError {
  const status = httpErrorStatus(exception);
  const exposed =
    status !== undefined &&
    status < 500 &&
    readProperty(exception, 'expose') === true;
  const definition = builtIn(options, status ?? 500);
  if (exposed) {
    return fromDefinition(
      definition,
      nonEmptyString(readProperty(exception, 'message')) ?? definition.message,
    );
  }
  const normalized = fromDefinition(definition, definition.message);
  normalized.unexpected = status === undefined || status >= 500;
  if (options.exposeInternalErrors) normalized.cause = safeMessage(exception);
  return normalized;
}

function fromDefinition(
  definition: ErrorDefinition,
  message: string,
): NormalizedError {
  const normalized: NormalizedError = {
    status: definition.status,
    code: definition.code,
    message,
    unexpected: false,
  };
  if (message !== definition.message) normalized.title = definition.message;
  return normalized;
}

/** @internal The built-in entry of a status; unnamed statuses get a derived code. */
export function builtIn(
  options: ResolvedErrorsOptions,
  status: number,
): ErrorDefinition {
  const known = options.builtIns.get(status);
  if (known) return known;
  const phrase = reasonPhrase(status);
  const code = STATUS_CODE_WORDS.test(phrase)
    ? phrase.toLowerCase().replace(/[^a-z0-9]+/g, '_')
    : `http_${status}`;
  return { status, code, message: `${phrase}.` };
}

const STATUS_CODE_WORDS = /^[A-Za-z0-9 '-]+$/;

/** http-errors style `status`/`statusCode`, when it is an error status. */
function httpErrorStatus(value: unknown): number | undefined {
  const status =
    readProperty(value, 'statusCode') ?? readProperty(value, 'status');
  return isErrorStatus(status) ? status : undefined;
}

function isHttpStatus(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= 100 &&
    (value as number) <= 599
  );
}

function isErrorStatus(value: unknown): value is number {
  return isHttpStatus(value) && value >= 400;
}

function isUsableCode(value: unknown): value is string | number {
  return (
    (typeof value === 'string' && value !== '') ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * The exception's own message. Nest's default messages (the reason phrase, as
 * in `new NotFoundException()`, or a guard's "Forbidden resource") yield to
 * the catalog's; an array message
 * (Nest's ValidationPipe shape) is kept whole, joined.
 */
function messageOf(response: unknown, status: number): string | undefined {
  const raw =
    typeof response === 'string' ? response : readProperty(response, 'message');
  const message = Array.isArray(raw)
    ? raw.filter((m): m is string => typeof m === 'string').join('; ')
    : nonEmptyString(raw);
  if (
    !message ||
    message === reasonPhrase(status) ||
    NEST_DEFAULT_MESSAGES.has(message)
  )
    return undefined;
  return message;
}

/**
 * Messages Nest and its packages fill in (a guard returning false,
 * `@nestjs/throttler`'s default), not the app's words.
 */
const NEST_DEFAULT_MESSAGES = new Set([
  'Forbidden resource',
  'ThrottlerException: Too Many Requests',
]);

/** `cause` of an ApiException-shaped body, or Nest's `description` option. */
function causeOf(response: unknown, status: number): string | undefined {
  const cause = nonEmptyString(readProperty(response, 'cause'));
  if (cause !== undefined) return cause;
  const description = nonEmptyString(readProperty(response, 'error'));
  return description === reasonPhrase(status) ? undefined : description;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
