import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';

import type { ErrorResponse, RawResponse } from './platform.interface';
import {
  mergeVary,
  setsCaching,
  staleHeaderNames,
} from './response-headers.util';

/**
 * @internal Writes an error on a Node response: headers left by the handler
 * that describe a success are removed (see `staleHeaderNames`), then status,
 * content type and length, `Cache-Control: no-store` unless the error sets
 * caching itself, the error's own headers, and the body. HEAD answers carry
 * no body (Node drops it).
 */
export function writeRawResponse(
  res: RawResponse,
  error: ErrorResponse,
  keep: ReadonlySet<string>,
): void {
  for (const name of staleHeaderNames(res.getHeaderNames(), keep))
    res.removeHeader(name);
  res.statusCode = error.status;
  res.setHeader('content-type', error.contentType);
  res.setHeader('content-length', Buffer.byteLength(error.body));
  if (!setsCaching(error.headers)) res.setHeader('cache-control', 'no-store');
  for (const [name, value] of Object.entries(error.headers))
    res.setHeader(
      name,
      name.toLowerCase() === 'vary'
        ? mergeVary(res.getHeader(name), value)
        : value,
    );
  res.end(error.body);
}

/**
 * @internal Answers on a bare socket, for requests Node's HTTP parser
 * rejected (there is no request or response object): the same envelope,
 * then the connection is closed, as the parser's state is unknown.
 */
export function writeSocketResponse(
  socket: Socket,
  error: ErrorResponse,
): void {
  const headers: Record<string, string> = {
    'content-type': error.contentType,
    'content-length': String(Buffer.byteLength(error.body)),
    'cache-control': 'no-store',
    connection: 'close',
    ...error.headers,
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\n${head}\r\n${error.body}`,
  );
}
