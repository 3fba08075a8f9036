import type { AbstractHttpAdapter } from '@nestjs/core';
import type { Server } from 'node:http';
import type { Readable } from 'node:stream';

import type { ResolvedErrorsOptions } from '../errors-module.options';
import { requestIdStorage } from '../request-id/request-id.storage';
import { assignRequestId } from '../request-id/request-id.util';
import { recordAdapterError } from './adapter-error.util';
import { mountClientErrorHandler } from './client-error.util';
import {
  decodeBody,
  isEmptyJsonBody,
  isJsonPrimitiveBody,
} from './fastify-body.util';
import { isClientGone } from './express.platform';
import type {
  ErrorResponder,
  ErrorResponse,
  HttpPlatform,
  RawRequest,
  RawResponse,
} from './platform.interface';
import { hasBody, toRawResponse } from './raw-request.util';
import { writeRawResponse } from './raw-write.util';
import {
  mergeVary,
  setsCaching,
  staleHeaderNames,
} from './response-headers.util';
import { reportStreamFailures } from './streamable-file.util';

type Done = (error?: unknown, value?: unknown) => void;
type FastifyRequest = {
  raw: RawRequest;
  body?: unknown;
  headers: RawRequest['headers'];
};
type FastifyReply = {
  raw: RawResponse;
  sent?: boolean;
  header(name: string, value: string): unknown;
  getHeaders(): Record<string, unknown>;
  removeHeader(name: string): unknown;
  code(status: number): FastifyReply;
  send(body: string): unknown;
};
type FastifyInstance = {
  addHook(name: string, hook: (...args: never[]) => void): unknown;
  findRoute(options: { method: string; url: string }): unknown;
  server?: Server;
};

type FrameworkErrors = (
  error: unknown,
  request: unknown,
  reply: object,
) => unknown;

/** Fastify's framework-error option, read where the router reads it. */
const OPTIONS_SYMBOL = 'fastify.options';

/**
 * @internal Fastify 5. Request ids come from an `onRequest` hook (before body
 * parsing); a `preHandler` re-enters the async context, which body parsing
 * loses, and holds JSON bodies to Express's rules (strict: an object or an
 * array). Bodies are decoded like Express's body parser does (gzip,
 * deflate, br). 405 lookups ask Fastify's own router (`find-my-way`).
 */
export class FastifyPlatform implements HttpPlatform {
  readonly name = 'fastify';
  private readonly fastify: FastifyInstance;
  private readonly methods = new Set<string>();

  constructor(private readonly adapter: AbstractHttpAdapter) {
    this.fastify = adapter.getInstance<FastifyInstance>();
  }

  mountRequestId(options: ResolvedErrorsOptions): void {
    const header = options.requestIdHeader;
    const withContext = options.asyncContext;
    this.fastify.addHook(
      'onRequest',
      (request: FastifyRequest, reply: FastifyReply, done: Done) => {
        const id = assignRequestId(request.raw, options);
        reply.header(header, id);
        if (withContext) requestIdStorage.run(id, done);
        else done();
      },
    );
    this.fastify.addHook(
      'preParsing',
      (
        request: FastifyRequest,
        _reply: FastifyReply,
        payload: Readable,
        done: Done,
      ) => {
        if (isEmptyJsonBody(request.headers))
          request.headers['content-type'] = undefined;
        decodeBody(request.headers, payload, done);
      },
    );
    this.fastify.addHook(
      'preHandler',
      (request: FastifyRequest, _reply: FastifyReply, done: Done) => {
        if (request.body !== undefined && isJsonPrimitiveBody(request)) {
          done(primitiveBodyError());
          return;
        }
        if (!withContext) return done();
        const id = assignRequestId(request.raw, options);
        // Requests without a body keep the context; re-enter only when parsing lost it.
        if (requestIdStorage.getStore() === id) done();
        else requestIdStorage.run(id, done);
      },
    );
  }

