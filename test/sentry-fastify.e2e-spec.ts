import { channel, unsubscribe } from 'node:diagnostics_channel';

import type { INestApplication } from '@nestjs/common';
import * as Sentry from '@sentry/nestjs';

import {
  initSentryInMemory,
  sentryAppModule,
} from './fixtures/sentry.fixtures';
import { createApp, http } from './utils/create-app';
import { BUILT_IN_ERRORS, expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

/**
 * Sentry's Fastify integration (on by default in apps) wraps the hooks of
 * the not-found handler. Its own file: the integration subscribes to
 * Fastify's diagnostics channels (its creation, its request errors) for the
 * whole process, so those subscriptions are taken back after this file,
 * before other suites in the worker create apps and answer errors.
 */
const FASTIFY_CHANNELS = [
  'fastify.initialization',
  ...['start', 'end', 'asyncStart', 'asyncEnd', 'error'].map(
    (event) => `tracing:fastify.request.handler:${event}`,
  ),
];
type Subscriber = (message: unknown, name: string | symbol) => void;
const subscribers = (name: string) => [
  ...((channel(name) as unknown as { _subscribers?: Subscriber[] })
    ._subscribers ?? []),
];

const sent: unknown[] = [];
let before = new Map<string, Set<Subscriber>>();

beforeAll(() => {
  before = new Map(FASTIFY_CHANNELS.map((n) => [n, new Set(subscribers(n))]));
  initSentryInMemory(
    (envelope) => sent.push(envelope),
    [Sentry.fastifyIntegration()],
  );
});
afterAll(async () => {
  await Sentry.close();
  for (const [name, kept] of before) {
    for (const subscriber of subscribers(name)) {
      if (!kept.has(subscriber)) unsubscribe(name, subscriber);
    }
  }
});

describe.each(platforms)(
  "with Sentry's Fastify integration (%p)",
  (Adapter) => {
    let app: INestApplication;

    beforeEach(async () => {
      sent.length = 0;
      app = await createApp(sentryAppModule(Sentry), Adapter);
    });
    afterEach(() => app.close());

    it('answers an unknown route with the 404 envelope, and reports nothing', async () => {
      const res = await http(app).post('/nope').send({ a: 1 });
      expectEnvelope(res, {
        ...BUILT_IN_ERRORS.NotFound,
        message: 'Cannot POST /nope',
      });
      await Sentry.flush(500);
      expect(sent).toEqual([]);
    });

    it('answers a known path under another method with the 405 envelope', async () => {
      const res = await http(app).delete('/obs/ok');
      expect(res.status).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
      expect(res.body.error.code).toBe(BUILT_IN_ERRORS.MethodNotAllowed.code);
    });
  },
);
