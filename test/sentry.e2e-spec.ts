import type { INestApplication } from '@nestjs/common';
import * as Sentry from '@sentry/nestjs';

import { sentryReporter } from '../src';
import {
  initSentryInMemory,
  sentryAppModule,
} from './fixtures/sentry.fixtures';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

type SentryEvent = {
  tags?: Record<string, string>;
  level?: string;
  extra?: Record<string, unknown>;
  exception?: { values?: Array<{ type?: string; value?: string }> };
};

const events: SentryEvent[] = [];

beforeAll(() =>
  initSentryInMemory((envelope) => {
    const [, items] = envelope as [unknown, Array<[{ type: string }, unknown]>];
    for (const [header, payload] of items)
      if (header.type === 'event') events.push(payload as SentryEvent);
  }),
);
afterAll(() => Sentry.close());

async function captured(count: number): Promise<SentryEvent[]> {
  await Sentry.flush(1000);
  for (let i = 0; i < 100 && events.length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Sentry.flush(1000);
  }
  return events;
}

describe.each(platforms)('Sentry (%p)', (Adapter) => {
  let app: INestApplication;

  beforeEach(async () => {
    events.length = 0;
    app = await createApp(sentryAppModule(Sentry), Adapter);
  });
  afterEach(() => app.close());

  it('captures an unexpected error with the request id as a tag; the envelope stays ours', async () => {
    const res = await http(app).get('/obs/boom?secret=1');
    expectEnvelope(res, {
      status: 500,
      code: 'internal_error',
      message:
        'An unexpected error occurred. Retry later, or contact support with the request id.',
    });
    const [event, ...more] = await captured(1);
    expect(more).toEqual([]);
    expect(event.level).toBe('error');
    expect(event.tags).toEqual(
      expect.objectContaining({
        request_id: res.body.request_id,
        'error.code': 'internal_error',
        'http.status_code': '500',
      }),
    );
    expect(event.extra).toEqual(
      expect.objectContaining({ method: 'GET', path: '/obs/boom' }),
    );
    expect(event.exception?.values?.[0]).toEqual(
      expect.objectContaining({
        type: 'TypeError',
        value: "Cannot read properties of undefined (reading 'id')",
      }),
    );
  });

  it('captures a mapped 5xx (an HttpException Sentry would skip) with the domain error', async () => {
    const res = await http(app).get('/obs/mapped');
    expect(res.status).toBe(503);
    const [event] = await captured(1);
    expect(event.tags?.request_id).toBe(res.body.request_id);
    expect(event.tags?.['error.code']).toBe('payments_unavailable');
    expect(event.exception?.values?.[0].type).toBe('PaymentGatewayDownError');
  });

  it('does not capture 4xx answers or successes', async () => {
    await http(app).get('/obs/not-found').expect(404);
    await http(app).get('/obs/ok').expect(200);
    await http(app).get('/obs/boom').expect(500);
    const sent = await captured(1);
    expect(sent.map((e) => e.tags?.['http.status_code'])).toEqual(['500']);
  });
});

describe('sentryReporter options', () => {
  it('sends what `filter` selects', async () => {
    const captureException = jest.fn(() => 'id');
    const report = sentryReporter(
      { captureException },
      { filter: ({ error }) => error.status === 429 },
    );
    const base = { requestId: 'r', method: 'GET', path: '/', exception: 1 };
    const error = { code: 'c', message: 'm', unexpected: false };
    report({ ...base, error: { ...error, status: 500 } });
    report({ ...base, error: { ...error, status: 429 } });
    expect(captureException).toHaveBeenCalledTimes(1);
    expect(captureException).toHaveBeenCalledWith(1, {
      level: 'error',
      tags: { request_id: 'r', 'error.code': 'c', 'http.status_code': '429' },
      extra: { method: 'GET', path: '/' },
    });
  });
});
