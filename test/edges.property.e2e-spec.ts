import { gzipSync } from 'node:zlib';

import { Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';

import { ErrorsModule } from '../src';
import { rawPost } from './fixtures/edge-cases';
import { EdgesController } from './fixtures/edges.controller';
import { createApp } from './utils/create-app';
import { platforms } from './utils/platforms';
import { listen, rawRequest } from './utils/raw-http';
import type { RawResponse } from './utils/raw-http';

@Module({
  imports: [ErrorsModule.forRoot()],
  controllers: [EdgesController],
})
class EdgesModule {}

/** Marks every message a test throws: it must never reach a 5xx body. */
const SECRET = 'SECRET-7f3a';

const paths = fc.oneof(
  fc.constantFrom(
    '/edges/dto',
    '/edges/raw',
    '/edges/throw',
    '/edges/params/x',
    '/edges/items/12',
    '/nope',
  ),
  fc
    .array(
      fc.oneof(
        fc.stringMatching(/^[a-z0-9%.~_-]{0,12}$/),
        fc.constantFrom('%', '%E0%A4%A', '%zz', '..', '%00', 'a'.repeat(120)),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((segments) => `/${segments.join('/')}`),
);
const query = fc.option(fc.stringMatching(/^[a-z0-9=&%<>]{0,30}$/), {
  nil: undefined,
});
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/problem+json',
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
    ),
    fc.stringMatching(/^[ -~]{0,40}$/),
  ),
  { nil: undefined },
);
const encoding = fc.option(
  fc.oneof(
    fc.constantFrom('gzip', 'deflate', 'br', 'identity'),
    fc.stringMatching(/^[a-z-]{1,10}$/),
  ),
  { nil: undefined },
);
const thrown = fc.oneof(
  fc.record({
    kind: fc.constant('http'),
    status: fc.integer({ min: 100, max: 599 }),
    // An HttpException's message is the app's own words, shown even for a 5xx.
    value: fc.constant('shown on purpose'),
  }),
  fc.record({
    kind: fc.constant('error'),
    value: fc.constant(`${SECRET} error`),
  }),
  fc.record({
    kind: fc.constant('value'),
    value: fc.oneof(fc.jsonValue(), fc.constant(`${SECRET} string`)),
  }),
);
const body = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  thrown.map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
);
const requestId = fc.option(fc.stringMatching(/^[!-~ \t]{0,140}$/), {
  nil: undefined,
});

const request = fc.record({
  path: paths,
  query,
  contentType,
  encoding,
  gzip: fc.boolean(),
  body,
  requestId,
});

type Arbitrary = typeof request extends fc.Arbitrary<infer T> ? T : never;

function build(input: Arbitrary): Buffer {
  const headers: Record<string, string> = {};
  if (input.contentType !== undefined)
    headers['content-type'] = input.contentType;
  if (input.encoding !== undefined)
    headers['content-encoding'] = input.encoding;
  if (input.requestId !== undefined) headers['x-request-id'] = input.requestId;
  const payload =
    input.gzip && input.encoding === 'gzip' ? gzipSync(input.body) : input.body;
  const path =
    input.query === undefined ? input.path : `${input.path}?${input.query}`;
  return rawPost(path, headers, payload);
}

function expectInvariants(res: RawResponse | undefined): void {
  expect(res).toBeDefined();
  const { status, headers, body, json } = res!;
  expect(headers['x-request-id']).toBeTruthy();
  if (status < 400) {
    expect(status).toBeGreaterThanOrEqual(200);
    return;
  }
  expect(status).toBeLessThan(600);
  expect(headers['content-type']).toBe('application/json; charset=utf-8');
  const envelope = json as {
    request_id: string;
    error: { status: string; code: unknown; message: string; docs: string };
  };
  expect(envelope.request_id).toBe(headers['x-request-id']);
  expect(typeof envelope.error.status).toBe('string');
  expect(['string', 'number']).toContain(typeof envelope.error.code);
  expect(envelope.error.message.length).toBeGreaterThan(0);
  expect(envelope.error.docs).toMatch(/^\/docs\/errors\/\d{3}\//);
  expect(body).not.toMatch(
    /\n\s+at |node_modules|\/work\/|FST_ERR|statusCode|HttpException|TypeError|SyntaxError/,
  );
  if (status >= 500) expect(body).not.toContain(SECRET);
}

describe.each(platforms)('edges, property-based (%p)', (Adapter) => {
  let app: INestApplication;
  let port: number;

  beforeAll(async () => {
    app = await createApp(EdgesModule, Adapter);
    port = await listen(app);
  });
  afterAll(() => app.close());

  it('answers every request with a success or an envelope, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        expectInvariants(await rawRequest(port, build(input)));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
    const next = await rawRequest(
      port,
      'GET /edges/params/ok HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n',
    );
    expect(next?.status).toBe(200);
  }, 120_000);
});
