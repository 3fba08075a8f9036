import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

import type { INestApplication } from '@nestjs/common';

/** A response read off a socket, byte for byte. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, or undefined. */
  json: unknown;
}

/** Starts the app on an ephemeral loopback port and returns the port. */
export async function listen(app: INestApplication): Promise<number> {
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

/**
 * Sends `payload` as is on a new connection (no client library, so requests
 * a client would refuse to send go out unchanged) and reads one response.
 * `abortAfterMs` closes the connection without reading (a client that gives
 * up mid-request).
 */
export function rawRequest(
  port: number,
  payload: string | Buffer,
  options: { timeoutMs?: number; abortAfterMs?: number } = {},
): Promise<RawResponse | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 3000);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (complete(Buffer.concat(chunks))) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? finish() : reject(error),
    );
    socket.write(payload);
    if (options.abortAfterMs !== undefined)
      setTimeout(() => {
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        resolve(undefined);
      }, options.abortAfterMs);
  });
}

/**
 * Sends `payload` on a new connection (a list: its parts 100 ms apart) and
 * reads every response until the server closes it (pipelined requests): the
 * responses in order, every byte read, and whether the connection closed
 * before `timeoutMs`.
 */
export function rawExchange(
  port: number,
  payload: string | Buffer | ReadonlyArray<string | Buffer>,
  timeoutMs = 5000,
): Promise<{ responses: RawResponse[]; closed: boolean; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const bytes = Buffer.concat(chunks);
      resolve({ responses: parseAll(bytes), closed, bytes });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    const parts = Array.isArray(payload) ? payload : [payload];
    parts.forEach((part, index) =>
      setTimeout(() => socket.writable && socket.write(part), index * 100),
    );
  });
}

/** Responses with a `Content-Length`, back to back; what follows the last whole one is dropped. */
function parseAll(data: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = data;
  while (complete(rest)) {
    const end = rest.indexOf('\r\n\r\n') + 4;
    const length = Number(contentLength(rest.subarray(0, end)));
    responses.push(parse(rest.subarray(0, end + length))!);
    rest = rest.subarray(end + length);
  }
  return responses;
}

function contentLength(head: Buffer): string | undefined {
  return /\r\ncontent-length: *(\d+)/i.exec(head.toString('latin1'))?.[1];
}

function complete(data: Buffer): boolean {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return false;
  const length = contentLength(data.subarray(0, end));
  return length !== undefined && data.length - end - 4 >= Number(length);
}

function parse(data: Buffer): RawResponse | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = data
    .subarray(0, end)
    .toString('latin1')
    .split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line
      .slice(colon + 1)
      .trim();
  }
  const body = data.subarray(end + 4).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body, json };
}