  mountErrorCapture(responder: ErrorResponder): void {
    this.fastify.addHook(
      'onError',
      (
        request: FastifyRequest,
        _reply: unknown,
        error: unknown,
        done: Done,
      ) => {
        recordAdapterError(request.raw, error);
        done();
      },
    );
    this.fastify.addHook('onRoute', (route: { method: string | string[] }) => {
      for (const method of ([] as string[]).concat(route.method))
        this.methods.add(method.toUpperCase());
    });
    const options = routerOptions(this.fastify);
    if (options) {
      // Nest 12's adapter sets its own handler (security headers, then
      // `reply.send(error)`, which bypasses Nest's error handler): it still
      // runs, and what it sends is answered by the filter.
      const original = options.frameworkErrors;
      options.frameworkErrors = (
        error: unknown,
        request: unknown,
        reply: object,
      ) => {
        const answer = () => responder.reply(error, request, reply);
        if (typeof original !== 'function') return answer();
        return original(
          error,
          request,
          Object.create(reply, { send: { value: answer } }),
        );
      };
    }
    mountClientErrorHandler(this.fastify.server, responder);
    const reply = this.adapter.reply.bind(this.adapter);
    this.adapter.reply = (
      response: unknown,
      body: unknown,
      status?: number,
    ) => {
      reportStreamFailures(
        body,
        (response as { request?: unknown }).request,
        response,
        responder,
      );
      return reply(response, body, status);
    };
  }

  mountFallback(): void {
    // Nest's not-found handler covers every path on Fastify.
  }

  methodsFor(path: string): string[] {
    return [...this.methods].filter(
      (method) => this.fastify.findRoute({ method, url: path }) !== null,
    );
  }

  bodyUnread(request: unknown): boolean {
    const { body, headers } = request as FastifyRequest;
    const unread =
      body === undefined || typeof body === 'string' || Buffer.isBuffer(body);
    return unread && hasBody(headers);
  }

  headersSent(response: unknown): boolean {
    return toRawResponse(response).headersSent;
  }

  clientGone(request: unknown, response: unknown): boolean {
    const raw =
      (request as { raw?: RawRequest }).raw ?? (request as RawRequest);
    return isClientGone(raw, toRawResponse(response));
  }

  write(
    response: unknown,
    error: ErrorResponse,
    keep: ReadonlySet<string>,
  ): void {
    const reply = response as Partial<FastifyReply>;
    if (typeof reply.getHeaders !== 'function' || !reply.raw) {
      writeRawResponse(response as RawResponse, error, keep);
      return;
    }
    const full = reply as FastifyReply;
    for (const name of staleHeaderNames(Object.keys(full.getHeaders()), keep))
      full.removeHeader(name);
    for (const name of staleHeaderNames(full.raw.getHeaderNames(), keep))
      full.raw.removeHeader(name);
    full.header('content-type', error.contentType);
    if (!setsCaching(error.headers)) full.header('cache-control', 'no-store');
    for (const [name, value] of Object.entries(error.headers))
      full.header(
        name,
        name.toLowerCase() === 'vary'
          ? mergeVary(
              full.getHeaders()[name.toLowerCase()] ?? full.raw.getHeader(name),
              value,
            )
          : value,
      );
    full.code(error.status).send(error.body);
  }

  abort(response: unknown): void {
    toRawResponse(response).destroy();
  }
}

function routerOptions(
  instance: FastifyInstance,
): { frameworkErrors?: FrameworkErrors } | undefined {
  const symbol = Object.getOwnPropertySymbols(instance).find(
    (s) => s.description === OPTIONS_SYMBOL,
  );
  return symbol
    ? (
        instance as unknown as Record<
          symbol,
          { frameworkErrors?: FrameworkErrors }
        >
      )[symbol]
    : undefined;
}

function primitiveBodyError(): Error {
  return Object.assign(new SyntaxError('JSON body is not an object or array'), {
    statusCode: 400,
    type: 'entity.parse.failed',
    primitive: true,
  });
}
