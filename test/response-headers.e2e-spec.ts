import type { INestApplication } from '@nestjs/common';
import { Controller, Get, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Throttle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';

import { ErrorsModule } from '../src';
import { HeadersController } from './fixtures/semantics.controllers';
import { SemanticsErrors as E } from './fixtures/semantics.errors';
import { createApp, http } from './utils/create-app';
import { expectEnvelope } from './utils/expect-envelope';
import { platforms } from './utils/platforms';

const RATE_LIMITED = {
  status: 429,
  code: 'too_many_requests',
  message: 'Too many requests. Retry later, with exponential backoff.',
};

@Controller('limited')
class LimitedController {
  @Get()
  hit() {
    return { ok: true };
  }

  @Get('custom-message')
  @Throttle({ default: { limit: 1, ttl: 60_000 } })
  custom() {
    return { ok: true };
  }
}

function throttledModule(throttlers: ThrottlerModuleOptions) {
  @Module({
    imports: [
      ErrorsModule.forRoot({ catalog: E }),
      ThrottlerModule.forRoot(throttlers),
    ],
    controllers: [LimitedController],
    providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
  })
  class ThrottledModule {}
  return ThrottledModule;
}

describe.each(platforms)('response headers (%p)', (Adapter) => {
  describe('ApiException retryAfter and headers', () => {
    let app: INestApplication;

    beforeAll(async () => {
      @Module({
        imports: [ErrorsModule.forRoot({ catalog: E })],
        controllers: [HeadersController],
      })
      class HeadersModule {}
      app = await createApp(HeadersModule, Adapter);
    });
    afterAll(() => app.close());

    it.each([
      [
        '/headers/retry-seconds',
        '30',
        {
          status: 429,
          code: 'slow_down',
          message: 'Too many requests for this project.',
        },
      ],
      [
        '/headers/retry-fraction',
        '2',
        {
          status: 429,
          code: 'slow_down',
          message: 'Too many requests for this project.',
        },
      ],
      [
        '/headers/retry-date',
        'Wed, 02 Jan 2030 03:04:05 GMT',
        {
          status: 503,
          code: 'maintenance',
          message: 'The API is down for maintenance.',
        },
      ],
    ])('%s writes Retry-After: %s', async (path, retryAfter, expected) => {
      const res = await http(app).get(path);
      expectEnvelope(res, expected);
      expect(res.headers['retry-after']).toBe(retryAfter);
    });

    it('writes arbitrary headers such as WWW-Authenticate on a 401', async () => {
      const res = await http(app).get('/headers/www-authenticate');
      expectEnvelope(res, {
        status: 401,
        code: 2000,
        message: 'The API key provided is invalid.',
        cause: 'This key does not exist.',
      });
      expect(res.headers['www-authenticate']).toBe(
        'Bearer realm="api", error="invalid_token"',
      );
      expect(res.headers['retry-after']).toBeUndefined();
    });

    it('combines retryAfter with other headers', async () => {
      const res = await http(app).get('/headers/both');
      expectEnvelope(res, {
        status: 503,
        code: 'maintenance',
        message: 'The API is down for maintenance.',
      });
      expect(res.headers['retry-after']).toBe('120');
      expect(res.headers['x-maintenance-window']).toBe('02:00-04:00');
    });

    it.each([
      [
        '/headers/conflict',
        {
          status: 409,
          code: 'duplicate_key',
          message: 'A key with this name already exists.',
          cause: 'A key named "ci-deploy" already exists.',
        },
      ],
      [
        '/headers/request-failed',
        {
          status: 402,
          code: 'quota_exceeded',
          message: 'Your plan quota is used up.',
        },
      ],
    ])('answers catalog 409 and 402 errors: %s', async (path, expected) => {
      expectEnvelope(await http(app).post(path), expected);
    });
  });

  describe('@nestjs/throttler', () => {
    let app: INestApplication | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it('answers the default throttler’s 429 with the envelope and its Retry-After', async () => {
      app = await createApp(
        throttledModule([{ ttl: 60_000, limit: 1 }]),
        Adapter,
      );
      expect((await http(app).get('/limited')).status).toBe(200);
      const res = await http(app).get('/limited');
      expectEnvelope(res, RATE_LIMITED);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('adds a plain Retry-After for named throttlers (the longest wait)', async () => {
      app = await createApp(
        throttledModule([
          { name: 'short', ttl: 10_000, limit: 1 },
          { name: 'long', ttl: 600_000, limit: 1 },
        ]),
        Adapter,
      );
      await http(app).get('/limited');
      const res = await http(app).get('/limited');
      expectEnvelope(res, RATE_LIMITED);
      const named = Object.keys(res.headers).filter((h) =>
        h.startsWith('retry-after-'),
      );
      expect(named.length).toBeGreaterThan(0);
      const longest = Math.max(...named.map((h) => Number(res.headers[h])));
      expect(res.headers['retry-after']).toBe(String(longest));
    });

    it('keeps a throttler errorMessage as the message', async () => {
      app = await createApp(
        throttledModule({
          throttlers: [{ name: 'burst', ttl: 60_000, limit: 1 }],
          errorMessage: 'Slow down, 1 request per minute.',
        }),
        Adapter,
      );
      await http(app).get('/limited');
      const res = await http(app).get('/limited');
      expectEnvelope(res, {
        ...RATE_LIMITED,
        message: 'Slow down, 1 request per minute.',
      });
      expect(res.headers['retry-after']).toBe(res.headers['retry-after-burst']);
    });
  });
});
