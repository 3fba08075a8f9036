import {
  BadRequestException,
  HttpException,
  RequestTimeoutException,
} from '@nestjs/common';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

import type { ErrorResponder, RawResponse } from './platform.interface';
import { writeSocketResponse } from './raw-write.util';

type ParserError = Error & { code?: string };

/**
 * @internal Requests Node's HTTP parser rejects (a bad chunk size,
 * `Content-Length` with `Transfer-Encoding`, headers too large, a timeout)
 * never reach Express or Fastify: Node (or Fastify's `clientError` handler)
 * answers with its own bytes. This replaces that handler on the server, on
 * both adapters, so they answer the envelope with a fresh request id; so is
 * a `CONNECT` request, which neither adapter routes, and an `Expect` header
 * Node cannot meet.
 */
export function mountClientErrorHandler(
  server: Server | undefined,
  responder: ErrorResponder,
): void {
  if (!server || typeof server.on !== 'function') return;
  server.removeAllListeners('clientError');
  server.on('clientError', (error: ParserError, socket: Socket) => {
    const pending = (socket as { _httpMessage?: { headersSent?: boolean } })
      ._httpMessage;
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      pending?.headersSent
    ) {
      socket.destroy();
      return;
    }
    writeSocketResponse(socket, responder.renderRaw(parserException(error)));
  });
  // Node hands CONNECT to 'connect' listeners and, with none, closes the
  // connection without a word: answered as the envelope unless the app
  // listens for CONNECT itself (a proxy). An HTTP/2 server hands over the
  // stream's request and response instead of a socket.
  server.on('connect', (request: unknown, target: Socket | RawResponse) => {
    if (server.listenerCount('connect') > 1) return;
    const exception = new HttpException(CONNECT_MESSAGE, 501);
    if (isResponse(target)) return responder.reply(exception, request, target);
    target.on('error', ignore);
    writeSocketResponse(target, responder.renderRaw(exception));
  });
  // An `Expect` other than 100-continue: Node answers a bare 417 itself
  // unless someone listens, and then the request goes no further.
  server.on('checkExpectation', (request: unknown, response: RawResponse) => {
    if (server.listenerCount('checkExpectation') > 1) return;
    responder.reply(
      new HttpException(EXPECTATION_MESSAGE, 417),
      request,
      response,
    );
  });
}

/** @internal */
export const CONNECT_MESSAGE = 'This server does not serve CONNECT requests.';

/** @internal */
export const EXPECTATION_MESSAGE =
  'The request has an Expect header this server cannot meet (only 100-continue is supported).';

function ignore(): void {}

function isResponse(target: Socket | RawResponse): target is RawResponse {
  return typeof (target as Partial<RawResponse>).writeHead === 'function';
}

function parserException(error: ParserError): HttpException {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new HttpException('The request headers are too large.', 431);
    case 'HPE_REQUEST_TIMEOUT':
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeoutException();
    default:
      return new BadRequestException(
        'The request is not valid HTTP and could not be read.',
      );
  }
}
