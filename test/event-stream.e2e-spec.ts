import { STATUS_CODES } from 'node:http';

import type { INestApplication } from '@nestjs/common';
import type { Response } from 'supertest';

import type { ErrorReport } from '../src';
import { EventStreamModule } from './fixtures/event-stream.controller';
import { CaptureLogger } from './utils/capture-logger';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { FORMAT_CASES } from './utils/format-cases';
import { platforms } from './utils/platforms';

const INTERNAL = {
  status: 500,
  code: 'internal_error',
  message:
    'An unexpected error occurred. Retry later, or contact support with the request id.',
};
const PROJECT_NOT_FOUND = {
  status: 404,
  code: 'project_not_found',
  message: 'The project does not exist.',
};

/** An event stream's raw text, read to its end. */
function readStream(app: INestApplication, path: string): Promise<Response> {
  return http(app)
    .get(path)
    .buffer(true)
    .parse((res, callback) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => callback(null, text));
    });
}

/** The stream Nest writes for `firstData`, then the error event carrying `error`'s envelope. */
function streamText(
  requestId: string,
  firstData: string,
  error: { status: number; code: string; message: string },
  docsBaseUrl = '/docs/errors',
): string {
  const envelope = JSON.stringify({
    request_id: requestId,
    error: {
      status: STATUS_CODES[error.status],
      code: error.code,
      message: error.message,
      docs: `${docsBaseUrl}/${error.status}/${error.code}`,
    },
  });
  return `\nid: 1\ndata: ${firstData}\n\nevent: error\nid: 2\ndata: ${envelope}\n\n`;
}

describe.each(platforms)('server-sent events (%p)', (Adapter) => {
  let app: INestApplication;
  let logger: CaptureLogger;
  let reports: ErrorReport[];

  beforeEach(async () => {
    logger = new CaptureLogger();
    reports = [];
    app = await createApp(
      EventStreamModule.withOptions({
        reporters: [(report) => void reports.push(report)],
      }),
      Adapter,
      { logger },
    );
  });
  afterEach(() => app.close());

  it.each([
    ['an unexpected error, without its message', 'fails-late', INTERNAL],
    ['a catalog error', 'catalog-late', PROJECT_NOT_FOUND],
    [
      'a Nest HttpException, with its message',
      'http-late',
      { status: 404, code: 'not_found', message: 'No such feed' },
    ],
    [
      'a domain error the handler maps (@MapException)',
      'mapped-late',
      { status: 429, code: 'rate_limited', message: 'Slow down.' },
    ],
    [
      'a 403 the handler conceals (@ForbiddenAsNotFound)',
      'concealed-late',
      PROJECT_NOT_FOUND,
    ],
  ])(
    'ends a started stream with an error event carrying the envelope: %s',
    async (_label, path, error) => {
      const res = await readStream(app, `/events/${path}`);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream');
      const requestId = res.headers['x-request-id'];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).toBe(streamText(requestId, '{"n":1}', error));
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({
        requestId,
        method: 'GET',
        path: `/events/${path}`,
        error: { status: error.status, code: error.code },
      });
    },
  );

  it('logs an unexpected failure once, with the request id, and Nest logs nothing', async () => {
    const res = await readStream(app, '/events/fails-late');

    const requestId = res.headers['x-request-id'];
    expect(res.body).not.toContain('hunter2');
    const errors = logger.errors();
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(
      `GET /events/fails-late failed (request_id ${requestId}): connect ECONNREFUSED 10.0.0.7:5432 (user=ledger password=hunter2)`,
    );
    expect(errors[0].params[0]).toEqual({
      request_id: requestId,
      method: 'GET',
      path: '/events/fails-late',
    });
  });

  it('keeps the id the stream saw in its async context', async () => {
    const res = await readStream(app, '/events/context');

    const requestId = res.headers['x-request-id'];
    expect(res.body).toBe(
      streamText(requestId, JSON.stringify({ requestId }), INTERNAL),
    );
  });

  it('answers a stream that fails before it starts with the error response', async () => {
    const res = await http(app).get('/events/fails-early');

    expectEnvelope(res, PROJECT_NOT_FOUND);
    expect(reports).toHaveLength(1);
  });

  it('leaves a stream that completes as Nest writes it', async () => {
    const res = await readStream(app, '/events/completes');

    expect(res.status).toBe(200);
    expect(res.body).toBe('\nid: 1\ndata: a\n\nid: 2\ndata: b\n\n');
    expect(reports).toHaveLength(0);
    expect(logger.errors()).toHaveLength(0);
  });

  it('gives each of two running apps its own envelope (the controller class is shared)', async () => {
    const other = await createApp(
      EventStreamModule.withOptions({
        docsBaseUrl: 'https://other.example.com/errors',
      }),
      Adapter,
    );
    try {
      const mine = await readStream(app, '/events/catalog-late');
      const theirs = await readStream(other, '/events/catalog-late');

      expect(mine.body).toBe(
        streamText(mine.headers['x-request-id'], '{"n":1}', PROJECT_NOT_FOUND),
      );
      expect(theirs.body).toBe(
        streamText(
          theirs.headers['x-request-id'],
          '{"n":1}',
          PROJECT_NOT_FOUND,
          'https://other.example.com/errors',
        ),
      );
      expect(reports).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe.each(platforms)(
  'server-sent events in each wire format (%p)',
  (Adapter) => {
    it.each(FORMAT_CASES.map((c) => [c.name, c] as const))(
      'sends the %s body as the error event',
      async (_name, formatCase) => {
        const docsBaseUrl = 'https://api.example.com/docs/errors';
        const app = await createApp(
          EventStreamModule.withOptions({
            format: formatCase.format,
            docsBaseUrl,
          }),
          Adapter,
        );
        try {
          const res = await readStream(app, '/events/catalog-late');

          const requestId = res.headers['x-request-id'];
          const prefix =
            '\nid: 1\ndata: {"n":1}\n\nevent: error\nid: 2\ndata: ';
          expect(res.body.startsWith(prefix)).toBe(true);
          expect(res.body.endsWith('\n\n')).toBe(true);
          const data = (res.body as string).slice(prefix.length, -2);
          expect(data).not.toContain('\n');
          expect(JSON.parse(data)).toStrictEqual(
            formatCase.body(PROJECT_NOT_FOUND, {
              requestId,
              path: '/events/catalog-late',
              docsBaseUrl,
            }),
          );
        } finally {
          await app.close();
        }
      },
    );

    it('sends a custom format whose body spans several lines as one event', async () => {
      // A format that returns text with line breaks: SSE carries each line as
      // its own `data:` field, and a client joins them with "\n".
      const app = await createApp(
        EventStreamModule.withOptions({
          format: {
            contentType: 'text/plain; charset=utf-8',
            render: (error, context) =>
              `${error.code}\r\n${error.message}\n${context.requestId}`,
          },
        }),
        Adapter,
      );
      try {
        const res = await readStream(app, '/events/catalog-late');

        const requestId = res.headers['x-request-id'];
        expect(res.body).toBe(
          '\nid: 1\ndata: {"n":1}\n\nevent: error\nid: 2\n' +
            `data: project_not_found\ndata: The project does not exist.\ndata: ${requestId}\n\n`,
        );
      } finally {
        await app.close();
      }
    });
  },
);
