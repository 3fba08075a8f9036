import {
  BadRequestException,
  Catch,
  ConsoleLogger,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

import { ApiException } from '../catalog/api.exception';
import { ERRORS_LOGGER_CONTEXT } from '../errors.constants';
import { RESOLVED_ERRORS_OPTIONS } from '../errors.internal-constants';
import type { ResolvedErrorsOptions } from '../errors-module.options';
import {
  ENVELOPE_FORMAT,
  formatEnvelope,
  serializeEnvelope,
} from '../formats/envelope.format';
import type { NormalizedError } from '../formats/normalized-error.interface';
import {
  allowedMethods,
  isRouteNotFound,
} from '../http-semantics/allowed-methods.util';
import { plainRetryAfter } from '../http-semantics/retry-after.util';
import { applyMappings } from '../mapping/apply-mappings.util';
import type {
  ErrorScope,
  ExceptionMapping,
} from '../mapping/exception-mapping.interface';
import { readAdapterError } from '../platform/adapter-error.util';
import { platformOf } from '../platform/platform';
import type {
  ErrorResponder,
  ErrorResponse,
  HttpPlatform,
  RawRequest,
} from '../platform/platform.interface';
import {
  cutPath,
  describeRawRequest,
  toRawRequest,
} from '../platform/raw-request.util';
import { validHeaders } from '../platform/response-headers.util';
import { routePattern } from '../platform/route-pattern.util';
import { restoreStackTraces } from '../utils/stack-traces.util';
import {
  readRequestId,
  requestIdAssigner,
} from '../request-id/request-id.util';
import { singlePipedParameter } from '../validation/declared-parameters.registry';
import { BodyNotAnObjectException } from '../validation/errors-validation.pipe';
import { refineForRequest } from '../validation/refine-for-request.util';
import {
  collectParameterFailures,
  isParameterFailure,
} from '../validation/parameter-failures.util';
import { ValidationFailedException } from '../validation/validation-failed.exception';
import { hasMalformedEncoding } from './body-error.util';
import { delegateToNest } from './non-http.util';
import { builtIn, normalizeException } from './normalize-exception.util';
import { chooseFormat, renderContext, renderSafely } from './render.util';
import type { RenderedError } from './render.util';
import { readProperty, safeMessage, safeStack } from './safe-read.util';

/** Longest path echoed in a router 404 message; longer ones are cut. */
export const MAX_ECHOED_PATH_LENGTH = 256;

/**
 * The global exception filter registered by `ErrorsModule`: answers every
 * HTTP error with the one envelope, on Express and Fastify. Non-HTTP contexts
 * (microservices, WebSockets, GraphQL) are left to Nest's own handling.
 *
 * An error goes through five stages: capture (`catch`, and the platform's
 * hooks for errors outside Nest's router), map (`mapException`), normalize
 * (`normalize`), render (`render`: the format in use; the envelope through
 * `buildBody`) and write (the platform, with the header policy), then it is
 * logged (`log`) if unexpected. Extend the class and pass it as
 * `ErrorsModule.forRoot({ filter })` to change one stage.
 * @publicApi
 */
@Catch()
@Injectable()
export class ErrorsFilter implements ExceptionFilter, ErrorResponder {
  protected readonly logger = new Logger(ERRORS_LOGGER_CONTEXT);
  private readonly keptHeaders: ReadonlySet<string>;
  private readonly assignId: (raw: RawRequest) => string;
  /** The app-wide mappings as the one scope outside a route's, or none to look through. */
  private readonly appScopes?: ReadonlyArray<readonly ExceptionMapping[]>;

  constructor(
    protected readonly httpAdapterHost: HttpAdapterHost,
    @Inject(RESOLVED_ERRORS_OPTIONS)
    protected readonly options: ResolvedErrorsOptions,
  ) {
    this.keptHeaders = new Set([
      options.requestIdHeader,
      ...options.keepResponseHeaders,
    ]);
    this.assignId = requestIdAssigner(options);
    if (options.mappings.length > 0) this.appScopes = [options.mappings];
  }

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
    restoreStackTraces();
    if (host.getType() !== 'http') {
      return delegateToNest(
        this.mapException(exception, undefined, scope),
        host,
      );
    }
    // What `switchToHttp()` reads, without the object it builds per call.
    const request: unknown = host.getArgByIndex(0);
    const response: unknown = host.getArgByIndex(1);
    if (!isParameterFailure(exception))
      this.reply(exception, request, response, scope);
    else if (this.takesOnePipedParameter(request))
      this.reply(
        collectParameterFailures(exception as ValidationFailedException),
        request,
        response,
        scope,
      );
    else
      this.replyOnceSettled(
        exception as ValidationFailedException,
        request,
        response,
        scope,
      );
    return undefined;
  }

  /**
   * The route's handler takes one argument Nest runs pipes on
   * (`signup(@Body() dto)`): its failure is the only one, answered at once.
   */
  private takesOnePipedParameter(request: unknown): boolean {
    const pattern = routePattern(request);
    const method = toRawRequest(request).method;
    return (
      pattern !== undefined &&
      method !== undefined &&
      singlePipedParameter(this.options, method, pattern)
    );
  }

  /**
   * Nest stopped at this parameter; the others' pipes settle first, then one
   * 422 lists every parameter's fields. (A method of its own: the closure's
   * context is not allocated for every other error.)
   */
  private replyOnceSettled(
    exception: ValidationFailedException,
    request: unknown,
    response: unknown,
    scope: ErrorScope | undefined,
  ): void {
    setImmediate(() => {
      try {
        this.reply(
          collectParameterFailures(exception),
          request,
          response,
          scope,
        );
      } catch (error) {
        // Nothing above Nest's handler awaits this answer: never a crash.
        this.logger.error(`answering a 422 failed: ${safeStack(error)}`);
        this.platform().abort(response);
      }
    });
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
    const platform = this.platform();
    const requestId = this.assignId(toRawRequest(request));
    if (platform.clientGone(request, response)) {
      this.logger.debug(
        `${describe(request)} ended by the client (request_id ${requestId}): ${safeMessage(exception)}`,
      );
      return;
    }
    if (platform.headersSent(response)) {
      this.abort(exception, request, response, requestId);
      return;
    }
    const error = this.safelyNormalize(exception, request, scope);
    platform.write(
      response,
      this.respond(error, requestId, request, response),
      this.keptHeaders,
    );
    this.logAndReport(exception, error, requestId, request);
  }

  /** @internal True when `request` reached this filter's app. */
  serves(request: unknown): boolean {
    return this.platform().serves(request);
  }

  /**
   * @internal The `data` of the `error` event that ends a server-sent event
   * stream whose headers are out: the body this filter would have answered
   * (same stages, the scope's rules included), logged and reported like an
   * answer. `undefined` while the stream has not started: the exception
   * then takes the usual way.
   */
  renderEvent(
    exception: unknown,
    request: unknown,
    response: unknown,
    scope?: ErrorScope,
  ): string | undefined {
    if (!this.platform().headersSent(response)) return undefined;
    const requestId = this.assignId(toRawRequest(request));
    const error = this.safelyNormalize(exception, request, scope);
    const { body } = this.safelyRender(error, requestId, request);
    this.logAndReport(exception, error, requestId, request);
    return body;
  }

  /** After the answer: logs an unexpected error once, then runs the reporters. */
  private logAndReport(
    exception: unknown,
    error: NormalizedError,
    requestId: string,
    request: unknown,
  ): void {
    if (error.unexpected) this.log(exception, request, requestId);
    this.options.reporting.run(exception, error, requestId, request);
  }

  /**
   * @internal The response for a failure Node's HTTP parser raised, written
   * on the socket: the same stages, with the id of the request whose body it
   * was reading (a stalled or malformed body), else a new one.
   */
  renderRaw(
    exception: unknown,
    request?: unknown,
  ): ErrorResponse & { requestId: string } {
    const requestId =
      readRequestId(request) ?? this.options.generateRequestId();
    const error = this.safelyNormalize(exception, request);
    return { requestId, ...this.respond(error, requestId, request) };
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
    if (format === ENVELOPE_FORMAT)
      return this.renderEnvelope(error, requestId);
    const context = renderContext(
      error,
      requestId,
      request,
      this.options.docsBaseUrl,
    );
    return renderSafely(
      format,
      error,
      context,
      () => this.renderEnvelope(error, requestId),
      this.logger,
    );
  }

  /** The envelope, through `buildBody` when overridden. */
  private renderEnvelope(
    error: NormalizedError,
    requestId: string,
  ): RenderedError {
    return {
      contentType: ENVELOPE_FORMAT.contentType,
      // Without a `buildBody` override the envelope is written as text directly (the same JSON).
      body:
        this.buildBody === DEFAULT_BUILD_BODY
          ? serializeEnvelope(error, requestId, this.options.docsBaseUrl)
          : this.buildBody(error, requestId),
    };
  }

  /**
   * Stage 4 for the envelope: builds `{ request_id, error }` from a
   * normalized error; called by `render` whenever the envelope is the
   * format answered (not for `'problem'`, `'nest'` or a custom format) and
   * this method is overridden. Without an override, `render` writes the same
   * envelope as JSON text directly.
   */
  protected buildBody(error: NormalizedError, requestId: string): unknown {
    return formatEnvelope(error, requestId, this.options.docsBaseUrl);
  }

  /**
   * Stage 2, map: domain errors become catalog errors (the scope's
   * `@MapException` mappings, nearest first, then the app-wide `mappings`);
   * a 403 inside a `@ForbiddenAsNotFound` scope becomes that route's 404;
   * a body DTO that found a body in a media type the app does not parse
   * becomes a 415; the router's 404 becomes a 405 with `Allow` when the path is served
   * under other methods, a 400 when the path's percent-encoding is
   * malformed, and otherwise echoes the path without its query string.
   */
  protected mapException(
    exception: unknown,
    request: unknown,
    scope?: ErrorScope,
  ): unknown {
    const scopes = scope?.mappings
      ? [...scope.mappings, this.options.mappings]
      : this.appScopes;
    const mapped = scopes ? applyMappings(exception, scopes) : exception;
    if (
      scope?.concealForbidden !== undefined &&
      this.normalize(mapped, request).status === 403
    ) {
      return scope.concealForbidden
        ? new ApiException(scope.concealForbidden)
        : new NotFoundException();
    }
    if (
      request !== undefined &&
      isBodyShapeFailure(mapped) &&
      this.platform().bodyUnread(request)
    )
      return new UnsupportedMediaTypeException();
    const adapter = this.httpAdapterHost.httpAdapter;
    if (
      request === undefined ||
      !adapter ||
      !isRouteNotFound(mapped, adapter, request)
    )
      return mapped;
    const { method, path } = describeRawRequest(request);
    if (hasMalformedEncoding(path))
      return new BadRequestException(MALFORMED_URL);
    const allow = allowedMethods(
      this.platform(),
      method,
      path,
      request as object,
    );
    if (allow) {
      return new ApiException(builtIn(this.options, 405), {
        headers: { Allow: allow.join(', ') },
      });
    }
    const message = `Cannot ${method} ${cutPath(path, MAX_ECHOED_PATH_LENGTH)}`;
    // The router's own exception already says it (no query string, a short path): no second one.
    return readProperty(
      (mapped as NotFoundException).getResponse(),
      'message',
    ) === message
      ? mapped
      : new NotFoundException(message);
  }

  /** Stage 3, normalize: status, code, message and what may be shown. */
  protected normalize(exception: unknown, request: unknown): NormalizedError {
    const error = normalizeException(
      exception,
      this.options,
      readAdapterError(request),
    );
    return refineForRequest(error, request, this.options);
  }

  /**
   * Report: logs an unexpected error once, with request id, method, path and
   * stack; `{ request_id, method, path }` goes as a logger param, which
   * NestJS 12's JSON `ConsoleLogger` and nestjs-pino's `NativeLogger` record
   * as fields. With logging off (`logger: false`, or levels without `error`
   * such as `logger: ['fatal']`) nothing is formatted: not even the stack.
   */
  protected log(exception: unknown, request: unknown, requestId: string): void {
    // V8 formats a stack on its first read: not for a log nobody prints
    if (!printsErrors(this.logger)) return;
    const fields =
      request === undefined
        ? { request_id: requestId }
        : {
            request_id: requestId,
            ...describeRawRequest(request, MAX_ECHOED_PATH_LENGTH),
          };
    const message = `${describe(request)} failed (request_id ${requestId}): ${safeMessage(exception)}`;
    const stack = safeStack(exception);
    if (printsParamsApart(this.logger)) this.logger.error(message, stack);
    // a logger param: structured loggers record these as fields
    else this.logger.error(message, fields, stack);
  }

  /**
   * The response already started (a stream failed midway): it cannot carry
   * an envelope, so the error is logged once and the connection closed,
   * which tells the client the body is incomplete.
   */
  protected abort(
    exception: unknown,
    request: unknown,
    response: unknown,
    requestId: string,
  ): void {
    this.log(exception, request, requestId);
    this.platform().abort(response);
    if (this.options.reporting.active)
      this.options.reporting.run(
        exception,
        this.safelyNormalize(exception, request),
        requestId,
        request,
      );
  }

  /** Stages 4 and 5's input: rendered body, valid headers, the request id. */
  private respond(
    error: NormalizedError,
    requestId: string,
    request: unknown,
    response?: unknown,
  ): ErrorResponse {
    const retryAfter =
      error.status === 429 && response !== undefined
        ? plainRetryAfter(response)
        : undefined;
    const headers =
      retryAfter === undefined &&
      error.headers === undefined &&
      !this.options.negotiate
        ? {}
        : validHeaders(
            {
              ...(retryAfter === undefined
                ? {}
                : { 'Retry-After': retryAfter }),
              ...error.headers,
              // Merged with a Vary already on the response by the write stage.
              ...(this.options.negotiate ? { Vary: 'Accept' } : {}),
            },
            (name) =>
              this.logger.warn(
                `Dropped the response header "${describeName(name)}" of a ${error.status} (request_id ${requestId}): not a valid HTTP header.`,
              ),
          );
    // The id is well-formed by construction (generated, guarded or checked): no validation.
    headers[this.options.requestIdHeader] = requestId;
    const { contentType, body } = this.safelyRender(error, requestId, request);
    return { status: error.status, contentType, headers, body };
  }

  /** A failing `render`/`buildBody` override must not leave the request unanswered. */
  private safelyRender(
    error: NormalizedError,
    requestId: string,
    request: unknown,
  ): { contentType: string; body: string } {
    try {
      const rendered = this.render(error, requestId, request);
      if (typeof rendered.body === 'string')
        return rendered as { contentType: string; body: string };
      return {
        contentType: rendered.contentType,
        body: JSON.stringify(rendered.body),
      };
    } catch (failure) {
      this.logger.error(
        `render() failed: ${safeMessage(failure)}`,
        safeStack(failure),
      );
      const fallback = normalizeException(undefined, this.options);
      return {
        contentType: ENVELOPE_FORMAT.contentType,
        body: serializeEnvelope(fallback, requestId, this.options.docsBaseUrl),
      };
    }
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

  private platform(): HttpPlatform {
    return platformOf(this.httpAdapterHost.httpAdapter);
  }
}

/** `buildBody` as the class defines it: when still in place, the envelope is written as text directly. */
const DEFAULT_BUILD_BODY = ErrorsFilter.prototype['buildBody'];

const MALFORMED_URL =
  'The request URL holds a malformed percent-encoding and could not be read.';

/**
 * A body DTO found no usable body: every field missing (422), or a body that
 * is not an object (400). When the request did carry a body its media type
 * was not parsed, so the honest answer is 415, on either adapter.
 */
function isBodyShapeFailure(exception: unknown): boolean {
  if (exception instanceof ValidationFailedException)
    return exception.fieldErrors.some((field) => field.source === 'body');
  return exception instanceof BodyNotAnObjectException;
}

function describe(request: unknown): string {
  if (request === undefined) return 'HTTP request';
  const { method, path } = describeRawRequest(request, MAX_ECHOED_PATH_LENGTH);
  return `${method} ${path}`;
}

function describeName(name: string): string {
  return name.replace(/[^\x21-\x7e]/g, '?').slice(0, 64);
}

/**
 * False when `logger.error` would print nothing: logging is off
 * (`NestFactory.create(…, { logger: false })`) or the app's `ConsoleLogger`
 * (NestJS's own `error`, not a subclass's) has the error level off. A logger
 * of the app's own is always called: it decides.
 */
function printsErrors(logger: Logger): boolean {
  const target: unknown = logger.localInstance;
  if (target === undefined) return false;
  return !(
    target instanceof ConsoleLogger &&
    target.error === ConsoleLogger.prototype.error &&
    !target.isLevelEnabled('error')
  );
}

/**
 * True when the app logs through a `ConsoleLogger` that prints a param
 * object as a record of its own, after the message (NestJS 11's, or NestJS
 * 12's with `structuredParams: false`): one error would read as two. Such a
 * logger gets the message, which carries the request id, and the stack.
 */
function printsParamsApart(logger: Logger): boolean {
  const target: unknown = logger.localInstance;
  if (!(target instanceof ConsoleLogger)) return false;
  const structured = target as unknown as {
    stringifyParams?: unknown;
    options?: { structuredParams?: boolean };
  };
  return (
    typeof structured.stringifyParams !== 'function' ||
    structured.options?.structuredParams === false
  );
}
