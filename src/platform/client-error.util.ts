import {
  BadRequestException,
  HttpException,
  RequestTimeoutException,
} from '@nestjs/common';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

import type { ErrorResponder, RawResponse } from './platform.interface';
import { writeSocketResponse } from './raw-write.util';

type ParserError = Error & {
  code?: string;
  /** The chunk the parser was reading, and how far it got (Node sets both). */
  rawPacket?: Buffer;
  bytesParsed?: number;
};

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
    // The parser may report the same connection again as more bytes arrive.
    if (answered.has(socket)) return;
    answered.add(socket);
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    // Requests read before the bad bytes (pipelined) are answered first, in order.
    afterPendingResponses(socket, (unread) => {
      // Its answer already started (it did not wait for the body): it cannot be finished.
      if (!socket.writable || unread?.headersSent) return socket.destroy();
      writeSocketResponse(
        socket,
        responder.renderRaw(parserException(error), unread?.req ?? undefined),
      );
    });
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

/** Connections whose parser error is answered (or being answered). */
const answered = new WeakSet<Socket>();

type PendingResponse = {
  req?: { complete?: boolean } | null;
  headersSent?: boolean;
  writableFinished?: boolean;
  destroyed?: boolean;
  once(event: 'finish' | 'close', listener: () => void): unknown;
};

/**
 * Runs `then` once every response of the connection is written: the one
 * being written and those of pipelined requests queued behind it (Node
 * attaches the next when one finishes). It stops at the request the bad
 * bytes belong to (its body was still being read: it never completes),
 * handing over its response, and at a response that closes without
 * finishing (the handler's stream failed).
 */
function afterPendingResponses(
  socket: Socket,
  then: (unread?: PendingResponse) => void,
): void {
  const pending = (socket as { _httpMessage?: PendingResponse | null })
    ._httpMessage;
  if (!pending || pending.writableFinished || pending.destroyed) return then();
  if (pending.req && pending.req.complete === false) return then(pending);
  let done = false;
  const next = () => {
    if (done) return;
    done = true;
    // Node assigns the next queued response in its own 'finish' listener, which runs first.
    afterPendingResponses(socket, then);
  };
  pending.once('finish', next);
  pending.once('close', next);
}

function isResponse(target: Socket | RawResponse): target is RawResponse {
  return typeof (target as Partial<RawResponse>).writeHead === 'function';
}

function parserException(error: ParserError): HttpException {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return inRequestLine(error)
        ? new HttpException(LONG_URL_MESSAGE, 414)
        : new HttpException('The request headers are too large.', 431);
    case 'HPE_REQUEST_TIMEOUT':
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeoutException();
    default:
      return new BadRequestException(
        'The request is not valid HTTP and could not be read.',
      );
  }
}

const LONG_URL_MESSAGE = 'The request URL is too long.';

/**
 * A request line's start: a method Node's parser knows (it refuses others
 * before counting the URL), one space, a target with no space after it yet.
 */
const REQUEST_LINE_START = /^[A-Z-]+ [^ ]*$/;
const VERSION_AFTER_TARGET = ' HTTP/';

/**
 * Whether the header limit Node's parser hit was hit by the request line: it
 * counts the URL in the same limit as the headers, but a URL that fills it
 * alone is 414, not 431. Node reports the overflow where the URL (or the
 * header) ends, or at the end of the chunk it was reading; the chunk tells
 * which line it was in when that line started in it (a method, a space, a
 * target) or ended there (followed by ` HTTP/`). A URL of more than one
 * chunk that overflows before its end, in a chunk without its start, cannot
 * be told from a long header: 431.
 */
function inRequestLine(error: ParserError): boolean {
  const chunk = error.rawPacket;
  const parsed = error.bytesParsed;
  if (!Buffer.isBuffer(chunk) || typeof parsed !== 'number') return false;
  const end = Math.min(parsed, chunk.length);
  const start = end > 0 ? chunk.lastIndexOf(10, end - 1) + 1 : 0;
  const line = chunk.toString('latin1', start, end);
  if (REQUEST_LINE_START.test(line)) return true;
  return (
    !line.includes(' ') &&
    chunk.toString('latin1', end, end + VERSION_AFTER_TARGET.length) ===
      VERSION_AFTER_TARGET
  );
}
