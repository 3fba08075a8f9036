import {
  Catch,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

import { ApiException } from '../catalog/api.exception';
import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import { RESOLVED_ERRORS_OPTIONS } from '../errors.internal-constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import { formatEnvelope } from '../formats/envelope.format';
import type { ErrorEnvelope } from '../formats/error-envelope.interface';
import type { NormalizedError } from '../formats/normalized-error.interface';
import {
  allowedMethods,
  isRouteNotFound,
} from '../http-semantics/allowed-methods.util';
import { plainRetryAfter } from '../http-semantics/retry-after.util';
import { applyMappings } from '../mapping/apply-mappings.util';
import type { ErrorScope } from '../mapping/exception-mapping.interface';
import { requestLine } from '../reporting/request-line.util';
import { assignRequestId, toRawRequest } from '../request-id/request-id.util';
import { nameFailedParameter } from '../validation/parse-pipe-failure.util';
import { delegateToNest } from './non-http.util';
import { builtIn, normalizeException } from './normalize-exception.util';
import { readOriginalError } from './original-error.util';
import { safeMessage, safeStack } from './safe-read.util';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * The global exception filter registered by `ErrorsModule`: answers every
 * HTTP error with the one envelope, on Express and Fastify. Non-HTTP contexts
 * (microservices, WebSockets, GraphQL) are left to Nest's own handling.
 *
 * Extend it and pass the subclass as `ErrorsModule.forRoot({ filter })` to
 * change one step: `normalize`, `buildBody` or `log`.
 * @publicApi
 */
@Catch()
@Injectable()
export class ErrorsFilter implements ExceptionFilter {
  protected readonly logger = new Logger(ERRORS_LOGGER_CONTEXT);

  constructor(
    protected readonly httpAdapterHost: HttpAdapterHost,
    @Inject(RESOLVED_ERRORS_OPTIONS)
    protected readonly options: ResolvedErrorsOptions,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    return this.catchInScope(exception, host);
  }

  /**
   * @internal `catch` with the rules of a `@MapException` /
   * `@ForbiddenAsNotFound` scope; called by their route-scoped filter.
   */
  catchInScope(
    exception: unknown,
    host: ArgumentsHost,
    scope?: ErrorScope,
  ): unknown {
    if (host.getType() !== 'http') {
      return delegateToNest(
        this.mapException(exception, undefined, scope),
        host,
      );
    }
    const http = host.switchToHttp();
    this.reply(exception, http.getRequest(), http.getResponse(), scope);
    return undefined;
  }

  /**
   * Answers `exception` on a request/response pair of the current adapter;
   * also used for failures that happen outside Nest's router.
   */
  reply(
    exception: unknown,
    request: unknown,
    response: unknown,
    scope?: ErrorScope,
  ): void {
    const adapter = this.httpAdapterHost.httpAdapter;
    const requestId = assignRequestId(toRawRequest(request), this.options);
    if (adapter.isHeadersSent(response) || rawResponse(response).headersSent) {
      this.abort(exception, request, response, requestId);
      return;
    }
    const error = this.safelyNormalize(exception, request, scope);
    if (error.unexpected) this.log(exception, request, requestId);
    const retryAfter =
      error.status === 429 ? plainRetryAfter(response) : undefined;
    if (retryAfter !== undefined)
      error.headers = { 'Retry-After': retryAfter, ...error.headers };
    setHeader(response, this.options.requestIdHeader, requestId);
    setHeader(response, 'content-type', JSON_CONTENT_TYPE);
    for (const [name, value] of Object.entries(error.headers ?? {}))
      setHeader(response, name, value);
    adapter.reply(response, this.buildBody(error, requestId), error.status);
    this.options.reporting.run(exception, error, requestId, request);
  }

  /** A failing `normalize` override must not leave the request unanswered. */
  private safelyNormalize(
    exception: unknown,
    request: unknown,
    scope?: ErrorScope,
  ): NormalizedError {
    try {
      return this.normalize(
        this.mapException(exception, request, scope),
        request,
      );
    } catch (failure) {
      this.logger.error(
        `normalize() failed: ${safeMessage(failure)}`,
        safeStack(failure),
      );
      return normalizeException(undefined, this.options);
    }
  }

  /**
   * Turns what was thrown into what is answered, before `normalize`: domain
   * errors become catalog errors (the scope's `@MapException` mappings,
   * nearest first, then the app-wide `mappings`); a 403 inside a
   * `@ForbiddenAsNotFound` scope becomes that route's 404; the router's 404
   * for a path served under other methods becomes a 405 with `Allow`.
   */
  protected mapException(
    exception: unknown,
    request: unknown,
    scope?: ErrorScope,
  ): unknown {
    const mapped = applyMappings(exception, [
      ...(scope?.mappings ?? []),
      this.options.mappings,
    ]);
    if (
      scope?.concealForbidden !== undefined &&
      this.normalize(mapped, request).status === 403
    ) {
      return scope.concealForbidden
        ? new ApiException(scope.concealForbidden)
        : new NotFoundException();
    }
    const adapter = this.httpAdapterHost.httpAdapter;
    if (
      request === undefined ||
      !adapter ||
      !isRouteNotFound(mapped, adapter, request)
    )
      return mapped;
    const allow = allowedMethods(adapter, request);
    if (!allow) return mapped;
    return new ApiException(builtIn(this.options, 405), {
      headers: { Allow: allow.join(', ') },
    });
  }

  /** Reduces anything thrown to status, code, message and what may be shown. */
  protected normalize(exception: unknown, request: unknown): NormalizedError {
    const error = normalizeException(
      exception,
      this.options,
      readOriginalError(request),
    );
    return nameFailedParameter(error, request);
  }

  /** Builds the response body from a normalized error. */
  protected buildBody(
    error: NormalizedError,
    requestId: string,
  ): ErrorEnvelope {
    return formatEnvelope(error, requestId, this.options.docsBaseUrl);
  }

  /**
   * Logs an unexpected error once, with request id, method, path and stack.
   * `{ request_id, method, path }` goes as a logger param, so structured
   * loggers (Nest 12's JSON `ConsoleLogger`, nestjs-pino's `NativeLogger`)
   * record them as fields.
   */
  protected log(exception: unknown, request: unknown, requestId: string): void {
    const { method, path } = requestLine(request);
    this.logger.error(
      `${method} ${path} failed (request_id ${requestId}): ${safeMessage(exception)}`,
      { request_id: requestId, method, path },
      safeStack(exception),
    );
  }

  /**
   * The response already started (a stream failed midway): it cannot carry
   * an envelope, so the error is logged and the connection closed, which
   * tells the client the body is incomplete.
   */
  protected abort(
    exception: unknown,
    request: unknown,
    response: unknown,
    requestId: string,
  ): void {
    this.log(exception, request, requestId);
    rawResponse(response).destroy?.();
    if (this.options.reporting.active)
      this.options.reporting.run(
        exception,
        this.safelyNormalize(exception, request),
        requestId,
        request,
      );
  }
}

/**
 * Express responses and Fastify replies have `header()`; Fastify middleware
 * errors arrive with the raw Node response, which has only `setHeader()`.
 */
function setHeader(response: unknown, name: string, value: string): void {
  const res = response as {
    header?: (n: string, v: string) => unknown;
    setHeader(n: string, v: string): unknown;
  };
  if (typeof res.header === 'function') res.header(name, value);
  else res.setHeader(name, value);
}

/** Express passes the raw response; Fastify wraps it in `.raw`. */
function rawResponse(response: unknown): {
  headersSent?: boolean;
  destroy?: () => void;
} {
  return ((response as { raw?: unknown }).raw ?? response) as {
    headersSent?: boolean;
    destroy?: () => void;
  };
}
