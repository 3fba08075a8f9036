import { StreamableFile } from '@nestjs/common';

import type { ErrorResponder } from './platform.interface';

let defaultHandlerSource: string | undefined;

/**
 * @internal Hands a failing `StreamableFile` to the filter unless the app set
 * its own `setErrorHandler`: before the headers, the client gets the
 * envelope instead of Nest's `400 text/plain "Bad Request"`; after them, the
 * failure is logged once and the connection closed.
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
