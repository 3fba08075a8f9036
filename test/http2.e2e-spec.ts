import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { connect } from 'node:http2';
import type { ClientHttp2Session, OutgoingHttpHeaders } from 'node:http2';
import type { Response } from 'supertest';

import { AppModule } from './fixtures/app.module';
import { CaptureLogger } from './utils/capture-logger';
import { expectEnvelope } from './utils/expect-envelope';

const UUID = '0d6cbb2e-8c8f-4d55-9d2b-4a1f0d5e7c11';

interface H2Response {
  status: number;
  headers: Record<string, unknown>;
  body: Record<string, unknown> | undefined;
}

/** An HTTP/2 response as the envelope assertions read one (status, headers, parsed body). */
const asResponse = (res: H2Response) => res as unknown as Response;

/** Sends one request on `session` (the body, when given, in one DATA frame; `stalled`: never ended) and reads its response. */
function request(
  session: ClientHttp2Session,
  headers: OutgoingHttpHeaders,
  body?: string,
  stalled = false,
): Promise<H2Response> {
  return new Promise((resolve, reject) => {
    const stream = session.request(headers, {
      endStream: body === undefined,
    });
    let status = 0;
    let responseHeaders: Record<string, unknown> = {};
    const chunks: Buffer[] = [];
    stream.on('response', (received) => {
      status = Number(received[':status']);
      responseHeaders = received;
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      resolve({
        status,
        headers: responseHeaders,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      });
    });
    stream.on('error', reject);
    if (body === undefined) return;
    if (stalled) stream.write(body);
    else stream.end(body);
  });
}

/**
 * Fastify over HTTP/2 (h2c), where a request body needs no
 * `Content-Length`: the HEADERS frame says whether DATA follows.
 * (Express has no HTTP/2 server.)
 */
describe('Fastify over HTTP/2', () => {
  let app: INestApplication;
  let session: ClientHttp2Session;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.withOptions()],
    }).compile();
    app = moduleRef.createNestApplication(
      new FastifyAdapter({ http2: true } as never) as never,
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    session = connect(await app.getUrl());
  });
  afterAll(async () => {
    session.close();
    await app.close();
  });

  const send = (headers: OutgoingHttpHeaders, body?: string) =>
    request(session, headers, body);

  const post = (path: string, body: string) =>
    send(
      {
        ':method': 'POST',
        ':path': path,
        'content-type': 'application/json',
        'x-request-id': 'h2-request',
      },
      body,
    );

  it('reads a JSON body sent without Content-Length', async () => {
    const res = await post(
      `/validation/teams/${UUID}/members`,
      JSON.stringify({ email: 'a@b.io', role: 'admin' }),
    );
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe('h2-request');
    expect(res.body).toEqual({ id: UUID, email: 'a@b.io', role: 'admin' });
  });

  it('validates that body: a 422 for its fields, a 400 when it is not JSON', async () => {
    const invalid = await post(
      `/validation/teams/${UUID}/members`,
      JSON.stringify({ email: 'x', role: 'admin' }),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({
      request_id: 'h2-request',
      error: { errors: { email: ['email must be an email'] } },
    });
    const malformed = await post(`/validation/teams/${UUID}/members`, '{"a":');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      request_id: 'h2-request',
      error: { code: 'bad_request' },
    });
  });

  it('answers CONNECT with the 501 envelope on the stream', async () => {
    const res = await send({
      ':method': 'CONNECT',
      ':authority': 'example.com:443',
    });
    expect(res.status).toBe(501);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBe(res.body?.request_id);
    expect(res.body).toEqual({
      request_id: expect.any(String),
      error: {
        status: 'Not Implemented',
        code: 'not_implemented',
        message: 'This server does not serve CONNECT requests.',
        docs: expect.any(String),
      },
    });
  });
  it('answers a path of 20,000 characters with the 404 envelope, its path cut in the message', async () => {
    const path = `/nest/${'a'.repeat(20_000)}`;
    const res = await send({
      ':method': 'GET',
      ':path': path,
      'x-request-id': 'h2-long-path',
    });
    expectEnvelope(asResponse(res), {
      status: 404,
      code: 'not_found',
      message: `Cannot GET ${path.slice(0, 256)}…`,
    });
    expect(res.headers['x-request-id']).toBe('h2-long-path');
  });

  it("refuses a stream whose headers exceed the session's header list limit, the session still serving", async () => {
    // nghttp2 refuses it before the server sees a request: no response can carry an envelope.
    const refused = send({
      ':method': 'GET',
      ':path': `/${'a'.repeat(70_000)}`,
    });
    await expect(refused).rejects.toThrow('NGHTTP2_REFUSED_STREAM');
    const res = await send({ ':method': 'GET', ':path': '/ok' });
    expect(res.status).toBe(200);
  });
});

describe('Fastify over HTTP/2: a body that stalls', () => {
  let app: INestApplication;
  let logger: CaptureLogger;

  beforeAll(async () => {
    logger = new CaptureLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.withOptions()],
    }).compile();
    // Fastify closes a session idle this long (72 s by default).
    app = moduleRef.createNestApplication(
      new FastifyAdapter({
        http2: true,
        http2SessionTimeout: 300,
      } as never) as never,
      { logger },
    );
    await app.listen(0, '127.0.0.1');
  });
  afterAll(() => app.close());

  it('answers the 408 envelope under the request id when the session times out, and the session then closes', async () => {
    const session = connect(await app.getUrl());
    const closed = new Promise<void>((resolve) => session.on('close', resolve));
    const res = await request(
      session,
      {
        ':method': 'POST',
        ':path': `/validation/teams/${UUID}/members`,
        'content-type': 'application/json',
        'x-request-id': 'h2-stalled',
      },
      '{"email":',
      true,
    );
    expectEnvelope(asResponse(res), {
      status: 408,
      code: 'request_timeout',
      message: 'The server timed out waiting for the request.',
    });
    expect(res.headers['x-request-id']).toBe('h2-stalled');
    expect(res.headers['cache-control']).toBe('no-store');
    await closed;
    // A client's stall is not the server's failure.
    expect(logger.errors()).toEqual([]);
  }, 5000);

  it('leaves a request whose body arrived whole to its handler', async () => {
    const session = connect(await app.getUrl());
    const res = await request(
      session,
      {
        ':method': 'POST',
        ':path': `/validation/teams/${UUID}/members`,
        'content-type': 'application/json',
      },
      JSON.stringify({ email: 'a@b.io', role: 'admin' }),
    );
    expect(res.status).toBe(201);
    session.close();
  });
});
