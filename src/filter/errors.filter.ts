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
import { ENVELOPE_FORMAT, formatEnvelope } from '../formats/envelope.format';
import type { ErrorEnvelope } from '../formats/error-envelope.interface';
import type { NormalizedError } from '../formats/normalized-error.interface';
import {
  allowedMethods,
  isRouteNotFound,
} from '../http-semantics/allowed-methods.util';
import { plainRetryAfter } from '../http-semantics/retry-after.util';
import { applyMappings } from '../mapping/apply-mappings.util';
import type { ErrorScope } from '../mapping/exception-mapping.interface';
import { assignRequestId, toRawRequest } from '../request-id/request-id.util';
import { nameFailedParameter } from '../validation/parse-pipe-failure.util';
import { delegateToNest } from './non-http.util';
import { builtIn, normalizeException } from './normalize-exception.util';
import { readOriginalError } from './original-error.util';
import {
  chooseFormat,
  renderContext,
  renderSafely,
  varyOnAccept,
} from './render.util';
import type { RenderedError } from './render.util';
import { safeMessage, safeStack } from './safe-read.util';

/**
 * The global exception filter registered by `ErrorsModule`: answers every
 * HTTP error with the one envelope, on Express and Fastify. Non-HTTP contexts
 * (microservices, WebSockets, GraphQL) are left to Nest's own handling.
 *
 * Extend it and pass the subclass as `ErrorsModule.forRoot({ filter })` to
 * change one step: `mapException` (map), `normalize` (normalize), `render`
 * or, for the envelope, `buildBody` (render), `log` (report).
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
    const { contentType, body } = this.render(error, requestId, request);
    setHeader(response, this.options.requestIdHeader, requestId);
    setHeader(response, 'content-type', contentType);
    if (this.options.negotiate) varyOnAccept(response);
    for (const [name, value] of Object.entries(error.headers ?? {}))
      setHeader(response, name, value);
    adapter.reply(response, body, error.status);
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
   * Stage 2, map: turns what was thrown into what is answered, before `normalize`: domain
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

  /** Stage 3, normalize: reduces anything thrown to status, code, message and what may be shown. */
  protected normalize(exception: unknown, request: unknown): NormalizedError {
    const error = normalizeException(
      exception,
      this.options,
      readOriginalError(request),
    );
    return nameFailedParameter(error, request);
  }

  /**
   * Stage 4, render: the body and content type of a normalized error, in
   * the configured format, or problem details when `negotiate` lets the
   * client's `Accept` choose them. The envelope is built by `buildBody`.
   */
  protected render(
    error: NormalizedError,
    requestId: string,
    request: unknown,
  ): RenderedError {
    const format = chooseFormat(this.options, request);
    const envelope = () => ({
      contentType: ENVELOPE_FORMAT.contentType,
      body: this.buildBody(error, requestId),
    });
    if (format === ENVELOPE_FORMAT) return envelope();
    const context = renderContext(
      error,
      requestId,
      request,
      this.options.docsBaseUrl,
    );
    return renderSafely(format, error, context, envelope, this.logger);
  }

  /**
   * Stage 4 for the envelope: builds `{ request_id, error }` from a
   * normalized error. Used only while the envelope is the format answered.
   */
  protected buildBody(
    error: NormalizedError,
    requestId: string,
  ): ErrorEnvelope {
    return formatEnvelope(error, requestId, this.options.docsBaseUrl);
  }

  /** Report: logs an unexpected error once, with request id, method, path and stack. */
  protected log(exception: unknown, request: unknown, requestId: string): void {
    this.logger.error(
      `${describeRequest(request)} failed (request_id ${requestId}): ${safeMessage(exception)}`,
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

function describeRequest(request: unknown): string {
  const raw = toRawRequest(request) as {
    method?: string;
    url?: string;
    originalUrl?: string;
  };
  const url = raw.originalUrl ?? raw.url ?? '';
  const query = url.indexOf('?');
  return `${raw.method ?? 'HTTP'} ${query === -1 ? url : url.slice(0, query)}`;
}
