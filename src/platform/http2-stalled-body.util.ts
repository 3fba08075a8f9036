import { RequestTimeoutException } from '@nestjs/common';
import type { EventEmitter } from 'node:events';

import type { ErrorResponder } from './platform.interface';

/** What is read of an HTTP/2 request: its stream's session, whether its body is all in. */
type Http2Request = {
  complete?: boolean;
  stream?: {
    session?: EventEmitter | null;
    once(event: 'finish', listener: () => void): unknown;
    close(code?: number): void;
  };
};

type Reply = {
  raw: {
    headersSent?: boolean;
    once(event: 'close', listener: () => void): unknown;
  };
};

/** Per session, the requests whose body is still being read, with their replies. */
const reading = new WeakMap<object, Map<object, Reply>>();

/**
 * @internal HTTP/2 has no request timeout: Fastify closes a session idle for
 * `http2SessionTimeout` (72 s by default) gracefully, which keeps a stream
 * whose body stalled open for as long as the client keeps the connection.
 * A request still waiting for its body when its session times out is
 * answered with the 408 envelope, under its own id, as Node's
 * `requestTimeout` answers an HTTP/1 body that stalls, and its stream is
 * closed, so the graceful close completes. Called where Fastify starts
 * reading a body.
 */
export function answerStalledBodyOnTimeout(
  request: { raw: unknown },
  reply: Reply,
  responder: ErrorResponder,
): void {
  const session = (request.raw as Http2Request).stream?.session;
  if (!session || typeof session.on !== 'function') return;
  const pending = readingOn(session, responder);
  pending.set(request, reply);
  reply.raw.once('close', () => pending.delete(request));
}

/** The session's requests still reading a body; the first call listens for its timeout. */
function readingOn(
  session: EventEmitter,
  responder: ErrorResponder,
): Map<object, Reply> {
  const known = reading.get(session);
  if (known) return known;
  const pending = new Map<object, Reply>();
  reading.set(session, pending);
  session.on('timeout', () => {
    for (const [request, reply] of [...pending]) {
      pending.delete(request);
      const raw = (request as { raw: Http2Request }).raw;
      if (raw.complete || reply.raw.headersSent) continue;
      // Once answered, the stream stops taking the body (RST_STREAM
      // NO_ERROR, RFC 9113 section 8.1), and the session's close completes.
      raw.stream?.once('finish', () => raw.stream?.close());
      responder.reply(new RequestTimeoutException(), request, reply);
    }
  });
  return pending;
}
