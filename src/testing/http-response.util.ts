/**
 * A fetch `Response` with the body already read: `{ response, body: await response.json() }`.
 * @publicApi
 */
export interface FetchResponseWithBody {
  response: {
    status: number;
    headers: {
      get(name: string): string | null;
      forEach(cb: (value: string, key: string) => void): void;
    };
  };
  body: unknown;
}

/**
 * What the assertions accept, without casts: a supertest response, a Fastify
 * (light-my-request) `inject` response, a pactum response (an
 * `IncomingMessage` with its `body`, whose `statusCode` Node types as
 * optional), a fetch `Response` with its parsed body, or any object with a
 * status, headers and a body.
 * @publicApi
 */
export type HttpResponseLike =
  | { status: number; headers: object; body?: unknown; text?: string }
  | { statusCode?: number; headers: object; body?: unknown; payload?: string }
  | FetchResponseWithBody;

/** @internal The parts of a response the assertions look at. */
export interface NormalizedHttpResponse {
  status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON text; otherwise the body as given. */
  body: unknown;
}

/** @internal Thrown for a value that is not a response at all. */
export class NotAResponseError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'NotAResponseError';
  }
}

/** @internal Reads a supertest, inject, fetch or plain response. */
export function normalizeHttpResponse(res: unknown): NormalizedHttpResponse {
  if (typeof res !== 'object' || res === null) {
    throw new NotAResponseError(
      `Expected an HTTP response, received ${describe(res)}.`,
    );
  }
  if (isFetchWithBody(res)) {
    return {
      status: res.response.status,
      headers: fromHeaders(res.response.headers),
      body: res.body,
    };
  }
  if (isFetchResponse(res)) {
    throw new NotAResponseError(
      'Received a fetch Response without its body. Read it first and pass both: ' +
        '{ response, body: await response.json() }.',
    );
  }
  const r = res as Record<string, unknown>;
  const status = typeof r.statusCode === 'number' ? r.statusCode : r.status;
  if (
    typeof status !== 'number' ||
    typeof r.headers !== 'object' ||
    r.headers === null
  ) {
    throw new NotAResponseError(
      `Expected an HTTP response (supertest, Fastify inject, or { response, body } from fetch), received ${describe(res)}.`,
    );
  }
  return {
    status,
    headers: fromObject(r.headers as Record<string, unknown>),
    body: readBody(r),
  };
}

function readBody(r: Record<string, unknown>): unknown {
  const { body } = r;
  // supertest leaves `body` as {} when the content type is not JSON; the text still tells the truth.
  const emptyObject =
    typeof body === 'object' &&
    body !== null &&
    !Buffer.isBuffer(body) &&
    Object.keys(body).length === 0;
  if (
    (body === undefined || emptyObject) &&
    typeof r.text === 'string' &&
    r.text !== ''
  )
    return parseJson(r.text);
  if (body === undefined && typeof r.payload === 'string')
    return parseJson(r.payload);
  if (typeof body === 'string') return parseJson(body);
  if (Buffer.isBuffer(body)) return parseJson(body.toString('utf8'));
  return body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isFetchWithBody(res: object): res is FetchResponseWithBody {
  const response = (res as { response?: unknown }).response;
  return (
    'body' in res &&
    typeof response === 'object' &&
    response !== null &&
    isFetchResponse(response)
  );
}

function isFetchResponse(
  value: object,
): value is FetchResponseWithBody['response'] {
  const headers = (value as { headers?: { get?: unknown; forEach?: unknown } })
    .headers;
  return (
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof headers?.get === 'function' &&
    typeof headers.forEach === 'function'
  );
}

function fromHeaders(
  headers: FetchResponseWithBody['response']['headers'],
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

function fromObject(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[key.toLowerCase()] = Array.isArray(value)
      ? value.join(', ')
      : String(value);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object')
    return `${typeof value} ${JSON.stringify(value)}`;
  return `an object with keys [${Object.keys(value).join(', ')}]`;
}
