import { StreamableFile } from '@nestjs/common';

import type { ErrorResponder } from './platform.interface';
import { toRawResponse } from './raw-request.util';

let defaultHandlerSource: string | undefined;

/**
 * @internal Express: hands a failing `StreamableFile` to the filter unless
 * the app set its own `setErrorHandler`. Before the headers, the client
 * gets the envelope instead of Nest's `400 text/plain "Bad Request"`; after
 * them, the failure is logged once and the connection closed.
 */
export function routeStreamErrors(
  body: unknown,
  request: unknown,
  responder: ErrorResponder,
): void {
  if (!(body instanceof StreamableFile)) return;
  defaultHandlerSource ??= String(
    new StreamableFile(Buffer.alloc(0)).errorHandler,
  );
  if (String(body.errorHandler) !== defaultHandlerSource) return;
  body.setErrorHandler((error, response) =>
    responder.reply(error, request, response),
  );
}

/**
 * @internal Fastify: a `StreamableFile` failing before its headers goes
 * through Fastify's error handler (and so the filter); one failing midway is
 * only logged by Fastify's own logger, which Nest turns off. This reports it
 * once through the filter, which closes the connection.
 */
export function reportStreamFailures(
  body: unknown,
  request: unknown,
  response: unknown,
  responder: ErrorResponder,
): void {
  if (!(body instanceof StreamableFile)) return;
  body.getStream().once('error', (error: unknown) => {
    if (toRawResponse(response).headersSent)
      responder.reply(error, request, response);
  });
}
