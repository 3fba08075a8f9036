import type { Logger } from '@nestjs/common';

import type { ResolvedErrorsOptions } from '../errors-module.options';
import { docsUrl } from '../formats/envelope.format';
import type {
  ErrorFormat,
  ErrorRenderContext,
} from '../formats/error-format.interface';
import { prefersProblem } from '../formats/negotiate.util';
import type { NormalizedError } from '../formats/normalized-error.interface';
import { PROBLEM_FORMAT } from '../formats/problem.format';
import { reasonPhrase } from '../formats/reason-phrase.util';
import { describeRawRequest, toRawRequest } from '../platform/raw-request.util';
import { safeMessage, safeStack } from './safe-read.util';

/** What stage 4 hands to the write: the body and its content type. */
export interface RenderedError {
  contentType: string;
  body: unknown;
}

interface RawRequest {
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * @internal The format of this answer: the configured one, or problem
 * details when `negotiate` is on and the client's `Accept` asks for them.
 * Reads no header when `negotiate` is off.
 */
export function chooseFormat(
  options: ResolvedErrorsOptions,
  request: unknown,
): ErrorFormat {
  if (
    !options.negotiate ||
    options.format === PROBLEM_FORMAT ||
    request === undefined
  )
    return options.format;
  const accept = (toRawRequest(request) as RawRequest).headers?.accept;
  return prefersProblem(
    Array.isArray(accept) ? accept.join(',') : accept,
    options.format.contentType,
  )
    ? PROBLEM_FORMAT
    : options.format;
}

/** @internal Everything a format may use besides the error itself. */
export function renderContext(
  error: NormalizedError,
  requestId: string,
  request: unknown,
  docsBaseUrl: string,
): ErrorRenderContext {
  const { method, path } =
    request === undefined
      ? { method: 'GET', path: '/' }
      : describeRawRequest(request);
  return {
    requestId,
    docs: docsUrl(docsBaseUrl, error.status, error.code),
    method,
    path,
    timestamp: new Date().toISOString(),
    statusText: reasonPhrase(error.status),
  };
}

/**
 * @internal Runs a format and serializes its body (a string is sent as is).
 * A format that throws, or returns nothing or what JSON cannot carry, is
 * logged and replaced by `fallback()` (the envelope): an error is never
 * answered with an empty body.
 */
export function renderSafely(
  format: ErrorFormat,
  error: NormalizedError,
  context: ErrorRenderContext,
  fallback: () => RenderedError,
  logger: Logger,
): RenderedError {
  try {
    const body = format.render(error, context);
    // Serialized here: a body JSON cannot carry fails now, not in the adapter
    // (and Nest's Express adapter would rewrite a non-JSON content type).
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    if (body !== null && typeof text === 'string')
      return { contentType: format.contentType, body: text };
    logger.error(
      `The error format's render() returned ${String(body)}; answered with the envelope instead (request_id ${context.requestId}).`,
    );
  } catch (failure) {
    logger.error(
      `The error format's render() failed: ${safeMessage(failure)}; answered with the envelope instead (request_id ${context.requestId}).`,
      safeStack(failure),
    );
  }
  return fallback();
}
