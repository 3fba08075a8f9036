import { PassThrough } from 'node:stream';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

import { hasBody } from './raw-request.util';
import type { BodyFraming } from './raw-request.util';

type Headers = Record<string, string | string[] | undefined>;
type Done = (error?: unknown, payload?: Readable) => void;

const JSON_TYPE = /^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * @internal A JSON content type with no body at all: Express's body parser
 * reads it as no body, Fastify would refuse it (`FST_ERR_CTP_EMPTY_JSON_BODY`).
 */
export function isEmptyJsonBody(request: BodyFraming): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && JSON_TYPE.test(type) && !hasBody(request);
}

/**
 * @internal A JSON body in a charset other than UTF-8: Express's parser
 * refuses unknown charsets with a 415, so Fastify does too (Fastify reads
 * every JSON body as UTF-8, whatever its label says).
 */
export function jsonCharsetError(headers: Headers): Error | undefined {
  const type = headers['content-type'];
  if (typeof type !== 'string' || !JSON_TYPE.test(type)) return undefined;
  const charset = CHARSET.exec(type)?.[1];
  if (charset === undefined) return undefined;
  return charset.replace(/^"|"$/g, '').toLowerCase() === 'utf-8'
    ? undefined
    : bodyError(415, 'charset.unsupported');
}

const CHARSET = /;\s*charset\s*=\s*("[^"]*"|[^;\s]*)/i;

/**
 * @internal A JSON body that parsed to `null`, a string, a number or a
 * boolean: Express's body parser is strict and refuses those, so Fastify
 * does too.
 */
export function isJsonPrimitiveBody(request: {
  body?: unknown;
  headers: Headers;
}): boolean {
  const { body } = request;
  if (typeof body === 'object' && body !== null) return false;
  const type = request.headers['content-type'];
  return typeof type === 'string' && JSON_TYPE.test(type);
}

/**
 * @internal Decodes `Content-Encoding: gzip | deflate | br` bodies, as
 * Express's body parser does; any other encoding is a 415. The decoded
 * stream reports the bytes received on the wire (`receivedEncodedLength`),
 * so Fastify checks `Content-Length` against them and the body limit
 * against both (no zip bombs). A body that does not decode is a 400.
 */
export function decodeBody(
  request: BodyFraming,
  payload: Readable,
  done: Done,
): void {
  const raw = request.headers['content-encoding'];
  if (raw === undefined || !hasBody(request)) return done(null, payload);
  const encoding = String(raw).trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return done(null, payload);
  const createDecoder = DECODERS[encoding];
  if (!createDecoder) return done(bodyError(415, 'encoding.unsupported'));
  const decoder = createDecoder();
  const decoded = Object.assign(new PassThrough(), {
    receivedEncodedLength: 0,
  });
  payload.on('data', (chunk: Buffer) => {
    decoded.receivedEncodedLength += chunk.length;
  });
  // Fastify stops listening once it answered (e.g. a 415 before reading the
  // body): a later decoding failure must not become an unhandled 'error'.
  decoded.on('error', ignore);
  payload.on('error', (error) => decoded.destroy(error));
  decoder.on('error', () =>
    decoded.destroy(bodyError(400, 'encoding.invalid')),
  );
  payload.pipe(decoder).pipe(decoded);
  done(null, decoded);
}

function ignore(): void {}

function bodyError(status: number, type: string): Error {
  return Object.assign(new Error(`request body ${type}`), {
    statusCode: status,
    status,
    type,
    expose: false,
  });
}
