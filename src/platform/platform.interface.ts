import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ResolvedErrorsOptions } from '../errors-module.options';

/**
 * @internal What the error path hands a platform to write: the status, the
 * headers of the error itself, and the rendered body.
 */
export interface ErrorResponse {
  status: number;
  /** Content type of the rendered body. */
  contentType: string;
  /** The error's own headers (`Allow`, `Retry-After`, …), already valid. */
  headers: Readonly<Record<string, string>>;
  body: string;
}

/**
 * @internal The filter, as the platform sees it: every adapter-level failure
 * (framework errors, the not-found fallback, a body the client never
 * finished) is handed to `reply`; failures Node's HTTP parser raises are
 * rendered by `renderRaw` and written to the socket, with the request whose
 * body the parser was reading, if any.
 */
export interface ErrorResponder {
  reply(exception: unknown, request: unknown, response: unknown): void;
  renderRaw(
    exception: unknown,
    request?: unknown,
  ): ErrorResponse & { requestId: string };
}

/**
 * @internal Everything the rest of `src/` may ask of an HTTP adapter. One
 * implementation per adapter (`express.platform.ts`, `fastify.platform.ts`);
 * nothing outside `src/platform/` tests for adapter shapes.
 */
export interface HttpPlatform {
  readonly name: 'express' | 'fastify';
  /** Assigns the request id before guards, pipes and handlers run. */
  mountRequestId(options: ResolvedErrorsOptions): void;
  /**
   * Records the errors the adapter raised before Nest's router saw them
   * (body parser, content-type parser), and routes framework and Node
   * parser errors to the responder.
   */
  mountErrorCapture(responder: ErrorResponder): void;
  /** Answers what Nest's router leaves to the adapter (runs last). */
  mountFallback(responder: ErrorResponder): void;
  /**
   * Methods the app serves on `path` (no query string) to `request` (whose
   * host and version choose among host-bound and versioned routes),
   * unordered; cached per path, bounded.
   */
  methodsFor(path: string, request?: object): readonly string[];
  /**
   * True when the request carried a body that no parser turned into an
   * object or array (a media type the app does not parse).
   */
  bodyUnread(request: unknown): boolean;
  /** True when the response has started (an envelope can no longer be sent). */
  headersSent(response: unknown): boolean;
  /** True when `request` (as Nest passes it to handlers) reached this app. */
  serves(request: unknown): boolean;
  /**
   * True when the client is gone (aborted the upload or closed the
   * connection): nothing can be answered, and it is not a server error.
   */
  clientGone(request: unknown, response: unknown): boolean;
  /** Writes an error response, applying the header policy first. */
  write(
    response: unknown,
    error: ErrorResponse,
    keep: ReadonlySet<string>,
  ): void;
  /** Closes a response that cannot be completed. */
  abort(response: unknown): void;
}

/** @internal The Node objects behind any adapter's request and response. */
export type RawRequest = IncomingMessage & Record<symbol, unknown>;
/** @internal */
export type RawResponse = ServerResponse;
