import { BadRequestException } from '@nestjs/common';
import type { Server } from 'node:http';

import type { RawRequest } from './platform.interface';

type HostCheckingServer = Server & { requireHostHeader?: boolean };

/**
 * @internal Node answers an HTTP/1.1 request without a `Host` header with an
 * empty 400 of its own (RFC 9112, section 3.2), before any framework sees it.
 * This takes that check over from the server, so the request reaches the
 * module's request hook, which answers the same 400 as an envelope. Returns
 * false, and changes nothing, when the app turned the check off itself
 * (`requireHostHeader: false`) or there is no Node server.
 */
export function takeOverHostCheck(server: Server | undefined): boolean {
  const checking = server as HostCheckingServer | undefined;
  if (checking?.requireHostHeader !== true) return false;
  checking.requireHostHeader = false;
  return true;
}

/** @internal An HTTP/1.1 request with no `Host` header: Node's rule, kept. */
export function lacksHost(raw: RawRequest): boolean {
  return (
    raw.headers.host === undefined &&
    raw.httpVersionMajor === 1 &&
    raw.httpVersionMinor === 1
  );
}

/**
 * @internal The 400 for a request without `Host`. Its connection is closed
 * after the answer, as Node's own answer does.
 */
export function missingHostException(): BadRequestException {
  return new BadRequestException(MISSING_HOST_MESSAGE);
}

/** @internal */
export const MISSING_HOST_MESSAGE =
  'The request has no Host header, which HTTP/1.1 requires.';
